"""`?`/F1: every key, from the one table (`reader.app.keys`) that the README mirrors."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.app.keys import KEY_HELP


class HelpScreen(ModalScreen[None]):
    """A modal list of keys; any of escape, q, ? or F1 closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 64; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    HelpScreen .help-title { text-style: bold; color: $accent; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("Keys", classes="help-title")
            for section, rows in KEY_HELP:
                yield Static(f"\n[b]{section}[/b]")
                yield Static("\n".join(f"  [b]{keys:<18}[/b] {what}" for keys, what in rows), markup=True)
            yield Static("\nescape, q, ? or F1 closes this.")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
