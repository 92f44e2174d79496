"""At most one write per interval, the latest value always written in the end.

The reading position changes with every scroll; writing it each time would wake
the disk dozens of times a second.  `Throttle` says when to write: the first
change at once, later ones no sooner than `interval` after the last write, and
the last one once its turn comes.  The clock is passed in, so tests move time by
hand instead of sleeping.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Throttle(Generic[T]):
    """Decides when the latest value is due to be written."""

    def __init__(self, interval: float, clock: Callable[[], float]) -> None:
        self._interval = interval
        self._clock = clock
        self._written: T | None = None
        self._latest: T | None = None
        self._last_write: float | None = None

    @property
    def latest(self) -> T | None:
        return self._latest

    def written_already(self, value: T | None) -> None:
        """`value` is what the store holds already (a resumed position): no need to write it."""
        self._written = self._latest = value

    def change(self, value: T) -> float | None:
        """A new value: None if it needs no write, 0 if it is due now, else the seconds to wait."""
        self._latest = value
        return self.due()

    def due(self) -> float | None:
        """None if nothing is to be written, 0 if the latest value is due now, else the wait."""
        if self._latest is None or self._latest == self._written:
            return None
        if self._last_write is None:
            return 0.0
        return max(0.0, self._last_write + self._interval - self._clock())

    def take(self) -> T | None:
        """The value to write now (marking it written), or None if it is not due."""
        if self.due() != 0.0:
            return None
        self._written = self._latest
        self._last_write = self._clock()
        return self._latest
