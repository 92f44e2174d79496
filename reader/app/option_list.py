"""Textual's `OptionList`, with its page keys made safe.

`pageup`/`pagedown` look up the highlighted option's row in a table the list fills
only when it is drawn; pressed before the first draw after its options change (a
list just filled, then PgDn at once), Textual 8.2.8 raises `KeyError` in
`OptionList._move_page` and the app dies.  Here the page move waits for the next
draw instead (one frame) — the same guard as the command palette's (`palette`).
"""

from __future__ import annotations

from contextlib import suppress

from textual.widgets import OptionList


class SafeOptionList(OptionList):
    """An option list whose page keys cannot crash the app."""

    def action_page_up(self) -> None:
        self._page(-1)

    def action_page_down(self) -> None:
        self._page(1)

    def _page(self, direction: int) -> None:
        try:
            self._move(direction)
        except KeyError:  # not drawn since its options changed: page once it is
            self.call_after_refresh(self._page_when_drawn, direction)

    def _page_when_drawn(self, direction: int) -> None:
        with suppress(KeyError):  # still not drawn (the options changed again): the key does nothing
            self._move(direction)

    def _move(self, direction: int) -> None:
        # Textual's page actions are not annotated: called through an attribute, not typed.
        getattr(super(), "action_page_down" if direction > 0 else "action_page_up")()
