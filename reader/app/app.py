"""The reader app: the document view and what surrounds it, wired to the core."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen

from reader.app.document_view import DocumentView
from reader.app.status_bar import StatusBar
from reader.core.document import Document
from reader.core.layout import Layout, layout_document
from reader.core.loading import SourceText, parse_source

HEAD_CHARS = 64 * 1024
"""A large file's first screen comes from its first 64 KiB; the rest loads behind it."""


class ReaderApp(App[int]):
    """Read one document."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark,f1", "help", "Help"),
    ]

    def __init__(self, source: SourceText, *, vault: Path | None = None) -> None:
        super().__init__()
        self.source = source
        self.vault = vault
        self.document = parse_source(source, head=HEAD_CHARS)

    @property
    def view(self) -> DocumentView:
        return self.query_one(DocumentView)

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield DocumentView(self.document, id="document")
        yield StatusBar(self.document.title, len(self.document.blocks))

    def on_mount(self) -> None:
        self.view.focus()
        if self.document.notice:
            self.notify(self.document.notice, severity="warning", timeout=8)
        if not self.document.complete:
            self.query_one(StatusBar).message = "loading…"
            self.call_after_refresh(self._load_rest)

    def _load_rest(self) -> None:
        width = self.view.column_width
        self.run_worker(lambda: self._parse_all(width), thread=True, name="load", group="load")

    def _parse_all(self, width: int) -> None:
        """Worker thread: the whole document and its layout at the current width."""
        document = parse_source(self.source)
        layout = layout_document(document, width)
        self.call_from_thread(self._loaded, document, layout)

    def _loaded(self, document: Document, layout: Layout) -> None:
        self.document = document
        self.view.replace_document(document, layout)
        status = self.query_one(StatusBar)
        status.blocks = len(document.blocks)
        status.message = ""

    def on_document_view_position_changed(self, message: DocumentView.PositionChanged) -> None:
        self.query_one(StatusBar).position = message.position

    def action_help(self) -> None:
        from reader.app.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        view = self.view
        yield SystemCommand("Help: keys", "Show every key", self.action_help)
        yield SystemCommand("Go to top", "Top of the document (g)", view.action_top)
        yield SystemCommand("Go to end", "End of the document (G)", view.action_bottom)
        yield SystemCommand("Next paragraph", "Move the reading cursor down (})", view.action_next_paragraph)
        yield SystemCommand(
            "Previous paragraph", "Move the reading cursor up ({)", view.action_previous_paragraph
        )
        yield SystemCommand("Narrower column", "Narrow the text column (-)", view.action_narrower)
        yield SystemCommand("Wider column", "Widen the text column (+)", view.action_wider)
        yield SystemCommand("Reset column width", "Back to 76 cells (=)", view.action_reset_measure)
