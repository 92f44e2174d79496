"""The bottom row: reading progress, the paragraph, a message, the title, and the main keys.

One `Static` instead of Textual's `Footer` (a widget per key): it costs a single
row on a 12-row terminal and nothing measurable at start-up.  Whatever the width,
`? help` stays: it is how every other key is found.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from reader.app.reading.document_view import Position
from reader.core.document import paragraph_label

KEY_HINTS = (("}", "next ¶"), ("/", "search"), ("^p", "commands"), ("q", "quit"))
HELP_HINT = ("?", "help")


def _keys(hints: tuple[tuple[str, str], ...]) -> Text:
    keys = Text(no_wrap=True, end="")
    for key, what in hints:
        keys.append(f" {key}", "bold reverse")
        keys.append(f" {what} ")
    return keys


class StatusBar(Static):
    """`42%  ¶ 3/16  message  Title ...  } next ¶  / search  ? help`, cut to fit the width."""

    DEFAULT_CSS = """
    StatusBar {
        dock: bottom;
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    position: reactive[Position | None] = reactive(None)
    blocks: reactive[int] = reactive(0)
    message: reactive[str] = reactive("")
    search: reactive[str] = reactive("")
    """The search whose hits are highlighted: `/Napoleon 3/590`."""

    def __init__(self, title: str, blocks: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = title
        self.set_reactive(StatusBar.blocks, blocks)

    def render(self) -> Text:
        width = self.content_region.width
        left = Text(no_wrap=True, overflow="ellipsis", end="")
        if self.position is not None:
            left.append(f"{self.position.percent:3d}%", "bold")
            left.append(f"  {paragraph_label(self.position.block)}/{self.blocks:,}  ")
        for extra in (self.search, self.message):
            if extra:
                left.append(f"{extra}  ", "italic")
        left.append(self.title_text, "dim")
        help_key = _keys((HELP_HINT,))
        # The most hints that fit beside the left part, `? help` last and never dropped.
        for count in range(len(KEY_HINTS), -1, -1):
            keys = _keys(KEY_HINTS[:count]) + help_key
            if left.cell_len + keys.cell_len + 2 <= width or count == 0:
                break
        room = max(0, width - keys.cell_len - 1)
        if left.cell_len > room:
            left.truncate(room, overflow="ellipsis")
        gap = max(1, width - left.cell_len - keys.cell_len)
        return Text.assemble(left, " " * gap, keys, no_wrap=True, end="")
