"""The bookmark store: round trips, ordering, undo, positions, settings, edits and moves."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core import datadir
from reader.core.bookmarks import BookmarkStore, UnknownBookmarkError
from reader.core.bookmarks.database import DATABASE_NAME
from reader.core.document import Document
from reader.core.loading import load_document

ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
PASSAGE = "Iran’s clerical regime is deeply unpopular, and domestic resistance is real."


@pytest.fixture
def store() -> Iterator[BookmarkStore]:
    with BookmarkStore.open() as opened:
        yield opened


@pytest.fixture
def copy(essay_path: Path, tmp_path: Path) -> Path:
    """A copy of the essay that the test may edit or move."""
    target = tmp_path / "essay.txt"
    shutil.copy(essay_path, target)
    return target


def _span(document: Document, quote: str) -> tuple[int, int]:
    start = document.text.index(quote)
    return start, start + len(quote)


def test_data_dir_comes_from_the_environment(data_dir: Path) -> None:
    assert datadir.data_dir() == data_dir


def test_default_data_dir_is_the_platform_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("READER_DATA_DIR")
    assert datadir.data_dir().name == "reader"


def test_the_database_lives_in_the_data_dir_in_wal_mode(store: BookmarkStore, data_dir: Path) -> None:
    assert store.notice is None
    with sqlite3.connect(data_dir / DATABASE_NAME) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_bookmark_round_trips_through_a_new_session() -> None:
    document = load_document()
    start, end = _span(document, PASSAGE)
    with BookmarkStore.open() as store:
        added = store.add(document, start, end, "the crux")
    with BookmarkStore.open() as store:
        (again,) = store.bookmarks(document)
    assert again == added
    assert (again.start, again.end, again.exact, again.note) == (start, end, PASSAGE, "the crux")
    assert again.block == document.block_at(start)
    assert again.path == document.source
    assert again.prefix == document.text[start - 32 : start]
    assert again.suffix == document.text[end : end + 32]
    assert not again.orphan
    assert ISO_UTC.match(again.created) and again.updated == again.created


def test_a_document_lists_in_reading_order_and_everything_newest_first(store: BookmarkStore) -> None:
    document = load_document()
    late = store.add(document, 900, 950)
    early = store.add(document, 10, 20)
    assert [b.id for b in store.bookmarks(document)] == [early.id, late.id]
    assert [b.id for b in store.bookmarks()] == [early.id, late.id]  # early was added last


def test_bookmarks_of_other_documents_are_kept_apart(store: BookmarkStore, copy: Path) -> None:
    copy.write_text("Another text entirely.\n\nWith two paragraphs.\n", encoding="utf-8")
    essay, other = load_document(), load_document(copy)
    store.add(essay, 0, 5)
    mine = store.add(other, 0, 7)
    assert store.bookmarks(other) == [mine]
    assert len(store.bookmarks()) == 2


def test_ranges_outside_the_text_are_refused(store: BookmarkStore) -> None:
    document = load_document()
    for start, end in ((-1, 4), (5, 5), (6, 2), (0, len(document.text) + 1)):
        with pytest.raises(ValueError, match="cannot bookmark"):
            store.add(document, start, end)


def test_a_note_is_updated_with_its_time(store: BookmarkStore) -> None:
    document = load_document()
    bookmark = store.add(document, 0, 10, "first thought")
    updated = store.update_note(bookmark.id, "second thought")
    assert updated.note == "second thought"
    assert updated.updated >= bookmark.updated and updated.created == bookmark.created
    assert store.bookmarks(document) == [updated]


def test_unknown_ids_are_reported(store: BookmarkStore) -> None:
    with pytest.raises(UnknownBookmarkError, match="no bookmark with id 41"):
        store.remove(41)
    with pytest.raises(UnknownBookmarkError):
        store.update_note(41, "x")


def test_a_removal_is_undone_with_the_same_id_and_ids_are_never_reused(store: BookmarkStore) -> None:
    document = load_document()
    store.add(document, 0, 10)
    bookmark = store.add(document, 20, 30, "keep me")
    removed = store.remove(bookmark.id)
    assert removed == bookmark
    assert bookmark.id not in [b.id for b in store.bookmarks(document)]
    newer = store.add(document, 40, 50)
    assert newer.id > bookmark.id
    assert store.restore(removed) == bookmark
    assert store.restore(removed) == bookmark
    assert [b.id for b in store.bookmarks(document)] == [1, bookmark.id, newer.id]


def test_a_bookmark_restored_after_an_edit_is_reanchored(store: BookmarkStore, copy: Path) -> None:
    document = load_document(copy)
    removed = store.remove(store.add(document, *_span(document, PASSAGE)).id)
    copy.write_text("Preface.\n\n" + copy.read_text(encoding="utf-8"), encoding="utf-8")
    edited = load_document(copy)
    store.bookmarks(edited)
    store.restore(removed)
    (bookmark,) = store.bookmarks(edited)
    assert (bookmark.start, bookmark.end) == _span(edited, PASSAGE)


def test_the_reading_position_round_trips() -> None:
    document = load_document()
    with BookmarkStore.open() as store:
        assert store.load_position(document) is None
        store.save_position(document, 1234)
        store.save_position(document, 2345)
    with BookmarkStore.open() as store:
        assert store.load_position(document) == 2345
        with pytest.raises(ValueError):
            store.save_position(document, len(document.text) + 1)


def test_settings_round_trip() -> None:
    with BookmarkStore.open() as store:
        assert store.get_setting("theme") is None
        store.set_setting("theme", "paper")
        store.set_setting("theme", "night")
    with BookmarkStore.open() as store:
        assert store.get_setting("theme") == "night"


def test_text_inserted_before_moves_the_bookmark_and_position_along(store: BookmarkStore, copy: Path) -> None:
    document = load_document(copy)
    bookmark = store.add(document, *_span(document, PASSAGE), "the crux")
    position = document.blocks[5].start
    store.save_position(document, position)
    copy.write_text("A new opening paragraph.\n\n" + copy.read_text(encoding="utf-8"), encoding="utf-8")
    edited = load_document(copy)

    (moved,) = store.bookmarks(edited)
    assert (moved.start, moved.end) == _span(edited, PASSAGE)
    assert bookmark.block is not None and moved.block == bookmark.block + 1
    assert moved.id == bookmark.id and moved.note == "the crux" and moved.created == bookmark.created
    assert moved.document != bookmark.document
    assert store.load_position(edited) == edited.blocks[6].start
    # Written back: listing everything shows the new anchoring without the document.
    assert store.bookmarks() == [moved]


def test_a_reworded_passage_keeps_its_bookmark(store: BookmarkStore, copy: Path) -> None:
    document = load_document(copy)
    store.add(document, *_span(document, PASSAGE))
    reworded = PASSAGE.replace("deeply unpopular", "very unpopular")
    raw = copy.read_text(encoding="utf-8")
    copy.write_text(
        raw.replace("Iran’s clerical regime is deeply", "Iran’s clerical regime is very"), encoding="utf-8"
    )
    edited = load_document(copy)
    assert reworded in edited.text

    (bookmark,) = store.bookmarks(edited)
    # Found, flagged, and the quote it was made with kept: the selector is never rewritten.
    assert bookmark.exact == PASSAGE and bookmark.changed and not bookmark.orphan
    assert bookmark.status == "changed"
    assert (bookmark.start, bookmark.end) == _span(edited, reworded)


def test_a_deleted_passage_becomes_an_orphan_listed_last_and_is_never_deleted(
    store: BookmarkStore, copy: Path
) -> None:
    document = load_document(copy)
    kept = store.add(document, 0, 20)
    doomed = store.add(document, *_span(document, PASSAGE), "gone?")
    original = copy.read_text(encoding="utf-8")
    sentence = "Iran’s clerical regime is deeply unpopular, and domestic resistance is real. "
    assert sentence in original
    copy.write_text(original.replace(sentence, ""), encoding="utf-8")

    edited_bookmarks = store.bookmarks(load_document(copy))
    assert [b.id for b in edited_bookmarks] == [kept.id, doomed.id]
    orphan = edited_bookmarks[-1]
    assert orphan.orphan and orphan.block is None
    assert (orphan.start, orphan.end, orphan.exact, orphan.prefix, orphan.suffix) == (
        doomed.start,
        doomed.end,
        doomed.exact,
        doomed.prefix,
        doomed.suffix,
    )
    assert orphan.note == "gone?"

    copy.write_text(original, encoding="utf-8")
    (_, back) = store.bookmarks(load_document(copy))
    assert back.id == doomed.id and not back.orphan and back.start == doomed.start


def test_a_moved_file_keeps_its_bookmarks(store: BookmarkStore, copy: Path, tmp_path: Path) -> None:
    document = load_document(copy)
    bookmark = store.add(document, 100, 160, "moved with it")
    store.save_position(document, 777)
    moved_to = tmp_path / "elsewhere" / "renamed.txt"
    moved_to.parent.mkdir()
    copy.rename(moved_to)

    moved = load_document(moved_to)
    (again,) = store.bookmarks(moved)
    assert again.id == bookmark.id and again.path == moved_to.resolve()
    assert store.load_position(moved) == 777
    assert store.documents()[0].path == moved_to.resolve()


def test_a_document_read_from_stdin_is_known_by_its_text(store: BookmarkStore, essay_path: Path) -> None:
    with essay_path.open("rb") as stream:
        document = load_document("-", stdin=stream)
    bookmark = store.add(document, 5, 25)
    assert bookmark.path is None
    with essay_path.open("rb") as stream:
        assert store.bookmarks(load_document("-", stdin=stream)) == [bookmark]
    # The same text opened from its file finds them too.
    assert [b.id for b in store.bookmarks(load_document(essay_path))] == [bookmark.id]


def test_the_store_remembers_the_documents_it_has_seen(store: BookmarkStore) -> None:
    document = load_document()
    store.add(document, 0, 4)
    (known,) = store.documents()
    assert known.title == document.title and known.path == document.source
    assert ISO_UTC.match(known.last_seen)


def test_bookmarks_in_an_edited_big_book_are_reanchored(
    store: BookmarkStore, war_and_peace_path: Path, tmp_path: Path
) -> None:
    book = tmp_path / "war-and-peace.txt"
    raw = war_and_peace_path.read_text(encoding="utf-8")
    book.write_text(raw, encoding="utf-8")
    document = load_document(book)
    blocks = [document.blocks[i] for i in range(100, len(document.blocks), 1200)]
    for block in blocks:
        store.add(document, block.start, min(block.end, block.start + 120))
    book.write_text("A TRANSLATOR'S NOTE\n\nAdded in this edition.\n\n" + raw, encoding="utf-8")
    edited = load_document(book)
    bookmarks = store.bookmarks(edited)
    assert [b.block for b in bookmarks] == [block.index + 2 for block in blocks]
    assert all(edited.text[b.start : b.end] == b.exact for b in bookmarks)


def test_the_reading_cursor_is_kept_with_the_position(store: BookmarkStore) -> None:
    document = load_document(None)
    assert store.load_cursor(document) is None
    store.save_position(document, 1234, document.blocks[5].start)
    assert store.load_position(document) == 1234
    assert store.load_cursor(document) == document.blocks[5].start
    store.save_position(document, 1300)  # a cursor not given is not known
    assert store.load_cursor(document) is None
    with pytest.raises(ValueError):
        store.save_position(document, 10, len(document.text) + 1)
