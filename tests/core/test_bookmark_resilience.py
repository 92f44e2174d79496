"""The store under stress: two writers at once, a writer killed mid-write, a damaged file,
a directory that cannot be written.  None of them may lose saved data or crash."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from reader.core.bookmarks import BookmarkStore
from reader.core.bookmarks.database import DATABASE_NAME
from reader.core.loading import load_document

MakeReadOnly = Callable[[Path], None]
"""The `make_read_only` fixture (tests/conftest.py)."""
ROOT = Path(__file__).resolve().parents[2]

# A writer process: waits for the go file, then adds COUNT bookmarks (COUNT 0: forever),
# printing each id once it is committed.
WRITER = """
import sys, time
from pathlib import Path
from reader.core.bookmarks import BookmarkStore
from reader.core.loading import load_document

directory, go, count, tag = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
document = load_document()
store = BookmarkStore.open(directory)
while not go.exists():
    time.sleep(0.005)
added = 0
while count == 0 or added < count:
    start = added % (len(document.text) - 10)
    bookmark = store.add(document, start, start + 10, f"{tag} {added}")
    print(bookmark.id, flush=True)
    added += 1
store.close()
"""


def _writer(directory: Path, go: Path, count: int, tag: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(directory), str(go), str(count), tag],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_adding_at_once_lose_nothing(data_dir: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    writers = [_writer(data_dir, go, 200, tag) for tag in ("left", "right")]
    go.touch()
    for writer in writers:
        _, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors
    with BookmarkStore.open() as store:
        notes = sorted(bookmark.note for bookmark in store.bookmarks())
    assert notes == sorted(f"{tag} {n}" for tag in ("left", "right") for n in range(200))


def test_four_processes_adding_a_hundred_each_lose_nothing(data_dir: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    tags = ("north", "south", "east", "west")
    writers = [_writer(data_dir, go, 100, tag) for tag in tags]
    go.touch()
    for writer in writers:
        _, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors
    with BookmarkStore.open() as store:
        assert store.persistent
        notes = sorted(bookmark.note for bookmark in store.bookmarks())
    assert notes == sorted(f"{tag} {n}" for tag in tags for n in range(100))


def test_a_writer_killed_mid_write_loses_only_what_it_had_not_committed(
    data_dir: Path, tmp_path: Path
) -> None:
    go = tmp_path / "go"
    go.touch()
    writer = _writer(data_dir, go, 0, "doomed")
    assert writer.stdout is not None
    committed = [int(writer.stdout.readline()) for _ in range(60)]
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    with BookmarkStore.open() as store:
        assert store.notice is None
        ids = {bookmark.id for bookmark in store.bookmarks()}
        assert set(committed) <= ids
        store.add(load_document(), 0, 5, "after the crash")
    with sqlite3.connect(data_dir / DATABASE_NAME) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


def test_a_file_that_is_not_a_database_is_moved_aside(data_dir: Path) -> None:
    path = data_dir / DATABASE_NAME
    path.write_bytes(b"this was never a database\n" * 100)
    with BookmarkStore.open() as store:
        (aside,) = data_dir.glob(f"{DATABASE_NAME}.corrupt-*")
        assert store.notice is not None
        assert str(path) in store.notice and str(aside) in store.notice
        assert aside.read_bytes() == b"this was never a database\n" * 100
        store.add(load_document(), 0, 5, "fresh")
    with BookmarkStore.open() as store:
        assert store.notice is None
        assert [b.note for b in store.bookmarks()] == ["fresh"]


def test_a_database_with_a_damaged_page_is_moved_aside(data_dir: Path) -> None:
    document = load_document()
    with BookmarkStore.open() as store:
        for index in range(300):
            store.add(document, index, index + 200, "a fairly long note to fill pages " * 3)
    path = data_dir / DATABASE_NAME
    assert not path.with_name(DATABASE_NAME + "-wal").exists()
    with path.open("r+b") as file:
        file.seek(4096 * 3)  # a page of the bookmarks table, header and all
        file.write(b"\xff" * 4096)
    with BookmarkStore.open() as store:
        assert store.notice is not None and "damaged" in store.notice
        assert len(list(data_dir.glob(f"{DATABASE_NAME}.corrupt-*"))) == 1
        assert store.bookmarks() == []


def test_a_data_dir_below_a_regular_file_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    directory = blocker / "reader"
    document = load_document()
    with BookmarkStore.open(directory) as store:
        assert store.notice is not None
        assert str(directory) in store.notice and "until you quit" in store.notice
        bookmark = store.add(document, 0, 10, "for now")
        assert store.bookmarks(document) == [bookmark]
        store.set_setting("theme", "night")
        assert store.get_setting("theme") == "night"
        store.save_position(document, 42)
        assert store.load_position(document) == 42
    assert blocker.read_text() == "not a directory"


def test_a_read_only_data_dir_still_shows_what_was_saved(
    data_dir: Path, make_read_only: MakeReadOnly
) -> None:
    document = load_document()
    with BookmarkStore.open() as store:
        saved = store.add(document, 0, 10, "saved before")
        store.set_setting("theme", "paper")
    make_read_only(data_dir)
    with BookmarkStore.open() as store:
        assert store.notice is not None and str(data_dir) in store.notice
        assert store.bookmarks(document) == [saved]
        assert store.get_setting("theme") == "paper"
        store.add(document, 20, 30, "only for this session")
        assert len(store.bookmarks(document)) == 2
    assert [path.name for path in data_dir.iterdir()] == [DATABASE_NAME]


def test_a_read_only_database_file_is_reported(data_dir: Path, make_read_only: MakeReadOnly) -> None:
    document = load_document()
    with BookmarkStore.open() as store:
        saved = store.add(document, 0, 10)
    make_read_only(data_dir / DATABASE_NAME)
    with BookmarkStore.open() as store:
        assert store.notice is not None and "read-only" in store.notice
        assert store.bookmarks(document) == [saved]
        store.add(document, 0, 3)
