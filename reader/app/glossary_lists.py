"""The pane's two ways into the glossary besides the text: the index and the timeline.

The index groups every entry by kind with its mention count and filters as you
type (accents, case and apostrophes ignored, aliases included); `up`/`down` move
through it without leaving the filter and `enter` opens.  The timeline lists the
dated entries in date order.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from reader.app.entry_view import entry_dates
from reader.app.glossary_actions import GlossaryActions
from reader.core.linked_document import LinkedDocument
from reader.core.folding import fold
from reader.core.glossary.model import Entry

KIND_HEADINGS = {
    "person": "People",
    "place": "Places",
    "event": "Events",
    "organisation": "Organisations",
    "idea": "Ideas",
    "quote": "Quotes",
}


def _key(text: str) -> str:
    return fold(text).casefold()


def matches(entry: Entry, query: str) -> bool:
    """Whether `query` is in the entry's title or one of its aliases, loosely compared."""
    wanted = _key(query.strip())
    return not wanted or any(wanted in _key(name) for name in entry.names)


class IndexView(Vertical):
    """Every entry by kind, with mention counts, filtered by the text typed above it."""

    BINDINGS = [
        Binding("down", "move(1)", "Next entry", show=False),
        Binding("up", "move(-1)", "Previous entry", show=False),
    ]
    DEFAULT_CSS = """
    IndexView { height: 1fr; }
    IndexView Input { margin: 1 1; }
    IndexView OptionList { height: 1fr; max-height: 100%; margin: 0 1; background: $surface; }
    """

    def __init__(self, actions: GlossaryActions, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._actions = actions
        self._linked: LinkedDocument | None = None
        self._titles: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter the glossary…", id="index-filter", compact=True)
        yield OptionList(id="index-list", compact=True)

    def show(self, linked: LinkedDocument) -> None:
        self._linked = linked
        self._refill()

    def focus_filter(self) -> None:
        self.query_one(Input).focus()

    def _refill(self) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        self._titles = []
        linked = self._linked
        if linked is None:
            return
        query = self.query_one(Input).value
        rows: list[Option] = []
        for kind, entries in linked.glossary.by_kind().items():
            shown = [entry for entry in entries if matches(entry, query)]
            if not shown:
                continue
            heading = KIND_HEADINGS.get(kind, kind.title())
            rows.append(Option(Text(heading, style="bold"), disabled=True))
            self._titles.append(None)
            for entry in shown:
                count = linked.count(entry.title)
                rows.append(Option(Text.assemble(f"  {entry.title}", (f"  {count}", "dim"))))
                self._titles.append(entry.title)
        if not rows and linked.glossary.entries:
            rows.append(Option(Text("no entry matches", style="italic"), disabled=True))
            self._titles.append(None)
        options.add_options(rows)
        first = next((index for index, title in enumerate(self._titles) if title is not None), None)
        options.highlighted = first

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None and self._titles[highlighted] is not None:
            self._open(highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option_index)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def _open(self, index: int) -> None:
        title = self._titles[index]
        if title is not None:
            self._actions.open_entry(title)


class TimelineView(OptionList):
    """Every dated entry, earliest first; `enter` opens one."""

    DEFAULT_CSS = """
    TimelineView { height: 1fr; max-height: 100%; margin: 1 1 0 1; background: $surface; }
    """

    def __init__(self, actions: GlossaryActions, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)
        self._actions = actions
        self._titles: list[str] = []

    def show(self, linked: LinkedDocument) -> None:
        entries = linked.glossary.timeline()
        self._titles = [entry.title for entry in entries]
        self.clear_options()
        self.add_options(
            [
                Option(
                    Text.assemble(
                        (entry_dates(entry), "bold"), "\n  ", entry.title, (f"  {entry.kind}", "dim")
                    )
                )
                for entry in entries
            ]
        )
        if entries:
            self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._actions.open_entry(self._titles[event.option_index])
