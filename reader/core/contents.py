"""A document's chapters, in their nesting: what the contents pane, `[`/`]`, the status bar,
`:` and `reader toc` all read.

A book that carries its own table of contents (an EPUB's `nav` or NCX, in
`Document.contents`) is taken at its word.  Otherwise the chapters are the headings:
Markdown's by their level; in plain text, the headings that name a division of a
book (`BOOK NINE: 1812`, `CHAPTER IV`, `FIRST EPILOGUE`, see `chapter_headings`),
nested by what they name, and only if there are none, every heading.  A plain-text
heading with nothing under it is a line of a contents list at the front (Project
Gutenberg's), not a chapter: it is left out, or War and Peace would have every
chapter twice.

Chapters are addressed by the index of their first block; where the reader is
comes in as a block index too, so everything here is plain arithmetic, tested
without a terminal.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import NamedTuple

from reader.core.chapter_headings import division_rank, readable
from reader.core.document import BlockKind, ContentsEntry, Document
from reader.core.names import name_key

_END_OF_BOOK = re.compile(r"^\*+\s*END OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE)
"""Where a Project Gutenberg book ends and its licence begins: the last chapter stops there."""
_SUBTITLE = re.compile(r"\s*[:—–]\s.*$|\s*[:.]$")
_PUNCTUATION = re.compile(r"[^\w ]+")


def chapter_key(name: str) -> str:
    """What is compared when a reader names a chapter: `book nine chapter iv` for
    `Book Nine, Chapter IV` (case, accents, punctuation and spacing aside)."""
    return " ".join(_PUNCTUATION.sub(" ", name_key(name).replace("'", "")).split())


class Chapter(NamedTuple):
    """One line of the contents."""

    title: str
    """As the contents shows it: `Chapter IV` (a plain-text heading, no longer in capitals)."""
    name: str
    """Unambiguous in the document, for `:` and the status bar: `Book Nine, Chapter IV`."""
    level: int
    """Depth in the contents, from 1."""
    block: int
    """Its first block."""
    end: int
    """The block just past it, its sub-chapters included."""


class Contents:
    """The chapters of one document, in reading order, and where a block falls among them."""

    def __init__(self, document: Document, chapters: tuple[Chapter, ...]) -> None:
        self.document = document
        self.chapters = chapters
        self._starts = [chapter.block for chapter in chapters]

    def __len__(self) -> int:
        return len(self.chapters)

    def at(self, block: int) -> int | None:
        """The innermost chapter `block` is in (None before the first, or after the last
        has ended: a Gutenberg licence)."""
        index = bisect.bisect_right(self._starts, block) - 1
        while index >= 0 and self.chapters[index].end <= block:
            index -= 1  # a chapter that has ended: the enclosing one, if it still runs
        return index if index >= 0 else None

    def next(self, block: int) -> int | None:
        """The first chapter that starts after `block` (`]`)."""
        index = bisect.bisect_right(self._starts, block)
        return index if index < len(self.chapters) else None

    def previous(self, block: int) -> int | None:
        """`[`: the start of the chapter `block` is in, if it is past it; else the chapter
        before (as vi's `[[` goes to the start of the section, then to the one before)."""
        index = bisect.bisect_left(self._starts, block) - 1
        return index if index >= 0 else None

    def progress(self, index: int, block: int) -> float:
        """How much of chapter `index` has been read with `block` read to its end: 0 to 1,
        by characters (a long paragraph counts for more than a short one)."""
        chapter = self.chapters[index]
        blocks = self.document.blocks
        start = blocks[chapter.block].start
        end = blocks[chapter.end - 1].end
        if block < chapter.block:
            return 0.0
        if block >= chapter.end - 1 or end <= start:
            return 1.0
        return (blocks[block].end - start) / (end - start)

    def read(self, furthest: int) -> list[float]:
        """For each chapter, how much of it lies before the end of block `furthest` (the
        furthest the reader has gone)."""
        return [self.progress(index, furthest) for index in range(len(self.chapters))]

    def find(self, name: str, near: int = 0, *, prefix: bool = False) -> int | None:
        """The chapter `name` names (its full name, or its own title), or with `prefix` the
        first whose name or title starts with it.  A title several chapters share
        (`Chapter IV`) is the one in the book the reader is in (block `near`), else the
        first after it, else the first."""
        key = chapter_key(name)
        if not key:
            return None

        def matches(text: str) -> bool:
            other = chapter_key(text)
            return other.startswith(key) if prefix else other == key

        for index, chapter in enumerate(self.chapters):
            if matches(chapter.name):
                return index
        found = [index for index, chapter in enumerate(self.chapters) if matches(chapter.title)]
        if not found:
            return None
        outermost = next((c.block for c in self.chapters if c.level == 1 and c.block <= near < c.end), near)
        return next((index for index in found if self.chapters[index].block >= outermost), found[0])

    def names(self) -> list[str]:
        """Every chapter's name, in reading order (what `:` completes)."""
        return [chapter.name for chapter in self.chapters]


def contents_of(document: Document) -> Contents:
    """The chapters of `document` (see the module's docstring)."""
    blocks = len(document.blocks)
    if document.contents:
        entries = sorted((e for e in document.contents if 0 <= e.block < blocks), key=lambda e: e.block)
        return _contents(document, entries, blocks)
    if document.format != "text":
        entries = [
            ContentsEntry(document.block_text(block.index), block.level, block.index)
            for block in document.blocks
            if block.kind is BlockKind.HEADING
        ]
        return _contents(document, entries, blocks)
    return _plain_contents(document)


def _plain_contents(document: Document) -> Contents:
    """Chapters of a plain-text document from its all-capitals headings."""
    heading = BlockKind.HEADING
    headings = [block.index for block in document.blocks if block.kind is heading]
    body_end = len(document.blocks)
    found: list[tuple[int, int, str]] = []  # (rank, block, text)
    for index in headings:
        text = document.block_text(index)
        if _END_OF_BOOK.match(text):
            body_end = index
            break
        found.append((division_rank(text), index, text))
    divisions = [item for item in found if item[0]]
    if divisions:
        top = min((rank for rank, _, _ in divisions if rank > 0), default=1)
        # Prologues, epilogues and prefaces stand beside the largest divisions there are.
        found = [(rank if rank > 0 else top, block, text) for rank, block, text in divisions]
    else:
        found = [(1, block, text) for _, block, text in found]
    entries = [ContentsEntry(text, rank, block) for rank, block, text in found]
    kept = [entry._replace(title=readable(entry.title)) for entry in _with_text(headings, entries, body_end)]
    return _contents(document, kept, body_end)


def _with_text(headings: list[int], entries: list[ContentsEntry], body_end: int) -> list[ContentsEntry]:
    """The entries with text of their own or in their sub-chapters (`headings`: every
    heading's block): a run of bare headings (a contents list) is not chapters."""

    def bare(start: int, end: int) -> bool:
        """Whether blocks `[start, end)` are all headings."""
        return bisect.bisect_left(headings, end) - bisect.bisect_left(headings, start) == end - start

    ends = _ends(entries, body_end)
    return [entry for entry, end in zip(entries, ends, strict=True) if not bare(entry.block + 1, end)]


def _ends(entries: list[ContentsEntry], body_end: int) -> list[int]:
    """Where each entry ends: at the next entry of its level or above, else at `body_end`."""
    ends = [body_end] * len(entries)
    open_entries: list[int] = []
    for position, entry in enumerate(entries):
        while open_entries and entries[open_entries[-1]].level >= entry.level:
            ends[open_entries.pop()] = entry.block
        open_entries.append(position)
    return [max(end, entry.block + 1) for entry, end in zip(entries, ends, strict=True)]


def _contents(document: Document, entries: list[ContentsEntry], body_end: int) -> Contents:
    """Depths from the levels (a `###` under a `#` is one deeper, not two), ends, names."""
    depths: list[int] = []
    open_levels: list[int] = []
    for entry in entries:
        while open_levels and open_levels[-1] >= entry.level:
            open_levels.pop()
        open_levels.append(entry.level)
        depths.append(len(open_levels))
    ends = _ends(entries, body_end)
    titles = [" ".join(entry.title.split()) or "(untitled)" for entry in entries]
    names = _unambiguous(titles, depths)
    chapters = tuple(
        Chapter(titles[i], names[i], depths[i], entries[i].block, ends[i]) for i in range(len(entries))
    )
    return Contents(document, chapters)


def _unambiguous(titles: list[str], depths: list[int]) -> list[str]:
    """Each title, with as many of its ancestors' short titles before it as tell it apart
    (`Book Nine, Chapter IV`); what is still the same gets a number (`Notes (2)`)."""
    parents: list[int | None] = []
    stack: list[int] = []
    for position, depth in enumerate(depths):
        del stack[depth - 1 :]
        parents.append(stack[-1] if stack else None)
        stack.append(position)
    names = list(titles)
    ancestors = list(parents)
    for _ in range(max(depths, default=0)):
        groups: dict[str, list[int]] = {}
        for position, name in enumerate(names):
            groups.setdefault(name.casefold(), []).append(position)
        changed = False
        for group in groups.values():
            if len(group) < 2:
                continue
            prefixed = {
                p: f"{_SUBTITLE.sub('', titles[a])}, {names[p]}"
                for p in group
                if (a := ancestors[p]) is not None
            }
            if len({prefixed.get(p, names[p]).casefold() for p in group}) == 1:
                continue  # the same ancestors: only a number tells them apart
            for position, name in prefixed.items():
                names[position] = name
                ancestors[position] = parents[ancestors[position] or 0]
            changed = True
        if not changed:
            break
    seen: Counter[str] = Counter()
    for position, name in enumerate(names):
        seen[name.casefold()] += 1
        if seen[name.casefold()] > 1:
            names[position] = f"{name} ({seen[name.casefold()]})"
    return names
