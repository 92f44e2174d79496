"""Bookmarks, notes, the reading position and the theme in the app, through the Pilot."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.geometry import Offset
from textual.selection import Selection
from textual.widgets import OptionList, Static

from reader.app.app import ReaderApp
from reader.app.bookmarks import keeper as keeper_module
from reader.app.bookmarks.keeper import BookmarkKeeper
from reader.app.bookmarks.list_screen import BookmarkList
from reader.app.bookmarks.prompt import NotePrompt
from reader.app.reading.document_view import BOOKMARK_MARK, DocumentView, Position
from reader.app.reading.screen import ReadingScreen
from reader.app.reading.text_selection import point_offset, row_span, selected_range
from reader.core.bookmarks import Bookmark, BookmarkStore
from reader.core.bookmarks.database import DATABASE_NAME
from reader.core.document import Document
from reader.core.layout import layout_document
from reader.core.loading import load_document
from tests.app.helpers import (
    ESSAY,
    essay_app,
    palette_hits,
    press,
    reading,
    text_app,
    type_text,
    view_of,
    wait_until,
)

PASSAGE = "Iran’s clerical regime is deeply unpopular, and domestic resistance is real."


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def loaded(app: ReaderApp) -> BookmarkKeeper:
    """The bookmark keeper once the store is open and the document's bookmarks are in."""
    await wait_until(
        lambda: reading(app).bookmarks is not None and reading(app).bookmarks.bookmarks is not None,  # type: ignore[union-attr]
        "the bookmarks to load",
    )
    keeper = reading(app).bookmarks
    assert keeper is not None
    return keeper


async def settled(app: ReaderApp) -> None:
    """Every store call made so far has finished and delivered its result."""
    await app.workers.wait_for_complete()


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


async def next_start_resumes_at(left_at: Position, *, notice: str | None = None) -> None:
    """The essay opened again comes back to `left_at`: top line and cursor (and `notice`)."""
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        await loaded(app)
        view = view_of(app)
        await wait_until(lambda: view.position.offset == left_at.offset, "the place to be resumed")
        assert view.cursor == left_at.block
        if notice is not None:
            await wait_until(lambda: notice in messages(app), "the notice")


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
    async with app.run_test(size=(100, 30)):
        await loaded(app)
        await press(app, "right_curly_bracket", "right_curly_bracket", "m")
        assert isinstance(app.screen, NotePrompt)
        await type_text(app, "q'Bmu: the crux")  # the app's keys are just letters here
        await press(app, "enter")
        assert not isinstance(app.screen, NotePrompt)
        await settled(app)
        (bookmark,) = stored()
        assert (bookmark.block, bookmark.note) == (2, "q'Bmu: the crux")
        assert bookmark.exact == view_of(app).document.block_text(2)
        await wait_until(lambda: marked_blocks(view_of(app)) == {2}, "the mark in the margin")
        assert "Bookmarked ¶ 3" in messages(app)


async def test_m_and_a_note_typed_in_one_burst_keep_the_note() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        await press(app, "m", "h", "e", "l", "l", "o", "enter")  # before the store is even open
        await settled(app)
        await loaded(app)
        await settled(app)
        (bookmark,) = stored()
        assert (bookmark.block, bookmark.note) == (0, "hello")


@pytest.mark.parametrize("wait_for_the_store", [False, True])
async def test_a_bookmark_made_just_before_q_is_kept(wait_for_the_store: bool) -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        if wait_for_the_store:
            await loaded(app)
        await press(app, "m", "h", "i", "enter", "q")
        await wait_until(lambda: not app.is_running, "the app to quit")
    (bookmark,) = stored()
    assert (bookmark.block, bookmark.note) == (0, "hi")


async def test_escape_in_the_prompt_cancels_and_enter_saves_without_a_note() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        await loaded(app)
        await press(app, "m", "x", "escape")
        await settled(app)
        assert stored() == []
        assert app.screen is reading(app)
        await press(app, "m", "enter")
        await settled(app)
        (bookmark,) = stored()
        assert (bookmark.block, bookmark.note) == (0, "")


