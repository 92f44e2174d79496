"""The small prompt that takes a bookmark's note: the passage above, one line to type in.

The same keys whether the bookmark is new or its note is being edited: `enter`
saves (with or without a note), `escape` cancels.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.core.bookmarks.labels import excerpt
from reader.core.sanitize import one_line

HINT = "enter saves · escape cancels"


class NotePrompt(ModalScreen[str | None]):
    """Asks for a note; dismisses with the note typed (maybe empty), or None when cancelled."""

    HELP_SECTION = "Bookmark note"
    BINDINGS = [Binding("escape", "cancel", "cancel: no bookmark, or the note unchanged", id="note.cancel")]
    HELP_EXTRAS = [("enter", "save the bookmark, with the note typed (or none)")]
    AUTO_FOCUS = "Input"

    DEFAULT_CSS = """
    NotePrompt { align: center middle; }
    NotePrompt > Vertical {
        width: 72; max-width: 100%; height: auto;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    NotePrompt .prompt-title { text-style: bold; color: $accent; }
    NotePrompt .prompt-passage { text-style: italic; color: $text-muted; max-height: 3; }
    NotePrompt .prompt-hint { color: $text-muted; }
    NotePrompt .prompt-title, NotePrompt .prompt-hint { text-wrap: nowrap; text-overflow: ellipsis; }
    NotePrompt Input { margin: 1 0 0 0; }
    """

    def __init__(self, title: str, passage: str, note: str = "") -> None:
        super().__init__()
        self._title = title
        self._passage = passage
        self._note = one_line(note)  # shown, and kept as shown if saved

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title, classes="prompt-title", markup=False)
            yield Static(excerpt(self._passage, 200), classes="prompt-passage", markup=False)
            yield Input(self._note, placeholder="Note (optional)", select_on_focus=False)
            yield Static(HINT, classes="prompt-hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
