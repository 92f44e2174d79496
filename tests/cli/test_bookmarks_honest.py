"""`reader bookmarks add|remove` claim success only when the change is on disk.

Whatever stops a change (a directory that cannot be written, a full disk, a newer
schema, a lock held too long, a database that is not reader's), the command exits
non-zero with one line on stderr and prints nothing on stdout; what was stored is
left as it was.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.cli.main import main
from reader.core.bookmarks import BookmarkStore, StoreError, database
from reader.core.bookmarks.database import DATABASE_NAME, OWN_NAME
from reader.core.bookmarks.schema import APPLICATION_ID
from reader.core.loading import load_document

MakeReadOnly = Callable[[Path], None]


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(["bookmarks", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_line_failure(result: tuple[int, str, str], code: int = 2) -> str:
    status, out, err = result
    assert (status, out) == (code, ""), result
    assert err.startswith("reader: ") and err.count("\n") == 1, err
    return err


@pytest.fixture
def saved(essay_path: Path) -> int:
    """One bookmark on disk; its id."""
    with BookmarkStore.open() as store:
        return store.add(load_document(essay_path), 0, 20, "kept").id


def notes() -> list[str]:
    with BookmarkStore.open() as store:
        return [bookmark.note for bookmark in store.bookmarks()]


def test_a_read_only_data_dir_fails_add_and_remove(
    capsys: pytest.CaptureFixture[str], data_dir: Path, saved: int, make_read_only: MakeReadOnly
) -> None:
    make_read_only(data_dir)
    err = one_line_failure(run(capsys, "add", "--block", "1", "--note", "lost"))
    assert err.startswith(f"reader: nothing saved: cannot save in {data_dir} (")
    one_line_failure(run(capsys, "remove", str(saved)))
    code, out, _ = run(capsys, "list")  # what was saved is still shown
    assert code == 0 and "Note: kept" in out and "lost" not in out


def test_a_read_only_database_file_fails_add(
    capsys: pytest.CaptureFixture[str], data_dir: Path, saved: int, make_read_only: MakeReadOnly
) -> None:
    make_read_only(data_dir / DATABASE_NAME)
    err = one_line_failure(run(capsys, "add", "--block", "1"))
    assert "read-only" in err


class _FullDisk(sqlite3.Connection):
    """A connection whose commits fail as on a full disk, once `full` is set."""

    full = False

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        if _FullDisk.full and sql == "COMMIT":
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, parameters)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    connect = database._connect

    def connect_full(target: str | Path, *, uri: bool = False) -> sqlite3.Connection:
        connection = connect(target, uri=uri)
        connection.close()
        return sqlite3.connect(
            target,
            timeout=database.BUSY_TIMEOUT,
            isolation_level=None,
            check_same_thread=False,
            uri=uri,
            factory=_FullDisk,
        )

    monkeypatch.setattr(database, "_connect", connect_full)
    _FullDisk.full = True
    yield
    _FullDisk.full = False


def test_a_full_disk_fails_add_and_remove_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], saved: int, essay_path: Path, full_disk: None
) -> None:
    err = one_line_failure(run(capsys, "add", str(essay_path), "--block", "2"))
    assert err == "reader: could not save (database or disk is full); nothing was saved\n"
    err = one_line_failure(run(capsys, "remove", str(saved)))
    assert err == "reader: could not save (database or disk is full); nothing was saved\n"
    _FullDisk.full = False
    assert notes() == ["kept"]


def test_a_really_full_database_says_the_disk_is_full(data_dir: Path, essay_path: Path) -> None:
    """SQLite's own SQLITE_FULL, from a page limit: the write raises, nothing is stored."""
    document = load_document(essay_path)
    with BookmarkStore.open() as store:
        store.add(document, 0, 10)
        pages = store._connection.execute("PRAGMA page_count").fetchone()[0]
        store._connection.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError, match=r"^could not save \(the disk is full\); nothing was saved$"):
            store.add(document, 0, 10, "x" * 100_000)
        assert [bookmark.note for bookmark in store.bookmarks()] == [""]


