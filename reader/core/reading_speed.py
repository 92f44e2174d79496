"""The reader's own reading speed, measured as they read, and the furthest point they reached.

As Kindle does: characters advanced per minute of active reading.  A move forward
by at most `MAX_STEP_SCREENS` screens is reading; the time it took counts unless
it was a pause (longer than `IDLE_SECONDS`: the reader was away) or too quick to be
reading (faster than `MAX_CHARACTERS_PER_SECOND`: skimming, or a key held down).
Jumps (`G`, `50%`, a search, a link) and going back count for neither.  Until
`MIN_SECONDS` have been measured the speed is a typical adult's, and says so.

The furthest point read (what a spoiler-free glossary shows) only grows: a screen
counts as read once the reader has stayed on it `DWELL_SECONDS`, or when they read
on from it (scroll forward from within what they had read).  A glance at the end
(`G` then back at once) reveals nothing.

No Textual and no clock of its own: the clock is passed in, so tests move time by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

DEFAULT_CHARACTERS_PER_MINUTE = 1400.0
"""About 250 words a minute: a typical adult's silent reading, until the reader's own is known."""
MIN_SECONDS = 120.0
"""Active reading measured before the speed is the reader's own."""
IDLE_SECONDS = 300.0
MAX_CHARACTERS_PER_SECOND = 100.0
MAX_STEP_SCREENS = 2
DWELL_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class Speed:
    characters_per_minute: float
    measured: bool
    """False: too little reading measured yet, the default speed stands."""


def reading_speed(characters: int, seconds: float) -> Speed:
    """The speed from everything measured so far (over every document)."""
    if seconds < MIN_SECONDS or characters <= 0:
        return Speed(DEFAULT_CHARACTERS_PER_MINUTE, measured=False)
    return Speed(characters * 60.0 / seconds, measured=True)


def minutes_left(characters: int, speed: Speed) -> float:
    return max(0, characters) / speed.characters_per_minute


def duration_label(minutes: float | None) -> str:
    """`2 h 05 min`, `12 min`, `< 1 min`, or `—` when not known."""
    if minutes is None:
        return "—"
    if minutes < 1:
        return "< 1 min"
    whole = round(minutes)
    hours, rest = divmod(whole, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


class ReadingTracker:
    """Follows the reader's place in one document: the reading it adds up (`take`) and the
    furthest point reached (`furthest`, never smaller)."""

    def __init__(self, clock: Callable[[], float], furthest: int = 0) -> None:
        self._clock = clock
        self.furthest = furthest
        self._place: tuple[int, int] | None = None
        """The top row's offset and the offset past the last visible row."""
        self._since = 0.0
        self._characters = 0
        self._seconds = 0.0

    def reached(self, furthest: int) -> None:
        """The store says the reader had got as far as `furthest` before."""
        self.furthest = max(self.furthest, furthest)

    def moved(self, offset: int, end: int) -> None:
        """The screen now shows `[offset, end)`."""
        now = self._clock()
        place = self._place
        self._place = (offset, max(offset, end))
        since, self._since = self._since, now
        if place is None:
            return
        top, bottom = place
        elapsed = now - since
        if elapsed >= DWELL_SECONDS:
            self.furthest = max(self.furthest, bottom)
        step = offset - top
        if not 0 < step <= MAX_STEP_SCREENS * max(1, bottom - top):
            return  # a jump, or back: neither reading time nor reach
        if top <= self.furthest:
            self.furthest = max(self.furthest, self._place[1])
        if 0 < elapsed <= IDLE_SECONDS and step / elapsed <= MAX_CHARACTERS_PER_SECOND:
            self._characters += step
            self._seconds += elapsed

    def settle(self) -> None:
        """The reader leaves (quits, closes the document): the screen they stayed on counts."""
        if self._place is not None and self._clock() - self._since >= DWELL_SECONDS:
            self.furthest = max(self.furthest, self._place[1])

    def take(self) -> tuple[int, float]:
        """The characters and seconds of reading measured since the last `take`."""
        taken = (self._characters, self._seconds)
        self._characters, self._seconds = 0, 0.0
        return taken

    @property
    def pending(self) -> bool:
        return self._characters > 0