async def test_m_on_a_bookmarked_paragraph_edits_its_note_instead_of_copying_it() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        keeper = await loaded(app)
        await press(app, "m", *"one", "enter")
        await settled(app)
        await wait_until(lambda: len(keeper.bookmarks or []) == 1, "the bookmark")
        await press(app, "m")
        assert isinstance(app.screen, NotePrompt)
        assert app.screen.query_one("Input").value == "one"  # type: ignore[attr-defined]
        await press(app, "ctrl+u", *"two", "enter")
        await settled(app)
        (bookmark,) = stored()
        assert bookmark.note == "two"


async def test_m_bookmarks_the_words_selected_with_the_mouse() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app)
        view = view_of(app)
        row = next(y for y in range(30) if "Trump now appears" in view.render_line(y).text)
        line = view.render_line(row).text
        start_x = line.index("Trump") + 1
        end_x = line.index("appears") + len("appe") - 1
        # Dragged backwards, from the last character to the first, cutting both words.
        await pilot.mouse_down(view, offset=(end_x, row))
        await pilot.hover(view, offset=(start_x, row))
        await pilot.mouse_up(view, offset=(start_x, row))
        await wait_until(lambda: app.screen.get_selected_text() == "rump now appe", "the selection")
        await press(app, "m", *"who", "enter")
        await settled(app)
        (bookmark,) = stored()
        assert (bookmark.exact, bookmark.note, bookmark.block) == ("Trump now appears", "who", 1)
        await wait_until(lambda: app.screen.selections == {}, "the selection to clear")
        await wait_until(lambda: marked_blocks(view) == {1}, "the mark")


async def test_a_selection_across_paragraphs_maps_to_the_text_between() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        view = view_of(app)
        await loaded(app)
        rows = [view.render_line(y).text for y in range(30)]
        first = next(y for y, line in enumerate(rows) if "Moscow’s allies" in line)
        last = next(y for y, line in enumerate(rows) if "Trump now appears" in line)
        start_x = rows[first].index("allies")
        # From a word of one paragraph, over the blank row, to the margin of the next row.
        await pilot.mouse_down(view, offset=(start_x, first))
        await pilot.hover(view, offset=(0, last))
        await pilot.mouse_up(view, offset=(0, last))
        await wait_until(lambda: view.selected_range is not None, "the selection")
        start, end = view.selected_range or (0, 0)
        text = view.document.text
        assert text[start:end] == app.screen.get_selected_text()
        assert text[start:].startswith("allies — they are useful")
        assert text[:end].endswith("US President Donald ")
        # The selected characters are drawn reversed (legible in every theme), the margin is not.
        drawn = view.render_line(first)
        selected = "".join(s.text for s in drawn if s.style is not None and s.style.reverse)
        assert "allies" in selected
        assert not drawn.text.startswith(selected[:3])


async def test_the_list_shows_passages_notes_and_jumps_with_a_flash() -> None:
    add("Although he once criticised American interventionism", "Trump and regime change")
    target = add(PASSAGE, "the crux")
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        keeper = await loaded(app)
        view = view_of(app)
        await wait_until(lambda: marked_blocks(view) == {1, 3}, "the marks")
        await press(app, "apostrophe")
        assert isinstance(app.screen, BookmarkList)
        shown = [str(option.prompt) for option in app.screen.query_one(OptionList).options]
        assert len(shown) == 2
        assert shown[0].startswith("¶ 2") and "✎ Trump and regime change" in shown[0]
        assert shown[1].startswith("¶ 4") and "“Iran’s clerical regime" in shown[1]
        await press(app, "j", "enter")
        assert not isinstance(app.screen, BookmarkList)
        await wait_until(lambda: view.cursor == target.block, "the jump")
        assert PASSAGE.replace(" ", "") in reversed_text(view).replace(" ", "")
        await wait_until(lambda: PASSAGE[:20] not in reversed_text(view), "the flash to fade")
        assert (keeper.bookmarks or [])[1].id == target.id
        await press(app, "backspace")  # a jump like any other: back goes back
        assert view.scroll_y == 0


