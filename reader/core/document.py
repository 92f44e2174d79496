"""The document model every other feature addresses by character offset.

A document is one plain-text string plus the blocks that partition it.  Blocks
are joined by a blank line (two newlines) in `Document.text`, so a mention, a
search hit or a bookmark is simply a `(start, end)` range into that string.

Whatever the file held, a document is inert on a terminal (`reader.core.sanitize`):
its text holds no control character but the newline (tabs are expanded in
preformatted blocks and become spaces elsewhere; every other control, C1 control
and bidi override is replaced, one character for one, by a visible stand-in), and
neither do its title, date and link targets.  Every consumer (the reading view,
snippets, the command line, bookmarks) can show any part of it as it is.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from reader.core.sanitize import inert, one_line

BLOCK_SEPARATOR = "\n\n"
TAB_SIZE = 8
"""Tab stops in preformatted blocks (code, verse): where a terminal puts them."""


PARAGRAPH_SIGN = "¶"
_PARAGRAPH_NUMBER = re.compile(r"[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+")


def paragraph_number(block: int) -> int:
    """The number a person reads for the 0-based block index `block`: counted from 1.

    One numbering everywhere a person reads (the status bar, search results, glossary
    mentions, bookmark lists); JSON and the model keep the 0-based `block`.
    """
    return block + 1


def paragraph_label(block: int, *, width: int = 0) -> str:
    """`¶ 12` for block index 11, `¶ 1,234` for 1233: the one label every screen and command
    prints; the number right-aligned in `width` characters for a column."""
    return f"{PARAGRAPH_SIGN} {paragraph_number(block):>{width},}"


def block_of_paragraph(label: str) -> int:
    """The 0-based block index for a paragraph a person names: `12`, `¶12`, `¶ 12` or
    `¶ 1,234` (as `paragraph_label` prints it).

    Raises `ValueError` for anything else, or a number below 1.
    """
    text = label.strip().removeprefix(PARAGRAPH_SIGN).strip()
    if _PARAGRAPH_NUMBER.fullmatch(text) is None or int(text := text.replace(",", "")) < 1:
        raise ValueError(f"not a paragraph number: {label!r} (they count from 1)")
    return int(text) - 1


class BlockKind(StrEnum):
    """What a block is; the reading view styles each kind differently."""

    HEADING = "heading"
    """`level` is the heading's level, 1 to 6 (`#` to `######`; plain-text headings are 2)."""
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    """`level` is the depth of nesting, from 1."""
    LIST_ITEM = "list_item"
    """`level` is the depth of nesting, from 0; `marker` (`•`, `3.`) on an item's first block."""
    CODE = "code"
    VERSE = "verse"
    TABLE = "table"
    """Box-drawn rows, never wrapped: `Block.width` says how wide they are."""
    NOTE = "note"
    """A footnote's text, at the end of the document; `marker` (`[1]`) on its first block."""
    RAW = "raw"
    """Lines of program output, each kept as one row, never wrapped or reflowed."""

    @property
    def preformatted(self) -> bool:
        """Kept line for line, never reflowed."""
        return self in PREFORMATTED

    @property
    def wraps(self) -> bool:
        """False for blocks whose lines are never wrapped: each line is one row, as wide as it
        is; the view clips (or scrolls) a row wider than the column."""
        return self not in UNWRAPPED


PREFORMATTED = frozenset({BlockKind.CODE, BlockKind.VERSE, BlockKind.TABLE, BlockKind.RAW})
UNWRAPPED = frozenset({BlockKind.TABLE, BlockKind.RAW})
FLOWING_UNINDENTED = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING})
"""Kinds wrapped at the full column width with no indent: almost every block of a book."""


class InlineStyle(StrEnum):
    """Inline styles carried over from Markdown (and its inline HTML)."""

    EMPHASIS = "em"
    STRONG = "strong"
    CODE = "code"
    LINK = "link"
    """`Span.href` is the link's destination as written (normalised by markdown-it):
    a URL, or a path relative to the document (see `reader.core.links`)."""
    STRIKE = "strike"
    SUPERSCRIPT = "sup"
    SUBSCRIPT = "sub"
    FOOTNOTE = "footnote"
    """A footnote reference (`[1]`); `Span.href` is its note's key in `Document.notes`."""


