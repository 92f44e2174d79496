"""The bottom row: reading progress, the paragraph, the title, and the main keys.

One `Static` instead of Textual's `Footer` (a widget per key): it costs a single
row on a 12-row terminal and nothing measurable at start-up.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from reader.app.document_view import Position

KEY_HINTS = (("}", "next ¶"), ("{", "prev ¶"), ("?", "help"), ("^p", "commands"), ("q", "quit"))


class StatusBar(Static):
    """`42%  ¶ 3/16  Title ...  } next ¶  ? help  q quit`, cut to fit the width."""

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

    def __init__(self, title: str, blocks: int) -> None:
        super().__init__()
        self._title = title
        self.set_reactive(StatusBar.blocks, blocks)

    def render(self) -> Text:
        width = self.content_region.width
        left = Text(no_wrap=True, overflow="ellipsis", end="")
        if self.position is not None:
            left.append(f"{self.position.percent:3d}%", "bold")
            left.append(f"  ¶ {self.position.block + 1}/{self.blocks}  ")
        if self.message:
            left.append(f"{self.message}  ", "italic")
        left.append(self._title, "dim")
        keys = Text(no_wrap=True, end="")
        for key, what in KEY_HINTS:
            keys.append(f" {key}", "bold reverse")
            keys.append(f" {what} ")
        if left.cell_len + keys.cell_len + 2 > width:
            left.truncate(max(0, width), overflow="ellipsis")
            return left
        gap = width - left.cell_len - keys.cell_len
        return Text.assemble(left, " " * gap, keys, no_wrap=True, end="")