async def test_B_opens_the_list_and_escape_closes_it() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        await loaded(app)
        await press(app, "B")
        assert isinstance(app.screen, BookmarkList)
        await press(app, "m", "apostrophe")  # neither bookmarks nor stacks a second list
        assert isinstance(app.screen, BookmarkList)
        assert len(app.screen_stack) == 2
        empty = app.screen.query_one(".list-empty", Static)
        assert empty.display and "No bookmarks in this document yet" in str(empty.render())
        await press(app, "escape")
        assert not isinstance(app.screen, BookmarkList)


async def test_e_edits_a_note_and_escape_cancels_an_edit() -> None:
    bookmark = add(PASSAGE, "first thought")
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        await loaded(app)
        await press(app, "apostrophe", "e")
        assert isinstance(app.screen, NotePrompt)
        await press(app, "ctrl+u", *"second thought", "enter")
        await settled(app)
        listing = app.screen
        assert isinstance(listing, BookmarkList)
        await wait_until(
            lambda: "second thought" in str(listing.query_one(OptionList).get_option_at_index(0).prompt),
            "the new note in the list",
        )
        await press(app, "e", "ctrl+u", *"discarded", "escape")
        await settled(app)
    (again,) = stored()
    assert (again.id, again.note) == (bookmark.id, "second thought")


async def test_d_deletes_and_U_brings_it_back() -> None:
    bookmark = add(PASSAGE, "keep me")
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        keeper = await loaded(app)
        await press(app, "apostrophe", "d")
        await settled(app)
        assert stored() == []
        assert keeper.bookmarks == []
        assert "Bookmark deleted — U to undo" in messages(app)
        listing = app.screen
        await wait_until(
            lambda: "· 0 bookmarks ·" in str(listing.query_one(".list-title", Static).render()), "the count"
        )
        await press(app, "escape", "U")  # undone from the reading view
        await settled(app)
        assert stored() == [bookmark]
        assert [b.id for b in keeper.bookmarks or []] == [bookmark.id]
        assert "Bookmark restored" in messages(app)


async def test_undo_lasts_a_few_seconds_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keeper_module, "UNDO_SECONDS", 0.05)
    add(PASSAGE)
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        keeper = await loaded(app)
        await press(app, "apostrophe", "d")
        await settled(app)
        await wait_until(lambda: not list(keeper.commands()), "the undo to expire")
        await press(app, "escape", "U")
        await settled(app)
        assert stored() == []
        await wait_until(lambda: "Nothing to undo" in messages(app), "the notice")


async def test_the_reading_position_and_cursor_are_resumed_with_a_notice() -> None:
    first = essay_app()
    async with first.run_test(size=(100, 30)):
        await loaded(first)
        await press(first, "space", "space", "j")
        left_at = view_of(first).position
        assert left_at.offset > 0
    # Quit at once: the position is saved on the way out, not only every second.
    resumed = f"Resumed at ¶ {left_at.block + 1} ({left_at.percent}%)"
    await next_start_resumes_at(left_at, notice=resumed)


async def test_the_place_is_kept_by_a_reader_who_quits_before_the_bookmarks_are_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The bookmarks' modules are imported in a thread after the first paint; a reader can
    # move and quit before that is done (here: never done).
    with monkeypatch.context() as patch:
        patch.setattr(ReadingScreen, "_start_bookmarks", lambda self: None)
        first = essay_app()
        async with first.run_test(size=(100, 30)):
            await press(first, "space", "space", "j")
            left_at = view_of(first).position
            assert left_at.offset > 0 and reading(first).bookmarks is None
    await next_start_resumes_at(left_at)


