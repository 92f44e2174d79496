"""A document linked against its glossary: the mentions, indexed the ways the app asks.

The reading view asks for the mentions overlapping a row (a `RangeLayer`), the
mouse for the mention under a character, `tab` for the next one from an offset,
and the pane for an entry's mentions and counts.  No Textual here: the linking
runs in a worker thread, and all of it is tested without a screen.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from reader.core.document import Document
from reader.core.glossary.linker import Mention, find_mentions, mentioned_with, mentions_by_title
from reader.core.glossary.model import KINDS, Entry, Glossary
from reader.core.marks import Marks
from reader.core.ranges import RangeLayer


def mention_decoration(kind: str) -> str:
    """The reading view's decoration for a mention of an entry of `kind`."""
    return f"mention-{kind}" if kind in KINDS else "mention-other"


@dataclass(slots=True, repr=False)
class LinkedDocument:
    """`document` with every mention of `glossary`; `linked` is False until they are found
    (a large file's mentions wait for its complete text)."""

    document: Document
    glossary: Glossary
    mentions: list[Mention] = field(default_factory=list)
    linked: bool = True
    hidden: int = 0
    """Entries left out of `glossary` because the reader has not reached their first mention
    (see `reader.core.spoilers`)."""
    by_title: dict[str, list[Mention]] = field(init=False)
    layer: RangeLayer = field(init=False)
    _starts: list[int] = field(init=False)
    _tagged: list[tuple[int, int, str]] = field(init=False)

    def __repr__(self) -> str:
        """Short, as `Document`'s is (a worker's description is the repr of its arguments)."""
        state = "" if self.linked else ", not linked yet"
        return f"<LinkedDocument {self.document!r}: {len(self.mentions)} mentions{state}>"

    def __post_init__(self) -> None:
        self.by_title = mentions_by_title(self.mentions)
        self._starts = [mention.start for mention in self.mentions]
        kinds = {entry.title: entry.kind for entry in self.glossary.entries}
        self._tagged = [
            (mention.start, mention.end, mention_decoration(kinds.get(mention.title, "")))
            for mention in self.mentions
        ]
        self.layer = RangeLayer(self._tagged)

    @classmethod
    def link(cls, document: Document, glossary: Glossary) -> LinkedDocument:
        """Find every mention (the slow part: a worker thread calls this)."""
        return cls(document, glossary, find_mentions(document, glossary))

    @classmethod
    def pending(cls, document: Document, glossary: Glossary) -> LinkedDocument:
        """The glossary before the mentions are known."""
        return cls(document, glossary, linked=False)

    def marked(self, marks: Marks) -> RangeLayer:
        """The mentions to mark: every one, an entry's first in each paragraph, or none
        (the others are still there for `tab`, the mouse and search)."""
        if marks is Marks.ALL:
            return self.layer
        if marks is Marks.NONE:
            return RangeLayer()
        seen: set[tuple[int, str]] = set()
        first: list[tuple[int, int, str]] = []
        for mention, tagged in zip(self.mentions, self._tagged, strict=True):
            key = (mention.block, mention.title)
            if key not in seen:
                seen.add(key)
                first.append(tagged)
        return RangeLayer(first)

    def mentions_of(self, title: str) -> list[Mention]:
        return self.by_title.get(title, [])

    def count(self, title: str) -> int:
        return len(self.by_title.get(title, ()))

    def entry_of(self, mention: Mention) -> Entry | None:
        return self.glossary.lookup(mention.title)

    def related(self, title: str) -> list[tuple[str, int]]:
        """Entries named in the same paragraphs as `title`, most shared paragraphs first."""
        return mentioned_with(title, self.mentions)

    def count_before(self, offset: int) -> int:
        """How many mentions start before `offset`."""
        return bisect.bisect_left(self._starts, offset)

    def at(self, offset: int) -> int | None:
        """The index of the mention covering character `offset`, if any."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self.mentions[index].end:
            return index
        return None

    def first_from(self, offset: int) -> int | None:
        """The first mention starting at or after `offset`, wrapping to the first one."""
        if not self.mentions:
            return None
        index = bisect.bisect_left(self._starts, offset)
        return index if index < len(self.mentions) else 0

    def last_before(self, offset: int) -> int | None:
        """The last mention starting before `offset`, wrapping to the last one."""
        if not self.mentions:
            return None
        index = bisect.bisect_left(self._starts, offset) - 1
        return index if index >= 0 else len(self.mentions) - 1
