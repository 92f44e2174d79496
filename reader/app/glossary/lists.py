"""The pane's lists: the index (filtered as you type) and the timeline, and the list
widget every part of the pane uses.

The index lists every entry by kind with its mention count; typing ranks the
entries by how well a title or alias matches (`rank_entries`: `russia` puts
*Russia* first), and `enter` opens the first.  It can be typed into before the
glossary has loaded: the filter keeps what was typed, and an `enter` pressed
meanwhile opens the best match as soon as the entries arrive.
"""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from reader.app.glossary.messages import OpenEntry
from reader.app.option_list import SafeOptionList
from reader.core.glossary.model import Entry, entry_dates, rank_entries
from reader.core.linked_document import LinkedDocument

KIND_HEADINGS = {
    "person": "People",
    "place": "Places",
    "event": "Events",
    "organisation": "Organisations",
    "idea": "Ideas",
    "quote": "Quotes",
}
LOADING = "loading the glossary…"


class Indented(Padding):
    """A row's text set in by `cells`, its wrapped lines as well (a long name that wraps
    keeps its indent); reads as the indented text (what a test or a screen reader gets)."""

    def __init__(self, text: Text, cells: int) -> None:
        super().__init__(text, (0, 0, 0, cells))
        self._plain = " " * cells + text.plain

    def __str__(self) -> str:
        return self._plain


class Lines(Group):
    """Renderables one above the other; reads as their texts, a line each."""

    def __init__(self, *lines: Text | Indented) -> None:
        super().__init__(*lines)
        self._plain = "\n".join(str(line) for line in lines)

    def __str__(self) -> str:
        return self._plain


class PaneList(SafeOptionList):
    """An option list that lands on its first choice when focused, so `enter` always
    follows something, and shows the highlighted row in reverse video when focused."""

    HELP_SECTION = "Glossary pane"
    BINDINGS = [
        Binding("down", "cursor_down", "next item", id="pane-list.down", show=False),
        Binding("up", "cursor_up", "previous item", id="pane-list.up", show=False),
        Binding("enter", "select", "follow the highlighted item", id="pane-list.select", show=False),
    ]
    DEFAULT_CSS = """
    PaneList { background: $surface; }
    PaneList:focus > .option-list--option-highlighted { text-style: bold reverse; }
    """

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            first = next(
                (i for i in range(self.option_count) if not self.get_option_at_index(i).disabled), None
            )
            self.highlighted = first


def hidden_line(count: int) -> str:
    """What the index and search say when spoiler-free mode leaves entries out."""
    entries = "1 entry" if count == 1 else f"{count} entries"
    return f"{entries} hidden: first mentioned further on (S shows all)"


class IndexView(Vertical):
    """Every entry by kind, with mention counts, filtered by the text typed above it."""

    HELP_SECTION = "Glossary pane"
    BINDINGS = [
        Binding("down", "move(1)", "index: next entry", id="index.next", show=False),
        Binding("up", "move(-1)", "index: previous entry", id="index.previous", show=False),
    ]
    DEFAULT_CSS = """
    IndexView { height: 1fr; }
    IndexView Input { margin: 1 1; }
    IndexView Input:focus { border: tall $accent; }
    IndexView OptionList { height: 1fr; max-height: 100%; margin: 0 1; }
    IndexView OptionList > .option-list--option-highlighted { text-style: bold reverse; }
    """

    linked: reactive[LinkedDocument | None] = reactive(None, always_update=True)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._titles: list[str | None] = []
        self._open_when_loaded = False

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter the glossary…", id="index-filter", compact=True)
        yield PaneList(id="index-list", compact=True)

    def focus_filter(self) -> None:
        self.query_one(Input).focus()

    def watch_linked(self) -> None:
        if self.is_mounted:
            self._refill()
            if self._open_when_loaded and self.linked is not None:
                self._open_when_loaded = False
                self._open_highlighted()

    def on_mount(self) -> None:
        self._refill()

    def _refill(self) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        self._titles = []
        linked = self.linked
        if linked is None:
            options.add_option(Option(Text(LOADING, style="italic"), disabled=True))
            self._titles.append(None)
            return
        query = self.query_one(Input).value
        rows = self._ranked(linked, query) if query.strip() else self._by_kind(linked)
        if not rows and linked.glossary.entries:
            rows.append((None, Option(Text("no entry matches", style="italic"), disabled=True)))
        if linked.hidden:
            rows.insert(0, (None, Option(Text(hidden_line(linked.hidden), style="italic"), disabled=True)))
        options.add_options([option for _, option in rows])
        self._titles = [title for title, _ in rows]
        first = next((index for index, title in enumerate(self._titles) if title is not None), None)
        options.highlighted = first

    def _row(self, entry: Entry, linked: LinkedDocument, kind: bool = False) -> tuple[str, Option]:
        label = Text.assemble(entry.title, (f"  {linked.count(entry.title)}", "dim"))
        if kind:
            label.append(f"  {entry.kind}", "dim italic")
        return entry.title, Option(Indented(label, 2))

    def _by_kind(self, linked: LinkedDocument) -> list[tuple[str | None, Option]]:
        rows: list[tuple[str | None, Option]] = []
        for kind, entries in linked.glossary.by_kind().items():
            heading = KIND_HEADINGS.get(kind, kind.title())
            rows.append((None, Option(Text(heading, style="bold"), disabled=True)))
            rows.extend(self._row(entry, linked) for entry in entries)
        return rows

    def _ranked(self, linked: LinkedDocument, query: str) -> list[tuple[str | None, Option]]:
        return [self._row(entry, linked, kind=True) for entry in rank_entries(linked.glossary, query)]

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.linked is None:
            self._open_when_loaded = True
            return
        self._open_highlighted()

    def _open_highlighted(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None:
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
        title = self._titles[index] if index < len(self._titles) else None
        if title is not None:
            self.post_message(OpenEntry(title))


class TimelineView(PaneList):
    """Every dated entry, earliest first; `enter` opens one."""

    BINDINGS = [
        Binding("j", "cursor_down", "timeline: next entry", id="timeline.down", show=False),
        Binding("k", "cursor_up", "timeline: previous entry", id="timeline.up", show=False),
    ]
    DEFAULT_CSS = """
    TimelineView { height: 1fr; max-height: 100%; margin: 1 1 0 1; }
    """

    linked: reactive[LinkedDocument | None] = reactive(None, always_update=True)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)
        self._titles: list[str] = []

    def watch_linked(self, linked: LinkedDocument | None) -> None:
        self.clear_options()
        if linked is None:
            self._titles = []
            self.add_option(Option(Text(LOADING, style="italic"), disabled=True))
            return
        entries = linked.glossary.timeline()
        self._titles = [entry.title for entry in entries]
        self.add_options(
            [
                Option(
                    Lines(
                        Text(entry_dates(entry), style="bold"),
                        Indented(Text.assemble(entry.title, (f"  {entry.kind}", "dim")), 2),
                    )
                )
                for entry in entries
            ]
        )
        if entries:
            self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self._titles):
            self.post_message(OpenEntry(self._titles[event.option_index]))
