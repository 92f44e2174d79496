"""Markdown files into a `Document`, flattened from markdown-it-py's token stream.

Everything downstream addresses the document by offsets into one plain string,
so Markdown is reduced to text plus blocks and inline spans: containers (block
quotes, lists, footnotes) become block kinds, levels and markers; tables are
pre-rendered as aligned text because the reading view keeps them line for line.

What a reader expects of it: heading levels are kept (`Block.level`); items of a
tight list are `tight` (no blank row between them); a first `# H1` that repeats
the title is not shown twice; footnotes become `NOTE` blocks at the end, each
reference a `FOOTNOTE` span whose `href` keys `Document.notes`; simple inline HTML
(`<b>`, `<i>`, `<sup>`, `<br>`, ...) becomes styles and every other tag is dropped;
HTML blocks are reduced to their text.

`parse_markdown(..., head=N)` parses only the blocks before the first safe boundary
after `N` characters (`head_end`): the same blocks a full parse begins with, so a
large file paints its first screen at once.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from reader.core.document import BlockKind, Document, DocumentBuilder, InlineStyle
from reader.core.names import name_key
from reader.core.tables import Cell, RawSpan, Table, render_table
from reader.core.typography import replace, typeset, typeset_paragraph

BULLET = "•"
SECTION_BREAK = "⁂"

_PAIRED_STYLES = {
    "em": InlineStyle.EMPHASIS,
    "strong": InlineStyle.STRONG,
    "s": InlineStyle.STRIKE,
    "link": InlineStyle.LINK,
}
_LITERAL_INLINE = frozenset({"text", "text_special"})
# Inline HTML that means a style (or a line break); every other tag is dropped, its text kept.
_HTML_STYLES = {
    "b": InlineStyle.STRONG,
    "strong": InlineStyle.STRONG,
    "i": InlineStyle.EMPHASIS,
    "em": InlineStyle.EMPHASIS,
    "code": InlineStyle.CODE,
    "sup": InlineStyle.SUPERSCRIPT,
    "sub": InlineStyle.SUBSCRIPT,
    "s": InlineStyle.STRIKE,
    "del": InlineStyle.STRIKE,
}
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:[\s/][^>]*)?>\Z")
_HEAD = "reader_head"
MAX_FRONT_MATTER_CHARS = 64 * 1024
"""A document's front matter holds a title and a date: more than this is not read."""


@functools.cache
def _parser() -> MarkdownIt:
    """One configured parser: CommonMark, GFM tables and strikethrough, front matter, and
    typography: markdown-it's `smartquotes`, and our `replace` in place of its `replacements`
    (which would also turn `(c)` into `©` and `?...` into `?..`)."""
    parser = MarkdownIt("commonmark", {"typographer": True})
    parser.core.ruler.at("replacements", _typeset_dashes_and_ellipses)
    parser.enable(["table", "strikethrough", "replacements", "smartquotes"])
    parser.use(front_matter_plugin).use(footnote_plugin)
    parser.core.ruler.after("block", "cut_head", _cut_head)
    return parser


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
        elif kind == "footnote_ref":
            number = str(int(token.meta["id"]) + 1)
            piece = f"[{number}]"
            spans.append((length, length + len(piece), InlineStyle.FOOTNOTE, number))
        elif kind == "html_inline":
            tag = _HTML_TAG.match(token.content)
            if tag is None:  # a comment, a processing instruction: dropped
                continue
            closing, name = bool(tag.group(1)), tag.group(2).lower()
            if name == "br" and not closing:
                piece = "\n"
            elif name in _HTML_STYLES and closing:
                _close_style(opened, _HTML_STYLES[name], length, spans)
                continue
            elif name in _HTML_STYLES:
                opened.append((_HTML_STYLES[name], len(spans)))
                spans.append((length, length, _HTML_STYLES[name], ""))
                continue
            else:  # any other tag is dropped; the text between its tags stays
                continue
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


