"""How mentions are marked in the text: a setting the first screen needs, kept apart from
the linking (which comes after it)."""

from __future__ import annotations

from enum import StrEnum


class Marks(StrEnum):
    """How mentions are marked in the text."""

    ALL = "all"
    FIRST = "first"
    """An entry's first mention in each paragraph: a paragraph naming Russia five times
    shows one mark, and the text reads as text, not as a page of links."""
    NONE = "none"

    def next(self) -> Marks:
        """The next mode, round: all, first, none."""
        modes = list(Marks)
        return modes[(modes.index(self) + 1) % len(modes)]
