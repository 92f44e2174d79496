"""`?`/F1: every key, by section, as the bindings declare them (see `key_help`).

Keys in one column, what they do in the next, the binding's id (what the settings
file rebinds) in a third; it scrolls with the reading keys.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.app.key_help import Section


def sections_table(sections: Sequence[Section]) -> Table:
    """One table for all sections: a bold heading row before each section's keys."""
    table = Table.grid(padding=(0, 2))
    table.add_column("keys", style="bold", no_wrap=True)
    table.add_column("action", ratio=1)
    table.add_column("id", style="dim", no_wrap=True)
    for index, section in enumerate(sections):
        if index:
            table.add_row("", "", "")
        table.add_row(Text(section.title, style="bold underline"), "", "")
        for row in section.rows:
            table.add_row(row.keys, row.description, row.binding_id)
    return table


class HelpScreen(ModalScreen[None]):
    """Every key; escape, q, ? or F1 closes it."""

    HELP_SECTION = "App"
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "close the help", id="help.close"),
        Binding("j,down", "scroll(1)", "help: scroll down", id="help.down", show=False),
        Binding("k,up", "scroll(-1)", "help: scroll up", id="help.up", show=False),
        Binding("space,pagedown,f", "page(1)", "help: a page down", id="help.page-down", show=False),
        Binding("b,pageup", "page(-1)", "help: a page up", id="help.page-up", show=False),
        Binding("g,home", "end(False)", "help: top", id="help.top", show=False),
        Binding("G,end", "end(True)", "help: end", id="help.end", show=False),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 120; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
        border-title-style: bold; border-subtitle-color: $text-muted;
    }
    """

    def __init__(self, sections: Sequence[Section]) -> None:
        super().__init__()
        self._sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "j/k/space/b scroll · escape, q, ? or F1 closes"
            yield Static(sections_table(self._sections))

    def action_scroll(self, rows: int) -> None:
        scroll = self.query_one(VerticalScroll)
        scroll.scroll_to(y=scroll.scroll_y + rows, animate=False, immediate=True)

    def action_page(self, pages: int) -> None:
        scroll = self.query_one(VerticalScroll)
        self.action_scroll(pages * max(1, scroll.scrollable_content_region.height - 1))

    def action_end(self, end: bool) -> None:
        scroll = self.query_one(VerticalScroll)
        scroll.scroll_to(y=scroll.max_scroll_y if end else 0, animate=False, immediate=True)

    def action_close(self) -> None:
        self.dismiss(None)
