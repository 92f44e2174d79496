"""The document model every other feature addresses by character offset.

A document is one plain-text string plus the blocks that partition it.  Blocks
are joined by a blank line (two newlines) in `Document.text`, so a mention, a
search hit or a bookmark is simply a `(start, end)` range into that string.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

BLOCK_SEPARATOR = "\n\n"


PARAGRAPH_SIGN = "¶"


def paragraph_number(block: int) -> int:
    """The number a person reads for the 0-based block index `block`: counted from 1.

    One numbering everywhere a person reads (the status bar, search results, glossary
    mentions, bookmark lists); JSON and the model keep the 0-based `block`.
    """
    return block + 1


def paragraph_label(block: int, *, width: int = 0) -> str:
    """`¶ 12` for block index 11; the number right-aligned in `width` digits for a column."""
    return f"{PARAGRAPH_SIGN} {paragraph_number(block):>{width}}"


def block_of_paragraph(label: str) -> int:
    """The 0-based block index for a paragraph a person names: `12`, `¶12` or `¶ 12`.

    Raises `ValueError` for anything else, or a number below 1.
    """
    text = label.strip().removeprefix(PARAGRAPH_SIGN).strip()
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise ValueError(f"not a paragraph number: {label!r} (they count from 1)")
    return int(text) - 1


class BlockKind(StrEnum):
    """What a block is; the reading view styles each kind differently."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    CODE = "code"
    VERSE = "verse"
    TABLE = "table"

    @property
    def preformatted(self) -> bool:
        """Kept line for line, never reflowed."""
        return self in PREFORMATTED


PREFORMATTED = frozenset({BlockKind.CODE, BlockKind.VERSE, BlockKind.TABLE})
FLOWING_UNINDENTED = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING})
"""Kinds wrapped at the full column width with no indent: almost every block of a book."""


class InlineStyle(StrEnum):
    """Inline emphasis carried over from Markdown."""

    EMPHASIS = "em"
    STRONG = "strong"
    CODE = "code"
    LINK = "link"
    STRIKE = "strike"


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

    @property
    def id(self) -> str:
        """A stable identifier: the same file always yields the same ids."""
        return f"b{self.index}"


@dataclass(slots=True)
class Document:
    """A parsed document: title, optional date, text and its blocks."""

    title: str
    text: str
    blocks: list[Block]
    date: str | None = None
    source: Path | None = None
    notice: str | None = None
    complete: bool = True
    """False for the head of a large file, parsed first so the screen paints at once."""
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [block.start for block in self.blocks]

    def block_text(self, index: int) -> str:
        """The plain text of block `index`."""
        block = self.blocks[index]
        return self.text[block.start : block.end]

    def block_at(self, offset: int) -> int:
        """Index of the block containing `offset` (or the nearest one before it)."""
        if not self.blocks:
            raise IndexError("empty document")
        return max(0, bisect.bisect_right(self._starts, offset) - 1)


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
    ) -> Block:
        """Append a block; `spans` are offsets relative to `text`."""
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
            spans=tuple(Span(start + s, start + e, style, href) for s, e, style, href in spans),
        )
        self._parts.append(text)
        self._length += len(text)
        self._blocks.append(block)
        return block

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
    ) -> Document:
        return Document(
            title=title,
            text="".join(self._parts),
            blocks=self._blocks,
            date=date,
            source=source,
            notice=notice,
            complete=complete,
        )
