"""What the glossary's widgets ask of the reading screen, which keeps the history.

Every way into an entry (a link in the pane, the index, the timeline, the search
bar, the results list, the palette, `:`) posts `OpenEntry`; every way to a passage
posts `ShowMention`.  The screen makes each one a step that `back` can undo.
"""

from __future__ import annotations

from textual.message import Message

from reader.core.glossary.linker import Mention


class OpenEntry(Message):
    """Show entry `title` (a title or an alias) in the pane."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title


class ShowMention(Message):
    """Scroll the essay to `mention` and flash it."""

    def __init__(self, mention: Mention) -> None:
        super().__init__()
        self.mention = mention
