"""The document laid out as rows for one column width: what the reading view scrolls.

A `Layout` is computed once per width (and cached by the view).  It keeps each
text row as a `[start, end)` range of `Document.text` in two flat integer arrays,
and where each block's rows begin; the blank row between two blocks is implied
(except before a `tight` block, the next item of a tight list).  So a 60,000-row
book costs under a megabyte, and a row's block is a bisection.

Blocks that never wrap (tables, program output) get one row per line however
wide; `Layout.clipped` lists those wider than the column, for the view to clip
with a marker or scroll sideways.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from operator import add
from typing import NamedTuple

from reader.core.document import FLOWING_UNINDENTED, Block, BlockKind, Document
from reader.core.wrap import all_single_cell, wrap, wrap_all

QUOTE_BAR = "│ "
LIST_INDENT = 2
PREFORMATTED_INDENT = 2
NOTE_MARKER_WIDTH = 4
"""A note's marker (`[1]`, `[12]`) hangs in this many cells, so that notes align."""


def block_indent(block: Block) -> int:
    """Cells before every row of a block (a list marker hangs in its first row's indent)."""
    if block.kind is BlockKind.QUOTE:
        return len(QUOTE_BAR) * max(1, block.level)
    if block.kind is BlockKind.LIST_ITEM:
        # Every paragraph of an item hangs at the same place, marker or not.
        return LIST_INDENT * (block.level + 1) + max(len(block.marker), 1)
    if block.kind is BlockKind.NOTE:
        return LIST_INDENT + NOTE_MARKER_WIDTH
    if block.kind is BlockKind.RAW:
        return 0
    if block.kind.preformatted:
        return PREFORMATTED_INDENT
    return 0


class RowInfo(NamedTuple):
    """What a screen row shows: header line, blank separator, or a row of a block."""

    block: int
    """The block, or -1 in the header."""
    text_row: int
    """Index into `Layout.row_start`/`row_end`, or -1 for a header or blank row."""
    first: bool = False
    """The first row of its block (where a list marker goes)."""


@dataclass(slots=True, repr=False)
class Layout:
    """Rows of a document wrapped to `width` cells, after `header` rows (title, date)."""

    width: int
    header: list[str]
    row_start: array[int]
    row_end: array[int]
    block_row: list[int]
    """Index of each block's first text row."""
    blanks: Sequence[int] | None = None
    """How many blank rows come before each block (after the header); None: one between
    every two blocks, `range(len(block_row))`."""
    clipped: frozenset[int] = frozenset()
    """Blocks that are never wrapped and have a line wider than the column at this width."""
    _blanks: Sequence[int] = field(init=False, repr=False)
    _screen_first: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._blanks = range(len(self.block_row)) if self.blanks is None else self.blanks
        self._screen_first = list(map(add, self.block_row, self._blanks))

    def __repr__(self) -> str:
        """Short, as `Document`'s is: a repr of every row of a book is never wanted."""
        return f"<Layout {len(self.row_start)} rows of {len(self.block_row)} blocks at width {self.width}>"

    @property
    def height(self) -> int:
        blanks = self._blanks[-1] if self._blanks else 0
        return len(self.header) + len(self.row_start) + blanks

    def info(self, row: int) -> RowInfo:
        """Which block and text row screen row `row` shows."""
        body = row - len(self.header)
        if body < 0 or not self.block_row:
            return RowInfo(-1, -1)
        block = bisect.bisect_right(self._screen_first, body) - 1
        text_row = self.block_row[block] + (body - self._screen_first[block])
        if text_row >= self._rows_end(block):
            return RowInfo(block, -1)
        return RowInfo(block, text_row, text_row == self.block_row[block])

    def first_row_of_block(self, block: int) -> int:
        return len(self.header) + self._screen_first[block]

    def last_row_of_block(self, block: int) -> int:
        return self.first_row_of_block(block) + self._rows_end(block) - self.block_row[block] - 1

    def block_at_row(self, row: int) -> int:
        """The block shown on `row`; for header and blank rows, the next block."""
        info = self.info(row)
        if info.block < 0:
            return 0
        if info.text_row < 0:
            return min(info.block + 1, len(self.block_row) - 1)
        return info.block

    def row_of_offset(self, offset: int) -> int:
        """The screen row showing document character `offset` (or the row before it)."""
        if not self.row_start:
            return len(self.header)
        text_row = max(0, bisect.bisect_right(self.row_start, offset) - 1)
        block = bisect.bisect_right(self.block_row, text_row) - 1
        return len(self.header) + text_row + self._blanks[block]

    def offset_of_row(self, row: int) -> int:
        """The document offset where screen row `row` starts (the next row's, if blank)."""
        info = self.info(row)
        if info.block < 0 or not self.row_start:
            return 0
        text_row = (
            info.text_row if info.text_row >= 0 else min(self._rows_end(info.block), len(self.row_start) - 1)
        )
        return self.row_start[text_row]

    def _rows_end(self, block: int) -> int:
        return self.block_row[block + 1] if block + 1 < len(self.block_row) else len(self.row_start)


def header_lines(document: Document, width: int) -> list[str]:
    """Title (wrapped) and date, then a blank row."""
    title = document.title
    lines = [title[start:end] for start, end in wrap(title, width)]
    if document.date:
        lines.append(document.date)
    lines.append("")
    return lines


def layout_document(document: Document, width: int, *, single_cell: bool | None = None) -> Layout:
    """Wrap every block of `document` to `width` cells.

    Plain prose is wrapped in one pass over the whole text; only blocks with an
    indent, wide characters or preformatted lines are wrapped one by one.
    `single_cell` is `all_single_cell(document.text)`, if the caller knows it.
    """
    text = document.text
    width = max(1, width)
    blocks = document.blocks
    fast = all_single_cell(text) if single_cell is None else single_cell
    all_starts, all_ends = wrap_all(text, width) if fast else (array("l"), array("l"))
    starts: array[int] = array("l")
    ends: array[int] = array("l")
    block_row: list[int] = []
    taken = 0  # rows of all_starts/all_ends copied so far
    cursor = 0
    for block in blocks:
        if fast and block.kind in FLOWING_UNINDENTED:
            following = bisect.bisect_left(all_starts, block.end, cursor)
            if following > cursor:
                block_row.append(len(starts) + (cursor - taken))
                cursor = following
                continue
        starts.extend(all_starts[taken:cursor])
        ends.extend(all_ends[taken:cursor])
        cursor = taken = bisect.bisect_left(all_starts, block.end, cursor) if fast else 0
        block_row.append(len(starts))
        # A block that never wraps is "wrapped" at its own width: one row per line.
        room = width - block_indent(block) if block.kind.wraps else max(1, block.width)
        for start, end in wrap(text[block.start : block.end], room, offset=block.start):
            starts.append(start)
            ends.append(end)
    starts.extend(all_starts[taken:cursor])
    ends.extend(all_ends[taken:cursor])
    blanks = None
    if any(block.tight for block in blocks):
        blanks = list(accumulate(0 if index == 0 or block.tight else 1 for index, block in enumerate(blocks)))
    clipped = frozenset(
        block.index for block in blocks if not block.kind.wraps and block.width > width - block_indent(block)
    )
    return Layout(width, header_lines(document, width), starts, ends, block_row, blanks, clipped)
