"""The glossary pane: a header, then one of an entry, the index or the timeline.

Beside the essay (a third of the width) on a wide terminal; over it on a narrow one,
where the screen's `-narrow` breakpoint class docks it on the overlay layer.  The
pane only shows things: jumps go through `GlossaryActions`, which keeps the history.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ContentSwitcher, Static

from reader.app.entry_view import EntryView
from reader.app.glossary_actions import GlossaryActions
from reader.app.glossary_lists import IndexView, TimelineView
from reader.core.linked_document import LinkedDocument

NO_GLOSSARY = "No glossary for this document (reader PATH --glossary DIR)"
HINTS = "i index · t timeline · ⌫ back · x close"


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


class GlossaryPane(Vertical):
    """Shows one `PaneView` of a `LinkedDocument`."""

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
        border-left: solid $panel-lighten-2;
    }
    GlossaryPane:focus-within { border-left: solid $border; }
    GlossaryPane.-open { display: block; }
    Screen.-narrow GlossaryPane {
        dock: right;
        layer: overlay;
        width: 92%;
        min-width: 0;
        max-width: 100%;
        border-left: tall $border;
    }
    GlossaryPane #glossary-header { height: 1; padding: 0 1; background: $panel; }
    GlossaryPane ContentSwitcher { height: 1fr; }
    GlossaryPane #glossary-empty { padding: 1 2; color: $foreground-muted; }
    """

    def __init__(self, actions: GlossaryActions, linked: LinkedDocument) -> None:
        super().__init__(id="glossary-pane")
        self._actions = actions
        self.linked = linked
        self.view = INDEX

    def compose(self) -> ComposeResult:
        yield Static(id="glossary-header")
        initial = "glossary-index" if self.linked.glossary.entries else "glossary-empty"
        with ContentSwitcher(initial=initial):
            yield IndexView(self._actions, id="glossary-index")
            yield TimelineView(self._actions, id="glossary-timeline")
            yield EntryView(self._actions, id="glossary-entry")
            yield Static(NO_GLOSSARY, id="glossary-empty")

    def on_mount(self) -> None:
        self.show(self.view)

    def set_linked(self, linked: LinkedDocument) -> None:
        """The mentions are in (or the document changed): redraw what is shown."""
        self.linked = linked
        self.show(self.view)

    def show(self, view: PaneView) -> None:
        """Show an entry, the index or the timeline."""
        self.view = view
        switcher = self.query_one(ContentSwitcher)
        entry = self.linked.glossary.lookup(view.title) if view.page is Page.ENTRY else None
        if not self.linked.glossary.entries:
            switcher.current = "glossary-empty"
        elif entry is not None:
            self.query_one(EntryView).show(entry, self.linked)
            switcher.current = "glossary-entry"
        elif view.page is Page.TIMELINE:
            self.query_one(TimelineView).show(self.linked)
            switcher.current = "glossary-timeline"
        else:
            self.query_one(IndexView).show(self.linked)
            switcher.current = "glossary-index"
        self._update_header()

    def _update_header(self) -> None:
        where = {Page.INDEX: "index", Page.TIMELINE: "timeline"}.get(self.view.page, self.view.title)
        header = Text.assemble(("Glossary", "bold"), f" · {where}  ", (HINTS, "dim"))
        header.no_wrap = True
        header.overflow = "ellipsis"
        self.query_one("#glossary-header", Static).update(header)

    def focus_content(self) -> None:
        """Focus what a keyboard user wants first: the filter, the timeline, the entry."""
        current = self.query_one(ContentSwitcher).current
        if current == "glossary-index":
            self.query_one(IndexView).focus_filter()
        elif current == "glossary-timeline":
            self.query_one(TimelineView).focus()
        elif current == "glossary-entry":
            self.query_one(EntryView).focus()
        else:
            self.focus()
