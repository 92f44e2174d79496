"""The database layout, grown by numbered migrations recorded in `PRAGMA user_version`.

A database written by any earlier release is brought up to date by running the
migrations it has not seen, in order, in one transaction.  Changing the layout
means appending one function to `MIGRATIONS`; the ones already released never
change, because databases in the wild were built by them.

The file is marked as reader's with `PRAGMA application_id` (from version 2 on),
so that a database of another program is never taken for reader's; `tables` gives
the layout a version must have, to tell a table of the same name that is not
reader's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from functools import cache

Migration = Callable[[sqlite3.Connection], None]

APPLICATION_ID = 0x52656164
"""`PRAGMA application_id` of reader's database: "Read" in ASCII."""


class NewerSchemaError(Exception):
    """The database was written by a newer release; touching it could lose data."""

    def __init__(self, version: int) -> None:
        super().__init__(f"schema version {version} is newer than this release knows ({len(MIGRATIONS)})")
        self.version = version


def _version_1(connection: sqlite3.Connection) -> None:
    """Documents known by the hash of their text, bookmarks anchored by position and quote,
    a reading position per document, and the app's settings."""
    for statement in (
        """CREATE TABLE documents (
            sha256 TEXT PRIMARY KEY,
            path TEXT,
            title TEXT NOT NULL DEFAULT '',
            last_seen TEXT NOT NULL
        )""",
        "CREATE INDEX documents_by_path ON documents (path)",
        # AUTOINCREMENT: an id is never handed out twice, so undoing a removal can reuse it.
        """CREATE TABLE bookmarks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document TEXT NOT NULL REFERENCES documents (sha256),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL,
            suffix TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            block INTEGER,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            orphan INTEGER NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1)),
            CHECK (0 <= start AND start < "end")
        )""",
        "CREATE INDEX bookmarks_by_document ON bookmarks (document, start)",
        """CREATE TABLE positions (
            document TEXT PRIMARY KEY REFERENCES documents (sha256),
            "offset" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL,
            suffix TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ):
        connection.execute(statement)


def _version_2(connection: sqlite3.Connection) -> None:
    """The stored selector (quote, prefix, suffix, position) is never overwritten: the text
    it was taken from (`origin`) and its position there are kept, and `start`, `"end"` and
    `block` are where the passage is now, `changed` set when it was not found verbatim.
    The file is marked as reader's."""
    for statement in (
        "ALTER TABLE bookmarks ADD COLUMN origin TEXT",
        "ALTER TABLE bookmarks ADD COLUMN origin_start INTEGER",
        "ALTER TABLE bookmarks ADD COLUMN origin_end INTEGER",
        "ALTER TABLE bookmarks ADD COLUMN changed INTEGER NOT NULL DEFAULT 0 CHECK (changed IN (0, 1))",
        # Version 1 rewrote the selector on every re-anchoring: the last one is all there is.
        'UPDATE bookmarks SET origin = document, origin_start = start, origin_end = "end"',
        f"PRAGMA application_id = {APPLICATION_ID}",
    ):
        connection.execute(statement)


def _version_3(connection: sqlite3.Connection) -> None:
    """The reading cursor is kept with the position (as the offset of its paragraph's start),
    so that a resumed reader finds the cursor where they left it, not only the top line."""
    connection.execute('ALTER TABLE positions ADD COLUMN "cursor" INTEGER')


def _version_4(connection: sqlite3.Connection) -> None:
    """The library: what a document is (author, length in characters, size of its file in
    bytes, to find a moved file again without hashing every file it might be), whether the
    reader forgot it, the furthest point read (what a spoiler-free glossary shows), and the
    time spent reading it (the reader's own speed).  Rows already there keep everything;
    the furthest point starts at the saved position, the rest is filled in at next open."""
    for statement in (
        "ALTER TABLE documents ADD COLUMN author TEXT",
        "ALTER TABLE documents ADD COLUMN length INTEGER",
        "ALTER TABLE documents ADD COLUMN size INTEGER",
        "ALTER TABLE documents ADD COLUMN forgotten INTEGER NOT NULL DEFAULT 0 CHECK (forgotten IN (0, 1))",
        "ALTER TABLE documents ADD COLUMN furthest INTEGER NOT NULL DEFAULT 0 CHECK (furthest >= 0)",
        """UPDATE documents SET furthest = COALESCE(
            (SELECT MAX(p."offset", 0) FROM positions AS p WHERE p.document = documents.sha256), 0)""",
        """CREATE TABLE reading_time (
            document TEXT PRIMARY KEY REFERENCES documents (sha256),
            characters INTEGER NOT NULL DEFAULT 0 CHECK (characters >= 0),
            seconds REAL NOT NULL DEFAULT 0 CHECK (seconds >= 0)
        )""",
    ):
        connection.execute(statement)


MIGRATIONS: list[Migration] = [_version_1, _version_2, _version_3, _version_4]
"""Migration N (1-based) turns a version N-1 database into version N."""


def understood_version(connection: sqlite3.Connection) -> int:
    """The database's schema version, or `NewerSchemaError` if this release predates it."""
    version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise NewerSchemaError(version)
    return version


def migrate(connection: sqlite3.Connection) -> None:
    """Bring the database up to the latest version; call inside a write transaction, so that
    two processes opening a new database at once cannot both run a migration."""
    version = understood_version(connection)
    for migration in MIGRATIONS[version:]:
        migration(connection)
    if version != len(MIGRATIONS):
        connection.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")


def tables(version: int) -> dict[str, tuple[str, ...]]:
    """Each table of a version-`version` database and its columns, in order: what the
    migrations build, read back from a database built in memory (once)."""
    return dict(_layout(tuple(MIGRATIONS[:version])))


@cache
def _layout(migrations: tuple[Migration, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    with closing(sqlite3.connect(":memory:")) as connection:
        for migration in migrations:
            migration(connection)
        return tuple((name, columns(connection, name)) for name in table_names(connection))


_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"


def table_names(connection: sqlite3.Connection) -> list[str]:
    """The tables of a database, SQLite's own left out."""
    return [row[0] for row in connection.execute(_TABLES)]


def columns(connection: sqlite3.Connection, table: str) -> tuple[str, ...]:
    return tuple(row[1] for row in connection.execute("SELECT * FROM pragma_table_info(?)", (table,)))
