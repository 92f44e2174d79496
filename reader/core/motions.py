"""Counts before a motion, as in `less` and vi: `5j`, `120g`, `50%`.

Digits typed in the reading view build a count; the next motion takes it (and a
key that is not a motion drops it).  Plain state, so the arithmetic is tested
without a terminal.
"""

from __future__ import annotations

MAX_COUNT = 10_000_000
"""Beyond any document's paragraphs or rows: more digits keep the count at this."""


class Count:
    """Digits typed so far, and the count armed for the key being handled.

    Each key that is not a digit arms the digits typed before it (`arm`) and the
    action it runs, if a motion, takes them (`take`); any other action leaves them
    unused, and the next key arms afresh, so `5x j` moves one line, not five.
    """

    __slots__ = ("_armed", "_typed")

    def __init__(self) -> None:
        self._typed: int | None = None
        self._armed: int | None = None

    @property
    def pending(self) -> bool:
        """Digits have been typed and no key has taken them yet."""
        return self._typed is not None

    def digit(self, digit: int) -> None:
        """Add a digit (0-9) to the count being typed."""
        if not 0 <= digit <= 9:
            raise ValueError(f"not a digit: {digit}")
        self._typed = min(MAX_COUNT, (self._typed or 0) * 10 + digit)

    def arm(self) -> None:
        """A key other than a digit: the count typed so far is for it (or for nothing)."""
        self._armed, self._typed = self._typed, None

    def take(self, default: int = 1) -> int:
        """The armed count, or `default` when none was typed; it is used up."""
        value = self.take_optional()
        return default if value is None else value

    def take_optional(self) -> int | None:
        """The armed count, or None when none was typed; it is used up."""
        value, self._armed = self._armed, None
        return value

    def clear(self) -> None:
        self._typed = self._armed = None


def percent_row(percent: int, rows: int, height: int) -> int:
    """The top row that shows `percent` of a document of `rows` rows in a view `height` high:
    0% is the top, 100% the last screenful (as `less` does with `50%`)."""
    scrollable = max(0, rows - height)
    return round(scrollable * max(0, min(100, percent)) / 100)
