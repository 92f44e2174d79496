"""`d` in the library: forget a document, and its bookmarks only if the reader says so."""

from __future__ import annotations

from enum import StrEnum

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.core.sanitize import one_line


class Forget(StrEnum):
    DOCUMENT = "document"
    """Out of the library; its bookmarks are kept, for when it is opened again."""
    WITH_BOOKMARKS = "with-bookmarks"


class ForgetPrompt(ModalScreen[Forget | None]):
    """Asks how much to forget; dismisses with the answer, or None to keep everything."""

    HELP_SECTION = "Library"
    BINDINGS = [
        Binding(
            "y,enter", "answer('document')", "forget: out of the library, bookmarks kept", id="forget.yes"
        ),
        Binding("D", "answer('with-bookmarks')", "forget it and delete its bookmarks", id="forget.all"),
        Binding("escape,n,q", "answer('')", "keep it", id="forget.cancel"),
    ]
    DEFAULT_CSS = """
    ForgetPrompt { align: center middle; }
    ForgetPrompt > Vertical {
        width: 72; max-width: 100%; height: auto;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    ForgetPrompt .prompt-title { text-style: bold; color: $accent; }
    ForgetPrompt .prompt-hint { color: $text-muted; }
    """

    def __init__(self, title: str, bookmarks: int) -> None:
        super().__init__()
        self._title = one_line(title)
        self._bookmarks = bookmarks

    def compose(self) -> ComposeResult:
        count = f"{self._bookmarks} bookmark{'' if self._bookmarks == 1 else 's'}"
        with Vertical():
            yield Static(f"Forget {self._title}?", classes="prompt-title", markup=False)
            yield Static(
                f"y forget it, keeping its {count} · D forget it and delete them · escape keep it",
                classes="prompt-hint",
                markup=False,
            )

    def action_answer(self, answer: str) -> None:
        self.dismiss(Forget(answer) if answer else None)
