"""The library screen through the Pilot: open a document from it, forget one, keys in a burst."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from reader.app.app import ReaderApp
from reader.app.library.forget import ForgetPrompt
from reader.app.library.screen import LibraryScreen
from reader.app.reading.screen import ReadingScreen
from reader.core.bookmarks import BookmarkStore
from reader.core.loading import load_document
from tests.app.helpers import essay_app, palette_hits, press, reading, type_text, wait_until


async def keeper_loaded(app: ReaderApp) -> None:
    """The essay itself is in the library (recorded once its bookmarks are loaded)."""

    def loaded() -> bool:
        keeper = reading(app).bookmarks
        return keeper is not None and keeper.bookmarks is not None

    await wait_until(loaded, "the bookmarks to load")


def other_document(tmp_path: Path) -> Path:
    """A second document, read before, with a bookmark."""
    other = tmp_path / "other.md"
    other.write_text("# The Other Book\n\nA first paragraph.\n\nA second paragraph.\n", encoding="utf-8")
    with BookmarkStore.open() as store:
        store.add(load_document(other), 0, 5, "kept")
    return other


async def test_library_then_enter_in_one_burst_opens_the_document(tmp_path: Path) -> None:
    other = other_document(tmp_path)
    app = essay_app()
    async with app.run_test(size=(120, 30)):
        await keeper_loaded(app)
        await press(app, "L", "j", "enter")  # the essay is the newest: the other book is second
        screen = app.screen
        assert isinstance(screen, ReadingScreen) and screen is not reading(app)
        assert screen.view.document.source == other
        await press(app, "backspace")  # back to the essay
        assert app.screen is reading(app)


async def test_enter_on_the_document_open_here_stays(tmp_path: Path) -> None:
    app = essay_app()
    async with app.run_test(size=(120, 30)):
        await keeper_loaded(app)
        await press(app, "L", "enter")
        assert app.screen is reading(app) and len(app.screen_stack) == 1


async def test_a_vanished_file_is_shown_and_not_opened(tmp_path: Path) -> None:
    other = other_document(tmp_path)
    other.unlink()
    app = essay_app()
    async with app.run_test(size=(120, 30)):
        await keeper_loaded(app)
        await press(app, "L", "j", "enter")
        screen = app.screen
        assert isinstance(screen, LibraryScreen) and screen.entries is not None
        assert "missing" in str(screen.query_one(OptionList).get_option_at_index(1).prompt)
        await wait_until(
            lambda: any("Not found" in n.message for n in app._notifications), "the missing-file notice"
        )


async def test_forget_keeps_bookmarks_unless_asked(tmp_path: Path) -> None:
    other_document(tmp_path)
    app = essay_app()
    async with app.run_test(size=(120, 30)):
        await keeper_loaded(app)
        await press(app, "L", "j", "d")
        assert isinstance(app.screen, ForgetPrompt)
        await press(app, "escape")
        assert isinstance(app.screen, LibraryScreen) and len(app.screen.entries or []) == 2
        await press(app, "d", "y")
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await wait_until(lambda: library.entries is not None and len(library.entries) == 1, "one left")
        with BookmarkStore.open() as store:
            assert len(store.bookmarks()) == 1
        await press(app, "d", "D")  # the essay now, with its bookmarks (none): the library is empty
        await wait_until(lambda: library.entries == [], "an empty library")
        await press(app, "escape")
        assert len(app.screen_stack) == 1


async def test_the_palette_opens_the_library() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 30)):
        await keeper_loaded(app)
        await press(app, "ctrl+p")
        await type_text(app, "library")
        await wait_until(lambda: palette_hits(app) > 0, "the palette's hits")
        await press(app, "enter")
        await wait_until(lambda: isinstance(app.screen, LibraryScreen), "the library")


async def test_a_file_moved_to_a_folder_the_library_knows_is_found_and_opened(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    other = other_document(tmp_path / "a")
    other.rename(
        tmp_path / "renamed.md"
    )  # the essay's folder is known; this one too, as the old one's parent
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    (tmp_path / "renamed.md").rename(shelf / "renamed.md")
    third = shelf / "third.txt"
    third.write_text("Third.\n", encoding="utf-8")
    with BookmarkStore.open() as store:
        store.bookmarks(load_document(third))  # the shelf is a folder the library knows
    app = essay_app()
    async with app.run_test(size=(120, 30)):
        await keeper_loaded(app)
        await press(app, "L")
        library = app.screen
        assert isinstance(library, LibraryScreen) and library.entries is not None
        moved = [entry for entry in library.entries if str(entry.state) == "moved"]
        assert [entry.path for entry in moved] == [shelf / "renamed.md"]
        assert "found again here" in str(library.query_one(OptionList).get_option_at_index(2).prompt)
        await press(app, "end", "enter")
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.view.document.source == shelf / "renamed.md"
