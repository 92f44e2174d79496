"""`/`: the search bar.  Hits highlight as the query is typed, `n`/`N` step through them.

It is mounted on the first `/`, so nothing of search is imported before the first
paint.  Each query runs in a worker thread: a regular expression over a whole
book can take seconds, and the bar must keep taking keys meanwhile.  A one-letter
query (or a regex) over a book waits for a pause in typing first: it finds hundreds
of thousands of hits, and the next key usually narrows it.  Results that arrive
after the query has changed are dropped.

The bar never touches the reading view: it gets the document, the glossary and
the reader's position from the screen (bound reactives) and posts what it wants
shown (`Highlight`), what it says (`StatusChanged`), and when it closes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Input, Static

from reader.app.glossary.messages import OpenEntry
from reader.app.reading.document_view import Position
from reader.app.search.results import EntryChoice, ResultChoice, SearchResultsScreen, results_title
from reader.core.document import Document
from reader.core.glossary.model import Entry
from reader.core.linked_document import LinkedDocument
from reader.core.search import (
    Matches,
    SearchCancelled,
    SearchError,
    SearchOptions,
    entry_named,
    match_entries,
)
from reader.core.search_history import SearchHistory
from reader.core.search_layer import MatchLayer
from reader.core.search_state import SearchQuery, SearchState

LARGE_DOCUMENT = 256 * 1024
"""Characters beyond which a costly query waits for a pause in typing."""
TYPING_PAUSE = 0.25
TIMEOUT = 2.0
"""Seconds a regular expression may run over the whole document before it is given up."""
MIN_INPUT_WIDTH = 12


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What a worker found for one request: hits, or the error of a bad pattern."""

    generation: int
    query: SearchQuery
    offset: int
    matches: Matches | None
    error: str | None


class _Found(Message, bubble=False):
    """A worker's outcome, back on the bar's own thread."""

    def __init__(self, outcome: _Outcome) -> None:
        super().__init__()
        self.outcome = outcome


def _waits_for_pause(query: SearchQuery, document: Document) -> bool:
    costly = query.options.regex or len(query.text.strip()) == 1
    return costly and not query.names and len(document.text) > LARGE_DOCUMENT


