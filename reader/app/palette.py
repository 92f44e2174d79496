"""Textual's command palette, with one of its keys made safe.

`pageup`/`pagedown` in the palette pass to its option list, which looks up the
highlighted option's row in a table it fills only when it is drawn: pressed before the
first draw after the hits change (a fast typist: ctrl+p, a letter, PgDn), Textual
8.2.8 raises `KeyError` in `OptionList._move_page` and the app dies.  Here the move
waits for the list's next draw instead (one frame), as `option_list.SafeOptionList`
does for the app's own lists (the palette's list is Textual's `CommandList`).
"""

from __future__ import annotations

from contextlib import suppress

from textual.command import CommandList, CommandPalette


class ReaderCommandPalette(CommandPalette):
    """The command palette; paging before the list is drawn is done once it is."""

    def _action_command_list(self, action: str) -> None:
        if action in ("page_up", "page_down"):
            command_list = self.query_one(CommandList)
            command_list.call_after_refresh(self._page_when_drawn, command_list, action)
            return
        super()._action_command_list(action)

    @staticmethod
    def _page_when_drawn(command_list: CommandList, action: str) -> None:
        with suppress(KeyError):  # still not drawn (the hits changed again): the key does nothing
            getattr(command_list, f"action_{action}")()
