"""Where the reader is in a document, and the theme they chose, remembered across sessions.

The offset of the top row, and the paragraph the reading cursor is on, are saved
while reading (the first change at once, then at most once a second: `Throttle`,
with the clock passed in), and once more at quit; they are put back when the same
document is opened again.  It is only tracked once
the complete document is in: a large file's head has another hash, and positions
filed under it would belong to a text that never comes back.

Every move also goes to a `ReadingTracker`, which measures the reader's speed and
the furthest point they reached; both are saved with the position.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.timer import Timer
from textual.widget import Widget

from reader.app.bookmarks.store_access import StoreAccess
from reader.core.document import Document
from reader.core.reading_speed import ReadingTracker
from reader.core.throttle import Throttle

if TYPE_CHECKING:
    from reader.core.bookmarks import BookmarkStore

SAVE_INTERVAL = 1.0
"""Seconds between two saves of the reading position, at least."""
THEME_SETTING = "theme"


class ReadingState:
    """The reading position and the theme of one session; `owner` runs the timer."""

    def __init__(self, owner: Widget, access: StoreAccess, clock: Callable[[], float]) -> None:
        self._owner = owner
        self._access = access
        self._document: Document | None = None
        self._throttle: Throttle[tuple[int, int]] = Throttle(SAVE_INTERVAL, clock)
        """Of (the top row's offset, the cursor's block)."""
        self._timer: Timer | None = None
        self._writing = threading.Lock()
        self._saved: tuple[int, int] | None = None
        """What the store is known to hold (a write is confirmed only once it is done)."""
        self._tracking = False
        self._theme: str | None = None
        self.reading = ReadingTracker(clock)
        """The reader's speed and furthest point in this document."""

    # -- theme ------------------------------------------------------------------------

    def load_theme(self) -> None:
        """Apply the theme chosen in an earlier session, then remember every new choice."""
        self._access.call(
            lambda store: store.get_setting(THEME_SETTING),
            self._theme_loaded,
            "Could not read the theme",
            run_at_close=False,
        )

    def _theme_loaded(self, name: str | None) -> None:
        app = self._owner.app
        if name and name in app.available_themes:
            app.theme = name
        self._theme = app.theme
        self._owner.watch(app, "theme", self._theme_chosen, init=False)

    def _theme_chosen(self, name: str) -> None:
        if name == self._theme:
            return
        self._theme = name
        self._access.call(
            lambda store: store.set_setting(THEME_SETTING, name),
            lambda _: None,
            "Could not remember the theme",
            background=True,
        )

    # -- position ---------------------------------------------------------------------

    def known(self, document: Document) -> None:
        """The complete document is in: positions from now on are positions in it."""
        self._document = document

    def track(self, saved: tuple[int, int] | None) -> None:
        """The store said where the reader was (`saved`: the top row's offset and the cursor's
        block): from now on, save as they move."""
        self._tracking = True
        self._saved = saved or (0, 0)  # the top of a new document needs no saving
        latest = self._throttle.latest
        self._throttle.written_already(self._saved)
        if latest is not None and latest != self._saved:
            self._place_changed(*latest)  # moved before the store answered

    def position_changed(self, offset: int, cursor: int, end: int) -> None:
        """The top row's offset, the cursor's block or the end of the screen changed (an offset
        or a block of a large file's head is one of the whole file too)."""
        self.reading.moved(offset, end)
        self._place_changed(offset, cursor)

    def _place_changed(self, offset: int, cursor: int) -> None:
        place = (offset, cursor)
        if not self._tracking:
            self._throttle.written_already(None)
            self._throttle.change(place)  # kept for the quit, written once tracking
            return
        wait = self._throttle.change(place)
        if wait == 0:
            if self._timer is not None:
                self._timer.stop()
            self._save()
        elif wait is not None and self._timer is None:
            self._timer = self._owner.set_timer(wait, self._save)

    def _save(self) -> None:
        """Write the latest position if it is due (else come back when it is)."""
        self._timer = None
        offset = self._throttle.take()
        if offset is None:
            wait = self._throttle.due()
            if wait is not None:
                self._timer = self._owner.set_timer(wait, self._save)
            return
        self._access.call(
            self.write_latest, lambda _: None, "Could not save the reading position", background=True
        )

    def write_latest(self, store: BookmarkStore) -> None:
        """Save the latest position unless the store holds it already: from the store's thread
        when it is due, and at quit on the main thread (a write queued a moment before may
        never have run)."""
        with self._writing:
            place = self._throttle.latest
            document = self._document
            if document is not None and self._tracking:
                characters, seconds = self.reading.take()
                store.record_reading(
                    document, characters, seconds, min(self.reading.furthest, len(document.text))
                )
            if document is None or place is None or place == self._saved or not document.blocks:
                return
            if not self._tracking and place == (0, 0):
                return  # quit before the store answered, without moving: keep what it holds
            offset, cursor = place
            store.save_position(
                document, offset, document.blocks[min(cursor, len(document.blocks) - 1)].start
            )
            self._saved = place
