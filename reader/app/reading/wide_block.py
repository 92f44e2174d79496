"""`enter` on a table (or program output) wider than the column: the block whole, in a
frame that scrolls both ways, as it was written."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.screen import ModalScreen
from textual.widgets import Static


class WideBlockScreen(ModalScreen[None]):
    """One block, never wrapped; arrows (or h j k l) scroll it, escape closes."""

    HELP_SECTION = "Wide table"
    BINDINGS = [
        Binding("escape,q,enter", "close", "close the table", id="wide.close"),
        Binding("left,h", "scroll(-4, 0)", "scroll left", id="wide.left", show=False),
        Binding("right,l", "scroll(4, 0)", "scroll right", id="wide.right", show=False),
        Binding("up,k", "scroll(0, -1)", "scroll up", id="wide.up", show=False),
        Binding("down,j", "scroll(0, 1)", "scroll down", id="wide.down", show=False),
    ]
    DEFAULT_CSS = """
    WideBlockScreen { align: center middle; }
    WideBlockScreen > ScrollableContainer {
        width: 100%; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
        border-title-style: bold; border-subtitle-color: $text-muted;
    }
    WideBlockScreen Static { width: auto; }
    """

    def __init__(self, text: str, title: str) -> None:
        super().__init__()
        self._text = text
        self._title = title

    def compose(self) -> ComposeResult:
        with ScrollableContainer() as frame:
            frame.border_title = self._title
            frame.border_subtitle = "←/→ ↑/↓ scroll · escape closes"
            yield Static(Text(self._text, no_wrap=True, overflow="ignore", end=""))

    def action_scroll(self, x: int, y: int) -> None:
        frame = self.query_one(ScrollableContainer)
        frame.scroll_to(x=frame.scroll_x + x, y=frame.scroll_y + y, animate=False, immediate=True)

    def action_close(self) -> None:
        self.dismiss(None)
