"""The reading view through the Pilot: less's keys, counts, the cursor, resizes, the palette."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from textual.command import CommandPalette
from textual.containers import VerticalScroll
from textual.events import MouseScrollDown, MouseScrollUp

from reader.app.help_screen import HelpScreen
from reader.app.reading.document_view import DEFAULT_MEASURE, DocumentView
from reader.app.reading.go_to import GoToPrompt
from reader.app.reading.status_bar import StatusBar
from tests.app.helpers import (
    GLOSSARY,
    essay_app,
    glossary_ready,
    palette_hits,
    press,
    ready,
    text_app,
    type_text,
    view_of,
    wait_until,
)


def laid_out_at(view: DocumentView, width: int) -> bool:
    """Whether the view has its new width (less a scrollbar) and the layout for it."""
    return view.size.width in (width - 1, width) and view.text_layout is view._current


def visible_text(view: DocumentView) -> str:
    """The rows the view currently shows, as plain text."""
    return "\n".join(view.render_line(y).text for y in range(view.scrollable_content_region.height))


async def test_essay_opens_with_title_date_and_first_paragraph() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        screen = visible_text((await ready(app)).view)
        assert "2026-01-20" in screen
        assert "The loud cheers in parts of the West" in screen
        assert "---" not in screen
        assert "‘weaken Russia’s partners" in screen
        assert view_of(app).cursor == 0


async def test_line_keys_scroll_by_one_row() -> None:
    app = essay_app()
    async with app.run_test(size=(80, 20)):
        view = (await ready(app)).view
        for key in ("j", "down", "e", "ctrl+e"):
            before = view.scroll_y
            await press(app, key)
            assert view.scroll_y == before + 1, key
        for key in ("k", "up", "y", "ctrl+y"):
            before = view.scroll_y
            await press(app, key)
            assert view.scroll_y == before - 1, key


async def test_page_keys_half_pages_and_ends() -> None:
    app = essay_app()
    async with app.run_test(size=(80, 20)):
        view = (await ready(app)).view
        height = view.scrollable_content_region.height
        for key in ("space", "pagedown", "f", "ctrl+f", "ctrl+v"):
            await press(app, "g", key)
            assert view.scroll_y == height - 2, key
        for key in ("d", "ctrl+d"):
            await press(app, "g", key)
            assert view.scroll_y == height // 2, key
        for key in ("b", "pageup", "ctrl+b"):
            await press(app, "G")
            bottom = view.scroll_y
            await press(app, key)
            assert view.scroll_y == bottom - (height - 2), key
        for key in ("u", "ctrl+u"):
            await press(app, "G")
            bottom = view.scroll_y
            await press(app, key)
            assert view.scroll_y == bottom - height // 2, key
        await press(app, "end")
        assert view.scroll_y == view.max_scroll_y > 0
        assert view.cursor == len(view.document.blocks) - 1
        assert "friendship has clear limits" in visible_text(view)
        await press(app, "home")
        assert view.scroll_y == 0
        assert view.cursor == 0


async def test_a_count_before_a_motion_repeats_it() -> None:
    app = essay_app()
    async with app.run_test(size=(80, 20)):
        view = (await ready(app)).view
        await press(app, "5", "j")
        assert view.scroll_y == 5
        await press(app, "1", "2", "j", "3", "k")
        assert view.scroll_y == 14
        await press(app, "2", "space")
        assert view.scroll_y == 14 + 2 * (view.scrollable_content_region.height - 2)
        # A key that is not a motion uses up the count: `5x` then `j` moves one row.
        await press(app, "g", "5", "x", "j")
        assert view.scroll_y == 1


async def test_a_count_before_g_goes_to_that_paragraph_and_percent_goes_that_far() -> None:
    app = essay_app()
    async with app.run_test(size=(80, 20)):
        view = (await ready(app)).view
        await press(app, "1", "2", "g")
        assert view.cursor == 11
        assert view.position.block == 11
        top = round(view.scroll_y)
        assert top <= view.text_layout.first_row_of_block(11) < top + view.scrollable_content_region.height
        await press(app, "3", "G")
        assert view.cursor == 2
        await press(app, "5", "0", "percent_sign")
        assert abs(view.position.percent - 50) <= 1  # as near as whole rows allow
        await press(app, "1", "0", "0", "p")
        assert view.scroll_y == view.max_scroll_y
        assert view.cursor == len(view.document.blocks) - 1
        await press(app, "9", "9", "9", "g")  # beyond the end: the last paragraph
        assert view.cursor == len(view.document.blocks) - 1


async def test_paging_carries_the_reading_cursor_to_the_last_paragraph() -> None:
    app = essay_app()
    async with app.run_test(size=(80, 24)):
        view = (await ready(app)).view
        while view.scroll_y < view.max_scroll_y:
            await press(app, "space")
            top = round(view.scroll_y)
            cursor_row = view.text_layout.first_row_of_block(view.cursor)
            assert view.text_layout.last_row_of_block(view.cursor) >= top
            assert cursor_row < top + view.scrollable_content_region.height
        assert view.cursor == len(view.document.blocks) - 1
        assert view.position.block == len(view.document.blocks) - 1


async def test_paragraph_keys_move_the_cursor_and_keep_it_visible() -> None:
    app = essay_app()
    async with app.run_test(size=(60, 16)):
        view = (await ready(app)).view
        for expected in range(1, 8):
            await press(app, "right_curly_bracket")
            assert view.cursor == expected
            layout = view.text_layout
            top = view.scroll_y
            assert top <= layout.first_row_of_block(expected) < top + view.scrollable_content_region.height
        await press(app, "left_curly_bracket")
        assert view.cursor == 6
        await press(app, "3", "left_curly_bracket")
        assert view.cursor == 3
        # The cursor mark is drawn beside the current paragraph only.
        marked = [y for y in range(view.scrollable_content_region.height) if "▌" in view.render_line(y).text]
        assert marked
        rows = {view.text_layout.block_at_row(round(view.scroll_y) + y) for y in marked}
        assert rows == {3}


async def test_measure_keys_narrow_widen_and_reset() -> None:
    app = essay_app()
    async with app.run_test(size=(160, 30)):
        view = (await ready(app)).view
        assert view.column_width == DEFAULT_MEASURE
        await press(app, "minus")
        assert view.column_width == DEFAULT_MEASURE - 4
        await press(app, "plus", "plus", "plus")
        assert view.column_width == DEFAULT_MEASURE + 8
        longest = max(len(line.rstrip()) for line in visible_text(view).splitlines())
        assert longest > DEFAULT_MEASURE
        await press(app, "equals_sign")
        assert view.column_width == DEFAULT_MEASURE


async def test_resize_rewraps_and_keeps_the_reading_place() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = (await ready(app)).view
        await press(app, "right_curly_bracket", "right_curly_bracket", "right_curly_bracket")
        top_offset = view.text_layout.offset_of_row(round(view.scroll_y))
        for size in ((40, 12), (250, 70), (80, 24)):
            await pilot.resize_terminal(*size)
            await wait_until(partial(laid_out_at, view, size[0]), "the resize")
            assert view.column_width <= size[0]
            shown = view.text_layout.offset_of_row(round(view.scroll_y))
            # The text at the top stays within the paragraph that was there.
            assert view.document.block_at(shown) == view.document.block_at(top_offset)
            for line in visible_text(view).splitlines():
                assert len(line) <= size[0]


async def test_tiny_terminal_shows_text_and_a_status_with_help() -> None:
    app = essay_app()
    async with app.run_test(size=(40, 12)):
        screen = await ready(app)
        assert "The loud cheers" in visible_text(screen.view)
        status = app.query_one(StatusBar).render().plain
        assert "%" in status
        assert "? help" in status


async def test_the_status_bar_keeps_help_at_every_width() -> None:
    status = StatusBar("A title long enough to be cut in a narrow terminal, surely", 12170)
    for width in (40, 50, 60, 80, 120, 200):
        app = essay_app()
        async with app.run_test(size=(width, 12)):
            await ready(app)
            text = app.query_one(StatusBar).render().plain
            assert text.rstrip().endswith("? help"), (width, text)
            assert len(text) <= width
    assert status.title_text.startswith("A title")


async def test_status_bar_shows_progress() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 20)):
        await ready(app)
        status = app.query_one(StatusBar)
        assert status.render().plain.lstrip().startswith("0%")
        await press(app, "G")
        await wait_until(lambda: "100%" in status.render().plain, "the status to say 100%")
        assert "¶ 16/16" in status.render().plain


async def test_mouse_wheel_scrolls() -> None:
    app = essay_app()
    async with app.run_test(size=(80, 20)):
        view = (await ready(app)).view
        await wait_until(lambda: view.allow_vertical_scroll, "the scrollbars to be laid out")
        view.post_message(MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False))
        await wait_until(lambda: view.scroll_y > 0, "a scroll down")
        view.post_message(MouseScrollUp(view, 5, 5, 0, -1, 0, False, False, False))
        await wait_until(lambda: view.scroll_y == 0, "a scroll back up")


async def test_keys_typed_before_the_first_paint_are_all_kept() -> None:
    app = essay_app()
    async with app.run_test(size=(80, 20)):
        # Posted before the screen is laid out: held by the key gate, then applied in order.
        target = app.key_gate.handled + 3
        for key in ("space", "j", "j"):
            from tests.app.helpers import key_event

            app.post_message(key_event(key))
        await app.key_gate.wait_handled(target)
        view = view_of(app)
        assert view.scroll_y == view.scrollable_content_region.height - 2 + 2


async def test_G_before_the_first_paint_reaches_the_end_on_screen() -> None:
    app = essay_app()
    async with app.run_test(size=(80, 20)):
        from tests.app.helpers import key_event

        target = app.key_gate.handled + 1
        app.post_message(key_event("G"))
        await app.key_gate.wait_handled(target)
        view = view_of(app)
        assert view.scroll_y == view.max_scroll_y > 0
        assert "friendship has clear limits" in visible_text(view)


async def test_colon_goes_to_a_paragraph_a_percent_or_an_entry() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        screen = await ready(app)
        await glossary_ready(app)
        view = screen.view
        await press(app, "colon")
        assert isinstance(app.screen, GoToPrompt)
        await type_text(app, "12")
        await press(app, "enter")
        assert view.cursor == 11
        await press(app, "colon")
        await type_text(app, "100%")
        await press(app, "enter")
        assert view.scroll_y == view.max_scroll_y
        await press(app, "colon")
        await type_text(app, "mossad")
        await press(app, "enter")
        pane = screen.pane
        assert pane is not None
        await wait_until(lambda: pane.view.title == "Mohammad Mosaddegh", "the entry to open")
        # Each jump is a step back.
        await press(app, "escape", "backspace")
        assert view.scroll_y == view.max_scroll_y


async def test_colon_with_a_paragraph_that_does_not_exist_says_so() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        view = (await ready(app)).view
        await press(app, "colon")
        await type_text(app, "999")
        await press(app, "enter")
        assert view.cursor == 0
        await wait_until(lambda: any("no ¶ 999" in n.message for n in app._notifications), "the notice")


async def test_command_palette_lists_reader_actions() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        view = (await ready(app)).view
        await press(app, "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await type_text(app, "go to end")
        await wait_until(lambda: palette_hits(app) > 0, "palette hits")
        await press(app, "enter")
        await wait_until(lambda: view.scroll_y == view.max_scroll_y, "the end")


async def test_q_quits() -> None:
    app = essay_app()
    async with app.run_test():
        await ready(app)
        await press(app, "q")
        await wait_until(lambda: not app.is_running, "the app to quit")
    assert app.return_code == 0


async def test_large_book_paints_its_head_then_loads_the_rest(war_and_peace_path: Path) -> None:
    app = text_app(war_and_peace_path)
    async with app.run_test(size=(100, 30)):
        view = (await ready(app)).view
        assert not view.document.complete  # only the head is parsed before the app starts
        assert len(view.document.blocks) < 12170
        await press(app, "G")  # asked before the rest is in: honoured once it is
        await wait_until(lambda: view.document.complete, "the whole book", deadline=60)
        assert len(view.document.blocks) == 12170
        assert view.scroll_y == view.max_scroll_y
        assert "eBooks" in visible_text(view) or "Gutenberg" in visible_text(view)


async def test_offset_at_maps_screen_cells_to_document_offsets() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 30)):
        view = (await ready(app)).view
        text = view.document.text
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


async def test_the_help_scrolls_with_the_reading_keys() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 20)):
        await ready(app)
        await press(app, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        scroll = app.screen.query_one(VerticalScroll)
        await wait_until(lambda: scroll.max_scroll_y > 10, "the help laid out")
        await press(app, "j", "j")
        assert scroll.scroll_y == 2
        await press(app, "G")
        assert scroll.scroll_y == scroll.max_scroll_y
        await press(app, "g", "space")
        assert scroll.scroll_y > 2
        await press(app, "escape")
        assert not isinstance(app.screen, HelpScreen)