class Span(NamedTuple):
    """An inline style over `[start, end)` in document offsets.

    Named tuples rather than dataclasses where nothing forbids it: they are created
    several times faster at import, and the first paint is measured.
    """

    start: int
    end: int
    style: InlineStyle
    href: str = ""


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the document: a `[start, end)` range of `Document.text`."""

    index: int
    kind: BlockKind
    start: int
    end: int
    level: int = 0
    marker: str = ""
    spans: tuple[Span, ...] = ()
    tight: bool = False
    """Shown right under the block before it, with no blank row between (a tight list)."""
    width: int = 0
    """For a block that is never wrapped (`BlockKind.wraps` False): the terminal cells of its
    widest line, so that the view knows whether, and how far, it overflows the column."""

    @property
    def id(self) -> str:
        """A stable identifier: the same file always yields the same ids."""
        return f"b{self.index}"


class Note(NamedTuple):
    """A footnote: its blocks at the end of the document and the references to it."""

    key: str
    """What its references carry in `Span.href`: the number shown, `1` for `[1]`."""
    first: int
    """Its first block (the one with the marker)."""
    last: int
    """Its last block."""
    references: tuple[int, ...]
    """Document offsets where each reference to it starts, in order: where to come back to."""


class ContentsEntry(NamedTuple):
    """One line of a book's own table of contents (an EPUB's `nav` or NCX)."""

    title: str
    level: int
    """Its depth in the contents, from 1."""
    block: int
    """The block it leads to."""


@dataclass(slots=True, repr=False)
class Document:
    """A parsed document: title, optional date, text and its blocks."""

    title: str
    text: str
    blocks: list[Block]
    date: str | None = None
    source: Path | None = None
    notice: str | None = None
    complete: bool = True
    """False for the head of a large file, parsed first so the screen paints at once, and for
    standard input still arriving."""
    notes: dict[str, Note] = field(default_factory=dict)
    """Footnotes by key (`Span.href` of a `FOOTNOTE` span); empty in a head, where the notes
    at the end are not parsed yet."""
    format: str = "text"
    """How the text was read: `md`, `text` or `raw` (see `reader.core.formats`)."""
    author: str | None = None
    language: str | None = None
    """The document's language (a BCP 47 tag, as an EPUB or HTML declares it), if known."""
    contents: tuple[ContentsEntry, ...] = ()
    """The table of contents the document carries itself (an EPUB's); empty for documents
    whose contents come from their headings."""
    anchors: dict[str, int] = field(default_factory=dict)
    """Where a link inside the document leads (`#key`): the `id` of an HTML element, or
    `file#id` and `file` in an EPUB, to the block holding it (see `reader.core.links`)."""
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [block.start for block in self.blocks]

    def __repr__(self) -> str:
        """Short: Textual describes a worker by the repr of its arguments, and the field by
        field repr of War and Peace took 0.16 s of the event loop's time for each worker."""
        state = "" if self.complete else ", incomplete"
        return f"<Document {self.title!r}: {len(self.blocks)} blocks, {len(self.text)} characters{state}>"

    def block_text(self, index: int) -> str:
        """The plain text of block `index`."""
        block = self.blocks[index]
        return self.text[block.start : block.end]

    def block_at(self, offset: int) -> int:
        """Index of the block containing `offset` (or the nearest one before it)."""
        if not self.blocks:
            raise IndexError("empty document")
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def note_for(self, span: Span) -> Note | None:
        """The note a footnote reference points to (None for another span, or in a head)."""
        return self.notes.get(span.href) if span.style is InlineStyle.FOOTNOTE else None

    def note_at(self, block: int) -> Note | None:
        """The note block `block` belongs to, if it is part of one."""
        if not self.notes or self.blocks[block].kind is not BlockKind.NOTE:
            return None
        return next((note for note in self.notes.values() if note.first <= block <= note.last), None)


class DocumentBuilder:
    """Accumulates blocks and their text, computing offsets as it goes."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._blocks: list[Block] = []
        self._length = 0

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        level: int = 0,
        marker: str = "",
        spans: tuple[tuple[int, int, InlineStyle, str], ...] = (),
        tight: bool = False,
    ) -> Block:
        """Append a block; `spans` are offsets relative to `text`.

        Tabs are expanded in a preformatted block without spans (its lines keep their
        alignment) and are spaces elsewhere; `build` makes the rest of the text inert,
        one character for one, which keeps `spans` valid.
        """
        if "\t" in text:
            text = _without_tabs(kind, text, bool(spans))
        if self._parts:
            self._parts.append(BLOCK_SEPARATOR)
            self._length += len(BLOCK_SEPARATOR)
        start = self._length
        block = Block(
            index=len(self._blocks),
            kind=kind,
            start=start,
            end=start + len(text),
            level=level,
            marker=marker,
            spans=tuple(Span(start + s, start + e, style, one_line(href)) for s, e, style, href in spans),
            tight=tight and bool(self._blocks),
            width=0 if kind.wraps else widest_line(text),
        )
        self._parts.append(text)
        self._length += len(text)
        self._blocks.append(block)
        return block

    @property
    def count(self) -> int:
        """How many blocks have been added."""
        return len(self._blocks)

    @property
    def length(self) -> int:
        """How many characters of text have been added (a head stops past a length)."""
        return self._length

    def first_text(self) -> str:
        """The text of the first block, or an empty string."""
        return self._parts[0] if self._parts else ""

    def build(
        self,
        title: str,
        *,
        date: str | None = None,
        source: Path | None = None,
        notice: str | None = None,
        complete: bool = True,
        notes: dict[str, tuple[int, int]] | None = None,
        format: str = "text",
    ) -> Document:
        """The document; `notes` maps each footnote's key to its first and last block.

        Inert whatever parser made it: one scan of the whole text (17 ms for War and Peace)
        rather than one per block (twice that, in call overhead).
        """
        blocks = self._blocks
        found: dict[str, Note] = {}
        if notes:
            references: dict[str, list[int]] = {key: [] for key in notes}
            for block in blocks:
                for span in block.spans:
                    if span.style is InlineStyle.FOOTNOTE and span.href in references:
                        references[span.href].append(span.start)
            found = {
                key: Note(key, first, last, tuple(references[key])) for key, (first, last) in notes.items()
            }
        return Document(
            title=one_line(title.replace("\n", " ")),
            text=inert("".join(self._parts), keep="\n"),
            blocks=blocks,
            date=one_line(date) if date is not None else None,
            source=source,
            notice=notice,
            complete=complete,
            notes=found,
            format=format,
        )


def _without_tabs(kind: BlockKind, text: str, has_spans: bool) -> str:
    if kind.preformatted and not has_spans:
        return "\n".join(line.expandtabs(TAB_SIZE) for line in text.split("\n"))
    return text.replace("\t", " ")


def widest_line(text: str) -> int:
    """The terminal cells of the widest line of `text`."""
    lines = text.split("\n")
    if text.isascii():
        return max(map(len, lines))
    from rich.cells import cell_len

    return max(map(cell_len, lines))