def _alignment(token: Token) -> str:
    style = str(token.attrs.get("style", ""))
    return style.partition("text-align:")[2].strip()


@dataclass(slots=True)
class _List:
    ordered: bool
    number: int
    delimiter: str
    tight: bool
    emitted: bool = False
    """A block has been written inside it: the next one is not its first."""


@dataclass(slots=True)
class _Item:
    """An open list item or footnote; its marker goes to the first block written inside it."""

    marker: str
    kind: BlockKind = BlockKind.LIST_ITEM
    claimed: bool = False


def _tight_lists(tokens: Sequence[Token]) -> set[int]:
    """The `id` of every list_open token of a tight list: markdown-it hides the paragraphs
    directly inside a tight list's items (two levels below the list)."""
    tight: set[int] = set()
    lists: list[Token] = []
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(token)
        elif token.type in ("bullet_list_close", "ordered_list_close") and lists:
            lists.pop()
        elif token.type == "paragraph_open" and token.hidden and lists and token.level == lists[-1].level + 2:
            tight.add(id(lists[-1]))
    return tight


class _Flattener:
    """Walks block tokens, keeping the container stack that decides each block's kind and level."""

    def __init__(self, title: str | None) -> None:
        self.builder = DocumentBuilder()
        self.title = title
        """The front matter's title: a first `# H1` equal to it is the title, not a block."""
        self.first_h1: str | None = None
        self.notes: dict[str, tuple[int, int]] = {}
        self._containers: list[_Item | None] = []  # None stands for a block quote
        self._lists: list[_List] = []
        self._tight: set[int] = set()
        self._quote_depth = 0
        self._heading_level = 0
        self._table: Table | None = None
        self._note: tuple[str, int] | None = None

    def feed(self, tokens: Sequence[Token]) -> None:
        self._tight = _tight_lists(tokens)
        for token in tokens:
            if self._table is not None:
                self._table_token(token)
                continue
            handler = getattr(self, f"_on_{token.type}", None)
            if handler is not None:
                handler(token)

    def _add(
        self, kind: BlockKind, text: str, *, level: int = 0, marker: str = "", spans: Sequence[RawSpan] = ()
    ) -> None:
        """Add a block: tight when a tight list it is in has a block already."""
        tight = any(open_list.tight and open_list.emitted for open_list in self._lists)
        self.builder.add(kind, text, level=level, marker=marker, spans=tuple(spans), tight=tight)
        for open_list in self._lists:
            open_list.emitted = True

    def _item_level(self, item: _Item) -> int:
        return len(self._lists) - 1 if item.kind is BlockKind.LIST_ITEM else 0

    def _settle_item(self) -> None:
        """Before a non-paragraph block in a fresh list item, write the marker on its own."""
        item = self._containers[-1] if self._containers else None
        if item is not None and not item.claimed:
            item.claimed = True
            self._add(item.kind, "", level=self._item_level(item), marker=item.marker)

    def _on_heading_open(self, token: Token) -> None:
        self._settle_item()
        self._heading_level = int(token.tag[1:])

    def _on_heading_close(self, token: Token) -> None:
        self._heading_level = 0

    def _on_inline(self, token: Token) -> None:
        text, spans = _render_inline(token.children or ())
        if self._heading_level:
            if text:
                if self._heading_level == 1 and self.first_h1 is None:
                    self.first_h1 = text
                    repeats_title = self.title is None or name_key(self.title) == name_key(text)
                    if self.builder.count == 0 and repeats_title:
                        return  # the title, shown above the text already
                self._add(BlockKind.HEADING, text, level=self._heading_level, spans=spans)
            return
        self._add_text(text, spans)

    def _add_text(self, text: str, spans: Sequence[RawSpan]) -> None:
        """A paragraph's text, as the block its containers make it."""
        container = self._containers[-1] if self._containers else None
        if isinstance(container, _Item):
            if text or not container.claimed:
                marker = "" if container.claimed else container.marker
                container.claimed = True
                self._add(container.kind, text, level=self._item_level(container), marker=marker, spans=spans)
        elif text:
            kind = BlockKind.QUOTE if self._quote_depth else BlockKind.PARAGRAPH
            self._add(kind, text, level=self._quote_depth, spans=spans)

    def _on_blockquote_open(self, token: Token) -> None:
        self._settle_item()
        self._containers.append(None)
        self._quote_depth += 1

    def _on_blockquote_close(self, token: Token) -> None:
        # Guarded, like every close: the footnote plugin can leave a close without its open.
        if self._quote_depth:
            self._pop_container()
            self._quote_depth -= 1

    def _open_list(self, token: Token, *, ordered: bool, number: int, delimiter: str) -> None:
        self._settle_item()
        tight = id(token) in self._tight
        self._lists.append(_List(ordered=ordered, number=number, delimiter=delimiter, tight=tight))

    def _on_bullet_list_open(self, token: Token) -> None:
        self._open_list(token, ordered=False, number=0, delimiter="")

    def _on_ordered_list_open(self, token: Token) -> None:
        start = int(token.attrs.get("start", 1))
        self._open_list(token, ordered=True, number=start, delimiter=token.markup or ".")

    def _on_bullet_list_close(self, token: Token) -> None:
        if self._lists:
            self._lists.pop()

    _on_ordered_list_close = _on_bullet_list_close

    def _on_list_item_open(self, token: Token) -> None:
        if not self._lists:
            self._lists.append(_List(ordered=False, number=0, delimiter="", tight=False))
        current = self._lists[-1]
        marker = f"{current.number}{current.delimiter}" if current.ordered else BULLET
        current.number += 1
        self._containers.append(_Item(marker))

    def _on_list_item_close(self, token: Token) -> None:
        self._settle_item()
        self._pop_container()

    def _pop_container(self) -> None:
        if self._containers:
            self._containers.pop()

    def _on_code_block(self, token: Token) -> None:
        self._settle_item()
        code = token.content.removesuffix("\n")
        if code:
            self._add(BlockKind.CODE, code)

    _on_fence = _on_code_block

    def _on_html_block(self, token: Token) -> None:
        """An HTML block is reduced to its text: one paragraph per block-level element."""
        for paragraph in _html_text(token.content):
            self._add_text(paragraph, ())

    def _on_hr(self, token: Token) -> None:
        self._settle_item()
        self._add(BlockKind.VERSE, SECTION_BREAK)

    def _on_footnote_block_open(self, token: Token) -> None:
        self._add(BlockKind.VERSE, SECTION_BREAK)

    def _on_footnote_open(self, token: Token) -> None:
        key = str(int(token.meta["id"]) + 1)
        self._note = (key, self.builder.count)
        self._containers.append(_Item(f"[{key}]", BlockKind.NOTE))

    def _on_footnote_close(self, token: Token) -> None:
        self._settle_item()
        self._pop_container()
        if self._note is not None:
            key, first = self._note
            self.notes[key] = (first, self.builder.count - 1)
            self._note = None

    def _on_table_open(self, token: Token) -> None:
        self._settle_item()
        self._table = Table()

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
            table.current.append(Cell(text.replace("\n", " ").replace("\t", " "), spans))
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
                text, spans = render_table(table)
                self._add(BlockKind.TABLE, text, spans=spans)


