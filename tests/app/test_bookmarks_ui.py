"""Bookmarks, notes, the reading position and the theme in the app, through the Pilot."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.geometry import Offset
from textual.pilot import Pilot
from textual.selection import Selection
from textual.widgets import OptionList, Static

from reader.app import bookmarks_ui
from reader.app.app import ReaderApp
from reader.app.bookmark_list import BookmarkList
from reader.app.bookmark_prompt import NotePrompt
from reader.app.bookmarks_ui import BookmarkKeeper
from reader.app.document_view import BOOKMARK_MARK, DocumentView
from reader.app.text_selection import point_offset, row_span, selected_range
from reader.core.bookmarks import Bookmark, BookmarkStore
from reader.core.bookmarks.database import DATABASE_NAME
from reader.core.document import Document
from reader.core.layout import layout_document
from reader.core.loading import load_document
from tests.app.helpers import ESSAY, essay_app, text_app

PASSAGE = "Iran’s clerical regime is deeply unpopular, and domestic resistance is real."


async def loaded(app: ReaderApp, pilot: Pilot[int]) -> BookmarkKeeper:
    """The app's bookmark keeper once the store is open and the document's state is in."""
    for _ in range(500):
        await pilot.pause(0.01)
        if app.bookmarks is not None and app.bookmarks.loaded:
            return app.bookmarks
    raise AssertionError("the bookmarks never loaded")


async def settled(app: ReaderApp, pilot: Pilot[int]) -> None:
    """Every store call made so far has finished and delivered its result."""
    await app.workers.wait_for_complete()
    await pilot.pause()


def stored(document: Document | None = None) -> list[Bookmark]:
    with BookmarkStore.open() as store:
        return store.bookmarks(document or load_document(ESSAY))


def add(quote: str, note: str = "") -> Bookmark:
    document = load_document(ESSAY)
    start = document.text.index(quote)
    with BookmarkStore.open() as store:
        return store.add(document, start, start + len(quote), note)


def messages(app: ReaderApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def marked_blocks(view: DocumentView) -> set[int]:
    """The blocks drawn with a bookmark mark on the visible rows."""
    top = round(view.scroll_y)
    return {
        view.text_layout.block_at_row(top + y)
        for y in range(view.scrollable_content_region.height)
        if view.render_line(y).text.lstrip().startswith(BOOKMARK_MARK)
    }


def reversed_text(view: DocumentView) -> str:
    """The visible text drawn in reverse video (the flash of a bookmark jumped to)."""
    return "".join(
        segment.text
        for y in range(view.scrollable_content_region.height)
        for segment in view.render_line(y)
        if segment.style is not None and segment.style.reverse
    )


async def test_m_bookmarks_the_cursor_paragraph_with_a_note_and_marks_it() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        await pilot.press("right_curly_bracket", "right_curly_bracket", "m")
        assert isinstance(app.screen, NotePrompt)
        await pilot.press(*"q'Bmu: the crux", "enter")  # keys of the app are just letters here
        await settled(app, pilot)
        assert not isinstance(app.screen, NotePrompt)
        (bookmark,) = stored()
        assert (bookmark.block, bookmark.note) == (2, "q'Bmu: the crux")
        assert bookmark.exact == app.document.block_text(2)
        assert marked_blocks(app.view) == {2}
        assert "Bookmarked ¶ 3" in messages(app)


async def test_escape_in_the_prompt_keeps_the_bookmark_without_a_note() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        await pilot.press("m", "x", "escape")
        await settled(app, pilot)
        (bookmark,) = stored()
        assert (bookmark.block, bookmark.note) == (0, "")


async def test_m_bookmarks_the_words_selected_with_the_mouse() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        view = app.view
        row = next(y for y in range(30) if "Trump now appears" in view.render_line(y).text)
        line = view.render_line(row).text
        start_x = line.index("Trump") + 1
        end_x = line.index("appears") + len("appe") - 1
        # Dragged backwards, from the last character to the first, cutting both words.
        await pilot.mouse_down(view, offset=(end_x, row))
        await pilot.hover(view, offset=(start_x, row))
        await pilot.mouse_up(view, offset=(start_x, row))
        await pilot.pause()
        assert app.screen.get_selected_text() == "rump now appe"
        await pilot.press("m", *"who", "enter")
        await settled(app, pilot)
        (bookmark,) = stored()
        assert (bookmark.exact, bookmark.note, bookmark.block) == ("Trump now appears", "who", 1)
        assert app.screen.selections == {}
        assert marked_blocks(view) == {1}


async def test_a_selection_across_paragraphs_maps_to_the_text_between() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.view
        rows = [view.render_line(y).text for y in range(30)]
        first = next(y for y, line in enumerate(rows) if "Moscow’s allies" in line)
        last = next(y for y, line in enumerate(rows) if "Trump now appears" in line)
        start_x = rows[first].index("allies")
        # From a word of one paragraph, over the blank row, to the margin of the next row.
        await pilot.mouse_down(view, offset=(start_x, first))
        await pilot.hover(view, offset=(0, last))
        await pilot.mouse_up(view, offset=(0, last))
        await pilot.pause()
        start, end = view.selected_range or (0, 0)
        assert app.document.text[start:end] == app.screen.get_selected_text()
        assert app.document.text[start:].startswith("allies — they are useful")
        assert app.document.text[:end].endswith("US President Donald ")
        # The selected characters are drawn in the selection style, the margin is not.
        drawn = view.render_line(first)
        highlighted = "".join(s.text for s in drawn if s.style is not None and s.style.bgcolor is not None)
        assert "allies" in highlighted


async def test_the_list_shows_passages_notes_and_jumps_with_a_flash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bookmarks_ui, "FLASH_SECONDS", 0.3)
    add("Although he once criticised American interventionism", "Trump and regime change")
    target = add(PASSAGE, "the crux")
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        keeper = await loaded(app, pilot)
        assert marked_blocks(app.view) == {1, 3}
        await pilot.press("apostrophe")
        assert isinstance(app.screen, BookmarkList)
        shown = [str(option.prompt) for option in app.screen.query_one(OptionList).options]
        assert len(shown) == 2
        assert shown[0].startswith("¶ 2") and "✎ Trump and regime change" in shown[0]
        assert shown[1].startswith("¶ 4") and "“Iran’s clerical regime" in shown[1]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, BookmarkList)
        assert app.view.cursor == target.block
        assert PASSAGE.replace(" ", "") in reversed_text(app.view).replace(" ", "")
        await pilot.pause(0.5)
        assert PASSAGE[:20] not in reversed_text(app.view)
        assert keeper.bookmarks[1].id == target.id


async def test_B_opens_the_list_and_escape_closes_it() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        await pilot.press("B")
        assert isinstance(app.screen, BookmarkList)
        await pilot.press("m", "apostrophe")  # neither bookmarks nor stacks a second list
        assert isinstance(app.screen, BookmarkList)
        assert len(app.screen_stack) == 2
        empty = app.screen.query_one(".list-empty", Static)
        assert empty.display and "No bookmarks in this document yet" in str(empty.render())
        await pilot.press("escape")
        assert not isinstance(app.screen, BookmarkList)


async def test_e_edits_a_note_and_escape_cancels_an_edit() -> None:
    bookmark = add(PASSAGE, "first thought")
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        await pilot.press("apostrophe", "e")
        assert isinstance(app.screen, NotePrompt)
        await pilot.press("ctrl+u", *"second thought", "enter")
        await settled(app, pilot)
        assert isinstance(app.screen, BookmarkList)
        assert "second thought" in str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("e", "ctrl+u", *"discarded", "escape")
        await settled(app, pilot)
    (again,) = stored()
    assert (again.id, again.note) == (bookmark.id, "second thought")


async def test_d_deletes_and_u_brings_it_back() -> None:
    bookmark = add(PASSAGE, "keep me")
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        keeper = await loaded(app, pilot)
        await pilot.press("apostrophe", "d")
        await settled(app, pilot)
        assert stored() == []
        assert keeper.bookmarks == []
        assert "Bookmark deleted - u to undo" in messages(app)
        assert "· 0 bookmarks ·" in str(app.screen.query_one(".list-title", Static).render())
        await pilot.press("escape", "u")  # undone from the reading view
        await settled(app, pilot)
        assert stored() == [bookmark]
        assert [b.id for b in keeper.bookmarks] == [bookmark.id]
        assert "Bookmark restored" in messages(app)


async def test_undo_lasts_a_few_seconds_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bookmarks_ui, "UNDO_SECONDS", 0.1)
    add(PASSAGE)
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        await pilot.press("apostrophe", "d")
        await settled(app, pilot)
        await pilot.pause(0.3)
        await pilot.press("u")
        await settled(app, pilot)
        assert stored() == []
        assert "Nothing to undo" in messages(app)


async def test_the_reading_position_is_resumed_with_a_notice() -> None:
    first = essay_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await loaded(first, pilot)
        await pilot.press("space", "space", "j")
        left_at = first.view.position
        assert left_at.offset > 0
    # Quit at once: the position is saved on the way out, not only every second.
    second = essay_app()
    async with second.run_test(size=(100, 30)) as pilot:
        await loaded(second, pilot)
        assert second.view.position.offset == left_at.offset
        assert f"Resumed at ¶ {second.view.position.block + 1} ({left_at.percent}%)" in messages(second)


async def test_the_position_is_saved_at_most_once_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    saves: list[int] = []
    original = BookmarkStore.save_position

    def counting(store: BookmarkStore, document: Document, offset: int) -> None:
        saves.append(offset)
        original(store, document, offset)

    monkeypatch.setattr(BookmarkStore, "save_position", counting)
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        await pilot.press(*"jjjjj")
        await pilot.pause(0.5)
        assert saves == []
        await pilot.pause(0.8)
        await settled(app, pilot)
        assert saves == [app.view.position.offset]


async def test_a_large_book_resumes_beyond_its_head_once_it_is_all_in(war_and_peace_path: Path) -> None:
    book = load_document(war_and_peace_path)
    offset = book.blocks[6000].start
    with BookmarkStore.open() as store:
        store.save_position(book, offset)
    app = text_app(war_and_peace_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        view = app.view
        assert app.document.complete
        assert view.text_layout.row_of_offset(offset) == round(view.scroll_y)
        assert view.cursor == 6000
        assert any(message.startswith("Resumed at ¶ 6001 (") for message in messages(app))


async def test_the_theme_chosen_is_applied_at_the_next_start() -> None:
    first = essay_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await loaded(first, pilot)
        assert first.theme != "nord"
        first.theme = "nord"
        await settled(first, pilot)
    with BookmarkStore.open() as store:
        assert store.get_setting("theme") == "nord"
    second = essay_app()
    async with second.run_test(size=(100, 30)) as pilot:
        await loaded(second, pilot)
        await settled(second, pilot)
        assert second.theme == "nord"


async def test_a_damaged_store_is_reported_as_a_warning(data_dir: Path) -> None:
    (data_dir / DATABASE_NAME).write_bytes(b"this is not a database" * 100)
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        (warning,) = [n for n in app._notifications if n.severity == "warning"]
        assert "was damaged" in warning.message
        await pilot.press("m", "enter")
        await settled(app, pilot)
        assert len(stored()) == 1  # the fresh store works


async def test_a_failing_write_is_a_notification_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*_: object) -> Bookmark:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(BookmarkStore, "add", failing)
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        await pilot.press("m", "enter")
        await settled(app, pilot)
        assert "Could not save the bookmark: disk I/O error" in messages(app)
        assert app.is_running
        assert marked_blocks(app.view) == set()


async def test_the_command_palette_offers_bookmarks() -> None:
    add(PASSAGE)
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"bookmarks")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkList)


def test_selection_points_snap_to_the_text() -> None:
    document = load_document(ESSAY)
    layout = layout_document(document, 40)
    row = layout.first_row_of_block(1)
    start, end = layout.row_start[layout.block_row[1]], layout.row_end[layout.block_row[1]]

    def offset(x: int, y: int, *, is_end: bool = False) -> int:
        return point_offset(document, layout, Offset(x, y), is_end=is_end)

    assert offset(3, row) == start + 3
    assert offset(-5, row) == start  # in the margin
    assert offset(500, row) == end  # past the row's end
    blank = row - 1  # between blocks 0 and 1
    assert offset(0, blank) == document.blocks[1].start
    assert offset(0, blank, is_end=True) == document.blocks[0].end
    assert offset(4, 0) == 0  # the title
    assert offset(0, layout.height + 3) == len(document.text)
    assert point_offset(document, layout, None, is_end=False) == 0
    assert point_offset(document, layout, None, is_end=True) == len(document.text)
    assert selected_range(document, layout, Selection(Offset(3, row), Offset(3, row))) is None
    assert selected_range(document, layout, Selection(None, None)) == (0, len(document.text))


def test_a_row_shows_only_its_selected_characters() -> None:
    selection = Selection(Offset(4, 10), Offset(6, 12))
    assert row_span(selection, 9, 30) is None
    assert row_span(selection, 10, 30) == (4, 30)
    assert row_span(selection, 11, 30) == (0, 30)
    assert row_span(selection, 12, 30) == (0, 6)
    assert row_span(Selection(Offset(-3, 5), Offset(50, 5)), 5, 30) == (0, 30)
    assert row_span(Selection(Offset(40, 5), Offset(50, 5)), 5, 30) is None
