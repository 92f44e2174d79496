"""Where the reader is in a document, and the theme they chose, remembered across sessions.

The offset of the top row is saved while reading, at most once a second (and
once more at quit), and put back when the same document is opened again.  It is
only tracked once the complete document is in: a large file's head has another
hash, and its positions would be filed under a text that never comes back.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual.timer import Timer
from textual.widget import Widget

from reader.app.document_view import DocumentView, Position
from reader.app.store_access import StoreAccess
from reader.core.document import Document

if TYPE_CHECKING:
    from reader.core.bookmarks import BookmarkStore

SAVE_DELAY = 1.0
"""Seconds between two saves of the reading position, at most."""
THEME_SETTING = "theme"


class ReadingState:
    """The reading position and the theme of one session; `owner` runs the timer."""

    def __init__(self, owner: Widget, access: StoreAccess) -> None:
        self._owner = owner
        self._access = access
        self._document: Document | None = None
        self._latest: int | None = None
        self._written: int | None = None
        self._timer: Timer | None = None
        self._writing = threading.Lock()
        self._theme: str | None = None

    # -- theme ------------------------------------------------------------------------

    def load_theme(self) -> None:
        """Apply the theme chosen in an earlier session, then remember every new choice."""
        self._access.call(
            lambda store: store.get_setting(THEME_SETTING), self._theme_loaded, "Could not read the theme"
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

    def resume(self, view: DocumentView, document: Document, offset: int | None) -> None:
        """Go back to `offset` in the complete `document`, unless the reader has started
        moving already, and from now on save the position as it changes."""
        self._document = document
        self._written = offset
        if offset and view.scroll_y == 0 and view.cursor == 0:
            view.restore(offset)
            position = view.position
            self._owner.notify(f"Resumed at ¶ {position.block + 1} ({position.percent}%)", timeout=5)
        self.position_changed(view.position)

    def position_changed(self, position: Position) -> None:
        if self._document is None:
            return
        self._latest = position.offset
        if self._latest != self._written and self._timer is None:
            self._timer = self._owner.set_timer(SAVE_DELAY, self._save)

    def _save(self) -> None:
        self._timer = None
        self._access.call(
            self.write_latest, lambda _: None, "Could not save the reading position", background=True
        )

    def write_latest(self, store: BookmarkStore) -> None:
        """Save the latest position unless it is saved already: from the store's thread, or
        from the main thread at quit (whichever writes last writes the latest)."""
        with self._writing:
            document, offset = self._document, self._latest
            if document is not None and offset is not None and offset != self._written:
                store.save_position(document, offset)
                self._written = offset
