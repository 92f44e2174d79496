"""What `tab` reaches in the text, as in a browser: glossary mentions, links and footnote
references, in reading order.

Plain data: the reading view keeps a list of targets and the index of the one with the
ring; `step` says where `tab` (or `shift+tab`) goes from there.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from reader.core.document import Document, InlineStyle

if TYPE_CHECKING:  # the linker is not needed before the first paint
    from reader.core.glossary.linker import Mention


class TargetKind(StrEnum):
    MENTION = "mention"
    LINK = "link"
    NOTE = "note"
    """A footnote reference: enter goes to its note."""


class Target(NamedTuple):
    start: int
    end: int
    kind: TargetKind
    mention: int = -1
    """For a mention: its index among the linked document's mentions."""
    href: str = ""
    """For a link, where it leads; for a note reference, the note's key."""


class FocusRing:
    """Every mention, link and footnote reference of a document, by position."""

    def __init__(self, document: Document, mentions: Sequence[Mention]) -> None:
        found = [
            Target(m.start, m.end, TargetKind.MENTION, mention=index) for index, m in enumerate(mentions)
        ]
        for block in document.blocks:
            for span in block.spans:
                if span.style is InlineStyle.LINK and span.href:
                    found.append(Target(span.start, span.end, TargetKind.LINK, href=span.href))
                elif span.style is InlineStyle.FOOTNOTE:
                    found.append(Target(span.start, span.end, TargetKind.NOTE, href=span.href))
        found.sort(key=lambda target: (target.start, target.end))
        self.targets = found
        self._starts = [target.start for target in found]

    def __len__(self) -> int:
        return len(self.targets)

    def step(self, current: int | None, visible: tuple[int, int], direction: int) -> int | None:
        """Where the ring goes: from `current` if it is on screen (`visible`: the offsets of
        the top and bottom of the screen), else from the top (`tab`) or the bottom
        (`shift+tab`) of the screen; round the ends.  None when there is nothing to reach."""
        ring = self.targets
        if not ring:
            return None
        top, bottom = visible
        if current is not None and top <= ring[current].start < bottom:
            return (current + direction) % len(ring)
        if direction > 0:
            index = bisect.bisect_left(self._starts, top)
            return index if index < len(ring) else 0
        index = bisect.bisect_left(self._starts, bottom) - 1
        return index if index >= 0 else len(ring) - 1

    def at(self, offset: int) -> int | None:
        """The target covering character `offset`: the innermost, where a mention sits in a
        link (targets nest at most that deep)."""
        index = bisect.bisect_right(self._starts, offset) - 1
        for candidate in (index, index - 1):
            if candidate >= 0 and self.targets[candidate].start <= offset < self.targets[candidate].end:
                return candidate
        return None

    def index_of_mention(self, mention: int) -> int | None:
        """Where mention `mention` (its index among the mentions) is in the ring."""
        return next((i for i, target in enumerate(self.targets) if target.mention == mention), None)
