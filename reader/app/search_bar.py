"""`/`: the search bar.  Hits highlight as the query is typed, `n`/`N` step through them.

It is mounted on the first `/`, so nothing of search is imported before the
first paint.  Each query runs in a worker thread: a regular expression over a
whole book can take seconds, and the bar must keep taking keys meanwhile.  A
one-letter query (or a regex) over a book waits for a pause in typing first:
it finds hundreds of thousands of hits, and the next key usually narrows it.
Results that arrive after the query has changed are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from reader.app.app import ReaderApp
from reader.app.document_view import DocumentView
from reader.core.search_history import SearchHistory
from reader.app.search_results import EntryChoice, ResultChoice, SearchResultsScreen, results_title
from reader.core.search_state import SearchQuery, SearchState
from reader.core.document import Document
from reader.core.glossary.model import Entry, Glossary
from reader.core.layout import Layout
from reader.core.search import Matches, SearchError, SearchOptions, entry_named, match_entries

LAYER = "search"
LARGE_DOCUMENT = 256 * 1024
"""Characters beyond which a costly query waits for a pause in typing."""
TYPING_PAUSE = 0.25
MIN_INPUT_WIDTH = 12


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What a worker found for one request: hits, or the error of a bad pattern."""

    generation: int
    query: SearchQuery
    offset: int
    matches: Matches | None
    error: str | None


class _Origin(NamedTuple):
    """Where the reader was when the bar opened: escape goes back there."""

    offset: int
    cursor: int
    row: int = 0
    layout: Layout | None = None


def _find(document: Document, query: SearchQuery, offset: int, generation: int) -> _Outcome:
    """Worker thread: run the query."""
    try:
        return _Outcome(generation, query, offset, query.find(document), None)
    except SearchError as error:
        return _Outcome(generation, query, offset, None, str(error))


def _waits_for_pause(query: SearchQuery, document: Document) -> bool:
    costly = query.options.regex or len(query.text.strip()) == 1
    return costly and not query.names and len(document.text) > LARGE_DOCUMENT


