"""The glossary pane: a header, then one of an entry, the index or the timeline.

Beside the essay (a third of the width) on a wide terminal; over it on a narrow one,
where the screen's `-narrow` breakpoint class docks it on the overlay layer.  The
pane only shows things: its widgets post `OpenEntry`/`ShowMention` and the reading
screen, which keeps the history, decides.  The linked glossary comes down from the
screen (`linked`, bound); until it arrives the pages say they are loading, and the
index filter already takes what is typed.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.events import Resize
from textual.reactive import reactive
from textual.widgets import ContentSwitcher, Static

from reader.app.glossary.lists import IndexView, TimelineView
from reader.core.linked_document import LinkedDocument

if TYPE_CHECKING:
    from reader.app.glossary.entry_view import EntryView

NO_GLOSSARY = "No glossary for this document (reader PATH --glossary DIR)"
HINTS = (("i", "index"), ("t", "timeline"), ("⌫", "back"), ("esc", "close"))


class Page(StrEnum):
    INDEX = "index"
    TIMELINE = "timeline"
    ENTRY = "entry"


class PaneView(NamedTuple):
    """What the pane shows: a page, and for an entry its title."""

    page: Page
    title: str = ""


INDEX = PaneView(Page.INDEX)
TIMELINE = PaneView(Page.TIMELINE)


def pane_header(where: str, width: int, *, focused: bool) -> Text:
    """`Glossary · Mossadegh   i index  t timeline …`: the hints that fit, whole, and the
    place cut with an ellipsis only when not even it fits."""
    mark = "▶ " if focused else ""
    head = Text.assemble((f"{mark}Glossary", "bold"), f" · {where}", no_wrap=True, end="")
    hints = Text(no_wrap=True, end="")
    for key, what in HINTS:
        hint = Text.assemble("  ", (key, "bold"), f" {what}", end="")
        if head.cell_len + hints.cell_len + hint.cell_len > width:
            break
        hints.append_text(hint)
    head.truncate(max(1, width - hints.cell_len), overflow="ellipsis")
    if not focused:
        hints.stylize("dim")
    header = Text.assemble(head, hints, no_wrap=True, end="")
    if focused:  # reverse video: as plain without colour (NO_COLOR) as with it
        header.pad_right(max(0, width - header.cell_len))
        header.stylize("reverse")
    return header


class GlossaryPane(Vertical):
    """Shows one `PaneView` of the linked glossary."""

    # Not scoped: the narrow layout is chosen by a class on the Screen above the pane.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    GlossaryPane {
        width: 34%;
        min-width: 32;
        max-width: 72;
        height: 1fr;
        display: none;
        background: $surface;
        border-left: vkey $panel-lighten-2;
    }
    GlossaryPane:focus-within { border-left: thick $accent; }
    GlossaryPane.-open { display: block; }
    Screen.-narrow GlossaryPane {
        dock: right;
        layer: overlay;
        width: 92%;
        min-width: 0;
        max-width: 100%;
    }
    GlossaryPane #glossary-header { height: 1; padding: 0 1; background: $panel; }
    GlossaryPane ContentSwitcher { height: 1fr; }
    GlossaryPane #glossary-empty { padding: 1 2; color: $foreground-muted; }
    """

    linked: reactive[LinkedDocument | None] = reactive(None, always_update=True)
    """The glossary and the document's mentions, from the reading screen."""

    def __init__(self, *, has_glossary: bool = True) -> None:
        super().__init__(id="glossary-pane")
        self._has_glossary = has_glossary
        self.view = INDEX

    def compose(self) -> ComposeResult:
        yield Static(id="glossary-header")
        with ContentSwitcher(initial="glossary-index" if self._has_glossary else "glossary-empty"):
            yield IndexView(id="glossary-index").data_bind(GlossaryPane.linked)
            yield TimelineView(id="glossary-timeline").data_bind(GlossaryPane.linked)
            if self._has_glossary:  # else no entry ever opens, and Markdown is never imported
                from reader.app.glossary.entry_view import EntryView

                yield EntryView(id="glossary-entry")
            yield Static(NO_GLOSSARY, id="glossary-empty")

    def on_mount(self) -> None:
        self.show(self.view)

    def watch_linked(self) -> None:
        if self.is_mounted:
            self.show(self.view)

    def on_descendant_focus(self) -> None:
        self._update_header()

    def on_descendant_blur(self) -> None:
        self.call_after_refresh(self._update_header)

    def on_resize(self, event: Resize) -> None:
        self._update_header()

    def show(self, view: PaneView) -> None:
        """Show an entry, the index or the timeline."""
        self.view = view
        try:
            switcher = self.query_one(ContentSwitcher)
        except NoMatches:
            return  # the app quit while the pane was being mounted: its children are gone
        linked = self.linked
        entry = None
        if linked is not None and view.page is Page.ENTRY:
            entry = linked.glossary.lookup(view.title)
        if linked is not None and not linked.glossary.entries and not linked.hidden:
            switcher.current = "glossary-empty"
        elif entry is not None and linked is not None:
            self._entry_view().show(entry, linked)
            switcher.current = "glossary-entry"
        elif view.page is Page.TIMELINE:
            switcher.current = "glossary-timeline"
        else:
            switcher.current = "glossary-index"
        self._update_header()

    def _entry_view(self) -> EntryView:
        """The entry view, by id: its class is imported only where there is a glossary."""
        return cast("EntryView", self.query_one("#glossary-entry"))

    def _update_header(self) -> None:
        if not self.is_mounted:
            return
        where = {Page.INDEX: "index", Page.TIMELINE: "timeline"}.get(self.view.page, self.view.title)
        width = max(1, self.query_one("#glossary-header").content_region.width)
        header = pane_header(where, width, focused=self.has_focus_within)
        self.query_one("#glossary-header", Static).update(header)

    def focus_content(self) -> None:
        """Focus what a keyboard user wants first: the filter, the timeline, the entry."""
        current = self.query_one(ContentSwitcher).current
        if current == "glossary-index":
            self.query_one(IndexView).focus_filter()
        elif current == "glossary-timeline":
            self.query_one(TimelineView).focus()
        elif current == "glossary-entry":
            self._entry_view().focus()
        # An empty glossary has nothing to focus: the essay keeps it.
