"""A passage in context: a hit (search match, mention, bookmark) with its surroundings.

One implementation for every list that shows hits (search results, an entry's
mentions, `reader search`, `reader glossary show`), so they all cut alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from reader.core.document import Document


class Located(Protocol):
    """A character range of a document and the block it lies in."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def block(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Snippet:
    """A hit in context: `text` on one line, the hit at `[start, end)` of it."""

    text: str
    start: int
    end: int


def snippet(document: Document, hit: Located, width: int = 80) -> Snippet:
    """The hit with about `width` characters of its block around it, cut at spaces."""
    return next(snippets(document, (hit,), width))


def snippets(document: Document, hits: Iterable[Located], width: int = 80) -> Iterator[Snippet]:
    """`snippet` of each hit in turn: a listing of every hit of a common word (47,339 of
    `the` in War and Peace) pays for the lookups once, not once a hit."""
    text = document.text
    blocks = document.blocks
    find, rfind = text.find, text.rfind
    for hit in hits:
        start, end = hit.start, hit.end
        block = blocks[hit.block]
        room = max(0, width - (end - start))
        after = min(block.end - end, room - room // 2)
        before = min(start - block.start, room - after)
        after = min(block.end - end, room - before)
        left, right = start - before, end + after
        prefix = suffix = ""
        if left > block.start:
            space = find(" ", left, start)
            left = space + 1 if space != -1 else left
            prefix = "…"
        if right < block.end:
            space = rfind(" ", end, right)
            right = space if space != -1 else right
            suffix = "…"
        offset = len(prefix) - left
        yield Snippet(prefix + text[left:right].replace("\n", " ") + suffix, start + offset, end + offset)
