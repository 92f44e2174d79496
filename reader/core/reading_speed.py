"""The reader's own reading speed, measured as they read, and the furthest point they reached.

As Kindle does: characters advanced per minute of active reading.  A move forward
by at most `MAX_STEP_SCREENS` screens is reading; the time it took counts unless
it was a pause (longer than `IDLE_SECONDS`: the reader was away) or too quick to be
reading (faster than `MAX_CHARACTERS_PER_SECOND`: skimming, or a key held down).
Jumps (`G`, `50%`, a search, a link) and going back count for neither.  Until
`MIN_SECONDS` have been measured the speed is a typical adult's, and says so.

No Textual here: the app and the command line both ask it.
"""

from __future__ import annotations

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
