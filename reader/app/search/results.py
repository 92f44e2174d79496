"""`&`: every hit of the search with its paragraph and a snippet, then one row holding the
glossary entries the query finds (enter unfolds them); enter on a hit goes there.

The list is virtual: it draws only the rows on screen, making each row's snippet
when it is drawn, so 47,339 hits open as fast as ten.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.app.glossary.lists import hidden_line
from reader.core.document import Document, paragraph_label
from reader.core.glossary.model import Entry
from reader.core.search import Matches
from reader.core.snippets import snippet

CURSOR_MARK = "▶ "
ENTRY_MARK = "◆ "


@dataclass(frozen=True, slots=True)
class EntryChoice:
    """Open this glossary entry."""

    title: str


@dataclass(frozen=True, slots=True)
class MatchChoice:
    """Go to hit `index` of the search."""

    index: int


ResultChoice = EntryChoice | MatchChoice


class ResultList(ScrollView, can_focus=True):
    """One row per hit, then a row that folds the glossary entries found (unfolded, one row
    each); the cursor row is chosen with enter."""

    HELP_SECTION = "Match list"
    BINDINGS = [
        Binding("down,j", "move(1)", "next match", id="matches.down", show=False),
        Binding("up,k", "move(-1)", "previous match", id="matches.up", show=False),
        Binding("pagedown,space,f", "page(1)", "a page down", id="matches.page-down", show=False),
        Binding("pageup,b", "page(-1)", "a page up", id="matches.page-up", show=False),
        Binding("home,g", "first", "first row", id="matches.first", show=False),
        Binding("end,G", "last", "last row", id="matches.last", show=False),
        Binding("enter", "choose", "go to the match, or open the entry", id="matches.go", show=False),
    ]

    COMPONENT_CLASSES = {
        "result-list--cursor",
        "result-list--hit",
        "result-list--label",
        "result-list--entry",
    }

    DEFAULT_CSS = """
    ResultList { background: $surface; height: auto; max-height: 100%; }
    ResultList > .result-list--cursor { background: $accent 30%; text-style: bold; }
    ResultList > .result-list--hit { text-style: reverse; }
    ResultList > .result-list--label { color: $text-muted; }
    ResultList > .result-list--entry { color: $primary; text-style: bold; }
    """

    cursor: reactive[int] = reactive(0)

    class Chosen(Message):
        """Enter (or a click) on a row."""

        def __init__(self, choice: ResultChoice) -> None:
            super().__init__()
            self.choice = choice

    def __init__(self, document: Document, matches: Matches, entries: list[Entry], cursor: int = 0) -> None:
        super().__init__()
        self._document = document
        self._matches = matches
        self._entries = entries
        self._unfolded = not matches  # entries alone: nothing to fold them under
        self._number_width = len(f"{len(document.blocks):,}")
        self.virtual_size = Size(0, self.row_count)
        self.set_reactive(ResultList.cursor, cursor)

    @property
    def row_count(self) -> int:
        if not self._entries:
            return len(self._matches)
        return len(self._matches) + 1 + (len(self._entries) if self._unfolded else 0)

    @property
    def _fold_row(self) -> int | None:
        """The row that folds the glossary entries away (below the matches), if any."""
        return len(self._matches) if self._entries else None

    def choice_at(self, row: int) -> ResultChoice | None:
        """What `enter` on `row` chooses; None for the fold row (it unfolds instead)."""
        if row < len(self._matches):
            return MatchChoice(row)
        if row == self._fold_row:
            return None
        return EntryChoice(self._entries[row - len(self._matches) - 1].title)

    # -- scrolling ------------------------------------------------------------------

    def on_mount(self) -> None:
        self.call_after_refresh(self._centre_cursor)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count)

    def _centre_cursor(self) -> None:
        top = self.cursor - self.scrollable_content_region.height // 2
        self.scroll_to(y=max(0, top), animate=False, immediate=True, force=True)

    def watch_cursor(self, cursor: int) -> None:
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        if cursor < top:
            self.scroll_to(y=cursor, animate=False, immediate=True, force=True)
        elif cursor >= top + height:
            self.scroll_to(y=cursor - height + 1, animate=False, immediate=True, force=True)
        self.refresh()

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self.row_count - 1))

    def action_move(self, rows: int) -> None:
        self.cursor += rows

    def action_page(self, pages: int) -> None:
        self.cursor += pages * max(1, self.scrollable_content_region.height - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.row_count - 1

    def action_choose(self) -> None:
        if not self.row_count:
            return
        choice = self.choice_at(self.cursor)
        if choice is None:
            self._unfolded = not self._unfolded
            self.virtual_size = Size(self.scrollable_content_region.width, self.row_count)
            self.refresh()
        else:
            self.post_message(self.Chosen(choice))

    def on_click(self, event: events.Click) -> None:
        row = round(self.scroll_y) + event.y
        if 0 <= row < self.row_count:
            self.cursor = row
            self.action_choose()

    # -- drawing --------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        row = round(self.scroll_y) + y
        if row >= self.row_count:
            return Strip.blank(width, base)
        if row < len(self._matches):
            text = self._hit_row(row)
        elif row == self._fold_row:
            text = self._fold_text()
        else:
            text = self._entry_row(row - len(self._matches) - 1)
        is_cursor = row == self.cursor
        line = Text(CURSOR_MARK if is_cursor else "  ", style=base, no_wrap=True, overflow="ellipsis", end="")
        line.append_text(text)
        line.truncate(width, overflow="ellipsis", pad=True)
        if is_cursor:
            line.stylize(self.get_component_rich_style("result-list--cursor"))
        segments = [Segment(part, style or base) for part, style, _ in line.render(self.app.console) if part]
        return Strip(segments).extend_cell_length(width, base).crop(0, width)

    def _fold_text(self) -> Text:
        count = len(self._entries)
        what = f"{count} glossary entr{'y' if count == 1 else 'ies'} found"
        row = Text(f"{'▾' if self._unfolded else '▸'} ", end="")
        row.append(what, self.get_component_rich_style("result-list--entry"))
        row.append(
            "  enter " + ("folds them" if self._unfolded else "shows them"),
            self.get_component_rich_style("result-list--label"),
        )
        return row

    def _entry_row(self, index: int) -> Text:
        entry = self._entries[index]
        row = Text(ENTRY_MARK, end="")
        row.append(entry.title, self.get_component_rich_style("result-list--entry"))
        row.append(f"  {entry.kind}", self.get_component_rich_style("result-list--label"))
        if entry.summary:
            row.append(f" \u2014 {entry.summary}")
        return row

    def _hit_row(self, index: int) -> Text:
        match = self._matches[index]
        label = f"{paragraph_label(match.block, width=self._number_width)}  "
        room = max(8, self.scrollable_content_region.width - len(CURSOR_MARK) - len(label))
        shown = snippet(self._document, match, room)
        row = Text(label, style=self.get_component_rich_style("result-list--label"), end="")
        context = Text(shown.text, end="")
        context.stylize(self.get_component_rich_style("result-list--hit"), shown.start, shown.end)
        row.append_text(context)
        return row


class SearchResultsScreen(ModalScreen[ResultChoice | None]):
    """The result list in a frame; it closes with the row chosen, or None on escape."""

    HELP_SECTION = "Match list"
    BINDINGS = [Binding("escape,q", "close", "close the list", id="matches.close")]

    DEFAULT_CSS = """
    SearchResultsScreen { align: center middle; }
    SearchResultsScreen > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface;
        border-title-style: bold; border-subtitle-color: $text-muted;
    }
    """

    def __init__(
        self, title: str, document: Document, matches: Matches, entries: list[Entry], current: int | None
    ) -> None:
        super().__init__()
        self._title = title
        cursor = 0 if current is None else current
        self._list = ResultList(document, matches, entries, cursor)

    def compose(self) -> ComposeResult:
        with Vertical() as frame:
            frame.border_title = self._title
            frame.border_subtitle = "enter: go there · escape: close"
            yield self._list

    def on_mount(self) -> None:
        self._list.focus()

    def on_result_list_chosen(self, message: ResultList.Chosen) -> None:
        self.dismiss(message.choice)

    def action_close(self) -> None:
        self.dismiss(None)


def results_title(label: str, hits: int, entries: int, hidden: int = 0) -> str:
    """`“Napoleon”: 590 matches · 1 glossary entry`, and how many entries spoiler-free mode
    leaves out (`· 10 entries hidden: first mentioned further on`)."""
    parts = [f"{hits:,} match{'' if hits == 1 else 'es'}"]
    if entries:
        parts.append(f"{entries} glossary entr{'y' if entries == 1 else 'ies'}")
    if hidden:
        parts.append(hidden_line(hidden))
    return f"\u201c{label}\u201d: " + " · ".join(parts)
