"""The reading screen: the one mediator between the essay, the glossary pane, the search
bar and the bookmarks (as frogmouth's `Main` and posting's `MainScreen` are).

It holds the state the others share as reactives, bound down into them
(`document`, the `complete` document, the `linked` glossary, the reader's
`position`); its children tell it what happened with messages, and it decides:
every jump (to an entry, a mention, a paragraph, a bookmark) is a step in one
history that `back` undoes, essay and pane together.

Loading is messages too: workers post `DocumentLoaded` (a large file's rest) and
`GlossaryLoaded` (the vault, then its mentions); nothing waits in a queue of its
own.  Keys typed before they arrive are handled by whoever owns their state: the
view remembers a `tab` until the mentions are in, the index filter keeps what is
typed, the bookmark store orders its calls.

Start-up pays only for the view and the status bar: the pane, the search bar and
the bookmarks are imported and mounted after the first paint, or on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import get_current_worker

from reader.app.reading.document_view import DocumentView, Place, Position
from reader.app.reading.status_bar import ChapterShown, StatusBar
from reader.core.arriving import ArrivingInput
from reader.core.document import Document, paragraph_label
from reader.core.history import History
from reader.core.layout import Layout, layout_document
from reader.core.loading import DocumentError, LoadCancelled, SourceText, parse_file, parse_source
from reader.core.marks import Marks

if TYPE_CHECKING:
    from reader.app.bookmarks.keeper import BookmarkKeeper
    from reader.app.glossary.messages import OpenEntry, ShowMention
    from reader.app.glossary.pane import GlossaryPane, PaneView
    from reader.app.reading.chapter_commands import GoToChapter
    from reader.app.search.bar import SearchBar
    from reader.core.contents import Contents
    from reader.core.glossary.linker import Mention
    from reader.core.linked_document import LinkedDocument

OVERLAY_BELOW = 100
_PAUSE = 0.1
"""Seconds of silence on standard input after which what has arrived is shown."""
_LEAST_INTERVAL = 0.25
"""Seconds between two showings of standard input that keeps arriving without a pause; more
for a long input, so that parsing it again never takes more than a fifth of the time."""
"""Terminals narrower than this show the pane over the essay instead of beside it."""
BREAKPOINTS = [(0, "-narrow"), (OVERLAY_BELOW, "-wide")]

GLOSSARY = Binding.Group("Glossary")
SEARCH = Binding.Group("Search")
BOOKMARKS = Binding.Group("Bookmarks")
READING = Binding.Group("Reading")
LIBRARY = Binding.Group("Library")


class Step(NamedTuple):
    """One place in the history: what the pane showed, whether it was open, the essay."""

    view: PaneView
    pane_open: bool
    essay: Place


W = TypeVar("W", bound=Widget)


_MARKS_SAID = {
    Marks.ALL: "every one",
    Marks.FIRST: "each entry's first in a paragraph",
    Marks.NONE: "none (tab and the mouse still find them)",
}


def _setter(widget: Widget, name: str) -> Callable[[object], None]:
    def set_value(value: object) -> None:
        setattr(widget, name, value)

    return set_value


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _load_glossary(vault: Path | None, document: Document) -> tuple[LinkedDocument, str | None]:
    """Worker thread: the vault (or why not), linked if the document is complete.

    The pane's modules are imported here too, so its widgets cost the event loop nothing;
    the entry view (Textual's Markdown, 0.14 s of imports) only where there are entries to
    show: without a glossary it would only slow the loading of the rest of a book.
    """
    from reader.app.glossary import pane  # noqa: F401 -- imported for its import time only
    from reader.core.glossary.model import Glossary
    from reader.core.glossary.vault import VaultError, load_glossary
    from reader.core.linked_document import LinkedDocument

    if vault is not None:
        from reader.app.glossary import entry_view  # noqa: F401 -- likewise

    problem = None
    glossary = Glossary.empty()
    if vault is not None:
        try:
            glossary = load_glossary(vault)
        except VaultError as error:
            problem = str(error)
    if document.complete:
        return LinkedDocument.link(document, glossary), problem
    return LinkedDocument.pending(document, glossary), problem


class ReadingScreen(Screen[None]):
    """One document, its glossary pane, its search bar and its bookmarks."""

    HELP_SECTION = "Reading"
    BINDINGS = [
        Binding("slash", "search", "search: matches highlight as you type", id="search", group=SEARCH),
        Binding("n", "step_match(True)", "next match (wraps around)", id="next-match", group=SEARCH),
        Binding("N", "step_match(False)", "previous match", id="previous-match", group=SEARCH),
        Binding(
            "ampersand",
            "match_list",
            "list every match and glossary entry found",
            id="match-list",
            group=SEARCH,
        ),
        Binding(
            "m",
            "bookmark",
            "bookmark the cursor's paragraph or the mouse selection",
            id="bookmark",
            group=BOOKMARKS,
        ),
        Binding(
            "apostrophe,B",
            "bookmarks",
            "list bookmarks: jump, edit a note, delete",
            id="bookmarks",
            group=BOOKMARKS,
        ),
        Binding(
            "U",
            "undo_delete",
            "undo the last bookmark delete (for a few seconds)",
            id="undo-delete",
            group=BOOKMARKS,
        ),
        Binding("x", "toggle_pane", "show / hide the glossary pane", id="toggle-pane", group=GLOSSARY),
        Binding("i", "index", "glossary index: type to filter, enter opens", id="index", group=GLOSSARY),
        Binding("t", "timeline", "glossary timeline: dated entries in order", id="timeline", group=GLOSSARY),
        Binding(
            "backspace,alt+left",
            "back",
            "back: the entry and the essay's place before",
            id="back",
            group=GLOSSARY,
        ),
        Binding("alt+right", "forward", "forward again", id="forward", group=GLOSSARY),
        Binding("f6,ctrl+o", "switch_focus", "focus the essay / the pane", id="switch-focus", group=GLOSSARY),
        Binding(
            "escape", "close", "drop the mention ring, close the pane, leave it", id="close", group=GLOSSARY
        ),
        Binding(
            "S",
            "spoilers",
            "spoiler-free: the glossary only as far as you have read, or all of it",
            id="spoilers",
            group=GLOSSARY,
        ),
        Binding(
            "number_sign",
            "marks",
            "mark every mention, the first in each paragraph, or none",
            id="marks",
            group=GLOSSARY,
        ),
        Binding(
            "colon",
            "go_to",
            "go to a paragraph, a percent, a chapter or a glossary entry",
            id="go-to",
            group=READING,
        ),
        Binding(
            "c",
            "contents",
            "contents: chapters, where you are, how much is read",
            id="contents",
            group=READING,
        ),
        Binding("right_square_bracket", "chapter(True)", "next chapter", id="next-chapter", group=READING),
        Binding(
            "left_square_bracket",
            "chapter(False)",
            "previous chapter (first, this one's start)",
            id="previous-chapter",
            group=READING,
        ),
        Binding("L", "library", "library: every document read before", id="library", group=LIBRARY),
    ]
    HORIZONTAL_BREAKPOINTS = BREAKPOINTS
    DEFAULT_CSS = """
    ReadingScreen { layers: base overlay; }
    ReadingScreen #main { height: 1fr; }
    ReadingScreen #document { width: 1fr; height: 1fr; }
    """

    document: reactive[Document | None] = reactive(None, always_update=True)
    """What the view shows: a large file's head, then the whole of it (never None once built)."""
    complete: reactive[Document | None] = reactive(None, always_update=True)
    """The whole document once it is in (bookmarks and positions refer to it)."""
    linked: reactive[LinkedDocument | None] = reactive(None, always_update=True)
    """The glossary and the document's mentions, once loaded (and linked)."""
    position: reactive[Position | None] = reactive(None, always_update=True)
    shown: reactive[LinkedDocument | None] = reactive(None, always_update=True)
    """What the pane, search and go-to show of `linked`: all of it, or (spoiler-free) only
    as far as the reader has read."""

    class Ready(Message):
        """The essay is laid out: keys typed so far can be handled (see `KeyGate`)."""

    class DocumentLoaded(Message):
        """A worker parsed the whole of a large document, or what standard input has brought
        so far (and laid it out at a width, and found its chapters)."""

        def __init__(self, document: Document, layout: Layout, contents: Contents) -> None:
            super().__init__()
            self.document = document
            self.layout = layout
            self.contents = contents

    class GlossaryLoaded(Message):
        """A worker loaded the vault (and linked it, if the document was complete)."""

        def __init__(self, linked: LinkedDocument, problem: str | None) -> None:
            super().__init__()
            self.linked = linked
            self.problem = problem

    class OpenDocument(Message):
        """Read the document at `path` (a link to it was followed), at heading `fragment`."""

        def __init__(self, path: Path, fragment: str = "") -> None:
            super().__init__()
            self.path = path
            self.fragment = fragment

    class BookmarksImported(Message):
        """A worker imported the bookmarks' modules: mounting them costs the loop little."""

    class LoadFailed(Message):
        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    def __init__(
        self,
        document: Document,
        *,
        rest: SourceText | ArrivingInput | None,
        vault: Path | None,
        measure: int,
        clock: Callable[[], float],
        marks: Marks = Marks.FIRST,
        hide_spoilers: bool = False,
    ) -> None:
        super().__init__()
        self.hide_spoilers = hide_spoilers
        self._furthest = 0
        self._shown_for: tuple[LinkedDocument, int] | None = None
        self.set_reactive(ReadingScreen.document, document)
        if document.complete:
            self.set_reactive(ReadingScreen.complete, document)
        self._rest = rest
        self._vault = vault
        self._clock = clock
        self.view = DocumentView(document, measure=measure, id="document")
        self.view.set_reactive(DocumentView.marks, marks)
        self.view.set_default_measure(measure)
        self.status = StatusBar(document.title, len(document.blocks), id="status")
        self.history: History[Step] = History()
        self._pane: GlossaryPane | None = None
        self._search_bar: SearchBar | None = None
        self._keeper: BookmarkKeeper | None = None
        self._untold: list[tuple[str, str]] = []
        """Notices to give once ever (the store remembers), waiting for the bookmarks."""
        self._search_origin: Place | None = None
        self._focus_before_search: Widget | None = None
        self._started = False
        self._heading: str | None = None
        self._contents: Contents | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield self.view.data_bind(ReadingScreen.linked)
        yield self.status

    def on_mount(self) -> None:
        self.view.focus()
        if self.view.document.notice:
            self.notify(self.view.document.notice, severity="warning", timeout=8)

    @property
    def pane(self) -> GlossaryPane | None:
        """The glossary pane, once mounted."""
        return self._pane

    @property
    def search_bar(self) -> SearchBar | None:
        """The search bar, once mounted (on the first `/`)."""
        return self._search_bar

    @property
    def bookmarks(self) -> BookmarkKeeper | None:
        """The bookmarks, once mounted (after the first paint)."""
        return self._keeper

    def _bind(self, widget: W, **names: str) -> W:
        """Keep `widget.<child>` equal to this screen's reactive `<parent>` for each
        `child=parent`: `data_bind` for widgets mounted later, from actions, where Textual's
        `data_bind` cannot tell which node is binding (it reads the active message pump)."""
        for child, parent in names.items():
            self.watch(self, parent, _setter(widget, child), init=True)
        return widget

    # -- loading ----------------------------------------------------------------------

    def on_document_view_laid_out(self, message: DocumentView.LaidOut) -> None:
        """The first layout: keys may flow, and what is not needed for it starts loading."""
        message.stop()
        if self._started:
            return
        self._started = True
        self.post_message(self.Ready())
        if self._heading is not None:
            self._go_to_heading(self._heading)
        self.call_after_refresh(self._after_first_paint)

    def go_to_heading_when_ready(self, fragment: str) -> None:
        """Open at heading `#fragment` (a link named it), once laid out."""
        self._heading = fragment
        if self._started:
            self._go_to_heading(fragment)

    def _go_to_heading(self, fragment: str) -> None:
        from reader.core.links import anchor_block

        block = anchor_block(self.view.document, fragment)
        if block is None:
            self.notify(f"No heading matches #{fragment}", severity="warning", timeout=4)
        else:
            self.view.go_to_paragraph(block)

    def _after_first_paint(self) -> None:
        if not self.is_attached:
            return  # quit already
        loading = False
        if not self.view.document.complete:
            self.status.message = "loading…"
            if isinstance(self._rest, ArrivingInput):
                self._follow_input(self._rest, self.view.column_width)
            else:
                self._load_rest(self.view.column_width)
                loading = True
        else:
            self._show_chapter()
        self._load_glossary(self._vault, self.view.document)
        if not loading:  # else once the book is in: the store's start would slow its loading
            self._start_bookmarks()

    @work(thread=True, group="bookmarks", name="import the bookmarks")
    def _start_bookmarks(self) -> None:
        """Worker thread: import the bookmarks (sqlite3 with them: 40 ms that would hold up a
        key pressed meanwhile), then mount them."""
        from reader.app.bookmarks import keeper  # noqa: F401 -- imported for its import time only

        self.post_message(self.BookmarksImported())

    async def on_reading_screen_bookmarks_imported(self) -> None:
        if self.is_attached:
            await self._keeper_ready()

    @work(thread=True, exclusive=True, group="load", name="load the rest")
    def _load_rest(self, width: int) -> None:
        """Worker thread: the whole document and its layout at the current width.  Quitting
        cancels the worker, and the parse stops at its next piece (a fraction of a second
        even in a 200 MB file) instead of holding the exit until it ends."""
        source, self._rest = self._rest, None
        if not isinstance(source, SourceText):
            return
        worker = get_current_worker()
        try:
            if source.source is None:
                document = parse_source(source)
            else:
                document = parse_file(
                    source.source,
                    source.codec,
                    notice=source.notice,
                    format=source.format,
                    cancelled=lambda: worker.is_cancelled,
                )
        except LoadCancelled:
            return
        except DocumentError as error:
            self.post_message(self.LoadFailed(str(error)))
            return
        if not worker.is_cancelled:
            from reader.core.contents import contents_of

            layout = layout_document(document, width)
            self.post_message(self.DocumentLoaded(document, layout, contents_of(document)))

    @work(thread=True, exclusive=True, group="load", name="follow standard input")
    def _follow_input(self, arriving: ArrivingInput, width: int) -> None:
        """Worker thread: standard input shown as it arrives, as `less` shows it: what has
        come is shown whenever the input pauses, and at least every `_LEAST_INTERVAL` while
        it streams; the last showing, when it ends, is the complete document."""
        from reader.core.contents import contents_of

        self._rest = None
        worker = get_current_worker()
        shown_at = self._clock()
        interval = _LEAST_INTERVAL
        fresh = False
        try:
            while not worker.is_cancelled and not arriving.ended:
                arrived = arriving.wait(_PAUSE)
                fresh = fresh or arrived
                if fresh and (not arrived or arriving.ended or self._clock() - shown_at >= interval):
                    started = self._clock()
                    document = arriving.document()
                    layout, contents = layout_document(document, width), contents_of(document)
                    self.post_message(self.DocumentLoaded(document, layout, contents))
                    shown_at = self._clock()
                    interval = max(_LEAST_INTERVAL, 4 * (shown_at - started))
                    fresh = False
        except DocumentError as error:
            self.post_message(self.LoadFailed(str(error)))
        finally:
            arriving.close()

    def on_reading_screen_load_failed(self, message: LoadFailed) -> None:
        self.status.message = ""
        self.notify(message.problem, severity="error", timeout=10)

    def on_reading_screen_document_loaded(self, message: DocumentLoaded) -> None:
        document = message.document
        self._contents = message.contents
        self.view.replace_document(document, message.layout)
        self.status.blocks = len(document.blocks)
        self.document = document
        if not document.complete:
            return  # standard input, still arriving
        self.status.message = ""
        self.complete = document
        if self._keeper is None:
            self.call_after_refresh(self._start_bookmarks)
        linked = self.linked
        if linked is not None and not linked.linked:
            self._link(document, linked)

    @work(thread=True, group="glossary", name="load the glossary")
    def _load_glossary(self, vault: Path | None, document: Document) -> None:
        linked, problem = _load_glossary(vault, document)
        self.post_message(self.GlossaryLoaded(linked, problem))

    @work(thread=True, group="glossary", name="link the glossary")
    def _link(self, document: Document, pending: LinkedDocument) -> None:
        from reader.core.linked_document import LinkedDocument

        self.post_message(self.GlossaryLoaded(LinkedDocument.link(document, pending.glossary), None))

    async def on_reading_screen_glossary_loaded(self, message: GlossaryLoaded) -> None:
        from reader.app.glossary.pane import NO_GLOSSARY

        linked = message.linked
        first = self.linked is None
        if message.problem:
            self.notify(message.problem, severity="error", timeout=8)
        elif first and self._vault is None:
            # Once per document, not at every start: a reader who knows it has none is not
            # told again each time.
            document = self.view.document
            where = str(document.source.resolve()) if document.source is not None else document.title
            self._say_once(f"told-no-glossary:{where}", NO_GLOSSARY)
        elif first and linked.glossary.problems:
            count = _plural(len(linked.glossary.problems), "problem")
            self.notify(f"{self._vault}: {count} (see `reader glossary check`)", severity="warning")
        if not linked.linked and self.complete is not None:
            self._link(self.complete, linked)  # the rest arrived while the vault loaded
        self.linked = linked
        self._show_glossary()
        await self._glossary_pane()

    # -- the reader's position ----------------------------------------------------------

    def on_document_view_position_changed(self, message: DocumentView.PositionChanged) -> None:
        self.position = message.position
        self.status.position = message.position
        if self._contents is not None:  # not before the first paint: it waits for nothing
            self._show_chapter()
        self._show_glossary()
        if self._keeper is not None:
            position = message.position
            self._keeper.position_changed(position.offset, position.block, position.end)

    def on_document_view_note_activated(self, message: DocumentView.NoteActivated) -> None:
        """A footnote reference: to its note, as a step back can undo."""
        message.stop()
        document = self.view.document
        note = document.notes.get(message.key)
        if note is None:
            self.notify("The notes are still loading", timeout=3)
            return
        self._jump(lambda: self.view.go_to_paragraph(note.first))
        block = document.blocks[note.first]
        self.view.flash(block.start, document.blocks[note.last].end)

    def on_document_view_link_activated(self, message: DocumentView.LinkActivated) -> None:
        """A link: a place in this document, another document to read (a screen of its own,
        which `back` leaves), or an address for the system's opener."""
        from reader.core.links import LinkKind, anchor_block, link_target

        message.stop()
        document = self.view.document
        target = link_target(message.href, document.source)
        if target is None:
            self.notify(f"reader does not follow this link: {message.href}", severity="warning", timeout=4)
        elif target.kind is LinkKind.ANCHOR:
            block = anchor_block(document, target.fragment)
            if block is None:
                self.notify(f"No heading here matches #{target.fragment}", severity="warning", timeout=4)
            else:
                self._jump(lambda: self.view.go_to_paragraph(block))
        elif target.kind is LinkKind.DOCUMENT and target.path is not None:
            self.post_message(self.OpenDocument(target.path, target.fragment))
        else:
            address = (
                target.url if target.kind is LinkKind.WEB else (target.path or Path()).absolute().as_uri()
            )
            self.app.open_url(address)
            self.notify(f"Opened with the system: {address}", timeout=4)

    def on_document_view_show_whole(self, message: DocumentView.ShowWhole) -> None:
        from reader.app.reading.wide_block import WideBlockScreen

        document = self.view.document
        title = paragraph_label(message.block)
        self.app.push_screen(WideBlockScreen(document.block_text(message.block), title))

    def on_document_view_notice(self, message: DocumentView.Notice) -> None:
        self.notify(message.text, timeout=3)

    # -- the glossary pane --------------------------------------------------------------

    async def _glossary_pane(self) -> GlossaryPane:
        """The pane, mounted (hidden) beside the essay on first need."""
        if self._pane is None:
            from reader.app.glossary.pane import GlossaryPane

            pane = self._bind(GlossaryPane(has_glossary=self._vault is not None), linked="shown")
            self._pane = pane
            if self.is_attached:  # not when the reader quit while the vault was loading
                await self.query_one("#main").mount(pane)
        return self._pane

    @property
    def overlay(self) -> bool:
        """Whether the pane covers the essay (a narrow terminal) rather than sitting beside it."""
        return self.size.width < OVERLAY_BELOW

    @property
    def pane_open(self) -> bool:
        return self._pane is not None and self._pane.has_class("-open")

    def _set_pane_open(self, is_open: bool) -> None:
        pane = self._pane
        if pane is None or pane.has_class("-open") == is_open:
            return
        had_focus = pane.has_focus_within
        pane.set_class(is_open, "-open")
        if had_focus and not is_open:
            self.view.focus()

    def _show_in_pane(self, pane: GlossaryPane, view: PaneView, *, focus: bool = False) -> None:
        """Show `view` in the open pane; focus it if asked, if it covers the essay, or if focused."""
        focus = focus or self.overlay or pane.has_focus_within
        pane.show(view)
        self._set_pane_open(True)
        if focus:
            pane.focus_content()

    def _here(self) -> Step:
        from reader.app.glossary.pane import INDEX

        view = INDEX if self._pane is None else self._pane.view
        return Step(view, self.pane_open, self.view.place)

    def _jump(self, change: Callable[[], None]) -> None:
        """Make `change` one step of the history: where the reader was is kept to come back to."""
        here = self._here()
        change()
        self.history.visit(here, self._here())

    async def open_entry(self, title: str) -> None:
        """Show entry `title` (or alias) in the pane, as a step in the history."""
        pane = await self._glossary_pane()
        linked = self.shown
        entry = None if linked is None else linked.glossary.lookup(title)
        if linked is None:
            self.notify("The glossary is still loading", timeout=2)
            return
        if entry is None and self.linked is not None and self.linked.glossary.lookup(title) is not None:
            self.notify(f"{title!r} comes later in the text (S shows every entry)", timeout=4)
            return
        if entry is None:
            self.notify(f"No glossary entry named {title!r}", severity="warning", timeout=4)
            return
        from reader.app.glossary.pane import Page, PaneView

        self._jump(lambda: self._show_in_pane(pane, PaneView(Page.ENTRY, entry.title)))

    def show_mention(self, mention: Mention) -> None:
        """Scroll the essay to `mention` and flash it, as a step in the history."""

        def go() -> None:
            if self.overlay:
                self._set_pane_open(False)
            self.view.ring_mention(None)
            self.view.show_offset(mention.start)

        self._jump(go)
        self.view.flash(mention.start, mention.end)

    async def on_open_entry(self, message: OpenEntry) -> None:
        message.stop()
        await self.open_entry(message.title)

    def on_show_mention(self, message: ShowMention) -> None:
        message.stop()
        self.show_mention(message.mention)

    async def on_document_view_mention_activated(self, message: DocumentView.MentionActivated) -> None:
        message.stop()
        await self.open_entry(message.title)

    async def action_toggle_pane(self) -> None:
        """`x`: show or hide the pane (not a jump: the history is untouched)."""
        pane = await self._glossary_pane()
        if self.pane_open:
            self._set_pane_open(False)
        else:
            self._show_in_pane(pane, pane.view)

    async def action_index(self) -> None:
        from reader.app.glossary.pane import INDEX

        pane = await self._glossary_pane()
        self._jump(lambda: self._show_in_pane(pane, INDEX, focus=True))

    async def action_timeline(self) -> None:
        from reader.app.glossary.pane import TIMELINE

        pane = await self._glossary_pane()
        self._jump(lambda: self._show_in_pane(pane, TIMELINE, focus=True))

    async def action_switch_focus(self) -> None:
        """`F6`: between the essay and the pane (opening it; on a narrow screen, closing it)."""
        pane = await self._glossary_pane()
        if pane.has_focus_within:
            if self.overlay:
                self._set_pane_open(False)
            self.view.focus()
        else:
            self._show_in_pane(pane, pane.view, focus=True)

    # -- spoiler-free ---------------------------------------------------------------------

    def action_spoilers(self) -> None:
        """`S`: the glossary only as far as the reader has read, or all of it."""
        self.set_spoilers(not self.hide_spoilers)

    def set_spoilers(self, hide: bool) -> None:
        self.hide_spoilers = hide
        self._show_glossary()
        said = "only what you have read" if hide else "every entry"
        self.notify(f"Glossary: {said}", timeout=3)

    def on_bookmark_keeper_reached(self, message: BookmarkKeeper.Reached) -> None:
        self._furthest = max(self._furthest, message.furthest)
        self._show_glossary()

    def _show_glossary(self) -> None:
        """Set `shown`: the linked glossary, cut at the furthest point read or at the end of the
        screen, whichever is further, when spoilers are hidden.  Cut again only when that moves
        past a mention: scrolling costs one bisection."""
        from reader.core.spoilers import read_so_far

        linked = self.linked
        if linked is None or not self.hide_spoilers:
            self._shown_for = None
            if self.shown is not linked:
                self.shown = linked
            return
        limit = max(self._furthest, 0 if self.position is None else self.position.end)
        key = (linked, linked.count_before(limit))
        if self._shown_for is not None and self._shown_for[0] is key[0] and self._shown_for[1] == key[1]:
            return
        self._shown_for = key
        self.shown = read_so_far(linked, limit)

    def action_marks(self) -> None:
        """`#`: how mentions are marked, in turn: all of them, the first in each paragraph, none."""
        view = self.view
        view.marks = view.marks.next()
        self.notify(f"Mentions marked: {_MARKS_SAID[view.marks]}", timeout=3)

    def action_close(self) -> None:
        """`escape`: drop the mention ring, else close the pane (focus goes to the essay)."""
        if self.view.focused_mention is not None and not self.pane_open:
            self.view.ring_mention(None)
        elif self.pane_open:
            self._set_pane_open(False)
            self.view.focus()
        elif self.view.focused_mention is not None:
            self.view.ring_mention(None)

    def action_back(self) -> None:
        """`backspace`/`alt+left`: the place before the last jump; before the first jump in a
        document opened from a link, back to the document that linked to it."""
        step = self.history.back(self._here())
        if step is None and self.app.screen is self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
            return
        self._restore(step)

    def action_forward(self) -> None:
        """`alt+right`: the place a `back` left."""
        self._restore(self.history.forward(self._here()))

    def _restore(self, step: Step | None) -> None:
        if step is None:
            self.app.bell()
            return
        pane = self._pane
        if pane is not None:
            if step.pane_open:
                self._show_in_pane(pane, step.view)
            else:
                pane.show(step.view)
                self._set_pane_open(False)
        self.view.go_to(step.essay)

    # -- chapters -------------------------------------------------------------------------

    @property
    def contents(self) -> Contents:
        """The chapters of the document shown: found on first need (a large file's by the
        worker that parses it; before it is in, its head's)."""
        document = self.view.document
        if self._contents is None or self._contents.document is not document:
            from reader.core.contents import contents_of

            self._contents = contents_of(document)
        return self._contents

    def _show_chapter(self) -> None:
        """The status bar's chapter: the one the cursor is in, and how far into it."""
        contents = self.contents
        cursor = self.view.cursor
        index = contents.at(cursor)
        if index is None:
            self.status.chapter = None
            return
        chapter = contents.chapters[index]
        percent = round(100 * contents.progress(index, cursor))
        self.status.chapter = ChapterShown(chapter.name, chapter.title, percent)

    def action_chapter(self, forward: bool) -> None:
        """`]`/`[`: the next chapter, or the start of this one and then the one before (a
        motion, as `}` is: the history is for jumps)."""
        contents = self.contents
        cursor = self.view.cursor
        index = contents.next(cursor) if forward else contents.previous(cursor)
        if index is not None:
            self.view.go_to_paragraph(contents.chapters[index].block)
        elif not contents.chapters and self.view.document.complete:
            self.notify("This document has no chapters (no headings)", timeout=3)
        elif forward and not self.view.document.complete:
            self.notify("The rest of the book is still loading", timeout=3)
        else:
            self.notify("No chapter after this one" if forward else "No chapter before this", timeout=2)

    def action_contents(self) -> None:
        """`c`: the contents, marking the cursor's chapter and what has been read (up to the
        furthest point read, kept with the bookmarks, or the cursor if that is further)."""
        from reader.app.reading.contents_screen import ContentsScreen

        contents = self.contents
        cursor = self.view.cursor
        document = self.view.document
        furthest = max(cursor, document.block_at(min(self._furthest, len(document.text))))
        loading = not document.complete
        self.app.push_screen(
            ContentsScreen(contents, contents.at(cursor), furthest, loading=loading), self._go_to_chapter
        )

    def _go_to_chapter(self, block: int | None) -> None:
        """To the chapter starting at `block`, as a step `back` undoes, its heading flashed."""
        if block is None:
            return
        start, end = self.view.document.blocks[block].start, self.view.document.blocks[block].end
        self._jump(lambda: self.view.go_to_paragraph(block))
        self.view.flash(start, end)

    def on_go_to_chapter(self, message: GoToChapter) -> None:
        """A chapter chosen in the command palette."""
        message.stop()
        self._go_to_chapter(message.block)

    # -- go to --------------------------------------------------------------------------

    def action_go_to(self) -> None:
        """`:`: a paragraph number, a percent, a chapter or a glossary entry, with completion."""
        from reader.app.reading.go_to import GoToPrompt
        from reader.core.goto import completions

        glossary = None if self.shown is None else self.shown.glossary
        names = completions(glossary, self.contents)
        self.app.push_screen(GoToPrompt(names, len(self.view.document.blocks)), self._go_to)

    async def _go_to(self, text: str | None) -> None:
        from reader.core.goto import ChapterTarget, EntryTarget, Paragraph, Percent, parse_target

        if text is None:
            return
        glossary = None if self.shown is None else self.shown.glossary
        view = self.view
        target = parse_target(text, len(view.document.blocks), glossary, self.contents, view.cursor)
        if isinstance(target, Paragraph):
            self._jump(lambda: view.go_to_paragraph(target.index))
        elif isinstance(target, Percent):
            self._jump(lambda: view.go_to_percent(target.percent))
        elif isinstance(target, ChapterTarget):
            self._go_to_chapter(target.block)
        elif isinstance(target, EntryTarget):
            await self.open_entry(target.title)
        else:
            self.notify(target.reason, severity="warning", timeout=4)

    # -- search -------------------------------------------------------------------------

    async def _search(self) -> SearchBar:
        """The search bar, mounted above the status bar on first use."""
        if self._search_bar is None:
            from reader.app.search.bar import SearchBar

            bar = self._bind(SearchBar(), document="document", linked="shown", position="position")
            self._search_bar = bar
            await self.mount(bar, after=self.query_one("#main"))
        return self._search_bar

    async def action_search(self) -> None:
        bar = await self._search()
        if not bar.display:
            self._search_origin = self.view.place
            self._focus_before_search = self.focused
        bar.open()

    async def action_step_match(self, forward: bool) -> None:
        (await self._search()).step(forward)

    async def action_match_list(self) -> None:
        (await self._search()).show_results()

    def on_search_bar_highlight(self, message: SearchBar.Highlight) -> None:
        self.view.set_layer("search", message.layer)
        if message.reveal is not None:
            self.view.show_offset(message.reveal)

    def on_search_bar_status_changed(self, message: SearchBar.StatusChanged) -> None:
        self.status.search = message.text

    def on_search_bar_notice(self, message: SearchBar.Notice) -> None:
        self.notify(message.text, timeout=3)

    def on_search_bar_closed(self, message: SearchBar.Closed) -> None:
        if message.cancelled and self._search_origin is not None:
            self.view.go_to(self._search_origin)
        target = self._focus_before_search
        self._focus_before_search = None
        self.set_focus(target if target is not None and target.is_attached else self.view)

    # -- bookmarks ------------------------------------------------------------------------

    async def _keeper_ready(self) -> BookmarkKeeper:
        """The bookmarks, mounted (invisible) after the first paint or on first use."""
        if self._keeper is None:
            from reader.app.bookmarks.keeper import BookmarkKeeper

            keeper = self._bind(BookmarkKeeper(self._clock, id="bookmarks"), document="complete")
            self._keeper = keeper
            if self.position is not None:
                position = self.position
                keeper.position_changed(position.offset, position.block, position.end)  # moved already
            if self.is_attached:
                await self.mount(keeper)
                for key, notice in self._untold:
                    keeper.say_once(key, notice)
                self._untold.clear()
        return self._keeper

    def on_unmount(self) -> None:
        """Quitting before the bookmarks were mounted (they are imported in a thread, and a
        large book's wait for the whole of it): the reader's place is kept all the same."""
        keeper, position = self._keeper, self.position
        if keeper is None and position is not None and self.complete is not None:
            from reader.app.bookmarks.keeper import BookmarkKeeper

            keeper = BookmarkKeeper(self._clock)
            keeper.position_changed(position.offset, position.block, position.end)
        if keeper is not None:
            keeper.keep_place(self.complete)  # done already if it was mounted: once only

    def _say_once(self, key: str, notice: str) -> None:
        """`notice`, unless given before: now if the bookmarks (which remember) are in, else
        once they are (the store is not started early for it)."""
        if self._keeper is not None and self._keeper.is_mounted:
            self._keeper.say_once(key, notice)
        else:
            self._untold.append((key, notice))

    async def action_bookmark(self) -> None:
        """`m`: the mouse selection (widened to whole words), else the cursor's paragraph."""
        from reader.core.passage import bookmark_passage

        keeper = await self._keeper_ready()
        document = self.view.document
        span = bookmark_passage(document, self.view.selected_range, self.view.cursor)
        if span is not None:
            keeper.add(document, *span)

    async def action_bookmarks(self) -> None:
        from reader.app.bookmarks.list_screen import BookmarkList

        keeper = await self._keeper_ready()
        self.app.push_screen(BookmarkList(keeper, self.view.document.title), keeper.jump_to)

    async def action_undo_delete(self) -> None:
        (await self._keeper_ready()).undo_delete()

    def on_bookmark_keeper_marks(self, message: BookmarkKeeper.Marks) -> None:
        self.view.set_marked_blocks(message.blocks)

    def on_bookmark_keeper_jump(self, message: BookmarkKeeper.Jump) -> None:
        self._jump(lambda: self.view.show_offset(message.start))
        self.view.flash(message.start, message.end)

    def on_bookmark_keeper_resume(self, message: BookmarkKeeper.Resume) -> None:
        """Back to where the reader stopped last time, unless they have started moving."""
        view = self.view
        if view.scroll_y == 0 and view.cursor == 0:
            cursor = None if message.cursor is None else view.document.block_at(message.cursor)
            view.resume(message.offset, cursor)
            position = view.position
            self.notify(f"Resumed at {paragraph_label(position.block)} ({position.percent}%)", timeout=5)

    # -- the library ------------------------------------------------------------------------

    def action_library(self) -> None:
        """`L`: the library; the document chosen there opens as a followed link does."""
        from reader.app.library.screen import LibraryScreen

        self.app.push_screen(LibraryScreen(), self._library_chosen)

    def _library_chosen(self, path: Path | None) -> None:
        if path is None:
            return
        source = self.view.document.source
        if source is not None and source.resolve() == path.resolve():
            self.notify("That is the document open here", timeout=3)
            return
        self.post_message(self.OpenDocument(path))

    # -- the command palette ---------------------------------------------------------------

    def system_commands(self) -> Iterable[SystemCommand]:
        """This screen's actions for the palette (the app adds its own)."""
        view = self.view
        yield SystemCommand("Go to top", "Top of the document (g)", view.action_top)
        yield SystemCommand("Go to end", "End of the document (G)", view.action_bottom)
        yield SystemCommand(
            "Go to…", "A paragraph, a percent, a chapter or a glossary entry (:)", self.action_go_to
        )
        yield SystemCommand("Next paragraph", "Move the reading cursor down (})", view.action_next_paragraph)
        yield SystemCommand(
            "Previous paragraph", "Move the reading cursor up ({)", view.action_previous_paragraph
        )
        chapter = self.action_chapter
        yield SystemCommand(
            "Contents", "Chapters, where you are and how much is read (c)", self.action_contents
        )
        yield SystemCommand("Next chapter", "The start of the next chapter (])", partial(chapter, True))
        yield SystemCommand(
            "Previous chapter", "This chapter's start, then the one before ([)", partial(chapter, False)
        )
        yield SystemCommand("Narrower column", "Narrow the text column (-)", view.action_narrower)
        yield SystemCommand("Wider column", "Widen the text column (+)", view.action_wider)
        yield SystemCommand("Reset column width", "Back to the default width (=)", view.action_reset_measure)
        yield SystemCommand("Search", "Find text: matches highlight as you type (/)", self.action_search)
        yield SystemCommand(
            "Search: list matches", "Every match and glossary entry (&)", self.action_match_list
        )
        bar = self._search_bar
        if bar is not None and bar.state is not None:
            yield SystemCommand("Search: clear", "Remove the search highlights", bar.clear)
        for marks in Marks:
            yield SystemCommand(
                f"Mentions: mark {_MARKS_SAID[marks]}",
                f"How names are marked in the text (# cycles; now {view.marks})",
                partial(setattr, view, "marks", marks),
            )
        yield SystemCommand(
            "Glossary: index", "Every entry by kind, filtered as you type (i)", self.action_index
        )
        yield SystemCommand("Glossary: timeline", "The dated entries in date order (t)", self.action_timeline)
        yield SystemCommand(
            "Glossary: show or hide the pane", "The pane beside the essay (x)", self.action_toggle_pane
        )
        yield SystemCommand(
            "Glossary: only what I have read (spoiler-free)",
            f"Hide entries first mentioned further on (S; now {'on' if self.hide_spoilers else 'off'})",
            partial(self.set_spoilers, True),
        )
        yield SystemCommand(
            "Glossary: every entry (spoilers)",
            "Show the whole glossary (S)",
            partial(self.set_spoilers, False),
        )
        yield SystemCommand("Back", "Where you were before the last jump (backspace)", self.action_back)
        yield SystemCommand("Forward", "Undo a back (alt+right)", self.action_forward)
        yield SystemCommand(
            "Bookmark this paragraph", "The cursor's paragraph or the selection (m)", self.action_bookmark
        )
        yield SystemCommand(
            "Bookmarks", "List, jump to, edit and delete bookmarks (' or B)", self.action_bookmarks
        )
        yield SystemCommand(
            "Library", "Every document read before: open one again, or forget it (L)", self.action_library
        )
        if self._keeper is not None:
            yield from self._keeper.commands()
