"""Markdown in the reading view: heading levels, tight lists, a wide table that is clipped
with a marker and opens whole on enter, footnote references."""

from __future__ import annotations

from pathlib import Path

from reader.app.reading.document_view import CLIPPED_MARK
from reader.app.reading.wide_block import WideBlockScreen
from tests.app.helpers import press, ready, text_app, wait_until

WIDE_TABLE = "| " + " | ".join(f"column {n:02}" for n in range(14)) + " |\n|" + "---|" * 14 + "\n"
WIDE_TABLE += "| " + " | ".join(f"value {n:02}" for n in range(14)) + " |\n"
NOTES = f"""# Notes on a table

A paragraph with a note.[^one]

{WIDE_TABLE}
- tight
- list

[^one]: The note itself.
"""


async def test_a_wide_table_is_clipped_with_a_marker_and_opens_whole_on_enter(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    app = text_app(path)
    async with app.run_test(size=(80, 24)):
        view = (await ready(app)).view
        table = next(block.index for block in view.document.blocks if block.kind == "table")
        top = round(view.scroll_y)
        rows = [view.render_line(y).text for y in range(view.scrollable_content_region.height)]
        first_row = view.text_layout.first_row_of_block(table) - top
        assert rows[first_row].rstrip().endswith(CLIPPED_MARK)  # cut at the column, and marked
        assert all(len(row) <= 80 for row in rows)
        await press(app, "right_curly_bracket")
        assert view.cursor == table
        await press(app, "enter")
        assert isinstance(app.screen, WideBlockScreen)
        shot = app.export_screenshot()
        assert "column&#160;13" in shot or "column&#160;0" in shot
        await press(app, "escape")
        assert not isinstance(app.screen, WideBlockScreen)


async def test_headings_differ_by_level_and_tight_lists_are_tight(tmp_path: Path) -> None:
    path = tmp_path / "levels.md"
    path.write_text("# One\n\nText.\n\n## Two\n\n### Three\n\n- a\n- b\n- c\n", encoding="utf-8")
    app = text_app(path)
    async with app.run_test(size=(80, 24)):
        view = (await ready(app)).view
        await wait_until(lambda: view.laid_out, "layout")
        text = [view.render_line(y) for y in range(view.scrollable_content_region.height)]

        def style_of(word: str) -> tuple[bool, bool, bool]:
            for strip in text:
                for segment in strip:
                    style = segment.style
                    if segment.text.strip() == word and style is not None:
                        return bool(style.bold), bool(style.underline), bool(style.italic)
            raise AssertionError(word)

        assert len({style_of("Two"), style_of("Three")}) == 2
        rows = [strip.text.strip() for strip in text]
        items = [i for i, row in enumerate(rows) if row.endswith(("a", "b", "c")) and row.startswith("•")]
        assert items == list(range(items[0], items[0] + 3))  # no blank row between the items
