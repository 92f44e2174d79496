"""The glossary beside the essay: it loads the vault after the first paint, marks the
mentions, moves the focus ring, opens entries in the pane and keeps the history.

Start-up pays only for this module: the vault loader, the linker and the pane's
widgets (Markdown pulls in a highlighter) are imported in a thread after the first
paint.  Every jump is a `History` step holding the pane's view and the essay's
place, so `back` restores both.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from rich.text import Text
from textual.actions import SkipAction
from textual.css.query import NoMatches

from reader.core.history import History
from reader.core.ranges import RangeLayer

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.events import MouseEvent
    from textual.timer import Timer

    from reader.app.app import ReaderApp
    from reader.app.glossary_pane import GlossaryPane, PaneView
    from reader.core.linked_document import LinkedDocument
    from reader.core.document import Document
    from reader.core.glossary.linker import Mention
    from reader.core.glossary.model import Glossary

OVERLAY_BELOW = 100
"""Terminals narrower than this show the pane over the essay instead of beside it."""
BREAKPOINTS = [(0, "-narrow"), (OVERLAY_BELOW, "-wide")]
"""The app's `HORIZONTAL_BREAKPOINTS`: the pane's CSS picks its layout by them."""
FLASH_SECONDS = 1.5


class EssaySpot(NamedTuple):
    """Where the essay was: its top row at a column width, the text there, the cursor."""

    row: int
    offset: int
    width: int
    cursor: int


class Place(NamedTuple):
    """One step of the history: what the pane showed, whether it was open, the essay."""

    view: PaneView
    pane_open: bool
    essay: EssaySpot


def glossary_command_provider() -> type[Provider]:
    """The palette's glossary commands, imported only when the palette opens."""
    from reader.app.glossary_commands import GlossaryCommands

    return GlossaryCommands


def _load(vault: Path | None, document: Document) -> tuple[LinkedDocument, str | None]:
    """Worker thread: the vault (or why not), linked if the document is complete.

    The pane's module is imported here too, so its widgets cost the event loop nothing.
    """
    from reader.app import glossary_pane  # noqa: F401 -- imported for its import time only
    from reader.core.linked_document import LinkedDocument
    from reader.core.glossary.model import Glossary
    from reader.core.glossary.vault import VaultError, load_glossary

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