class SearchBar(Horizontal):
    """`/ query▏   3/590  tab open Russia  ^g every name  ^r regex  ^w word`, above the status bar."""

    BINDINGS = [
        Binding("escape", "cancel", "Clear search", priority=True),
        Binding("ctrl+r", "toggle_regex", "Regex", priority=True),
        Binding("ctrl+w", "toggle_word", "Whole words", priority=True),
        Binding("up", "history(-1)", "Earlier query", priority=True),
        Binding("down", "history(1)", "Later query", priority=True),
        Binding("tab", "open_entry", "Open entry", priority=True),
        Binding("alt+enter,ctrl+g", "every_name", "Every name", priority=True),
    ]

    DEFAULT_CSS = """
    SearchBar { height: 1; background: $panel; }
    SearchBar > #search-prompt { width: 2; text-style: bold; color: $accent; }
    SearchBar > Input { width: 1fr; min-width: 12; background: $panel; }
    SearchBar > #search-info { width: auto; height: 1; padding: 0 1; }
    """

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
        self.searching = False
        """A query has been asked for and its hits are not in yet."""
        self._waiting: list[Callable[[], None]] = []
        """What `n`, `N` or ctrl+f asked for while a search was still running: done when it ends."""
        self._origin = _Origin(0, 0)
        self._return_focus: Widget | None = None
        self._status_message = ""
        self.display = False

    @property
    def _reader(self) -> ReaderApp:
        assert isinstance(self.app, ReaderApp)
        return self.app

    @property
    def _view(self) -> DocumentView:
        return self._reader.view

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
            focused = self.app.focused
            self._return_focus = focused if focused is not None and self not in focused.ancestors else None
            view = self._view
            self._origin = _Origin(view.position.offset, view.cursor, round(view.scroll_y), view.text_layout)
        self.display = True
        # Focus now, not on the next message: keys typed right after `/` are already queued.
        self.screen.set_focus(self.input)
        self._show_info()
        self._show_status()

    def close(self) -> None:
        self.display = False
        target = self._return_focus
        self._return_focus = None
        self.screen.set_focus(target if target is not None and target.is_attached else self._view)

    def keep(self) -> None:
        """Close the bar, keeping the highlights and remembering the query."""
        self.history.add(self.input.value)
        self.close()
        self._show_status()

    def action_cancel(self) -> None:
        """escape: clear the search and go back to where the bar was opened."""
        self._forget()
        with self.input.prevent(Input.Changed):
            self.input.value = ""
        origin, view = self._origin, self._view
        if view.text_layout is origin.layout:
            view.scroll_to(y=origin.row, animate=False, immediate=True, force=True)
        else:  # re-wrapped since: go back to the same text instead
            view.restore(origin.offset)
        view.cursor = origin.cursor
        self.close()

    def clear(self) -> None:
        """Remove the highlights and the query (the palette's `Search: clear`)."""
        self._forget()
        with self.input.prevent(Input.Changed):
            self.input.value = ""
        self._show_info()

    def _forget(self) -> None:
        self._generation += 1
        self._stop_timer()
        self.searching = False
        self._waiting.clear()
        self.state = None
        self.error = None
        self.offer = None
        self._every_name = False
        self._view.set_layer(LAYER, None)
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
        self._request(self._query(), self._origin.offset)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.keep()

    def _query(self) -> SearchQuery:
        text = self.input.value
        if self._every_name and self.offer is not None:
            return SearchQuery.every_name(text, self.offer, self.options)
        return SearchQuery(text, self.options)

    def _entry_named(self, text: str) -> Entry | None:
        glossary = self._glossary()
        return None if glossary is None else entry_named(glossary, text)

    def _glossary(self) -> Glossary | None:
        """The document's glossary, once the glossary pane has loaded it."""
        assert isinstance(self.app, ReaderApp)
        linked = self.app.glossary.linked
        return None if linked is None else linked.glossary

    def _open_entry(self, title: str) -> None:
        assert isinstance(self.app, ReaderApp)
        self.app.open_entry(title)

    def action_toggle_regex(self) -> None:
        self._set_options(replace(self.options, regex=not self.options.regex))

    def action_toggle_word(self) -> None:
        self._set_options(replace(self.options, whole_word=not self.options.whole_word))

    def _set_options(self, options: SearchOptions) -> None:
        self.options = options
        if self.input.value.strip():
            self._request(self._query(), self._origin.offset)
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
            self._open_entry(title)

    def action_every_name(self) -> None:
        """alt+enter: search every name of the entry the query names (`Mosaddegh` finds `Mossadegh`)."""
        if self.offer is not None:
            self._every_name = True
            self.history.add(self.input.value)
            self._request(self._query(), self._origin.offset)

    # -- searching --------------------------------------------------------------------

    def _request(self, query: SearchQuery, offset: int) -> None:
        """Search for `query` in a worker; the current hit will be the first at or after `offset`."""
        self._generation += 1
        generation = self._generation
        self._stop_timer()
        self.searching = True
        document = self._view.document

        def start() -> None:
            self.run_worker(
                lambda: _find(document, query, offset, generation),
                name="search",
                group="search",
                thread=True,
                exclusive=True,
            )

        if _waits_for_pause(query, document):
            self._timer = self.set_timer(TYPING_PAUSE, start)
        else:
            start()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "search" or event.state is not WorkerState.SUCCESS:
            return
        outcome = worker.result
        if isinstance(outcome, _Outcome) and outcome.generation == self._generation:
            self._found(outcome)

    def _found(self, outcome: _Outcome) -> None:
        self.searching = False
        if outcome.matches is None:
            self.state = None
            self.error = outcome.error
            self._view.set_layer(LAYER, None)
        else:
            self.error = None
            self._show(SearchState.found(outcome.query, outcome.matches, outcome.offset))
        self._show_info()
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            action()

    def document_replaced(self) -> None:
        """The view's document has been replaced by the complete one: search it all, staying on
        the current hit."""
        if self.state is None and not self.searching:
            return
        match = None if self.state is None else self.state.match
        self._request(self._query(), self._origin.offset if match is None else match.start)

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
            self.app.notify(what, timeout=3)
            return
        match = state.match
        on_screen = match is not None and self._on_screen(match.start)
        moved, wrapped = state.step(forward, None if on_screen else self._view.position.offset)
        self._show(moved)
        self._show_info()
        if wrapped:
            self.app.notify("search wrapped", timeout=2)

    def go_to(self, index: int) -> None:
        if self.state is not None:
            self._show(self.state.choose(index))

    def _on_screen(self, offset: int) -> bool:
        view = self._view
        top = round(view.scroll_y)
        return top <= view.text_layout.row_of_offset(offset) < top + view.scrollable_content_region.height

    def _show(self, state: SearchState) -> None:
        self.state = state
        self._view.set_layer(LAYER, state.layer)
        match = state.match
        if match is not None:
            self._view.scroll_to_offset(match.start)
        self._show_status()

    # -- the results list -------------------------------------------------------------

    def show_results(self) -> None:
        """ctrl+f: list every hit (and the glossary entries the query finds); enter goes there."""
        if self.searching:
            self._waiting.append(self.show_results)
            return
        state = self.state
        if state is None:
            self.open()
            self.app.notify("type a query, then ctrl+f lists every match")
            return
        if self.display:
            self.keep()
        glossary = self._glossary()
        entries = [] if glossary is None else match_entries(glossary, state.query.text, state.query.options)
        if not state.matches and not entries:
            self.app.notify(f"no match for {state.query.label}", timeout=3)
            return
        title = results_title(state.query.label, len(state.matches), len(entries))
        screen = SearchResultsScreen(title, self._view.document, state.matches, entries, state.current)
        self.app.push_screen(screen, self._chosen)

    def _chosen(self, choice: ResultChoice | None) -> None:
        if isinstance(choice, EntryChoice):
            self._open_entry(choice.title)
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
        for label, on in zip(labels, (self.options.regex, self.options.whole_word), strict=True):
            if on or not only_active:
                toggles.append(f" {label} ", "bold reverse" if on else "dim")
        return toggles

    def _show_status(self) -> None:
        """While hits are highlighted the status bar names the search: `/Napoleon 3/590`.
        Clearing it leaves alone a message put there since by another feature."""
        state = self.state
        message = "" if state is None or self.display else f"/{state.query.text} {state.counter}"
        status = self._reader.status
        if message or status.message == self._status_message:
            status.message = message
        self._status_message = message


async def open_search(app: ReaderApp) -> None:
    """`/` on the reading screen; elsewhere (a dialog, a text field) the key is left alone."""
    focused = app.focused
    typing = focused is not None and focused.check_consume_key("slash", "/")
    if typing or app.screen is not app.screen_stack[0]:
        raise SkipAction()
    (await mounted_search_bar(app)).open()


async def mounted_search_bar(app: ReaderApp) -> SearchBar:
    """The app's search bar, mounted above the status bar on first use."""
    if app.search_bar is None:
        bar = SearchBar()
        app.search_bar = bar
        await app.mount(bar, after=app.query_one("#main"))
    return app.search_bar
