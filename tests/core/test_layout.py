"""Layout: screen rows of a document at one width, their blocks, and offsets both ways."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.core.document import Block, BlockKind, Document, DocumentBuilder
from reader.core.layout import (
    LIST_INDENT,
    NOTE_MARKER_WIDTH,
    PREFORMATTED_INDENT,
    QUOTE_BAR,
    Layout,
    RowInfo,
    block_indent,
    header_lines,
    layout_document,
)
from reader.core.loading import load_document
from reader.core.wrap import all_single_cell, wrap


def room(block: Block, width: int) -> int:
    """The width a block is wrapped to: what its indent leaves, or, never wrapped, its own."""
    return width - block_indent(block) if block.kind.wraps else max(1, block.width)


def expected_rows(document: Document, width: int) -> list[list[tuple[int, int]]]:
    """Each block wrapped on its own to the width left after its indent: the slow path."""
    return [
        wrap(document.text[block.start : block.end], room(block, width), offset=block.start)
        for block in document.blocks
    ]


def block_text_of(document: Document, block: Block) -> str:
    return document.text[block.start : block.end]


def text_rows(layout: Layout) -> list[tuple[int, int]]:
    return list(zip(layout.row_start, layout.row_end, strict=True))


def assert_layout(document: Document, width: int, layout: Layout) -> None:
    """The layout is the per-block wrap, and every screen-row query agrees with it."""
    per_block = expected_rows(document, width)
    assert layout.width == width
    assert layout.header == header_lines(document, width)
    assert text_rows(layout) == [row for rows in per_block for row in rows]
    for block, rows in zip(document.blocks, per_block, strict=True):
        limit = max(1, room(block, width))
        for start, end in rows:
            shown = document.text[start:end]
            # Only a lone double-width character may overflow a one-cell column.
            assert cell_len(shown) <= limit or (limit == 1 and cell_len(shown[:1]) == cell_len(shown) == 2)
        if not block.kind.wraps:
            assert len(rows) == block_text_of(document, block).count("\n") + 1
            assert block.width == max(cell_len(line) for line in block_text_of(document, block).split("\n"))
        overflows = not block.kind.wraps and block.width > width - block_indent(block)
        assert (block.index in layout.clipped) == overflows
    header = len(layout.header)
    blanks = sum(1 for block in document.blocks[1:] if not block.tight)
    assert layout.height == header + sum(map(len, per_block)) + blanks

    for row in range(header):
        assert layout.info(row) == RowInfo(-1, -1)
        assert layout.offset_of_row(row) == 0
        assert layout.block_at_row(row) == 0

    text_row = 0
    screen_row = header
    for index, rows in enumerate(per_block):
        assert layout.first_row_of_block(index) == screen_row
        assert layout.last_row_of_block(index) == screen_row + len(rows) - 1
        for position, (start, end) in enumerate(rows):
            assert layout.info(screen_row) == RowInfo(index, text_row, position == 0)
            assert layout.block_at_row(screen_row) == index
            assert layout.offset_of_row(screen_row) == start
            assert layout.row_of_offset(layout.offset_of_row(screen_row)) == screen_row
            for offset in range(start, end):
                assert layout.row_of_offset(offset) == screen_row, offset
            screen_row += 1
            text_row += 1
        if index + 1 < len(per_block) and not document.blocks[index + 1].tight:
            # The blank row between two blocks belongs to neither; it leads to the next one.
            assert layout.info(screen_row) == RowInfo(index, -1)
            assert layout.block_at_row(screen_row) == index + 1
            assert layout.offset_of_row(screen_row) == per_block[index + 1][0][0]
            screen_row += 1
    assert screen_row == layout.height


# ---------------------------------------------------------------- the essay


@pytest.mark.parametrize("width", [20, 76, 200])
def test_essay_layout(width: int) -> None:
    document = load_document(None)
    layout = layout_document(document, width)
    assert_layout(document, width, layout)
    assert layout.header[-2:] == ["2026-01-20", ""]
    assert " ".join(layout.header[:-2]) == document.title
    for index in range(len(document.blocks)):
        first, last = layout.first_row_of_block(index), layout.last_row_of_block(index)
        rows = [layout.info(row).text_row for row in range(first, last + 1)]
        shown = " ".join(document.text[layout.row_start[r] : layout.row_end[r]] for r in rows)
        assert shown == document.block_text(index)  # no word is longer than 20 cells


def test_essay_at_76_columns() -> None:
    document = load_document(None)
    layout = layout_document(document, 76)
    assert layout.header == [document.title, "2026-01-20", ""]
    assert layout.first_row_of_block(0) == 3
    assert layout.last_row_of_block(15) == layout.height - 1
    assert layout.info(layout.last_row_of_block(0) + 1) == RowInfo(0, -1)
    assert layout.row_of_offset(document.blocks[3].start) == layout.first_row_of_block(3)
    assert layout.row_of_offset(len(document.text)) == layout.height - 1


# ---------------------------------------------------------------- War and Peace


@pytest.mark.parametrize("width", [40, 76, 120])
def test_fast_path_equals_per_block_wrap_on_war_and_peace(war_and_peace_path: Path, width: int) -> None:
    document = _war_and_peace(war_and_peace_path)
    assert all_single_cell(document.text)  # so the default takes the whole-text path
    fast = layout_document(document, width)
    slow = layout_document(document, width, single_cell=False)
    assert (fast.row_start, fast.row_end, fast.block_row) == (slow.row_start, slow.row_end, slow.block_row)
    assert text_rows(fast) == [row for rows in expected_rows(document, width) for row in rows]
    assert max(end - start for start, end in text_rows(fast)) <= width


_WAR_AND_PEACE: dict[Path, Document] = {}


def _war_and_peace(path: Path) -> Document:
    if path not in _WAR_AND_PEACE:
        _WAR_AND_PEACE[path] = load_document(path)
    return _WAR_AND_PEACE[path]


# ---------------------------------------------------------------- indents


def build(*blocks: tuple[BlockKind, str, int, str], title: str = "T", date: str | None = None) -> Document:
    builder = DocumentBuilder()
    for kind, text, level, marker in blocks:
        builder.add(kind, text, level=level, marker=marker)
    return builder.build(title, date=date)


def block_rows(document: Document, layout: Layout, index: int) -> list[str]:
    first, last = layout.first_row_of_block(index), layout.last_row_of_block(index)
    rows = [layout.info(row).text_row for row in range(first, last + 1)]
    return [document.text[layout.row_start[r] : layout.row_end[r]] for r in rows]


def test_block_indents() -> None:
    def block(kind: BlockKind, level: int = 0, marker: str = "") -> Block:
        return Block(0, kind, 0, 0, level=level, marker=marker)

    assert block_indent(block(BlockKind.PARAGRAPH)) == 0
    assert block_indent(block(BlockKind.HEADING, level=2)) == 0
    assert block_indent(block(BlockKind.QUOTE)) == len(QUOTE_BAR)
    assert block_indent(block(BlockKind.QUOTE, level=1)) == len(QUOTE_BAR)
    assert block_indent(block(BlockKind.QUOTE, level=3)) == 3 * len(QUOTE_BAR)
    assert block_indent(block(BlockKind.LIST_ITEM, marker="•")) == LIST_INDENT + 1
    assert block_indent(block(BlockKind.LIST_ITEM, level=1, marker="10.")) == 2 * LIST_INDENT + 3
    for kind in (BlockKind.CODE, BlockKind.VERSE, BlockKind.TABLE):
        assert block_indent(block(kind)) == PREFORMATTED_INDENT
    assert block_indent(block(BlockKind.RAW)) == 0
    assert block_indent(block(BlockKind.NOTE, marker="[1]")) == LIST_INDENT + NOTE_MARKER_WIDTH
    assert block_indent(block(BlockKind.NOTE)) == LIST_INDENT + NOTE_MARKER_WIDTH


def test_indented_blocks_wrap_to_the_width_left_over() -> None:
    words = "aa bb cc dd ee"
    document = build(
        (BlockKind.PARAGRAPH, words, 0, ""),
        (BlockKind.QUOTE, words, 1, ""),
        (BlockKind.QUOTE, words, 2, ""),
        (BlockKind.LIST_ITEM, words, 0, "•"),
        (BlockKind.LIST_ITEM, words, 1, "12."),
    )
    layout = layout_document(document, 11)
    assert block_rows(document, layout, 0) == ["aa bb cc dd", "ee"]
    assert block_rows(document, layout, 1) == ["aa bb cc", "dd ee"]  # 11 - 2
    assert block_rows(document, layout, 2) == ["aa bb", "cc dd", "ee"]  # 11 - 4
    assert block_rows(document, layout, 3) == ["aa bb cc", "dd ee"]  # 11 - 3
    assert block_rows(document, layout, 4) == ["aa", "bb", "cc", "dd", "ee"]  # 11 - 7
    assert_layout(document, 11, layout)


def test_preformatted_block_keeps_lines_and_indentation() -> None:
    code = "def f():\n    return 1\n\nf()"
    document = build((BlockKind.PARAGRAPH, "Intro.", 0, ""), (BlockKind.CODE, code, 0, ""))
    layout = layout_document(document, 40)
    assert block_rows(document, layout, 1) == ["def f():", "    return 1", "", "f()"]
    assert_layout(document, 40, layout)


def test_preformatted_line_longer_than_the_width_is_cut() -> None:
    document = build((BlockKind.CODE, "x = 123456789", 0, ""))
    assert block_rows(document, layout_document(document, 8), 0) == ["x =", "123456", "789"]


def test_a_wide_table_keeps_one_row_per_line_and_is_marked_clipped() -> None:
    table = "┌────┬────┐\n│ a  │ bb │\n└────┴────┘"
    document = build((BlockKind.PARAGRAPH, "aa bb cc", 0, ""), (BlockKind.TABLE, table, 0, ""))
    assert document.blocks[1].width == 11
    narrow = layout_document(document, 8)
    assert block_rows(document, narrow, 1) == table.split("\n")
    assert narrow.clipped == {1}
    assert block_rows(document, narrow, 0) == ["aa bb cc"]
    wide = layout_document(document, 13)  # 11 cells and the indent of 2
    assert block_rows(document, wide, 1) == table.split("\n")
    assert wide.clipped == frozenset()
    assert_layout(document, 8, narrow)
    assert_layout(document, 13, wide)


def test_raw_lines_are_rows_at_the_left_edge_never_joined_or_wrapped() -> None:
    lines = "drwxr-xr-x  2 me me 4096 Jan  1 12:00 a directory with a long name\n\n  indented"
    document = build((BlockKind.RAW, lines, 0, ""))
    layout = layout_document(document, 20)
    assert block_rows(document, layout, 0) == lines.split("\n")
    assert layout.clipped == {0}
    assert_layout(document, 20, layout)


def test_tight_blocks_have_no_blank_row_before_them() -> None:
    document = DocumentBuilder()
    document.add(BlockKind.PARAGRAPH, "Intro")
    document.add(BlockKind.LIST_ITEM, "one", marker="•")
    document.add(BlockKind.LIST_ITEM, "two", marker="•", tight=True)
    document.add(BlockKind.LIST_ITEM, "three", level=1, marker="•", tight=True)
    document.add(BlockKind.PARAGRAPH, "After")
    built = document.build("T")
    layout = layout_document(built, 30)
    header = len(layout.header)
    rows = [layout.info(row) for row in range(header, layout.height)]
    shown = [
        built.text[layout.row_start[row] : layout.row_end[row]] if row >= 0 else ""
        for row in (info.text_row for info in rows)
    ]
    assert shown == ["Intro", "", "one", "two", "three", "", "After"]
    assert layout.row_of_offset(built.blocks[3].start) == header + 4
    assert layout.first_row_of_block(2) == layout.last_row_of_block(1) + 1
    assert layout.block_at_row(header + 5) == 4
    assert_layout(built, 30, layout)


def test_the_first_block_is_never_tight() -> None:
    builder = DocumentBuilder()
    assert not builder.add(BlockKind.LIST_ITEM, "one", marker="•", tight=True).tight


def test_indent_wider_than_the_column_still_shows_the_text() -> None:
    document = build((BlockKind.QUOTE, "ab c", 3, ""))
    layout = layout_document(document, 4)
    assert block_rows(document, layout, 0) == ["a", "b", "c"]


def test_heading_title_wraps_and_date_follows() -> None:
    document = build((BlockKind.PARAGRAPH, "Body.", 0, ""), title="A rather long title", date="2026-01")
    layout = layout_document(document, 10)
    assert layout.header == ["A rather", "long title", "2026-01", ""]
    assert layout.first_row_of_block(0) == 4


def test_empty_document() -> None:
    document = build(title="Empty")
    layout = layout_document(document, 30)
    assert layout.header == ["Empty", ""]
    assert layout.height == 2
    assert layout.info(1) == RowInfo(-1, -1)
    assert layout.info(5) == RowInfo(-1, -1)
    assert layout.row_of_offset(0) == 2
    assert layout.offset_of_row(1) == 0


# ---------------------------------------------------------------- generated documents


@dataclass(frozen=True)
class Spec:
    kind: BlockKind
    text: str
    level: int
    marker: str
    tight: bool = False


_FLOWING = [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.QUOTE, BlockKind.LIST_ITEM, BlockKind.NOTE]
_PREFORMATTED = [BlockKind.CODE, BlockKind.VERSE, BlockKind.TABLE, BlockKind.RAW]


def _words(alphabet: list[str]) -> st.SearchStrategy[str]:
    word = st.lists(st.sampled_from(alphabet), min_size=1, max_size=14).map("".join)
    return st.lists(word, max_size=12).map(" ".join)


def _lines(alphabet: list[str], indents: list[str]) -> st.SearchStrategy[str]:
    line = st.tuples(st.sampled_from(indents), _words(alphabet)).map("".join)
    return st.lists(line, min_size=1, max_size=5).map("\n".join)


def _specs(alphabet: list[str], indents: list[str]) -> st.SearchStrategy[Spec]:
    flowing = st.builds(
        Spec,
        st.sampled_from(_FLOWING),
        _words(alphabet),
        st.integers(0, 2),
        st.sampled_from(["", "•", "12."]),
        st.booleans(),
    )
    lines = _lines(alphabet, indents)
    preformatted = st.builds(
        Spec, st.sampled_from(_PREFORMATTED), lines, st.just(0), st.just(""), st.booleans()
    )
    return st.one_of(flowing, flowing, preformatted)


def _documents(alphabet: list[str], indents: list[str]) -> st.SearchStrategy[Document]:
    def make(specs: list[Spec], title: str, date: str | None) -> Document:
        builder = DocumentBuilder()
        for spec in specs:
            builder.add(spec.kind, spec.text, level=spec.level, marker=spec.marker, tight=spec.tight)
        return builder.build(title or "Untitled", date=date)

    return st.builds(
        make,
        st.lists(_specs(alphabet, indents), max_size=8),
        _words(list("abc")),
        st.sampled_from([None, "2026-01-20"]),
    )


SINGLE_CELL = list("abcdefgé.,;'-")
# Combining marks follow a letter; preformatted lines are not indented (see test_wrap's xfails).
MIXED = [*"abcé漢字語", "e\u0301", "o\u0308"]


@settings(max_examples=150, deadline=None)
@given(_documents(SINGLE_CELL, ["", " ", "    "]), st.integers(min_value=1, max_value=50))
def test_generated_single_cell_documents(document: Document, width: int) -> None:
    layout = layout_document(document, width)
    assert_layout(document, width, layout)
    slow = layout_document(document, width, single_cell=False)
    assert (layout.row_start, layout.row_end, layout.block_row) == (
        slow.row_start,
        slow.row_end,
        slow.block_row,
    )


@settings(max_examples=100, deadline=None)
@given(_documents(MIXED, ["", " ", "    "]), st.integers(min_value=6, max_value=50))
def test_generated_mixed_width_documents(document: Document, width: int) -> None:
    assert_layout(document, width, layout_document(document, width))