def _link(document: Document, glossary: Glossary) -> LinkedDocument:
    from reader.core.linked_document import LinkedDocument

    return LinkedDocument.link(document, glossary)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class GlossaryController:
    """The glossary side of `ReaderApp`: its keys and mouse land here."""

    def __init__(self, app: ReaderApp) -> None:
        self.app = app
        self.linked: LinkedDocument | None = None
        self.pane: GlossaryPane | None = None
        self.history: History[Place] = History()
        self.focused: int | None = None
        """Index of the mention with the focus ring, if any."""
        self._hovered: int | None = None
        self._flash_timer: Timer | None = None

    # -- loading -----------------------------------------------------------------------

    def start(self) -> None:
        """Load the vault and link the document, off the event loop (call after the first paint)."""
        self.app.run_worker(self._load(self.app.vault, self.app.document), name="glossary", group="glossary")

    async def _load(self, vault: Path | None, document: Document) -> None:
        # A thread awaited by an async worker, not `call_from_thread`: if the app quits
        # first, the worker is cancelled and the thread has nothing to call back into.
        linked, problem = await asyncio.to_thread(_load, vault, document)
        from reader.app.glossary_pane import NO_GLOSSARY, GlossaryPane

        try:
            main = self.app.query_one("#main")
        except NoMatches:
            return  # the app quit while the vault loaded
        if not main.is_attached:
            return
        if problem:
            self.app.notify(problem, severity="error", timeout=8)
        elif vault is None:
            self.app.notify(NO_GLOSSARY, timeout=6)
        elif linked.glossary.problems:
            count = _plural(len(linked.glossary.problems), "problem")
            self.app.notify(f"{vault}: {count} (see `reader glossary check`)", severity="warning")
        pane = GlossaryPane(self, linked)
        await main.mount(pane)
        self.pane = pane
        self._set_linked(linked)
        if not linked.linked and self.app.document.complete:
            self.document_replaced(self.app.document)  # the rest arrived while the vault loaded

    def document_replaced(self, document: Document) -> None:
        """The complete document is in: find the mentions in all of it."""
        if self.linked is not None:
            glossary = self.linked.glossary
            self.app.run_worker(self._relink(document, glossary), name="glossary-link", group="glossary")

    async def _relink(self, document: Document, glossary: Glossary) -> None:
        self._set_linked(await asyncio.to_thread(_link, document, glossary))

    def _set_linked(self, linked: LinkedDocument) -> None:
        self.linked = linked
        self.focused = None
        self._hovered = None
        view = self.app.view
        view.set_layer("mention-focus", None)
        view.set_layer("mentions", linked.layer if linked.mentions else None)
        if self.pane is not None:
            self.pane.set_linked(linked)

    # -- the pane ----------------------------------------------------------------------

    @property
    def overlay(self) -> bool:
        """Whether the pane covers the essay (a narrow terminal) rather than sitting beside it."""
        return self.app.size.width < OVERLAY_BELOW

    @property
    def pane_open(self) -> bool:
        return self.pane is not None and self.pane.has_class("-open")

    def _ready_pane(self) -> GlossaryPane | None:
        if self.pane is None:
            self.app.notify("The glossary is still loading", timeout=2)
        return self.pane

    def _set_open(self, pane: GlossaryPane, is_open: bool) -> None:
        if pane.has_class("-open") != is_open:
            had_focus = pane.has_focus_within
            pane.set_class(is_open, "-open")
            if had_focus and not is_open:
                self.app.view.focus()

    def _show(self, pane: GlossaryPane, view: PaneView, *, focus: bool = False) -> None:
        """Show `view` in the open pane; focus it if asked, covering the essay, or focused."""
        focus = focus or self.overlay or pane.has_focus_within
        pane.show(view)
        self._set_open(pane, True)
        if focus:
            pane.focus_content()

    def toggle(self) -> None:
        """`x`: show or hide the pane (not a jump: the history is untouched)."""
        pane = self._ready_pane()
        if pane is None:
            return
        if self.pane_open:
            self._set_open(pane, False)
        else:
            self._show(pane, pane.view)

    def show_index(self) -> None:
        if (pane := self._ready_pane()) is not None:
            from reader.app.glossary_pane import INDEX

            self._jump(lambda: self._show(pane, INDEX, focus=True))

    def show_timeline(self) -> None:
        if (pane := self._ready_pane()) is not None:
            from reader.app.glossary_pane import TIMELINE

            self._jump(lambda: self._show(pane, TIMELINE, focus=True))

    def open_entry(self, title: str) -> None:
        """Show entry `title` (or alias) in the pane, as a step in the history."""
        pane = self._ready_pane()
        if pane is None or self.linked is None:
            return
        entry = self.linked.glossary.lookup(title)
        if entry is None:
            self.app.notify(f"No glossary entry named {title!r}", severity="warning", timeout=4)
            return
        from reader.app.glossary_pane import Page, PaneView

        self._jump(lambda: self._show(pane, PaneView(Page.ENTRY, entry.title)))

    def show_mention(self, mention: Mention) -> None:
        """Scroll the essay to `mention` and flash it, as a step in the history."""
        if self.pane is None:
            return
        pane = self.pane

        def go() -> None:
            if self.overlay:
                self._set_open(pane, False)
            self._clear_focus_ring()
            self.app.view.scroll_to_offset(mention.start)

        self._jump(go)
        self._flash(mention)

    def switch_focus(self) -> None:
        """`F6`: between the essay and the pane (opening it; on a narrow screen, closing it)."""
        pane = self._ready_pane()
        if pane is None:
            return
        if pane.has_focus_within:
            if self.overlay:
                self._set_open(pane, False)
            self.app.view.focus()
        else:
            self._show(pane, pane.view, focus=True)

    def close(self) -> None:
        """`escape`: close the overlay, else leave the pane, else drop the focus ring."""
        pane = self.pane
        if pane is not None and self.pane_open and self.overlay:
            self._set_open(pane, False)
        elif pane is not None and pane.has_focus_within:
            self.app.view.focus()
        elif self.focused is not None:
            self._clear_focus_ring()
        else:
            raise SkipAction()

    # -- history -----------------------------------------------------------------------

    def _here(self, pane: GlossaryPane) -> Place:
        view = self.app.view
        spot = EssaySpot(round(view.scroll_y), view.position.offset, view.column_width, view.cursor)
        return Place(pane.view, self.pane_open, spot)

    def _jump(self, change: Callable[[], None]) -> None:
        """Make `change` as one step: where the reader was is kept to come back to."""
        assert self.pane is not None
        here = self._here(self.pane)
        change()
        self.history.visit(here, self._here(self.pane))

    def back(self) -> None:
        """`backspace`/`alt+left`: the place before the last jump."""
        if self.pane is not None:
            self._restore(self.pane, self.history.back(self._here(self.pane)))

    def forward(self) -> None:
        """`alt+right`: the place a `back` left."""
        if self.pane is not None:
            self._restore(self.pane, self.history.forward(self._here(self.pane)))

    def _restore(self, pane: GlossaryPane, place: Place | None) -> None:
        if place is None:
            self.app.bell()
            return
        if place.pane_open:
            self._show(pane, place.view)
        else:
            pane.show(place.view)
            self._set_open(pane, False)
        view = self.app.view
        spot = place.essay
        if spot.width == view.column_width:
            view.scroll_to(y=spot.row, animate=False, immediate=True, force=True)
        elif spot.offset == 0:
            view.scroll_to(y=0, animate=False, immediate=True, force=True)
        else:
            view.restore(spot.offset)  # the column width changed: the same text on top
        view.cursor = min(spot.cursor, len(self.app.document.blocks) - 1)

    # -- mentions in the essay -------------------------------------------------------------

    def _visible_offsets(self) -> tuple[int, int]:
        """The document offsets from the top row of the view to just past its bottom row."""
        view = self.app.view
        layout = view.text_layout
        top = round(view.scroll_y)
        bottom = top + view.scrollable_content_region.height
        end = layout.offset_of_row(bottom) if bottom < layout.height else len(view.document.text)
        return layout.offset_of_row(top), end

    def next_mention(self) -> None:
        """`tab`: the focus ring to the next mention (from the top of the view if none is on it)."""
        self._step_mention(1)

    def previous_mention(self) -> None:
        """`shift+tab`: the focus ring to the previous mention."""
        self._step_mention(-1)

    def _step_mention(self, step: int) -> None:
        linked = self.linked
        if linked is None or not linked.mentions:
            if linked is None or not linked.linked:
                message = "Still finding the glossary's mentions…"
            else:
                message = "No glossary entry is mentioned in this document"
            self.app.notify(message, timeout=3)
            return
        top, bottom = self._visible_offsets()
        focused = self.focused
        if focused is not None and top <= linked.mentions[focused].start < bottom:
            index: int | None = (focused + step) % len(linked.mentions)
        else:
            index = linked.first_from(top) if step > 0 else linked.last_before(bottom)
        if index is not None:
            self._focus_ring(index)
            self.app.view.scroll_to_offset(linked.mentions[index].start)

    def _focus_ring(self, index: int) -> None:
        assert self.linked is not None
        mention = self.linked.mentions[index]
        self.focused = index
        self.app.view.set_layer("mention-focus", RangeLayer([(mention.start, mention.end, "mention-focus")]))

    def _clear_focus_ring(self) -> None:
        self.focused = None
        self.app.view.set_layer("mention-focus", None)

    def open_focused(self) -> None:
        """`enter` in the essay: open the entry of the mention with the focus ring."""
        if self.linked is None or self.focused is None:
            self.app.notify("Press tab to reach a mention, then enter to open it", timeout=3)
            return
        self.open_entry(self.linked.mentions[self.focused].title)

    def _flash(self, mention: Mention) -> None:
        view = self.app.view
        view.set_layer("flash", None)  # re-added last, so it is drawn over every other layer
        view.set_layer("flash", RangeLayer([(mention.start, mention.end, "flash")]))
        if self._flash_timer is not None:
            self._flash_timer.stop()
        self._flash_timer = self.app.set_timer(FLASH_SECONDS, lambda: view.set_layer("flash", None))

    def _mention_under(self, event: MouseEvent) -> int | None:
        view = self.app.view
        if self.linked is None or event.widget is not view:
            return None
        offset = view.offset_at(event.x, event.y)
        return None if offset is None else self.linked.at(offset)

    def clicked(self, event: MouseEvent) -> None:
        """A click on a mention opens its entry."""
        index = self._mention_under(event)
        if index is not None and self.linked is not None:
            self._focus_ring(index)
            self.open_entry(self.linked.mentions[index].title)

    def hovered(self, event: MouseEvent) -> None:
        """The mouse over a mention shows its entry's summary as the view's tooltip."""
        if event.widget is not self.app.view:
            return
        index = self._mention_under(event)
        if index == self._hovered:
            return
        self._hovered = index
        entry = None
        if index is not None and self.linked is not None:
            entry = self.linked.entry_of(self.linked.mentions[index])
        tooltip = None if entry is None else Text.assemble((entry.title, "bold"), f"\n{entry.summary}")
        self.app.view.tooltip = tooltip

    # -- keys --------------------------------------------------------------------------

    def run(self, command: str) -> None:
        """Run a command named by a key binding (`glossary('index')`)."""
        COMMANDS[command](self)


COMMANDS: dict[str, Callable[[GlossaryController], None]] = {
    "toggle": GlossaryController.toggle,
    "index": GlossaryController.show_index,
    "timeline": GlossaryController.show_timeline,
    "back": GlossaryController.back,
    "forward": GlossaryController.forward,
    "switch_focus": GlossaryController.switch_focus,
    "close": GlossaryController.close,
    "next_mention": GlossaryController.next_mention,
    "previous_mention": GlossaryController.previous_mention,
    "open_mention": GlossaryController.open_focused,
}
