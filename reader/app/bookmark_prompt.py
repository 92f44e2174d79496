"""The small prompt that takes a bookmark's note: the passage above, one line to type in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.core.bookmarks.labels import excerpt


class NotePrompt(ModalScreen[str | None]):
    """Asks for a note; dismisses with the note typed, or None when cancelled.

    A new bookmark is kept even on escape (the note is optional, the bookmark is
    what was asked for); editing an existing note is cancelled by escape.
    """

    BINDINGS = [Binding("escape", "close", "Close")]

    DEFAULT_CSS = """
    NotePrompt { align: center middle; }
    NotePrompt > Vertical {
        width: 72; max-width: 100%; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    NotePrompt .prompt-title { text-style: bold; color: $accent; }
    NotePrompt .prompt-passage { text-style: italic; color: $text-muted; max-height: 3; }
    NotePrompt .prompt-hint { color: $text-muted; }
    NotePrompt .prompt-title, NotePrompt .prompt-hint { text-wrap: nowrap; text-overflow: ellipsis; }
    NotePrompt Input { margin: 1 0 0 0; }
    """

    def __init__(self, title: str, passage: str, note: str = "", *, escape_keeps: bool) -> None:
        super().__init__()
        self._title = title
        self._passage = passage
        self._note = note
        self._escape_keeps = escape_keeps

    def compose(self) -> ComposeResult:
        escape = "saves without a note" if self._escape_keeps else "cancels"
        with Vertical():
            yield Static(self._title, classes="prompt-title", markup=False)
            yield Static(excerpt(self._passage, 200), classes="prompt-passage", markup=False)
            yield Input(self._note, placeholder="Note (optional)", select_on_focus=False)
            yield Static(f"enter saves · escape {escape}", classes="prompt-hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_close(self) -> None:
        self.dismiss("" if self._escape_keeps else None)
