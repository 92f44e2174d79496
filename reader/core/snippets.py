"""A passage in context: a hit (search match, mention, bookmark) with its surroundings.

One implementation for every list that shows hits (search results, an entry's
mentions, `reader search`, `reader glossary show`), so they all cut alike.
"""

from __future__ import annotations

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
    block = document.blocks[hit.block]
    text = document.text
    room = max(0, width - (hit.end - hit.start))
    after = min(block.end - hit.end, room - room // 2)
    before = min(hit.start - block.start, room - after)
    after = min(block.end - hit.end, room - before)
    left, right = hit.start - before, hit.end + after
    if left > block.start:
        space = text.find(" ", left, hit.start)
        left = space + 1 if space != -1 else left
    if right < block.end:
        space = text.rfind(" ", hit.end, right)
        right = space if space != -1 else right
    prefix = "…" if left > block.start else ""
    suffix = "…" if right < block.end else ""
    body = text[left:right].replace("\n", " ")
    offset = len(prefix) - left
    return Snippet(prefix + body + suffix, hit.start + offset, hit.end + offset)
