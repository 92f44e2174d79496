"""The database layout, grown by numbered migrations recorded in `PRAGMA user_version`.

A database written by any earlier release is brought up to date by running the
migrations it has not seen, in order, in one transaction.  Changing the layout
means appending one function to `MIGRATIONS`; the ones already released never
change, because databases in the wild were built by them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


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


MIGRATIONS: list[Migration] = [_version_1]
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
