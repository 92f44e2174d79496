"""Sorted, non-overlapping character ranges with a tag each, found by bisection.

The reading view keeps one `RangeLayer` per kind of decoration (mentions,
search matches, the focused mention, a flash) and asks each, for every row it
draws, which ranges touch that row: O(log n + k), whatever the document size.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import Protocol


class Layer(Protocol):
    """Anything the reading view can decorate rows from: tagged ranges by position.

    `RangeLayer` is the simple one; a layer over 47,000 search matches can answer
    lazily from the matcher's own offsets instead of building tuples up front.
    """

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """Every range sharing a character with `[start, end)`, in order, with its tag."""
        ...


class RangeLayer:
    """Ranges `[start, end)` tagged with a name (e.g. a style); they must not overlap."""

    __slots__ = ("_ends", "_starts", "_tags")

    def __init__(self, ranges: Iterable[tuple[int, int, str]] = ()) -> None:
        ordered = sorted(ranges)
        self._starts = [start for start, _, _ in ordered]
        self._ends = [end for _, end, _ in ordered]
        self._tags = [tag for _, _, tag in ordered]

    def __len__(self) -> int:
        return len(self._starts)

    def __bool__(self) -> bool:
        return bool(self._starts)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """Every range that shares at least one character with `[start, end)`."""
        index = bisect.bisect_right(self._ends, start)
        starts, ends, tags = self._starts, self._ends, self._tags
        while index < len(starts) and starts[index] < end:
            if ends[index] > start:
                yield starts[index], ends[index], tags[index]
            index += 1

    def at(self, offset: int) -> tuple[int, int, str] | None:
        """The range containing `offset`, if any."""
        return next(self.overlapping(offset, offset + 1), None)
