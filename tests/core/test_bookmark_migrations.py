"""Schema versions: a database written by an earlier release opens and is brought up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.bookmarks import BookmarkStore, StoreError, schema
from reader.core.bookmarks.database import DATABASE_NAME, transaction
from reader.core.loading import load_document

# Version 1 exactly as the first release wrote it, frozen here on purpose: the migration
# code may grow, databases already on users' disks do not.
VERSION_1 = """
CREATE TABLE documents (
    sha256 TEXT PRIMARY KEY, path TEXT, title TEXT NOT NULL DEFAULT '', last_seen TEXT NOT NULL);
CREATE INDEX documents_by_path ON documents (path);
CREATE TABLE bookmarks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document TEXT NOT NULL REFERENCES documents (sha256),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '', block INTEGER,
    created TEXT NOT NULL, updated TEXT NOT NULL,
    orphan INTEGER NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1)),
    CHECK (0 <= start AND start < "end"));
CREATE INDEX bookmarks_by_document ON bookmarks (document, start);
CREATE TABLE positions (
    document TEXT PRIMARY KEY REFERENCES documents (sha256), "offset" INTEGER NOT NULL,
    exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL, updated TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO documents VALUES ('00ff', '/books/old.txt', 'An Old Book', '2025-03-01T09:00:00.000Z');
INSERT INTO bookmarks (document, start, "end", exact, prefix, suffix, note, block, created, updated)
    VALUES ('00ff', 10, 19, 'a passage', 'before ', ' after', 'from last year', 0,
            '2025-03-01T09:00:00.000Z', '2025-03-01T09:00:00.000Z');
INSERT INTO settings VALUES ('theme', 'paper');
PRAGMA user_version = 1;
"""


def _write_version_1(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / DATABASE_NAME
    with sqlite3.connect(path) as connection:
        connection.executescript(VERSION_1)
    connection.close()
    return path


def _version(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    connection.close()
    return version


def test_a_new_database_is_at_the_latest_version(data_dir: Path) -> None:
    BookmarkStore.open().close()
    assert _version(data_dir / DATABASE_NAME) == len(schema.MIGRATIONS)


def test_a_version_1_database_opens_with_everything_in_it(data_dir: Path) -> None:
    _write_version_1(data_dir)
    with BookmarkStore.open() as store:
        assert store.notice is None
        (bookmark,) = store.bookmarks()
        assert (bookmark.exact, bookmark.note, str(bookmark.path)) == (
            "a passage",
            "from last year",
            "/books/old.txt",
        )
        assert store.get_setting("theme") == "paper"
        added = store.add(load_document(), 0, 10)
        assert added.id == 2


def test_a_future_migration_is_one_function_run_once_in_order(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write_version_1(data_dir)
    runs: list[int] = []
    latest = len(schema.MIGRATIONS)

    def on_disk(connection: sqlite3.Connection) -> bool:
        """Not the database built in memory to learn the layout a version has."""
        return bool(connection.execute("PRAGMA database_list").fetchone()[2])

    def next_version(connection: sqlite3.Connection) -> None:
        if on_disk(connection):
            runs.append(latest + 1)
        connection.execute("ALTER TABLE bookmarks ADD COLUMN colour TEXT NOT NULL DEFAULT 'yellow'")

    def the_one_after(connection: sqlite3.Connection) -> None:
        if on_disk(connection):
            runs.append(latest + 2)
        connection.execute("UPDATE bookmarks SET colour = 'blue' WHERE note != ''")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, next_version, the_one_after])
    BookmarkStore.open().close()
    BookmarkStore.open().close()
    assert runs == [latest + 1, latest + 2]
    assert _version(path) == latest + 2
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT colour FROM bookmarks").fetchall() == [("blue",)]
    connection.close()


def test_a_failing_migration_leaves_the_database_as_it_was(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write_version_1(data_dir)

    def broken(connection: sqlite3.Connection) -> None:
        connection.execute("ALTER TABLE bookmarks ADD COLUMN half_done TEXT")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    connection = sqlite3.connect(path, isolation_level=None)
    # Reported as a change that was not saved, with SQLite's reason.
    with pytest.raises(StoreError, match=r"^could not save \(disk I/O error\); nothing was saved$"):
        transaction(connection, schema.migrate)
    columns = [row[1] for row in connection.execute("PRAGMA table_info(bookmarks)")]
    connection.close()
    assert "half_done" not in columns
    assert _version(path) == 1


def test_a_database_from_a_newer_release_is_left_untouched(data_dir: Path) -> None:
    path = _write_version_1(data_dir)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 99")
    connection.close()
    before = path.read_bytes()
    with BookmarkStore.open() as store:
        assert store.notice is not None
        assert str(path) in store.notice and "newer" in store.notice
        assert store.bookmarks() == []
        store.add(load_document(), 0, 10)
    assert path.read_bytes() == before