async def test_the_position_is_saved_at_most_once_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    saves: list[int] = []
    original = BookmarkStore.save_position

    def counting(store: BookmarkStore, document: Document, offset: int, cursor: int | None = None) -> None:
        saves.append(offset)
        original(store, document, offset, cursor)

    monkeypatch.setattr(BookmarkStore, "save_position", counting)
    clock = FakeClock()
    app = essay_app(clock=clock)
    async with app.run_test(size=(100, 30)):
        await loaded(app)
        view = view_of(app)
        await press(app, "space")
        await settled(app)
        assert saves == [view.position.offset] != [0]  # the first move is saved at once
        await press(app, *"jjjj")
        await settled(app)
        assert len(saves) == 1  # no second save within the second
        clock.now += 1.0
        await press(app, "j")
        await settled(app)
        assert saves == [saves[0], view.position.offset]


async def test_a_large_book_resumes_beyond_its_head_once_it_is_all_in(war_and_peace_path: Path) -> None:
    book = load_document(war_and_peace_path)
    offset = book.blocks[6000].start
    with BookmarkStore.open() as store:
        store.save_position(book, offset)
    app = text_app(war_and_peace_path)
    async with app.run_test(size=(100, 30)):
        view = view_of(app)
        await wait_until(lambda: view.document.complete, "the whole book", deadline=60)
        await loaded(app)
        await wait_until(lambda: view.text_layout.row_of_offset(offset) == round(view.scroll_y), "the resume")
        assert view.cursor == 6000
        await wait_until(
            lambda: any(m.startswith("Resumed at ¶ 6,001 (") for m in messages(app)), "the notice"
        )


async def test_the_theme_chosen_is_applied_at_the_next_start() -> None:
    first = essay_app()
    async with first.run_test(size=(100, 30)):
        await loaded(first)
        assert first.theme != "nord"
        first.theme = "nord"
        await settled(first)
    with BookmarkStore.open() as store:
        assert store.get_setting("theme") == "nord"
    second = essay_app()
    async with second.run_test(size=(100, 30)):
        await loaded(second)
        await wait_until(lambda: second.theme == "nord", "the theme")


async def test_a_damaged_store_is_reported_as_a_warning(data_dir: Path) -> None:
    (data_dir / DATABASE_NAME).write_bytes(b"this is not a database" * 100)
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        await loaded(app)
        await wait_until(lambda: any("was damaged" in n.message for n in app._notifications), "the warning")
        await press(app, "m", "enter")
        await settled(app)
        assert len(stored()) == 1  # the fresh store works


async def test_a_failing_write_is_a_notification_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*_: object) -> Bookmark:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(BookmarkStore, "add", failing)
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        await loaded(app)
        await press(app, "m", "enter")
        await settled(app)
        assert "Could not save the bookmark: disk I/O error" in messages(app)
        assert app.is_running
        assert marked_blocks(view_of(app)) == set()


async def test_the_command_palette_offers_bookmarks() -> None:
    add(PASSAGE)
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        await loaded(app)
        await press(app, "ctrl+p")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await type_text(app, "bookmarks")
        await wait_until(lambda: palette_hits(app) > 0, "palette hits")
        await press(app, "enter")
        await wait_until(lambda: isinstance(app.screen, BookmarkList), "the list")


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


async def test_a_delete_while_another_process_holds_the_lock_then_escape(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`B`, `d` while another reader holds the write lock, then `escape`: a notice that
    nothing was deleted, and no crash when the answer arrives after the list has closed."""
    from reader.core.bookmarks import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT", 0.3)
    add(PASSAGE, "keep me")
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        keeper = await loaded(app)
        # The app may be writing its own reading position: wait for that, then hold the lock.
        holder = sqlite3.connect(data_dir / DATABASE_NAME, timeout=30)
        holder.execute("BEGIN IMMEDIATE")
        try:
            await press(app, "B", "d", "escape")
            assert app.screen is reading(app)
            await settled(app)
            await wait_until(lambda: any("Could not delete" in m for m in messages(app)), "the notice")
        finally:
            holder.rollback()
            holder.close()
        assert app.is_running
        assert [b.note for b in keeper.bookmarks or []] == ["keep me"]
    assert [b.note for b in stored()] == ["keep me"]
