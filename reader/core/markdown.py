"""Markdown files into a `Document`, flattened from markdown-it-py's token stream.

Everything downstream addresses the document by offsets into one plain string,
so Markdown is reduced to text plus blocks and inline spans: containers (block
quotes, lists) become block kinds, levels and markers; tables are pre-rendered
as aligned text because the reading view keeps them line for line.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin
from rich.cells import cell_len

from reader.core.document import BlockKind, Document, DocumentBuilder, InlineStyle
from reader.core.typography import replace, typeset

RawSpan = tuple[int, int, InlineStyle, str]
"""A span relative to the start of its block's text, as `DocumentBuilder.add` takes it."""

BULLET = "•"
SECTION_BREAK = "⁂"

_PAIRED_STYLES = {
    "em": InlineStyle.EMPHASIS,
    "strong": InlineStyle.STRONG,
    "s": InlineStyle.STRIKE,
    "link": InlineStyle.LINK,
}
_LITERAL_INLINE = frozenset({"text", "text_special", "html_inline"})
# ValueError: PyYAML rejects impossible timestamps such as `date: 2024-02-30` with it.
_FRONT_MATTER_ERRORS = (yaml.YAMLError, ValueError, RecursionError)


@functools.cache
def _parser() -> MarkdownIt:
    """One configured parser: CommonMark, GFM tables and strikethrough, front matter, and
    typography: markdown-it's `smartquotes`, and our `replace` in place of its `replacements`
    (which would also turn `(c)` into `©` and `?...` into `?..`)."""
    parser = MarkdownIt("commonmark", {"typographer": True})
    parser.core.ruler.at("replacements", _typeset_dashes_and_ellipses)
    parser.enable(["table", "strikethrough", "replacements", "smartquotes"])
    return parser.use(front_matter_plugin)


def _typeset_dashes_and_ellipses(state: StateCore) -> None:
    """`reader.core.typography.replace` on every text token outside an autolink."""
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        if "--" not in token.content and "..." not in token.content:
            continue
        in_autolink = False
        for child in token.children:
            if child.type == "text" and not in_autolink:
                child.content = replace(child.content)
            elif child.type in ("link_open", "link_close") and child.info == "auto":
                in_autolink = child.type == "link_open"


def _plain_text(tokens: Sequence[Token]) -> str:
    """Inline tokens as bare text (an image's alt text), the way markdown-it renders `alt`."""
    pieces: list[str] = []
    for token in tokens:
        if token.type in _LITERAL_INLINE or token.type == "code_inline":
            pieces.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
        elif token.type == "image":
            pieces.append(_plain_text(token.children or ()))
    return "".join(pieces)


def _image_text(token: Token) -> str:
    alt = _plain_text(token.children or ()).strip()
    return f"[image: {alt}]" if alt else "[image]"


def _render_inline(tokens: Sequence[Token]) -> tuple[str, list[RawSpan]]:
    """The text an inline run shows, and its style spans (nested styles overlap).

    Spans are listed in the order they open, so an outer style comes before
    the inner ones it contains, even where both cover the same text.
    """
    pieces: list[str] = []
    length = 0
    spans: list[RawSpan] = []
    opened: list[tuple[InlineStyle, int]] = []  # style and its index in `spans`
    for token in tokens:
        kind = token.type
        if kind in _LITERAL_INLINE:
            piece = token.content
        elif kind == "softbreak":
            piece = " "
        elif kind == "hardbreak":
            piece = "\n"
        elif kind == "code_inline":
            piece = token.content
            spans.append((length, length + len(piece), InlineStyle.CODE, ""))
        elif kind == "image":
            piece = _image_text(token)
        elif kind.endswith("_open") and kind.removesuffix("_open") in _PAIRED_STYLES:
            style = _PAIRED_STYLES[kind.removesuffix("_open")]
            href = str(token.attrs.get("href", "")) if style is InlineStyle.LINK else ""
            opened.append((style, len(spans)))
            spans.append((length, length, style, href))
            continue
        elif kind.endswith("_close") and kind.removesuffix("_close") in _PAIRED_STYLES:
            _close_style(opened, _PAIRED_STYLES[kind.removesuffix("_close")], length, spans)
            continue
        else:
            continue
        pieces.append(piece)
        length += len(piece)
    while opened:
        _close_style(opened, opened[-1][0], length, spans)
    return "".join(pieces), [span for span in spans if span[1] > span[0]]


