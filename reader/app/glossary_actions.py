"""What the glossary pane's widgets ask of whoever hosts them: two jumps, each a history step."""

from __future__ import annotations

from typing import Protocol

from reader.core.glossary.linker import Mention


class GlossaryActions(Protocol):
    def open_entry(self, title: str) -> None:
        """Show entry `title` (a title or an alias) in the pane."""
        ...

    def show_mention(self, mention: Mention) -> None:
        """Scroll the essay to `mention` and flash it."""
        ...