# Elements whose start or end begins a new paragraph when HTML is reduced to text.
_HTML_BLOCK_TAGS = "|".join(
    (
        *("address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div"),
        *("dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "li"),
        *("h[1-6]", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul"),
    )
)
_HTML_SILENT = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|template|textarea|title)\b.*?(?:</\1\s*>|\Z)",
    re.IGNORECASE | re.DOTALL,
)
_HTML_BLOCK_TAG = re.compile(rf"</?(?:{_HTML_BLOCK_TAGS})(?:[\s/][^>]*)?>", re.IGNORECASE)
_HTML_OTHER = re.compile(r"<[!?/A-Za-z][^>]*(?:>|\Z)")
_PARAGRAPH_BREAK = "\x00"


def _html_text(html: str) -> list[str]:
    """The paragraphs of text in an HTML block, whitespace collapsed and typeset: block
    elements break paragraphs; comments, scripts and styles say nothing; every other tag
    goes, even a malformed one, and character references are decoded."""
    from html import unescape

    text = _HTML_SILENT.sub(" ", html.replace(_PARAGRAPH_BREAK, ""))
    text = _HTML_OTHER.sub(" ", _HTML_BLOCK_TAG.sub(_PARAGRAPH_BREAK, text))
    paragraphs = (" ".join(part.split()) for part in unescape(text).split(_PARAGRAPH_BREAK))
    return [typeset_paragraph(paragraph) for paragraph in paragraphs if paragraph]