class SearchBar(Horizontal):
    """`/ query▏   3/590  tab open Russia  ^g every name  ^r regex  ^w word`, above the status bar."""

    HELP_SECTION = "Search bar"
    BINDINGS = [
        Binding("escape", "cancel", "clear the search and go back", id="search-bar.cancel", priority=True),
        Binding(
            "ctrl+r", "toggle_regex", "regular expression on / off", id="search-bar.regex", priority=True
        ),
        Binding("ctrl+w", "toggle_word", "whole words on / off", id="search-bar.word", priority=True),
        Binding("up", "history(-1)", "an earlier query", id="search-bar.earlier", priority=True),
        Binding("down", "history(1)", "a later query", id="search-bar.later", priority=True),
        Binding(
            "ctrl+l", "list_matches", "list every match (& in the essay)", id="search-bar.list", priority=True
        ),
        Binding(
            "tab", "open_entry", "open the entry the query names", id="search-bar.open-entry", priority=True
        ),
        Binding(
            "alt+enter,ctrl+g",
            "every_name",
            "find every name of that entry",
            id="search-bar.every-name",
            priority=True,
        ),
    ]
    HELP_EXTRAS = [("enter", "keep the search (n / N step through it) and close the bar")]

    DEFAULT_CSS = """
    SearchBar { height: 1; background: $panel; }
    SearchBar > #search-prompt { width: 2; text-style: bold; color: $accent; }
    SearchBar > Input { width: 1fr; min-width: 12; background: $panel; }
    SearchBar > #search-info { width: auto; height: 1; padding: 0 1; }
    """

    document: reactive[Document | None] = reactive(None, always_update=True)
    linked: reactive[LinkedDocument | None] = reactive(None, always_update=True)
    position: reactive[Position | None] = reactive(None, always_update=True)

    class Highlight(Message):
        """Show these hits (None: no search), and bring the current one, if any, into view."""

        def __init__(self, layer: MatchLayer | None, reveal: int | None = None) -> None:
            super().__init__()
            self.layer = layer
            self.reveal = reveal
            """The offset of the current hit, to scroll to."""

    class StatusChanged(Message):
        """What the status bar should say about the search (`/Napoleon 3/590`, or nothing)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Closed(Message):
        """The bar closed; `cancelled` means escape: go back to where it was opened."""

        def __init__(self, *, cancelled: bool) -> None:
            super().__init__()
            self.cancelled = cancelled

    class Notice(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self) -> None:
        super().__init__(id="search-bar")
        self.history = SearchHistory()
        self.options = SearchOptions()
        self.state: SearchState | None = None
        self.error: str | None = None
        self.offer: Entry | None = None
        """The glossary entry the typed query names, offered for tab and alt+enter."""
        self._every_name = False
        self._generation = 0
        self._timer: Timer | None = None
        self._cancel: threading.Event | None = None
        self.searching = False
        """A query has been asked for and its hits are not in yet."""
        self._waiting: list[Callable[[], None]] = []
        """What `n`, `N` or `&` asked for while a search was still running: done when it ends."""
        self._origin = 0
        """The offset at the top of the view when the bar opened: hits are counted from it."""
        self.display = False

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def compose(self) -> ComposeResult:
        yield Static("/", id="search-prompt")
        yield Input(placeholder="search", compact=True, select_on_focus=True)
        yield Static(id="search-info")

    # -- opening and closing ---------------------------------------------------------

    def open(self) -> None:
        """Show the bar with the last query selected: typing replaces it, enter keeps it."""
        if not self.display:
            self._origin = 0 if self.position is None else self.position.offset
        self.display = True
        # Focus now, not on the next message: the next key is routed by what has focus.
        self.screen.set_focus(self.input)
        self._show_info()
        self._show_status()

    def _close(self, *, cancelled: bool) -> None:
        self.display = False
        self.post_message(self.Closed(cancelled=cancelled))

    def keep(self) -> None:
        """Close the bar, keeping the highlights and remembering the query."""
        self.history.add(self.input.value)
        self._close(cancelled=False)
        self._show_status()

    def action_cancel(self) -> None:
        """escape: clear the search and go back to where the bar was opened."""
        self.clear()
        self._close(cancelled=True)

    def clear(self) -> None:
        """Remove the highlights and the query (escape, or the palette's `Search: clear`)."""
        self._forget()
        with self.input.prevent(Input.Changed):
            self.input.value = ""
        self._show_info()

    def _forget(self) -> None:
        self._generation += 1
        self._stop_timer()
        self._cancel_running()
        self.searching = False
        self._waiting.clear()
        self.state = None
        self.error = None
        self.offer = None
        self._every_name = False
        self.post_message(self.Highlight(None))
        self._show_status()

    # -- typing -----------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._every_name = False
        self.offer = self._entry_named(event.value)
        if not event.value.strip():
            self._forget()
            self._show_info()
            return
        self._request(self._query(), self._origin)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.keep()

    def _query(self) -> SearchQuery:
        text = self.input.value
        if self._every_name and self.offer is not None:
            return SearchQuery.every_name(text, self.offer, self.options)
        return SearchQuery(text, self.options)

    def _entry_named(self, text: str) -> Entry | None:
        linked = self.linked
        return None if linked is None else entry_named(linked.glossary, text)

    def watch_linked(self) -> None:
        """The glossary arrived while a query was typed: offer the entry it names."""
        if self.is_mounted and self.display:
            self.offer = self._entry_named(self.input.value)
            self._show_info()

    def watch_document(self, old: Document | None, new: Document | None) -> None:
        """The complete document replaced its head: search it all, staying on the current hit."""
        if old is None or new is None or (self.state is None and not self.searching):
            return
        match = None if self.state is None else self.state.match
        self._request(self._query(), self._origin if match is None else match.start)

    def action_toggle_regex(self) -> None:
        self._set_options(replace(self.options, regex=not self.options.regex))

    def action_toggle_word(self) -> None:
        self._set_options(replace(self.options, whole_word=not self.options.whole_word))

    def _set_options(self, options: SearchOptions) -> None:
        self.options = options
        if self.input.value.strip():
            self._request(self._query(), self._origin)
        else:
            self._show_info()

    def action_history(self, direction: int) -> None:
        """up / down: an earlier / a later query (then back to what was being typed)."""
        query = self.history.older(self.input.value) if direction < 0 else self.history.newer()
        if query is not None:
            self.input.value = query
            self.input.cursor_position = len(query)

    def action_open_entry(self) -> None:
        """tab: open the entry the query names in the glossary pane, keeping the search."""
        if self.offer is not None:
            title = self.offer.title
            self.keep()
            self.post_message(OpenEntry(title))

    def action_every_name(self) -> None:
        """alt+enter: search every name of the entry the query names (`Mosaddegh` finds `Mossadegh`)."""
        if self.offer is not None:
            self._every_name = True
            self.history.add(self.input.value)
            self._request(self._query(), self._origin)

    # -- searching --------------------------------------------------------------------

    def _request(self, query: SearchQuery, offset: int) -> None:
        """Search for `query` in a worker; the current hit will be the first at or after `offset`."""
        document = self.document
        if document is None:
            return
        self._generation += 1
        generation = self._generation
        self._stop_timer()
        self._cancel_running()
        cancel = self._cancel = threading.Event()
        self.searching = True
        if _waits_for_pause(query, document):
            self._timer = self.set_timer(
                TYPING_PAUSE, lambda: self._find(document, query, offset, generation, cancel)
            )
        else:
            self._find(document, query, offset, generation, cancel)

    def _cancel_running(self) -> None:
        """The search under way, if any, is no longer wanted: let its thread stop early."""
        if self._cancel is not None:
            self._cancel.set()
            self._cancel = None

    @work(thread=True, group="search")
    def _find(
        self, document: Document, query: SearchQuery, offset: int, generation: int, cancel: threading.Event
    ) -> None:
        """Worker thread: run the query, and post what it found back to the bar.  A newer
        query cancels this one (`cancel`); a regular expression slower than `TIMEOUT` gives
        up, saying "pattern too slow", and the bar keeps taking keys meanwhile."""
        try:
            outcome = _Outcome(
                generation, query, offset, query.find(document, timeout=TIMEOUT, cancel=cancel), None
            )
        except SearchCancelled:
            return  # a newer query replaced this one
        except SearchError as error:
            outcome = _Outcome(generation, query, offset, None, str(error))
        self.post_message(_Found(outcome))

    @on(_Found)
    def _outcome_arrived(self, message: _Found) -> None:
        if message.outcome.generation == self._generation:
            self._found(message.outcome)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _found(self, outcome: _Outcome) -> None:
        self.searching = False
        if outcome.matches is None:
            self.state = None
            self.error = outcome.error
            self.post_message(self.Highlight(None))
        else:
            self.error = None
            self._show(SearchState.found(outcome.query, outcome.matches, outcome.offset))
        self._show_info()
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            action()

    # -- moving between hits ----------------------------------------------------------

    def step(self, forward: bool) -> None:
        """n / N: the next / previous hit, from the current one if it is on screen, else from
        the top of the screen; going past either end wraps around, with a notice."""
        if self.searching:
            self._waiting.append(lambda: self.step(forward))
            return
        state = self.state
        if state is None or not state.matches:
            what = "no search: press / to search" if state is None else f"no match for {state.query.label}"
            self.post_message(self.Notice(what))
            return
        match = state.match
        position = self.position
        on_screen = (
            match is not None and position is not None and position.offset <= match.start < position.end
        )
        from_offset = None if on_screen or position is None else position.offset
        moved, wrapped = state.step(forward, from_offset)
        self._show(moved)
        self._show_info()
        if wrapped:
            self.post_message(self.Notice("search wrapped"))

    def go_to(self, index: int) -> None:
        if self.state is not None:
            self._show(self.state.choose(index))

    def _show(self, state: SearchState) -> None:
        self.state = state
        match = state.match
        self.post_message(self.Highlight(state.layer, None if match is None else match.start))
        self._show_status()

    # -- the results list -------------------------------------------------------------

    def action_list_matches(self) -> None:
        self.show_results()

    def show_results(self) -> None:
        """`&`: list every hit (and the glossary entries the query finds); enter goes there."""
        if self.searching:
            self._waiting.append(self.show_results)
            return
        state = self.state
        if state is None or self.document is None:
            self.open()
            self.post_message(self.Notice("type a query, then & lists every match"))
            return
        if self.display:
            self.keep()
        linked = self.linked
        entries = (
            [] if linked is None else match_entries(linked.glossary, state.query.text, state.query.options)
        )
        if not state.matches and not entries:
            self.post_message(self.Notice(f"no match for {state.query.label}"))
            return
        hidden = 0 if linked is None else linked.hidden
        title = results_title(state.query.label, len(state.matches), len(entries), hidden)
        screen = SearchResultsScreen(title, self.document, state.matches, entries, state.current)
        self.app.push_screen(screen, self._chosen)

    def _chosen(self, choice: ResultChoice | None) -> None:
        if isinstance(choice, EntryChoice):
            self.post_message(OpenEntry(choice.title))
        elif choice is not None:
            self.go_to(choice.index)

    # -- what the bar and the status bar say --------------------------------------------

    def on_resize(self) -> None:
        self._show_info()

    def _show_info(self) -> None:
        if not self.is_mounted:
            return
        room = self.size.width - 2 - MIN_INPUT_WIDTH - 2  # the prompt, the input, the padding
        self.query_one("#search-info", Static).update(self.info(room))

    def info(self, room: int) -> Text:
        """`3/590  tab open X  ^g every name  ^r regex  ^w word`, shortened to fit `room` cells
        by dropping, in turn, the toggles' long names, the offer's second half, the offer."""
        variables = self.app.theme_variables
        status = Text(end="")
        if self.error is not None:
            status.append(self.error, Style(bold=True, color=variables.get("error")))
        elif self.state is not None:
            if self.state.query.entry:
                status.append(f"{self.state.query.label}  ", "italic")
            status.append(self.state.counter, "bold")
        elif self.searching:
            status.append("searching…", "italic")
        offer = short_offer = Text(end="")
        if self.offer is not None and not self._every_name:
            short_offer = Text.assemble(("tab", "bold reverse"), f" open {self.offer.title}", end="")
            offer = Text.assemble(short_offer, "  ", ("^g", "bold reverse"), " every name", end="")
        toggles = self._toggles(("^r regex", "^w word"))
        short_toggles = self._toggles(("^r .*", "^w W"))
        active_toggles = self._toggles((".*", "W"), only_active=True)
        for parts in (
            (status, offer, toggles),
            (status, offer, short_toggles),
            (status, short_offer, short_toggles),
            (status, short_offer, active_toggles),
            (status, active_toggles),
        ):
            line = Text("  ", end="").join(part for part in parts if part)
            if line.cell_len <= room:
                return line
        status.truncate(max(0, room), overflow="ellipsis")
        return status

    def _toggles(self, labels: tuple[str, str], *, only_active: bool = False) -> Text:
        toggles = Text(end="")
        for label, active in zip(labels, (self.options.regex, self.options.whole_word), strict=True):
            if active or not only_active:
                toggles.append(f" {label} ", "bold reverse" if active else "dim")
        return toggles

    def _show_status(self) -> None:
        """While hits are highlighted (and the bar is closed) the status bar names the search."""
        state = self.state
        self.post_message(
            self.StatusChanged(
                "" if state is None or self.display else f"/{state.query.text} {state.counter}"
            )
        )
