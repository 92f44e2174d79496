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
