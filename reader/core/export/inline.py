"""A run of document text with its overlapping marks as properly nested HTML.

Mentions, bookmarks, links and inline styles are all character ranges, and they overlap
freely; HTML elements must nest.  Each mark has a depth (a bookmark outside a mention,
a mention outside emphasis); at every boundary the open elements that no longer apply
are closed, with any deeper ones above them, and reopened as needed, so a style that
crosses a mention's end is split rather than the mention.  Everything from the
document is escaped here, the one place text becomes HTML.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise
from typing import NamedTuple


class Mark(NamedTuple):
    """An element over `[start, end)`: `open_tag` is complete, escaped HTML (`<em>`)."""

    start: int
    end: int
    depth: int
    open_tag: str
    close_tag: str
    again: str = ""
    """The tag that reopens it after a split, when it must differ (no second `id`)."""


def text(value: str) -> str:
    """Text content, escaped (quotes too: the same helper serves attributes)."""
    return escape(value, quote=True)


def render(source: str, start: int, end: int, marks: list[Mark]) -> str:
    """`source[start:end]` as HTML with `marks` (in document offsets) nested inside it."""
    if not marks:
        return text(source[start:end])
    points = sorted({start, end, *(p for mark in marks for p in (mark.start, mark.end) if start < p < end)})
    ordered = sorted(marks, key=lambda mark: (mark.depth, mark.start, -mark.end))
    parts: list[str] = []
    stack: list[Mark] = []
    opened: set[int] = set()
    for left, right in pairwise(points):
        wanted = [mark for mark in ordered if mark.start <= left and mark.end >= right]
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] is wanted[keep]:
            keep += 1
        parts.extend(mark.close_tag for mark in reversed(stack[keep:]))
        del stack[keep:]
        for mark in wanted[keep:]:
            parts.append(mark.again if id(mark) in opened and mark.again else mark.open_tag)
            opened.add(id(mark))
            stack.append(mark)
        parts.append(text(source[left:right]))
    parts.extend(mark.close_tag for mark in reversed(stack))
    return "".join(parts)