def test_a_newer_schema_fails_every_command_in_one_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path, saved: int
) -> None:
    path = data_dir / DATABASE_NAME
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 99")
    connection.close()
    before = path.read_bytes()
    err = one_line_failure(run(capsys, "add", "--block", "1"))
    assert "newer version of reader (schema 99" in err and err.startswith("reader: nothing saved: ")
    one_line_failure(run(capsys, "remove", str(saved)))
    err = one_line_failure(run(capsys, "list"))
    assert err.startswith("reader: cannot read the bookmarks: ")
    one_line_failure(run(capsys, "export"))
    assert path.read_bytes() == before


def test_a_lock_held_too_long_fails_add_and_remove_in_bounded_time(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    saved: int,
    essay_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT", 0.3)
    holder = sqlite3.connect(data_dir / DATABASE_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        for arguments in (("add", str(essay_path), "--block", "3"), ("remove", str(saved))):
            started = time.monotonic()
            err = one_line_failure(run(capsys, *arguments))
            assert time.monotonic() - started < 30  # a hang guard: the wait is bounded
            assert err == (
                "reader: another reader held the bookmark database for more than 0.3 s; nothing was saved\n"
            )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert notes() == ["kept"]


def test_an_id_too_large_for_sqlite_is_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    err = one_line_failure(run(capsys, "remove", "99999999999999999999999999"), code=1)
    assert err == "reader: no bookmark with id 99999999999999999999999999\n"


def test_a_successful_add_is_on_disk(capsys: pytest.CaptureFixture[str], essay_path: Path) -> None:
    code, out, err = run(capsys, "add", str(essay_path), "--block", "4", "--note", "durable")
    assert (code, err) == (0, "") and out.startswith("Bookmarked #1 ")
    assert notes() == ["durable"]  # read back by a second connection


# --- our database only ------------------------------------------------------------------------


def _foreign(path: Path, statements: str) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as connection:
        connection.executescript(statements)
    connection.close()
    return path.read_bytes()


INVOICES = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);"


@pytest.mark.parametrize(
    ("statements", "reason"),
    [
        (INVOICES, "it holds tables reader never made: invoices"),
        ("PRAGMA application_id = 1234; CREATE TABLE t (x);", "it belongs to another program"),
        (f"{INVOICES} CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);", "invoices"),
    ],
    ids=["foreign tables", "another application id", "foreign and ours"],
)
def test_another_programs_database_is_left_alone_and_the_data_goes_beside_it(
    capsys: pytest.CaptureFixture[str], data_dir: Path, essay_path: Path, statements: str, reason: str
) -> None:
    path = data_dir / DATABASE_NAME
    before = _foreign(path, statements)
    code, out, err = run(capsys, "add", str(essay_path), "--block", "1", "--note", "mine")
    assert code == 0 and out.startswith("Bookmarked #1 ")
    assert err.count("\n") == 1 and reason in err
    assert f"{path} is not reader's database" in err and str(data_dir / OWN_NAME) in err
    code, out, err = run(capsys, "list", "--json")
    assert code == 0 and [bookmark["note"] for bookmark in json.loads(out)] == ["mine"]
    # Untouched: same bytes, no WAL beside it, still in its own journal mode.
    assert path.read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir() if p.name.startswith(DATABASE_NAME)) == [DATABASE_NAME]
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    connection.close()


def test_a_table_of_our_name_with_another_layout_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], data_dir: Path, essay_path: Path
) -> None:
    path = data_dir / DATABASE_NAME
    before = _foreign(path, "CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT);")
    err = one_line_failure(run(capsys, "list"))
    assert err == (
        f"reader: cannot read the bookmarks: {path}: its table 'bookmarks' is not reader's "
        "(columns id, url); left it untouched\n"
    )
    one_line_failure(run(capsys, "add", str(essay_path), "--block", "0"))
    assert path.read_bytes() == before


def test_our_database_carries_our_application_id(data_dir: Path) -> None:
    BookmarkStore.open().close()
    with sqlite3.connect(data_dir / DATABASE_NAME) as connection:
        assert connection.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    connection.close()


def test_a_copied_database_of_ours_is_still_ours(data_dir: Path, saved: int, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(data_dir / DATABASE_NAME, elsewhere / DATABASE_NAME)
    with BookmarkStore.open(elsewhere) as store:
        assert store.notice is None and store.persistent
        assert [bookmark.id for bookmark in store.bookmarks()] == [saved]