def _close_style(
    opened: list[tuple[InlineStyle, int]], style: InlineStyle, end: int, spans: list[RawSpan]
) -> None:
    """End the innermost open `style` at `end`."""
    for position in range(len(opened) - 1, -1, -1):
        if opened[position][0] is style:
            _, index = opened.pop(position)
            start, _, _, href = spans[index]
            spans[index] = (start, end, style, href)
            return


@dataclass(slots=True)
class _Cell:
    text: str
    spans: list[RawSpan]


@dataclass(slots=True)
class _Table:
    """Rows collected between `table_open` and `table_close`."""

    rows: list[list[_Cell]] = field(default_factory=list)
    header_rows: int = 0
    aligns: list[str] = field(default_factory=list)
    current: list[_Cell] = field(default_factory=list)
    in_header: bool = False


def _alignment(token: Token) -> str:
    style = str(token.attrs.get("style", ""))
    return style.partition("text-align:")[2].strip()


def _pad(text: str, width: int, align: str) -> tuple[str, str]:
    """Spaces before and after `text` to fill `width` terminal cells."""
    extra = max(0, width - cell_len(text))
    if align == "right":
        return " " * extra, ""
    if align == "center":
        return " " * (extra // 2), " " * (extra - extra // 2)
    return "", " " * extra


def _render_table(table: _Table) -> tuple[str, list[RawSpan]]:
    """Box-drawn, column-aligned text; header cells are STRONG and cell styles carried over."""
    columns = max(len(row) for row in table.rows)
    rows = [row + [_Cell("", [])] * (columns - len(row)) for row in table.rows]
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


@dataclass(slots=True)
class _List:
    ordered: bool
    number: int
    delimiter: str


@dataclass(slots=True)
class _Item:
    """An open list item; its marker goes to the first block written inside it."""

    marker: str
    claimed: bool = False


class _Flattener:
    """Walks block tokens, keeping the container stack that decides each block's kind and level."""

    def __init__(self) -> None:
        self.builder = DocumentBuilder()
        self.first_h1: str | None = None
        self._containers: list[_Item | None] = []  # None stands for a block quote
        self._lists: list[_List] = []
        self._quote_depth = 0
        self._heading_level = 0
        self._table: _Table | None = None

    def feed(self, tokens: Sequence[Token]) -> None:
        for token in tokens:
            if self._table is not None:
                self._table_token(token)
                continue
            handler = getattr(self, f"_on_{token.type}", None)
            if handler is not None:
                handler(token)

    def _settle_item(self) -> None:
        """Before a non-paragraph block in a fresh list item, write the marker on its own."""
        item = self._containers[-1] if self._containers else None
        if item is not None and not item.claimed:
            item.claimed = True
            self.builder.add(BlockKind.LIST_ITEM, "", level=len(self._lists) - 1, marker=item.marker)

    def _on_heading_open(self, token: Token) -> None:
        self._settle_item()
        self._heading_level = int(token.tag[1:])

    def _on_heading_close(self, token: Token) -> None:
        self._heading_level = 0

    def _on_inline(self, token: Token) -> None:
        text, spans = _render_inline(token.children or ())
        if self._heading_level:
            if text:
                self.builder.add(BlockKind.HEADING, text, level=self._heading_level, spans=tuple(spans))
                if self._heading_level == 1 and self.first_h1 is None:
                    self.first_h1 = text
            return
        container = self._containers[-1] if self._containers else None
        if isinstance(container, _Item):
            if text or not container.claimed:
                marker = "" if container.claimed else container.marker
                container.claimed = True
                level = len(self._lists) - 1
                self.builder.add(BlockKind.LIST_ITEM, text, level=level, marker=marker, spans=tuple(spans))
        elif text:
            kind = BlockKind.QUOTE if self._quote_depth else BlockKind.PARAGRAPH
            self.builder.add(kind, text, level=self._quote_depth, spans=tuple(spans))

    def _on_blockquote_open(self, token: Token) -> None:
        self._settle_item()
        self._containers.append(None)
        self._quote_depth += 1

    def _on_blockquote_close(self, token: Token) -> None:
        self._containers.pop()
        self._quote_depth -= 1

    def _on_bullet_list_open(self, token: Token) -> None:
        self._settle_item()
        self._lists.append(_List(ordered=False, number=0, delimiter=""))

    def _on_ordered_list_open(self, token: Token) -> None:
        self._settle_item()
        start = token.attrs.get("start", 1)
        self._lists.append(_List(ordered=True, number=int(start), delimiter=token.markup or "."))

    def _on_bullet_list_close(self, token: Token) -> None:
        self._lists.pop()

    _on_ordered_list_close = _on_bullet_list_close

    def _on_list_item_open(self, token: Token) -> None:
        current = self._lists[-1]
        marker = f"{current.number}{current.delimiter}" if current.ordered else BULLET
        current.number += 1
        self._containers.append(_Item(marker))

    def _on_list_item_close(self, token: Token) -> None:
        self._settle_item()
        self._containers.pop()

    def _on_code_block(self, token: Token) -> None:
        self._settle_item()
        code = token.content.removesuffix("\n")
        if code:
            self.builder.add(BlockKind.CODE, code)

    _on_fence = _on_code_block

    def _on_html_block(self, token: Token) -> None:
        self._settle_item()
        html = token.content.rstrip("\n")
        if html:
            self.builder.add(BlockKind.CODE, html)

    def _on_hr(self, token: Token) -> None:
        self._settle_item()
        self.builder.add(BlockKind.VERSE, SECTION_BREAK)

    def _on_table_open(self, token: Token) -> None:
        self._settle_item()
        self._table = _Table()

    def _table_token(self, token: Token) -> None:
        table = self._table
        assert table is not None
        kind = token.type
        if kind == "thead_open":
            table.in_header = True
        elif kind == "th_open":
            table.aligns.append(_alignment(token))
        elif kind == "inline":
            text, spans = _render_inline(token.children or ())
            # A cell is one line; tabs would break the column arithmetic.
            table.current.append(_Cell(text.replace("\n", " ").replace("\t", " "), spans))
        elif kind == "tr_close":
            table.rows.append(table.current)
            table.current = []
            if table.in_header:
                table.header_rows += 1
        elif kind == "thead_close":
            table.in_header = False
        elif kind == "table_close":
            self._table = None
            if table.rows and any(table.rows):
                text, spans = _render_table(table)
                self.builder.add(BlockKind.TABLE, text, spans=tuple(spans))


def _front_matter(source: str) -> tuple[str | None, str | None]:
    """Title and date from YAML front matter; broken YAML yields neither."""
    try:
        data = yaml.safe_load(source)
    except _FRONT_MATTER_ERRORS:
        return None, None
    if not isinstance(data, dict):
        return None, None
    return _as_title(data.get("title")), _as_date(data.get("date"))


def _as_title(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    title = " ".join(str(value).split())
    return typeset([title])[0] if title else None


def _as_date(value: object) -> str | None:
    """An ISO string: YAML reads `2024-03-01` as a date and `2024` as an int."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def parse_markdown(text: str, *, source: Path | None = None, fallback_title: str = "Untitled") -> Document:
    """Parse Markdown (with optional YAML front matter) into a document; never raises."""
    tokens = _parser().parse(text)
    title: str | None = None
    date: str | None = None
    if tokens and tokens[0].type == "front_matter":
        title, date = _front_matter(tokens[0].content)
    flattener = _Flattener()
    flattener.feed(tokens)
    title = title or flattener.first_h1 or fallback_title
    return flattener.builder.build(title, date=date, source=source)
