"""Textual's mouse selection mapped onto the document: screen points to character offsets.

The reading view tags every row it draws with `Strip.apply_offsets(x, row)`, where
`row` is the row of the layout (not of the screen, so a selection survives
scrolling) and `x` counts characters from the start of the row's text (the margin
before it is negative).  Textual then reports a selection as two such points;
this module turns them into a `[start, end)` range of `Document.text`.
"""

from __future__ import annotations

from textual.geometry import Offset
from textual.selection import Selection

from reader.core.document import Document
from reader.core.layout import Layout


def point_offset(document: Document, layout: Layout, point: Offset | None, *, is_end: bool) -> int:
    """The document offset a selection point stands for.

    A point in the margin or past a row's end snaps to that row's text; a point on
    a blank row between blocks belongs to the next block when it starts a selection
    and to the previous one when it ends it; a missing point is the text's edge.
    """
    text_length = len(document.text)
    if point is None:
        return text_length if is_end else 0
    if point.y >= layout.height:
        return text_length
    info = layout.info(point.y)
    if info.text_row >= 0:
        start, end = layout.row_start[info.text_row], layout.row_end[info.text_row]
        return start + max(0, min(point.x, end - start))
    if info.block < 0:  # the title and date above the text
        return 0
    following = min(info.block + 1, len(document.blocks) - 1)
    return document.blocks[info.block].end if is_end else document.blocks[following].start


def selected_range(document: Document, layout: Layout, selection: Selection) -> tuple[int, int] | None:
    """The `[start, end)` range of `document.text` that `selection` covers, or None if empty."""
    if not document.blocks:
        return None
    start = point_offset(document, layout, selection.start, is_end=False)
    end = point_offset(document, layout, selection.end, is_end=True)
    return (start, end) if start < end else None


def row_span(selection: Selection, row: int, length: int) -> tuple[int, int] | None:
    """The characters `[start, end)` of a row of `length` characters to draw as selected."""
    span = selection.get_span(row)
    if span is None:
        return None
    start, end = span
    start, end = max(0, start), length if end == -1 else min(length, end)
    return (start, end) if start < end else None
