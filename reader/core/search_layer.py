"""The hits of a search as a layer of the reading view, answered lazily by bisection.

A common word has tens of thousands of hits (War and Peace, `the`: 47,339).
Building a tagged tuple per hit would cost more than the search itself, so
this layer keeps the `Matches` and, for each row the view draws, finds the
few hits on it from the matcher's own sorted offsets.
"""

from __future__ import annotations

from collections.abc import Iterator

from reader.core.search import Matches

MATCH = "search-match"
CURRENT = "search-current"


class MatchLayer:
    """Every hit tagged `search-match`, the current one `search-current`."""

    __slots__ = ("_current", "_matches")

    def __init__(self, matches: Matches, current: int | None = None) -> None:
        self._matches = matches
        self._current = current

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """The hits sharing a character with `[start, end)`, in order: O(log n + k)."""
        matches = self._matches
        count = len(matches)
        found = matches.first_at(start)
        index = count if found is None else found
        # Hits never overlap, so only the one just before can reach into the range.
        if index > 0 and matches[index - 1].end > start:
            index -= 1
        while index < count:
            match = matches[index]
            if match.start >= end:
                return
            yield match.start, match.end, CURRENT if index == self._current else MATCH
            index += 1
