"""The reading view through the Pilot: every key, resizes, help and the palette."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.events import MouseScrollDown, MouseScrollUp

from reader.app.document_view import DEFAULT_MEASURE, DocumentView
from reader.app.help_screen import HelpScreen
from reader.app.keys import KEY_HELP
from reader.app.status_bar import StatusBar
from tests.app.helpers import essay_app, text_app


def visible_text(view: DocumentView) -> str:
    """The rows the view currently shows, as plain text."""
    return "\n".join(view.render_line(y).text for y in range(view.scrollable_content_region.height))


async def test_essay_opens_with_title_date_and_first_paragraph() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = visible_text(app.view)
        assert "2026-01-20" in screen
        assert "The loud cheers in parts of the West" in screen
        assert "---" not in screen
        assert "‘weaken Russia’s partners" in screen
        assert app.view.cursor == 0


async def test_line_keys_scroll_by_one_row() -> None:
    app = essay_app()
    async with app.run_test(size=(80, 20)) as pilot:
        for key in ("j", "down"):
            before = app.view.scroll_y
            await pilot.press(key)
            assert app.view.scroll_y == before + 1
        for key in ("k", "up"):
            before = app.view.scroll_y
            await pilot.press(key)
            assert app.view.scroll_y == before - 1


async def test_page_keys_and_ends() -> None:
    app = essay_app()
    async with app.run_test(size=(80, 20)) as pilot:
        view = app.view
        height = view.scrollable_content_region.height
        for key in ("space", "pagedown"):
            await pilot.press("g")
            await pilot.press(key)
            assert view.scroll_y == height - 2
        for key in ("b", "pageup"):
            await pilot.press("G")
            bottom = view.scroll_y
            await pilot.press(key)
            assert view.scroll_y == bottom - (height - 2)
        await pilot.press("end")
        assert view.scroll_y == view.max_scroll_y > 0
        assert view.cursor == len(app.document.blocks) - 1
        assert "friendship has clear limits" in visible_text(view)
        await pilot.press("home")
        assert view.scroll_y == 0
        assert view.cursor == 0


async def test_paragraph_keys_move_the_cursor_and_keep_it_visible() -> None:
    app = essay_app()
    async with app.run_test(size=(60, 16)) as pilot:
        view = app.view
        for expected in range(1, 8):
            await pilot.press("right_curly_bracket")
            assert view.cursor == expected
            layout = view.text_layout
            top = view.scroll_y
            assert top <= layout.first_row_of_block(expected) < top + view.scrollable_content_region.height
        await pilot.press("left_curly_bracket")
        assert view.cursor == 6
        # The cursor mark is drawn beside the current paragraph only.
        marked = [y for y in range(view.scrollable_content_region.height) if "▌" in view.render_line(y).text]
        assert marked
        rows = {view.text_layout.block_at_row(round(view.scroll_y) + y) for y in marked}
        assert rows == {6}


async def test_scrolling_away_moves_the_cursor_onto_the_screen() -> None:
    app = essay_app()
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.press("space", "space")
        view = app.view
        first = view.text_layout.first_row_of_block(view.cursor)
        assert view.cursor > 0
        assert first <= view.scroll_y + view.scrollable_content_region.height


async def test_measure_keys_narrow_widen_and_reset() -> None:
    app = essay_app()
    async with app.run_test(size=(160, 30)) as pilot:
        view = app.view
        assert view.column_width == DEFAULT_MEASURE
        await pilot.press("minus")
        assert view.column_width == DEFAULT_MEASURE - 4
        await pilot.press("plus", "plus", "plus")
        assert view.column_width == DEFAULT_MEASURE + 8
        longest = max(len(line.rstrip()) for line in visible_text(view).splitlines())
        assert longest > DEFAULT_MEASURE
        await pilot.press("equals_sign")
        assert view.column_width == DEFAULT_MEASURE


async def test_resize_rewraps_and_keeps_the_reading_place() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.view
        await pilot.press("right_curly_bracket", "right_curly_bracket", "right_curly_bracket")
        top_offset = view.text_layout.offset_of_row(round(view.scroll_y))
        for size in ((40, 12), (250, 70), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert view.column_width <= size[0]
            shown = view.text_layout.offset_of_row(round(view.scroll_y))
            # The text at the top stays within the paragraph that was there.
            assert app.document.block_at(shown) == app.document.block_at(top_offset)
            for line in visible_text(view).splitlines():
                assert len(line) <= size[0]


async def test_tiny_terminal_shows_text_and_status() -> None:
    app = essay_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert "The loud cheers" in visible_text(app.view)
        status = app.query_one(StatusBar)
        assert "%" in status.render().plain


async def test_status_bar_shows_progress() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        status = app.query_one(StatusBar)
        assert status.render().plain.lstrip().startswith("0%")
        await pilot.press("G")
        await pilot.pause()
        text = status.render().plain
        assert "100%" in text
        assert "¶ 16/16" in text


async def test_mouse_wheel_scrolls() -> None:
    app = essay_app()
    async with app.run_test(size=(80, 20)) as pilot:
        view = app.view
        await pilot.pause()
        view.post_message(MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert view.scroll_y > 0
        view.post_message(MouseScrollUp(view, 5, 5, 0, -1, 0, False, False, False))
        await pilot.pause()
        assert view.scroll_y == 0


async def test_help_screen_opens_and_closes() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 40)) as pilot:
        for key, closer in (("question_mark", "escape"), ("f1", "f1"), ("question_mark", "q")):
            await pilot.press(key)
            assert isinstance(app.screen, HelpScreen)
            await pilot.press(closer)
            assert not isinstance(app.screen, HelpScreen)


async def test_help_lists_every_binding() -> None:
    documented = " ".join(keys for _, rows in KEY_HELP for keys, _ in rows)
    app = essay_app()
    async with app.run_test(size=(100, 40)):
        for widget in (app, app.view):
            for binding in widget.BINDINGS:
                keys = binding.key.split(",")  # type: ignore[union-attr]
                names = {
                    "right_curly_bracket": "}",
                    "left_curly_bracket": "{",
                    "question_mark": "?",
                    "minus": "-",
                    "plus": "+",
                    "equals_sign": "=",
                    "pagedown": "PgDn",
                    "pageup": "PgUp",
                    "home": "Home",
                    "end": "End",
                    "down": "↓",
                    "up": "↑",
                    "f1": "F1",
                }
                assert any(names.get(key, key) in documented for key in keys), binding


async def test_command_palette_lists_reader_actions() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"go to end")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.view.scroll_y == app.view.max_scroll_y


async def test_q_quits() -> None:
    app = essay_app()
    async with app.run_test() as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_large_book_paints_its_head_then_loads_the_rest(war_and_peace_path: Path) -> None:
    app = text_app(war_and_peace_path)
    assert not app.document.complete  # only the head is parsed before the app starts
    assert len(app.document.blocks) < 12170
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("G")  # asked before the rest is in: honoured once it is
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.document.complete
        assert len(app.document.blocks) == 12170
        assert app.view.scroll_y == app.view.max_scroll_y
        assert "Project Gutenberg" in visible_text(app.view) or "eBooks" in visible_text(app.view)


async def test_offset_at_maps_screen_cells_to_document_offsets() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.view
        text = app.document.text
        for y in range(view.scrollable_content_region.height):
            line = view.render_line(y).text
            for x, character in enumerate(line):
                offset = view.offset_at(x, y)
                if offset is not None:
                    assert text[offset] == character
        first_row = view.render_line(3).text
        x = first_row.index("The loud")
        assert view.offset_at(x, 3) == 0
        assert view.offset_at(0, 3) is None  # the margin
