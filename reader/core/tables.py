"""A table as box-drawn, column-aligned text: how every format shows one.

The reading view keeps a table line for line (`BlockKind.TABLE` is never wrapped),
so Markdown and HTML tables alike are rendered to text once, when parsed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.cells import cell_len

from reader.core.document import InlineStyle

RawSpan = tuple[int, int, InlineStyle, str]
"""A span relative to the start of its block's text, as `DocumentBuilder.add` takes it."""


@dataclass(slots=True)
class Cell:
    text: str
    spans: list[RawSpan]


@dataclass(slots=True)
class Table:
    """Rows collected while a parser walks a table."""

    rows: list[list[Cell]] = field(default_factory=list)
    header_rows: int = 0
    aligns: list[str] = field(default_factory=list)
    current: list[Cell] = field(default_factory=list)
    in_header: bool = False


def _pad(text: str, width: int, align: str) -> tuple[str, str]:
    """Spaces before and after `text` to fill `width` terminal cells."""
    extra = max(0, width - cell_len(text))
    if align == "right":
        return " " * extra, ""
    if align == "center":
        return " " * (extra // 2), " " * (extra - extra // 2)
    return "", " " * extra


def render_table(table: Table) -> tuple[str, list[RawSpan]]:
    """Box-drawn, column-aligned text; header cells are STRONG and cell styles carried over."""
    columns = max(len(row) for row in table.rows)
    rows = [row + [Cell("", [])] * (columns - len(row)) for row in table.rows]
    aligns = table.aligns + [""] * (columns - len(table.aligns))
    widths = [max(1, *(cell_len(row[c].text) for row in rows)) for c in range(columns)]

    def rule(left: str, middle: str, right: str) -> str:
        return left + middle.join("─" * (width + 2) for width in widths) + right

    lines = [rule("┌", "┬", "┐")]
    length = len(lines[0]) + 1
    spans: list[RawSpan] = []
    for index, row in enumerate(rows):
        if index == table.header_rows and index > 0:
            lines.append(rule("├", "┼", "┤"))
            length += len(lines[-1]) + 1
        line = "│"
        for cell, width, align in zip(row, widths, aligns, strict=True):
            before, after = _pad(cell.text, width, align)
            start = length + len(line) + 1 + len(before)
            if index < table.header_rows and cell.text:
                spans.append((start, start + len(cell.text), InlineStyle.STRONG, ""))
            spans.extend((start + s, start + e, style, href) for s, e, style, href in cell.spans)
            line += f" {before}{cell.text}{after} │"
        lines.append(line)
        length += len(line) + 1
    lines.append(rule("└", "┴", "┘"))
    return "\n".join(lines), spans
