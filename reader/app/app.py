"""The reader app: the document view and what surrounds it, wired to the core."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Click, MouseMove
from textual.screen import Screen

from reader.app.document_view import DocumentView
from reader.app.glossary_controller import BREAKPOINTS, GlossaryController, glossary_command_provider
from reader.app.status_bar import StatusBar
from reader.core.document import Document
from reader.core.layout import Layout, layout_document
from reader.core.loading import DocumentError, SourceText, parse_file, parse_source

if TYPE_CHECKING:
    from reader.app.bookmarks_ui import BookmarkKeeper
    from reader.app.search_bar import SearchBar

HEAD_CHARS = 64 * 1024
"""A large file's first screen comes from its first 64 KiB; the rest loads behind it."""


class ReaderApp(App[int]):
    """Read one document."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark,f1", "help", "Help"),
        # A priority binding: keys typed right after `/` must reach the bar, not the view.
        Binding("/", "search", "Search", priority=True),
        Binding("n", "search_step(True)", "Next match", show=False),
        Binding("N", "search_step(False)", "Previous match", show=False),
        Binding("ctrl+f", "search_results", "Matches", show=False),
        Binding("m", "bookmark", "Bookmark"),
        Binding("apostrophe,B", "bookmarks", "Bookmarks"),
        Binding("u", "undo_bookmark_delete", "Undo delete", show=False),
        Binding("x", "glossary('toggle')", "Glossary"),
        Binding("i", "glossary('index')", "Index", show=False),
        Binding("t", "glossary('timeline')", "Timeline", show=False),
        Binding("backspace,alt+left", "glossary('back')", "Back", show=False),
        Binding("alt+right", "glossary('forward')", "Forward", show=False),
        Binding("f6,ctrl+o", "glossary('switch_focus')", "Essay/pane", show=False),
        Binding("escape", "glossary('close')", "Close pane", show=False),
    ]
    COMMANDS = App.COMMANDS | {glossary_command_provider}
    HORIZONTAL_BREAKPOINTS = BREAKPOINTS

    search_bar: SearchBar | None = None
    """Mounted on the first `/` (see `reader.app.search_bar`)."""
    bookmarks: BookmarkKeeper | None = None
    """Bookmarks, reading position, theme: mounted after the first paint (`reader.app.bookmarks_ui`)."""

    def __init__(self, source: SourceText, *, vault: Path | None = None) -> None:
        super().__init__()
        self.vault = vault
        self.document = parse_source(source, head=HEAD_CHARS)
        # What the rest of a large file is parsed from: a file is read again in pieces, so
        # the whole text is not held twice; only standard input has to be kept.
        self._source: SourceText | None = None
        if not self.document.complete:
            self._source = source if source.source is None else source._replace(text="")
        self.glossary = GlossaryController(self)
        # Held, not queried: with a modal screen on top, a query would search that screen.
        self.view = DocumentView(self.document, id="document")
        self.status = StatusBar(self.document.title, len(self.document.blocks))
        self._waiting_for_bookmarks: list[Callable[[BookmarkKeeper], None]] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield self.view
        yield self.status

    def on_mount(self) -> None:
        self.view.focus()
        if self.document.notice:
            self.notify(self.document.notice, severity="warning", timeout=8)
        if not self.document.complete:
            self.status.message = "loading…"
            self.call_after_refresh(self._load_rest)
        self.call_after_refresh(self._keep_bookmarks)
        self.call_after_refresh(self.glossary.start)

    def _load_rest(self) -> None:
        width = self.view.column_width
        self.run_worker(lambda: self._parse_all(width), thread=True, name="load", group="load")

    def _parse_all(self, width: int) -> None:
        """Worker thread: the whole document and its layout at the current width."""
        source, self._source = self._source, None
        assert source is not None
        if source.source is None:
            document = parse_source(source)
        else:
            try:
                document = parse_file(source.source, source.codec, notice=source.notice)
            except DocumentError as error:
                self.call_from_thread(self.notify, str(error), severity="error")
                return
        layout = layout_document(document, width)
        self.call_from_thread(self._loaded, document, layout)

    def _loaded(self, document: Document, layout: Layout) -> None:
        self.document = document
        self.view.replace_document(document, layout)
        self.status.blocks = len(document.blocks)
        self.status.message = ""
        if self.search_bar is not None:
            self.search_bar.document_replaced()
        if self.bookmarks is not None:
            self.bookmarks.document_loaded(document)
        self.glossary.document_replaced(document)

    def on_document_view_position_changed(self, message: DocumentView.PositionChanged) -> None:
        self.status.position = message.position
        if self.bookmarks is not None:
            self.bookmarks.position_changed(message.position)

    def _keep_bookmarks(self) -> None:
        from reader.app.bookmarks_ui import BookmarkKeeper

        reading_screen = self.screen_stack[0]  # even with the help open on top of it
        if reading_screen.is_attached:  # not quitting already
            self.bookmarks = BookmarkKeeper(id="bookmarks")
            reading_screen.mount(self.bookmarks)
            for request in self._waiting_for_bookmarks:
                request(self.bookmarks)
            self._waiting_for_bookmarks.clear()

    def _with_bookmarks(self, request: Callable[[BookmarkKeeper], None]) -> None:
        """Run `request` now, or once the bookmarks are mounted (keys pressed at start-up)."""
        if self.bookmarks is not None:
            request(self.bookmarks)
        else:
            self._waiting_for_bookmarks.append(request)

    def action_bookmark(self) -> None:
        self._with_bookmarks(lambda keeper: keeper.add_here())

    def action_bookmarks(self) -> None:
        self._with_bookmarks(lambda keeper: keeper.show_list())

    def action_undo_bookmark_delete(self) -> None:
        self._with_bookmarks(lambda keeper: keeper.undo_delete())

    async def action_search(self) -> None:
        from reader.app.search_bar import open_search

        await open_search(self)

    async def action_search_step(self, forward: bool) -> None:
        from reader.app.search_bar import mounted_search_bar

        (await mounted_search_bar(self)).step(forward)

    async def action_search_results(self) -> None:
        from reader.app.search_bar import mounted_search_bar

        (await mounted_search_bar(self)).show_results()

    def action_glossary(self, command: str) -> None:
        self.glossary.run(command)

    def open_entry(self, title: str) -> None:
        """Open glossary entry `title` (or alias) in the pane, as a step in the history."""
        self.glossary.open_entry(title)

    @on(Click)
    def _click_mention(self, event: Click) -> None:
        self.glossary.clicked(event)

    @on(MouseMove)
    def _hover_mention(self, event: MouseMove) -> None:
        self.glossary.hovered(event)

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
        yield SystemCommand("Search", "Find text: matches highlight as you type (/)", self.action_search)
        yield SystemCommand(
            "Search: list matches", "Every match and glossary entry (ctrl+f)", self.action_search_results
        )
        if self.search_bar is not None and self.search_bar.state is not None:
            yield SystemCommand("Search: clear", "Remove the search highlights", self.search_bar.clear)
        if self.bookmarks is not None:
            yield from self.bookmarks.commands()