@dataclass(frozen=True, slots=True)
class _FrontMatter:
    title: str | None = None
    date: str | None = None
    problem: str | None = None
    """Why the front matter was ignored, for the document's notice."""


def _front_matter(source: str) -> _FrontMatter:
    """Title and date from YAML front matter; broken YAML yields neither, and so does
    front matter that is too large or uses aliases (which is also said)."""
    import yaml  # only documents with front matter pay for importing it

    if len(source) > MAX_FRONT_MATTER_CHARS:
        return _FrontMatter(
            problem=f"front matter ignored (larger than {MAX_FRONT_MATTER_CHARS // 1024} KiB)"
        )
    try:
        # A title and a date need no anchors or aliases, and nested aliases (a "billion
        # laughs") expand to more than any memory holds: the events are looked at first.
        if any(_aliased(event) for event in yaml.parse(source, Loader=yaml.SafeLoader)):
            return _FrontMatter(problem="front matter ignored (YAML anchors and aliases are not allowed)")
        data = yaml.safe_load(source)
    # ValueError: PyYAML rejects impossible timestamps such as `date: 2024-02-30` with it.
    except (yaml.YAMLError, ValueError, RecursionError):
        return _FrontMatter()
    if not isinstance(data, dict):
        return _FrontMatter()
    return _FrontMatter(_as_title(data.get("title")), _as_date(data.get("date")))


def _aliased(event: object) -> bool:
    """An alias, or a node with an anchor (what an alias could repeat)."""
    return type(event).__name__ == "AliasEvent" or getattr(event, "anchor", None) is not None


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


def parse_markdown(
    text: str, *, source: Path | None = None, fallback_title: str = "Untitled", head: int | None = None
) -> Document:
    """Parse Markdown (with optional YAML front matter) into a document; never raises.

    With `head`, parse only the blocks before the first safe boundary at or after `head`
    characters (see `_cut_head`): the result's blocks are exactly the first blocks of
    the whole document, its `complete` is False, and it has no notes yet (they come at
    the end).  Links and footnotes defined further down are known to the head.
    """
    tokens, cut = _parse(text, head)
    front = _FrontMatter()
    if tokens and tokens[0].type == "front_matter":
        front = _front_matter(tokens[0].content)
    title, date = front.title, front.date
    notice = None
    if front.problem is not None:
        notice = f"{source}: {front.problem}" if source is not None else front.problem
    if cut is not None:  # the notes at the end belong to the whole document
        notes = next((i for i, token in enumerate(tokens) if token.type == "footnote_block_open"), None)
        tokens = tokens if notes is None else tokens[:notes]
    flattener = _Flattener(title)
    flattener.feed(tokens)
    title = title or flattener.first_h1 or fallback_title
    return flattener.builder.build(
        title,
        date=date,
        source=source,
        notice=notice,
        complete=cut is None,
        notes=flattener.notes,
        format="md",
    )


# ---------------------------------------------------------------- the head of a large file

