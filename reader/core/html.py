"""HTML and XHTML into the document model: the text of a web page, or of an EPUB's chapters.

The parser is selectolax's Lexbor, an HTML5 parser in C: it reads War and Peace as one
3.5 MB XHTML file, and this module walks it into blocks, in about 0.15 s, where the
standard library's `html.parser` takes 0.75 s and lxml 0.26 s for the same walk (see the
commit that chose it).  Being an HTML5 parser it never fails: malformed markup is read the
way a browser reads it.  XHTML's self-closing tags (`<a id="p12"/>`, `<title/>`), which an
HTML5 parser would read as opening tags, are expanded first (`expand_self_closing`).

What is kept: headings and their levels, paragraphs, emphasis, strong, code, sub- and
superscripts, strike-through, links, lists and their nesting, block quotes, preformatted
text, tables (rendered as text), images as `[image: alt]`, ruby readings in brackets,
footnotes and endnotes (EPUB's `epub:type` or DPUB-ARIA's `role`: `noteref` and
`footnote`/`endnote`, or an `aside`), the `id` of every element (so that links land on
the block it is in) and the language.  What is ignored: CSS, scripts, forms, and every
attribute not named here.  Whitespace is collapsed as a browser does it, except in `pre`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.document import BlockKind, Document, DocumentBuilder, InlineStyle
from reader.core.inline_text import InlineText
from reader.core.tables import Cell, RawSpan, Table, render_table

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

BULLET = "•"
SECTION_BREAK = "⁂"
MAX_DEPTH = 200
"""Elements nested deeper than this are read as their text alone: a hostile page of
100,000 nested `div`s cannot exhaust the stack."""

_INLINE_STYLES = {
    "em": InlineStyle.EMPHASIS,
    "i": InlineStyle.EMPHASIS,
    "cite": InlineStyle.EMPHASIS,
    "dfn": InlineStyle.EMPHASIS,
    "var": InlineStyle.EMPHASIS,
    "strong": InlineStyle.STRONG,
    "b": InlineStyle.STRONG,
    "code": InlineStyle.CODE,
    "kbd": InlineStyle.CODE,
    "samp": InlineStyle.CODE,
    "tt": InlineStyle.CODE,
    "sup": InlineStyle.SUPERSCRIPT,
    "sub": InlineStyle.SUBSCRIPT,
    "s": InlineStyle.STRIKE,
    "del": InlineStyle.STRIKE,
    "strike": InlineStyle.STRIKE,
}
_SILENT = frozenset(
    {"head", "script", "style", "template", "noscript", "iframe", "object", "embed", "video", "audio"}
    | {"canvas", "map", "form", "input", "button", "select", "textarea", "-comment", "title", "math"}
    | {"rp"}
)
"""Elements whose content is never text to read."""
_BLOCKS = frozenset(
    {"address", "article", "aside", "body", "center", "details", "dialog", "div", "dl", "dt", "dd"}
    | {"fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "nav", "section"}
    | {"summary", "html", "caption", "legend", "ol", "ul", "menu"}
)
"""Elements that end the paragraph before them and start a new one."""
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_FLUSHING = _BLOCKS | _HEADINGS.keys() | {"p", "pre", "blockquote", "hr", "table", "li"}
"""Every element that is a block (and that a line of a poem never holds)."""
_IN_CELLS = frozenset({"a", "br", "img", "span", "small", "big", "abbr", "q", "u", "mark"})
"""What stays inline in a table cell; anything else there is read as its text."""
_NOTE_TYPES = frozenset({"footnote", "endnote", "rearnote", "note"})
_NOTES_TYPES = frozenset({"footnotes", "endnotes", "rearnotes"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_SELF_CLOSING = re.compile(r"<([A-Za-z][\w:.-]*)(\s[^<>]*)?/>")
"""An empty element: one greedy run to the `>` (a lazy one, or a second run of spaces,
would backtrack for the square of a long tag's length)."""
_HEAD_END = re.compile(r"</(?:p|h[1-6]|div|section|blockquote|pre|table|ul|ol)\s*>", re.IGNORECASE)


def expand_self_closing(markup: str) -> str:
    """`<a id="x"/>` as `<a id="x"></a>`: XHTML's empty elements, which an HTML5 parser
    would read as opening tags (a `<title/>` would swallow the rest of the page)."""
    if "/>" not in markup:
        return markup

    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.lower() in _VOID:
            return match.group()
        return f"<{name}{match.group(2) or ''}></{name}>"

    return _SELF_CLOSING.sub(expand, markup)


def head_end(markup: str, at: int) -> int | None:
    """Where a head of `markup` for a first screen may end: after the first closing tag of a
    block at or after `at` characters (None: the whole, which is no longer).  The blocks of
    the prefix are those the whole begins with; the HTML5 parser closes what is left open."""
    if at >= len(markup):
        return None
    found = _HEAD_END.search(markup, at)
    return found.end() if found is not None and found.end() < len(markup) else None


@dataclass(slots=True)
class _List:
    ordered: bool
    number: int
    emitted: bool = False


@dataclass(slots=True)
class _Container:
    """An open list item or note: its marker goes to the first block written inside it."""

    kind: BlockKind
    marker: str
    level: int
    claimed: bool = False


class HtmlReader:
    """Walks HTML documents (one, or an EPUB's chapters in turn) into one `DocumentBuilder`.

    `link` turns an `href` as written into the `href` a span carries (`#key` for a place
    in this document, see `anchors`), and `key` turns an element's `id` into its key in
    `anchors`; both are the identity for a page read alone.
    """

    def __init__(
        self,
        builder: DocumentBuilder,
        *,
        link: Callable[[str], str] = lambda href: href,
        key: Callable[[str], str] = lambda id: id,
    ) -> None:
        self.builder = builder
        self.anchors: dict[str, int] = {}
        """Each element's key (its `id`, or `file#id` in a book) to the block it is in."""
        self.notes: dict[str, tuple[int, int]] = {}
        """Each footnote's or endnote's key to its first and last block."""
        self.note_labels: dict[str, str] = {}
        """What the first reference to each note shows (`1`, `*`), for the note's marker."""
        self.title: str | None = None
        self.language: str | None = None
        self._link = link
        self._key = key
        self._inline = InlineText()
        self._quote = 0
        self._lists: list[_List] = []
        self._containers: list[_Container] = []
        self._cells = 0
        """How many table cells are being read (tables in cells): no block is added."""
        self._lines_from: int | None = None
        """The first block of the group of lines being read (a poem's stanza): the blocks
        after it are drawn tight under it."""

    # -- what is read ---------------------------------------------------------------

    def read(self, markup: str) -> None:
        """Add the blocks of one HTML document."""
        from selectolax.lexbor import LexborHTMLParser

        tree = LexborHTMLParser(expand_self_closing(markup))
        root = tree.root
        if root is None:
            return
        if self.language is None:
            attributes = root.attributes
            self.language = attributes.get("lang") or attributes.get("xml:lang") or None
        if self.title is None:
            title = tree.css_first("head > title")
            text = " ".join(title.text().split()) if title is not None else ""
            self.title = text or None
        body = tree.body
        if body is not None:
            self._element(body, 0)
        self._flush()

    # -- the walk ---------------------------------------------------------------------

    def _children(self, node: LexborNode, depth: int) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                self._inline.text(child.text_content or "")
            elif tag is not None and tag not in _SILENT:
                self._element(child, depth + 1)

    def _element(self, node: LexborNode, depth: int) -> None:
        tag = node.tag or ""
        attributes = node.attributes
        if self._cells and tag not in _INLINE_STYLES and tag not in _IN_CELLS:
            # A table cell is one line of text: what is in it reads as inline text.
            self._inline.text(" ")
            self._children(node, depth)
            self._inline.text(" ")
            return
        identifier = attributes.get("id")
        if identifier:
            if tag in _FLUSHING:
                self._flush()  # the element is the next block, not the text before it
            self.anchors.setdefault(self._key(identifier), self.builder.count)
        if depth > MAX_DEPTH:
            self._inline.text(node.text(deep=True))
            return
        kind = _semantics(attributes)
        if tag in _INLINE_STYLES:
            index = self._inline.open(_INLINE_STYLES[tag])
            self._children(node, depth)
            self._inline.close(index)
        elif tag == "a":
            self._anchor(node, attributes, kind, depth)
        elif tag == "br":
            self._inline.literal("\n")
        elif tag == "rt":  # a ruby reading, after its base: 山路（やまみち）
            self._inline.literal("（")
            self._children(node, depth)
            self._inline.literal("）")
        elif tag == "img":
            alt = " ".join((attributes.get("alt") or "").split())
            self._inline.literal(f"[image: {alt}]" if alt else "[image]")
        elif tag in _HEADINGS:
            self._flush()
            self._children(node, depth)
            text, spans = self._inline.take()
            if text and not self._repeats_title(tag, text):
                self._add(BlockKind.HEADING, text, spans, level=_HEADINGS[tag])
        elif tag == "p":
            self._flush()
            self._children(node, depth)
            self._flush()
        elif tag == "pre":
            self._flush()
            text = (node.text(deep=True) or "").removeprefix("\n").rstrip()
            if text:
                self._add(BlockKind.CODE, text, [])
        elif tag == "blockquote":
            self._flush()
            self._quote += 1
            self._children(node, depth)
            self._flush()
            self._quote -= 1
        elif tag == "hr":
            self._flush()
            self._add(BlockKind.VERSE, SECTION_BREAK, [])
        elif tag == "table":
            self._flush()
            self._table(node, depth)
        elif identifier and (_is_note(tag, kind) or _in_notes(node)):
            self._note(node, self._key(identifier), depth)
        elif tag in ("ul", "ol"):
            self._flush()
            start = attributes.get("start") or "1"
            number = int(start) if start.isdigit() else 1
            self._lists.append(_List(ordered=tag == "ol", number=number))
            self._children(node, depth)
            self._flush()
            self._lists.pop()
        elif tag == "li":
            self._item(node, depth)
        elif tag == "div" and _is_line_group(node):
            self._flush()
            outer, self._lines_from = self._lines_from, self.builder.count
            self._children(node, depth)
            self._flush()
            self._lines_from = outer
        elif tag in _BLOCKS:
            self._flush()
            self._children(node, depth)
            self._flush()
        else:  # span, small, and every element not named: its text and what is in it
            self._children(node, depth)

    def _repeats_title(self, tag: str, text: str) -> bool:
        """A first `h1` that says the title, shown above the text already (as in Markdown)."""
        from reader.core.names import name_key

        return tag == "h1" and self.builder.count == 0 and name_key(text) == name_key(self.title or "")

    def _anchor(self, node: LexborNode, attributes: dict[str, str | None], kind: str, depth: int) -> None:
        href = attributes.get("href")
        if not href:
            self._children(node, depth)
            return
        target = self._link(href)
        if not target:  # an image, a file outside the book: no link to follow
            self._children(node, depth)
            return
        if "noteref" in kind.split() and target.startswith("#"):
            key = target[1:]
            label = " ".join((node.text(deep=True) or "").split()).strip("[]") or "*"
            self.note_labels.setdefault(key, label)
            index = self._inline.open(InlineStyle.FOOTNOTE, key)
            self._inline.literal(f"[{label}]")
            self._inline.close(index)
            return
        index = self._inline.open(InlineStyle.LINK, target)
        self._children(node, depth)
        self._inline.close(index)

    def _item(self, node: LexborNode, depth: int) -> None:
        self._flush()
        current = self._lists[-1] if self._lists else None
        marker = BULLET
        if current is not None and current.ordered:
            marker = f"{current.number}."
            current.number += 1
        self._containers.append(_Container(BlockKind.LIST_ITEM, marker, max(0, len(self._lists) - 1)))
        self._children(node, depth)
        self._flush()
        item = self._containers.pop()
        if not item.claimed:
            self._add(BlockKind.LIST_ITEM, "", [], level=item.level, marker=item.marker)

    def _note(self, node: LexborNode, key: str, depth: int) -> None:
        """A footnote or endnote: `NOTE` blocks where it stands, its marker the number its
        first reference shows."""
        self._flush()
        first = self.builder.count
        marker = f"[{self.note_labels.get(key, '*')}]"
        self._containers.append(_Container(BlockKind.NOTE, marker, 0))
        self._children(node, depth)
        self._flush()
        self._containers.pop()
        if self.builder.count > first:
            self.notes.setdefault(key, (first, self.builder.count - 1))

    def _table(self, node: LexborNode, depth: int) -> None:
        table = Table()
        for row in node.css("tr"):
            cells: list[Cell] = []
            header = True
            for cell in row.iter():
                if cell.tag not in ("td", "th"):
                    continue
                header = header and cell.tag == "th"
                self._cells += 1
                self._children(cell, depth + 2)
                self._cells -= 1
                text, spans = self._inline.take()
                cells.append(Cell(text.replace("\n", " "), spans))
            if cells:
                table.rows.append(cells)
                if header and len(table.rows) == table.header_rows + 1:
                    table.header_rows += 1
        if table.rows:
            text, spans = render_table(table)
            self._add(BlockKind.TABLE, text, spans)

    # -- blocks -----------------------------------------------------------------------

    def _flush(self) -> None:
        """The text read so far, as the block its containers make it."""
        if self._inline.empty:
            return
        text, spans = self._inline.take()
        if not text.strip():
            return
        container = self._containers[-1] if self._containers else None
        if container is not None:
            marker = "" if container.claimed else container.marker
            container.claimed = True
            self._add(container.kind, text, spans, level=container.level, marker=marker)
        elif self._quote:
            self._add(BlockKind.QUOTE, text, spans, level=self._quote)
        else:
            self._add(BlockKind.PARAGRAPH, text, spans)

    def _add(
        self, kind: BlockKind, text: str, spans: list[RawSpan], *, level: int = 0, marker: str = ""
    ) -> None:
        tight = kind is BlockKind.LIST_ITEM and any(open_list.emitted for open_list in self._lists)
        tight = tight or (self._lines_from is not None and self.builder.count > self._lines_from)
        self.builder.add(kind, text, level=level, marker=marker, spans=tuple(spans), tight=tight)
        for open_list in self._lists:
            open_list.emitted = True


def _is_line_group(node: LexborNode) -> bool:
    """A `div` of `div`s holding text alone: the lines of a poem, one block each, drawn
    without a blank row between them as their stanza is."""
    lines = 0
    for child in node.iter():
        if child.tag != "div":
            return False
        inside = child.traverse()
        next(inside)  # the line itself
        if any(element.tag in _FLUSHING for element in inside):
            return False
        lines += 1
    return lines > 1


def _semantics(attributes: dict[str, str | None]) -> str:
    """What an element is, as EPUB's `epub:type` and DPUB-ARIA's `role` say it
    (`role="doc-noteref"` is `noteref`)."""
    kind = attributes.get("epub:type") or ""
    role = attributes.get("role")
    return f"{kind} {role.replace('doc-', '')}" if role else kind


def _is_note(tag: str, kind: str) -> bool:
    return tag == "aside" or not _NOTE_TYPES.isdisjoint(kind.split())


def _in_notes(node: LexborNode) -> bool:
    """An element with an `id` directly inside a list of notes (`epub:type="endnotes"`)."""
    parent = node.parent
    if parent is not None and parent.tag in ("ol", "ul"):
        parent = parent.parent
    kind = _semantics(parent.attributes) if parent is not None else ""
    return not _NOTES_TYPES.isdisjoint(kind.split())


def parse_html(
    text: str, *, source: Path | None = None, fallback_title: str = "Untitled", head: int | None = None
) -> Document:
    """An HTML page as a document: its `<title>` (else its first heading) for a title, its
    `lang`, and links to `#id` that lead to the block holding that element.  With `head`,
    only the blocks before a block's end at or after `head` characters (`head_end`)."""
    cut = head_end(text, head) if head is not None else None
    builder = DocumentBuilder()
    reader = HtmlReader(builder)
    reader.read(text if cut is None else text[:cut])
    document = builder.build(
        reader.title or fallback_title, source=source, complete=cut is None, format="html"
    )
    if reader.title is None:
        heading = next((block for block in document.blocks if block.kind is BlockKind.HEADING), None)
        if heading is not None:
            document.title = document.block_text(heading.index).replace("\n", " ")
    finish(document, reader)
    return document


def finish(document: Document, reader: HtmlReader) -> None:
    """Give `document` what `reader` found beside its blocks: its language, the places its
    links lead to, and its notes, with links to a note made references to it (a book whose
    notes are `aside`s reached by plain links)."""
    from dataclasses import replace

    from reader.core.document import Note
    from reader.core.sanitize import one_line

    last = len(document.blocks) - 1
    if last >= 0:
        document.anchors = {one_line(key): min(block, last) for key, block in reader.anchors.items()}
    if reader.language:
        document.language = one_line(reader.language.strip())
    notes = {one_line(key): blocks for key, blocks in reader.notes.items()}
    if not notes:
        return
    references: dict[str, list[int]] = {key: [] for key in notes}
    for index, block in enumerate(document.blocks):
        spans = tuple(
            span._replace(style=InlineStyle.FOOTNOTE, href=span.href[1:])
            if span.style is InlineStyle.LINK and span.href.startswith("#") and span.href[1:] in notes
            else span
            for span in block.spans
        )
        for span in spans:
            if span.style is InlineStyle.FOOTNOTE and span.href in references:
                references[span.href].append(span.start)
        if spans != block.spans:
            document.blocks[index] = replace(block, spans=spans)
    document.notes = {
        key: Note(key, first, last_block, tuple(references[key]))
        for key, (first, last_block) in notes.items()
    }
