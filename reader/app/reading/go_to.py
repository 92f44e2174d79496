"""`:`: where to go, typed: `120` (a paragraph), `50%`, a chapter or a glossary entry (their
names completed as you type: `→` or `tab` takes the suggestion)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static


class GoToPrompt(ModalScreen[str | None]):
    """One line to type where to go; dismissed with the text, or None on escape."""

    HELP_SECTION = "Go to"
    BINDINGS = [
        Binding("escape", "cancel", "cancel", id="go-to.cancel"),
        Binding(
            "tab", "complete", "take the suggested chapter or entry name", id="go-to.complete", show=False
        ),
    ]
    HELP_EXTRAS = [("enter", "go: ¶ 120, 50%, or the chapter or entry named")]
    AUTO_FOCUS = "Input"

    DEFAULT_CSS = """
    GoToPrompt { align: center top; }
    GoToPrompt > Vertical {
        width: 64; max-width: 100%; height: auto; margin-top: 2;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    GoToPrompt .prompt-title { text-style: bold; color: $accent; }
    GoToPrompt .prompt-hint { color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, names: list[str], blocks: int) -> None:
        super().__init__()
        self._names = names
        self._blocks = blocks

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Go to", classes="prompt-title", markup=False)
            yield Input(
                placeholder=f"¶ 1–{self._blocks:,}, a percent (50%), a chapter or a glossary entry",
                suggester=SuggestFromList(self._names, case_sensitive=False) if self._names else None,
            )
            yield Static("enter goes · tab completes · escape cancels", classes="prompt-hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_complete(self) -> None:
        self.query_one(Input).action_cursor_right()

    def action_cancel(self) -> None:
        self.dismiss(None)
