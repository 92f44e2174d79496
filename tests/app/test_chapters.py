"""Chapters in the app: `[`/`]`, the status bar's chapter, the contents pane and go-to."""

from __future__ import annotations

from pathlib import Path

from reader.app.app import ReaderApp
from reader.app.reading.screen import ReadingScreen
from reader.app.reading.status_bar import StatusBar
from tests.app.helpers import essay_app, press, ready, text_app, wait_until


async def whole_book(app: ReaderApp) -> ReadingScreen:
    """The reading screen once the whole book is in (chapters past its head exist)."""
    screen = await ready(app)
    await wait_until(lambda: screen.complete is not None and screen.view.document.complete, "the whole book")
    return screen


def status(app: ReaderApp) -> str:
    return app.query_one(StatusBar).render().plain


async def test_bracket_burst_steps_through_chapters(war_and_peace_path: Path) -> None:
    app = text_app(war_and_peace_path)
    async with app.run_test(size=(100, 24)):
        screen = await whole_book(app)
        chapters = screen.contents.chapters
        await press(app, "]", "]", "]")
        assert screen.view.cursor == chapters[2].block
        await wait_until(lambda: "Book One, Chapter II · 0%" in status(app), "the chapter in the status bar")
        await press(app, "j", "j", "j", "j", "j", "j")
        await press(app, "[")  # back to this chapter's start first
        assert screen.view.cursor == chapters[2].block
        await press(app, "[", "[")
        assert screen.view.cursor == chapters[0].block
        assert screen.history.back(screen._here()) is None  # motions, not jumps


async def test_status_bar_says_the_chapter_at_40_columns(war_and_peace_path: Path) -> None:
    app = text_app(war_and_peace_path)
    async with app.run_test(size=(40, 12)):
        screen = await whole_book(app)
        index = screen.contents.names().index("Book Nine, Chapter IV")
        screen.view.go_to_paragraph(screen.contents.chapters[index].block + 3)
        await wait_until(lambda: "Chapter IV · " in status(app), "the chapter's title")
        shown = status(app)
        assert shown.rstrip().endswith("? help") and len(shown) <= 40
        assert "%" in shown.split("Chapter IV")[1]


async def test_the_essay_has_no_chapters_and_says_so() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 24)):
        screen = await ready(app)
        await press(app, "]")
        assert screen.view.cursor == 0
        await wait_until(
            lambda: any("no chapters" in str(n.message) for n in app._notifications), "the notice"
        )


async def test_contents_then_enter_in_one_burst_goes_to_the_chapter(war_and_peace_path: Path) -> None:
    app = text_app(war_and_peace_path)
    async with app.run_test(size=(100, 30)):
        screen = await whole_book(app)
        contents = screen.contents
        index = contents.names().index("Book Nine, Chapter IV")
        chapter = contents.chapters[index]
        screen.view.go_to_paragraph(chapter.block + 5)
        await press(app, "c", "enter")  # the list is focused as it opens: enter lands there
        assert app.screen is screen
        assert screen.view.cursor == chapter.block
        await press(app, "c", "j", "j", "enter")
        assert screen.view.cursor == contents.chapters[index + 2].block
        await press(app, "backspace", "backspace")  # each chapter was a jump
        assert screen.view.cursor == chapter.block + 5


async def test_contents_marks_the_chapter_and_what_is_read(war_and_peace_path: Path) -> None:
    from textual.widgets import OptionList

    from reader.app.reading.contents_screen import ContentsScreen

    app = text_app(war_and_peace_path)
    async with app.run_test(size=(100, 30)):
        screen = await whole_book(app)
        index = screen.contents.names().index("Book Two, Chapter III")
        screen.view.go_to_paragraph(screen.contents.chapters[index].block + 2)
        await press(app, "c")
        listing = app.screen
        assert isinstance(listing, ContentsScreen)
        options = listing.query_one(OptionList)
        assert options.highlighted == index
        rows = [str(options.get_option_at_index(i).prompt) for i in range(index + 2)]
        assert rows[index].startswith("▶") and rows[index].endswith("Chapter III")
        assert all(row.split()[0] == "read" for row in rows[1 : index - 3])
        assert "%" in rows[index - 3]  # Book Two, part read
        assert rows[index + 1].split() == ["Chapter", "IV"]  # nothing read yet
        await press(app, "escape")
        assert app.screen is screen and screen.view.cursor == screen.contents.chapters[index].block + 2


async def test_contents_of_a_document_without_chapters_says_so() -> None:
    from textual.widgets import Static

    app = essay_app()
    async with app.run_test(size=(100, 30)):
        await ready(app)
        await press(app, "c")
        empty = app.screen.query_one(".list-empty", Static)
        assert "No chapters" in str(empty.render())
        await press(app, "enter", "escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_colon_goes_to_a_chapter_with_completion(war_and_peace_path: Path) -> None:
    from textual.widgets import Input

    app = text_app(war_and_peace_path)
    async with app.run_test(size=(100, 30)):
        screen = await whole_book(app)
        names = screen.contents.names()
        target = screen.contents.chapters[names.index("Book Nine, Chapter IV")]
        await press(app, "colon", *"Book Nine, Chapter I", "V")
        field = app.screen.query_one(Input)
        await wait_until(lambda: field._suggestion == "Book Nine, Chapter IV", "the suggestion")
        await press(app, "enter")
        assert screen.view.cursor == target.block
        # Completed with tab, typed in one burst with the colon.
        await press(app, "colon", *"First Ep", "tab", "enter")
        assert screen.view.cursor == screen.contents.chapters[names.index("First Epilogue: 1813 - 20")].block
        await press(app, "backspace")
        assert screen.view.cursor == target.block


async def test_the_palette_finds_a_chapter(war_and_peace_path: Path) -> None:
    from textual.command import CommandPalette

    from tests.app.helpers import palette_hits, type_text

    app = text_app(war_and_peace_path)
    async with app.run_test(size=(100, 30)):
        screen = await whole_book(app)
        await press(app, "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await type_text(app, "book nine, chapter xxiii")
        await wait_until(lambda: palette_hits(app) > 0, "palette hits")
        await press(app, "enter")
        target = screen.contents.chapters[screen.contents.names().index("Book Nine, Chapter XXIII")]
        await wait_until(lambda: screen.view.cursor == target.block, "the chapter")
        assert screen.history.can_go_back