_HEAD_SLACK = 256
"""A head's prefix reaches an eighth and this many characters past it, where a block
that the head may end before should begin."""
_FRONT_MATTER_OPEN = re.compile(r"-{3,}")


@dataclass(slots=True)
class _Head:
    """What `_cut_head` needs to know, and what it found."""

    text: str
    """The whole text (the parser sees a prefix of it)."""
    at: int
    cut: int | None = None


def _parse(text: str, head: int | None) -> tuple[list[Token], int | None]:
    """The tokens of the whole text, or of its head and where the head ends.

    A prefix reaching somewhat past `head` is parsed, and `_cut_head` keeps the blocks
    before the first top-level block that starts at or after `head` after a blank line.
    A prefix in which none does is doubled; the whole text has no head.
    """
    parser = _parser()
    if head is None or head >= len(text):
        return parser.parse(text, {}), None
    limit = max(head + head // 8 + _HEAD_SLACK, _front_matter_end(text))
    while limit < len(text):
        end = text.find("\n", limit)
        if end == -1:
            break
        state = _Head(text, head)
        tokens = parser.parse(text[: end + 1], {_HEAD: state})
        if state.cut is not None:
            return tokens, state.cut
        limit = max(2 * limit, end + 1)
    return parser.parse(text, {}), None


def _front_matter_end(text: str) -> int:
    """Past every line that might close front matter opening the text: a head must hold
    the whole front matter, or its prefix would not read it as one."""
    opening = _FRONT_MATTER_OPEN.match(text)
    if not opening:
        return 0
    closing = re.compile(rf"^[ \t]*-{{{len(opening.group())},}}[ \t]*$|^\.\.\.[ \t]*$", re.MULTILINE)
    found = closing.search(text, text.find("\n") + 1 if "\n" in text else len(text))
    return found.end() if found else 0


def _cut_head(state: StateCore) -> None:
    """After block parsing of a head's prefix, before inline parsing: drop every block from
    the first top-level block that starts at or after the head's length after a blank line,
    and add the link references and footnotes defined after the cut.

    markdown-it decides that a line starts a top-level block from that line and those
    before it, so the blocks before the cut are those of the whole text; parsed alone,
    they come out the same.
    """
    head: _Head | None = state.env.get(_HEAD)
    if head is None:
        return
    text = head.text
    line = text.count("\n", 0, head.at)
    position = text.rfind("\n", 0, head.at) + 1  # the start of line `line`
    for index, token in enumerate(state.tokens):
        if index == 0 or token.level != 0 or token.nesting < 0 or token.map is None:
            continue
        first = token.map[0]
        if first <= line:
            continue
        while line < first:
            previous = position
            position = text.index("\n", position) + 1
            line += 1
        if position >= head.at and not text[previous:position].strip():
            del state.tokens[index:]
            head.cut = position
            _add_definitions(state.env, _definitions_in(text, position))
            return


def _add_definitions(env: MutableMapping[str, Any], late: dict[str, Any]) -> None:
    """Link references and footnotes defined after a head, after the head's own."""
    references = env.setdefault("references", {})
    for label, reference in late.get("references", {}).items():
        references.setdefault(label, reference)
    late_notes = late.get("footnotes", {}).get("refs", {})
    if late_notes:
        refs = env.setdefault("footnotes", {}).setdefault("refs", {})
        for label in late_notes:
            refs.setdefault(label, -1)


def _definitions_in(text: str, start: int) -> dict[str, Any]:
    """The link references and footnotes defined in `text[start:]`, a text that begins a
    top-level block: markdown-it's block rules read them, as a full parse would.

    The rest of a large file is read only where it may define something (`]:`) that
    the head may refer to (`]`).
    """
    env: dict[str, Any] = {}
    if "]" in text[:start] and text.find("]:", start) != -1:
        parser = _parser()
        # After a newline: front matter is only ever the whole text's first line.
        parser.block.parse("\n" + text[start:], parser, env, [])
    return env
