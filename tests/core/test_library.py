"""The library: one entry per file, progress and time left, moved and missing files found by text."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from reader.core.bookmarks import BookmarkStore, schema
from reader.core.bookmarks.database import DATABASE_NAME
from reader.core.bookmarks.shelf import read_library
from reader.core.library import FileState, LibraryRecord, find_again, library, search_folders
from reader.core.loading import load_document
from reader.core.reading_speed import Speed, duration_label, reading_speed

SPEED = Speed(1000.0, measured=True)


def record(sha: str, path: str | None, **changes: object) -> LibraryRecord:
    values: dict[str, object] = {
        "sha256": sha,
        "path": None if path is None else Path(path),
        "title": f"Title {sha}",
        "author": None,
        "length": 10_000,
        "size": 100,
        "last_read": "2026-01-01T00:00:00.000Z",
        "offset": 2_500,
        "furthest": 0,
        "bookmarks": 1,
        "forgotten": False,
    }
    values.update(changes)
    return LibraryRecord(**values)  # type: ignore[arg-type]


def test_one_entry_per_file_the_newest_text_with_every_texts_bookmarks() -> None:
    records = [
        record("new", "/b/book.txt", last_read="2026-02-01T00:00:00.000Z", bookmarks=2),
        record("old", "/b/book.txt", bookmarks=3),
        record("piped", None),
        record("gone", "/b/forgotten.txt", forgotten=True),
    ]
    (entry,) = library(records, SPEED, exists=lambda path: True)
    assert (entry.sha256, entry.bookmarks, entry.state) == ("new", 5, FileState.HERE)
    assert entry.progress == 25
    assert entry.minutes_left == 7.5


def test_most_recently_read_first_and_unknown_length_shows_no_guess() -> None:
    records = [
        record("a", "/a.txt", last_read="2026-01-01T00:00:00.000Z"),
        record("b", "/b.txt", last_read="2026-03-01T00:00:00.000Z", length=None),
    ]
    entries = library(records, SPEED, exists=lambda path: path.name == "a.txt")
    assert [entry.sha256 for entry in entries] == ["b", "a"]
    assert (entries[0].progress, entries[0].minutes_left, entries[0].state) == (None, None, FileState.MISSING)


def test_speed_defaults_until_enough_reading_is_measured() -> None:
    assert not reading_speed(5_000, 60).measured
    speed = reading_speed(12_000, 240)
    assert speed == Speed(3_000.0, measured=True)
    assert [duration_label(m) for m in (None, 0.4, 12.4, 125)] == ["—", "< 1 min", "12 min", "2 h 05 min"]


def test_a_moved_file_is_found_by_its_text_not_its_name(tmp_path: Path) -> None:
    (tmp_path / "same-size-other-text.txt").write_text("x" * 100)
    (tmp_path / "renamed.txt").write_text("y" * 100)
    (tmp_path / "other-size.txt").write_text("y" * 99)
    hashes = {"same-size-other-text.txt": "other", "renamed.txt": "wanted", "other-size.txt": "wanted"}
    looked_at: list[str] = []

    def hash_of(path: Path) -> str:
        looked_at.append(path.name)
        return hashes[path.name]

    found = find_again([record("wanted", "/old/book.txt")], [tmp_path], hash_of)
    assert found == {"wanted": tmp_path / "renamed.txt"}
    assert "other-size.txt" not in looked_at  # another size: never parsed


def test_search_folders_are_the_librarys_own_each_once() -> None:
    records = [record("a", "/x/a.txt"), record("b", "/x/b.txt"), record("c", "/y/c.txt"), record("d", None)]
    assert search_folders(records, [Path("/here")]) == [Path("/here"), Path("/x"), Path("/y")]


def test_moved_vanished_and_reappeared_with_the_store(essay_path: Path, tmp_path: Path) -> None:
    first = tmp_path / "shelf" / "essay.txt"
    first.parent.mkdir()
    shutil.copy(essay_path, first)
    with BookmarkStore.open(tmp_path / "data") as store:
        document = load_document(first)
        store.add(document, 0, 10)
        store.save_position(document, len(document.text) // 2)
        (entry,), _ = read_library(store)
        assert (entry.state, entry.progress, entry.bookmarks) == (FileState.HERE, 50, 1)

        away = tmp_path / "elsewhere"
        away.mkdir()
        first.rename(away / "essay.txt")
        (entry,), _ = read_library(store)
        assert entry.state is FileState.MISSING  # not in any folder the library knows

        (away / "essay.txt").rename(first.parent / "renamed.txt")
        (entry,), _ = read_library(store)
        assert (entry.state, entry.path) == (FileState.MOVED, first.parent / "renamed.txt")
        (entry,), _ = read_library(store)  # written down: found where it is now
        assert (entry.state, entry.path, entry.bookmarks) == (FileState.HERE, first.parent / "renamed.txt", 1)


def test_forgetting_keeps_bookmarks_unless_asked_and_opening_brings_it_back(essay_path: Path) -> None:
    with BookmarkStore.open() as store:
        document = load_document(essay_path)
        store.add(document, 0, 10)
        (entry,), _ = read_library(store)
        assert store.forget(entry.sha256) == 0
        assert read_library(store)[0] == []
        assert len(store.bookmarks()) == 1
    with BookmarkStore.open() as store:
        store.bookmarks(load_document(essay_path))  # opened again
        (entry,), _ = read_library(store)
        assert store.forget(entry.sha256, bookmarks=True) == 1
        assert store.bookmarks() == []


# Version 3 as the release before the library wrote it, with real rows.
VERSION_3_ROWS = """
INSERT INTO documents VALUES ('00ff', '/books/old.txt', 'An Old Book', '2025-03-01T09:00:00.000Z');
INSERT INTO bookmarks (document, start, "end", exact, prefix, suffix, note, block, created, updated,
    origin, origin_start, origin_end, changed)
    VALUES ('00ff', 10, 19, 'a passage', 'before ', ' after', 'from last year', 0,
            '2025-03-01T09:00:00.000Z', '2025-03-01T09:00:00.000Z', '00ff', 10, 19, 0);
INSERT INTO positions VALUES ('00ff', 4200, 'text', 'pre', 'suf', '2025-03-02T09:00:00.000Z', 4100);
INSERT INTO settings VALUES ('theme', 'paper');
"""


def test_a_version_3_database_becomes_a_library_with_nothing_lost(data_dir: Path) -> None:
    path = data_dir / DATABASE_NAME
    with sqlite3.connect(path) as connection:
        for migration in schema.MIGRATIONS[:3]:
            migration(connection)
        connection.executescript(VERSION_3_ROWS + "PRAGMA user_version = 3;")
    connection.close()
    with BookmarkStore.open() as store:
        assert store.notice is None
        (bookmark,) = store.bookmarks()
        assert (bookmark.exact, bookmark.note, bookmark.start) == ("a passage", "from last year", 10)
        assert store.get_setting("theme") == "paper"
        (old,) = store.library_records()
        assert (old.title, old.offset, old.furthest, old.bookmarks) == ("An Old Book", 4200, 4200, 1)
        assert (old.length, old.author, old.forgotten) == (None, None, False)
        assert old.last_read == "2025-03-02T09:00:00.000Z"
        assert store.reading_totals() == (0, 0.0)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
        assert connection.execute('SELECT "cursor" FROM positions').fetchall() == [(4100,)]
    connection.close()
