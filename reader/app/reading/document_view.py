"""The reading view: a Line-API `ScrollView` over a `Layout`, drawing only visible rows.

Nothing here knows about parsing or wrapping: the core computes a `Layout` per
width (cached here), and this widget turns the rows the compositor asks for into
`Strip`s, decorated by `Layer`s (mentions, search hits, the focus ring, flashes).

Its public surface is small: where the reader is (`position`, `place`), go there
(`go_to`, `show_offset`, `show_block`), what is visible (`visible_range`), flash
a range, and the mention focus ring.  It tells the screen what happened with
messages (`PositionChanged`, `MentionActivated`, `LaidOut`) and never asks it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from reader.app.reading.decorations import decoration_style
from reader.core.document import BlockKind, Document, InlineStyle
from reader.core.focus_ring import FocusRing, Target, TargetKind
from reader.core.layout import QUOTE_BAR, Layout, block_indent, layout_document
from reader.core.marks import Marks
from reader.core.motions import Count, percent_row
from reader.core.ranges import Layer, RangeLayer
from reader.core.sanitize import one_line
from reader.core.wrap import all_single_cell

if TYPE_CHECKING:
    from textual.selection import Selection

    from reader.core.linked_document import LinkedDocument  # linked after the first paint

DEFAULT_MEASURE = 76
MIN_MEASURE = 24
MAX_MEASURE = 240
MEASURE_STEP = 4
GUTTER = 3  # bookmark mark, cursor bar, space
CURSOR_MARK = "▌"
CLIPPED_MARK = "›"
"""The last cell of a table or program-output row wider than the column: there is more."""
BOOKMARK_MARK = "◆"
FLASH_SECONDS = 1.5
_LAYOUTS_KEPT = 4
# Layers are drawn in this order, so a flash shows over the ring, the ring over a hit.
_LAYER_ORDER = ("mentions", "search", "mention-focus", "flash")

_INLINE_DECORATIONS = {
    InlineStyle.EMPHASIS: "em",
    InlineStyle.STRONG: "strong",
    InlineStyle.CODE: "inline-code",
    InlineStyle.LINK: "link",
    InlineStyle.STRIKE: "strike",
    InlineStyle.SUPERSCRIPT: "sup",
    InlineStyle.SUBSCRIPT: "sub",
    InlineStyle.FOOTNOTE: "footnote",
}
_BLOCK_DECORATIONS = {
    BlockKind.QUOTE: "quote",
    BlockKind.CODE: "code",
    BlockKind.TABLE: "code",
    BlockKind.VERSE: "verse",
    BlockKind.NOTE: "note",
}
_MARKED = frozenset({BlockKind.LIST_ITEM, BlockKind.NOTE})
"""Kinds whose first row carries their `marker` in the indent (`•`, `3.`, `[1]`)."""


class Position(NamedTuple):
    """Where the reader is: the cursor's block, the offsets of the first and last visible
    characters' rows, and progress."""

    block: int
    offset: int
    percent: int
    end: int = 0
    """The offset just past the last visible row."""


class Place(NamedTuple):
    """A place to come back to: the top row at a column width, the text there, the cursor."""

    row: int
    offset: int
    width: int
    cursor: int


class DocumentView(ScrollView, can_focus=True):
    """Scrolls a document; a reading cursor marks the current paragraph."""

    HELP_SECTION = "Reading"
    BINDINGS = [
        Binding("j,down,e,ctrl+e", "line_down", "one line down", id="line-down", show=False),
        Binding("k,up,y,ctrl+y", "line_up", "one line up", id="line-up", show=False),
        Binding("space,pagedown,f,ctrl+f,ctrl+v", "page_down", "one page down", id="page-down", show=False),
        Binding("b,pageup,ctrl+b", "page_up", "one page up", id="page-up", show=False),
        Binding("d,ctrl+d", "half_page_down", "half a page down", id="half-page-down", show=False),
        Binding("u,ctrl+u", "half_page_up", "half a page up", id="half-page-up", show=False),
        Binding("g,home,less_than_sign", "top", "top, or ¶ N after a count (120g)", id="top", show=False),
        Binding("G,end,greater_than_sign", "bottom", "end, or ¶ N after a count", id="bottom", show=False),
        Binding("percent_sign,p", "percent", "N% of the way through (50%)", id="percent", show=False),
        Binding(
            "right_curly_bracket",
            "next_paragraph",
            "next paragraph (the reading cursor)",
            id="next-paragraph",
        ),
        Binding("left_curly_bracket", "previous_paragraph", "previous paragraph", id="previous-paragraph"),
        Binding("minus", "narrower", "narrower text column", id="narrower", show=False),
        Binding("plus", "wider", "wider text column", id="wider", show=False),
        Binding(
            "equals_sign",
            "reset_measure",
            "text column back to its default width",
            id="reset-width",
            show=False,
        ),
        # Mentions, links and note references are the text's links: tab moves between them, as in a browser.
        Binding("tab", "next_mention", "next mention, link or note reference", id="next-mention", show=False),
        Binding(
            "shift+tab",
            "previous_mention",
            "previous mention, link or note",
            id="previous-mention",
            show=False,
        ),
        Binding(
            "enter",
            "open_mention",
            "open the entry, follow the link or note; a clipped table, whole",
            id="open-mention",
            show=False,
        ),
    ]
    HELP_EXTRAS = [
        ("0-9", "a count before a motion: 5j, 120g, 50%"),
        ("mouse wheel", "scroll"),
        ("click / mouse over", "open a mention's entry / show its summary"),
    ]
    """Keys that are not bindings (digits are read as they come), for the help screen."""

    DEFAULT_CSS = """
    DocumentView {
        background: $background;
        color: $foreground;
        scrollbar-gutter: stable;
        overflow-x: hidden;
    }
    """

    measure: reactive[int] = reactive(DEFAULT_MEASURE)
    cursor: reactive[int] = reactive(0)
    linked: reactive[LinkedDocument | None] = reactive(None)
    """The document's mentions (bound from the screen once the glossary is linked)."""
    marks: reactive[Marks] = reactive(Marks.FIRST)
    """Which mentions are marked in the text (all of them are reachable all the same)."""

    class PositionChanged(Message):
        """The cursor or the scroll position moved (only the latest one matters)."""

        def __init__(self, position: Position) -> None:
            super().__init__()
            self.position = position

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, DocumentView.PositionChanged)

    class MentionActivated(Message):
        """The reader asked for the entry of a mention (enter on the ring, or a click)."""

        def __init__(self, title: str) -> None:
            super().__init__()
            self.title = title

    class LinkActivated(Message):
        """The reader followed a link (enter on the ring, or a click)."""

        def __init__(self, href: str) -> None:
            super().__init__()
            self.href = href

    class NoteActivated(Message):
        """The reader followed a footnote reference (the one at `offset`) to its note."""

        def __init__(self, key: str, offset: int) -> None:
            super().__init__()
            self.key = key
            self.offset = offset

    class LaidOut(Message):
        """The view has its size and its first layout: motions now mean what they say."""

    class ShowWhole(Message):
        """Show block `block` whole: it is wider than the column (`enter` on it)."""

        def __init__(self, block: int) -> None:
            super().__init__()
            self.block = block

    class Notice(Message):
        """Something the reader should be told (the screen decides how)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, document: Document, *, measure: int = DEFAULT_MEASURE, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self.set_reactive(DocumentView.measure, measure)
        self._single_cell = all_single_cell(document.text)
        self._layouts: dict[int, Layout] = {}
        self._current: Layout | None = None
        self._layers: dict[str, Layer] = {}
        self._marked_blocks: frozenset[int] = frozenset()
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._links: dict[str, Style] = {}
        self._count = Count()
        self._pending_end = False
        self._pending_place: Place | None = None
        self._revealed: tuple[int, int] | None = None
        """The block and offset `show_block` brought into view, until the reader moves on."""
        self._pending_steps: list[int] = []
        """`tab`s typed before the mentions were in: each is taken once they are."""
        self._pending_open = False
        self._flash_timer: Timer | None = None
        self._ring: FocusRing | None = None
        self._ring_index: int | None = None
        """Index (into `focus_ring.targets`) of the target with the ring, if any."""
        self._hovered: int | None = None

    # -- layout -----------------------------------------------------------------

    @property
    def column_width(self) -> int:
        """Width of the text column: the measure, or less on a narrow terminal."""
        available = self.scrollable_content_region.width - GUTTER
        return max(8, min(self.measure, available))

    @property
    def text_layout(self) -> Layout:
        """The layout for the current column width, computed on first use."""
        width = self.column_width
        layout = self._layouts.get(width)
        if layout is None:
            if len(self._layouts) >= _LAYOUTS_KEPT:
                self._layouts.pop(next(iter(self._layouts)))
            layout = layout_document(self.document, width, single_cell=self._single_cell)
            self._layouts[width] = layout
        return layout

    @property
    def laid_out(self) -> bool:
        """Whether the view has been sized and laid out (before that, nothing can scroll)."""
        return self._current is not None

    def replace_document(self, document: Document, layout: Layout | None = None) -> None:
        """Swap in the complete document (the head shown so far is a prefix of it),
        keeping the scroll position; `layout` may come precomputed from a worker."""
        self.document = document
        self._single_cell = all_single_cell(document.text)
        self._layouts = {} if layout is None else {layout.width: layout}
        self._ring = None  # the whole document has more links and notes than its head
        if self.laid_out:
            self._relayout()
        if self._pending_end:
            self._pending_end = False
            self.action_bottom()

    def _relayout(self) -> None:
        """Re-wrap for the current width, keeping the same text at the top of the view."""
        old = self._current
        anchor = old.offset_of_row(round(self.scroll_y)) if old is not None else 0
        layout = self.text_layout
        self._current = layout
        self._strips.clear()
        if old is not layout and self.text_selection is not None:
            self.screen.clear_selection()  # its points are rows of the old layout
        self.virtual_size = Size(self.scrollable_content_region.width, layout.height)
        if old is not None and old is not layout and self.scroll_y > 0:
            self._scroll_to_row(layout.row_of_offset(anchor))
        pending, self._pending_place = self._pending_place, None
        if pending is not None and pending.width == layout.width:
            self._scroll_to_row(pending.row)
        if self._revealed is not None and old is not None:
            self._reveal(*self._revealed)
        self.refresh()
        self._post_position()
        if old is None:
            self.post_message(self.LaidOut())

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width > 0 and event.size.height > 0:
            self._relayout()

    def watch_measure(self) -> None:
        if self.laid_out:
            self._relayout()

    def watch_cursor(self) -> None:
        self._strips.clear()
        self.refresh()
        self._post_position()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._keep_cursor_visible()
            self._post_position()
            self.tooltip = None  # the text under the mouse has moved
            self._hovered = None

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._restyle, init=False)

    def _restyle(self) -> None:
        self._styles.clear()
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # -- decorations --------------------------------------------------------------

    def set_layer(self, name: str, layer: Layer | None) -> None:
        """Show (or, with None, remove) a layer of ranges tagged with decoration names."""
        if layer is None:
            self._layers.pop(name, None)
        else:
            self._layers[name] = layer
        self._strips.clear()
        self.refresh()

    def set_marked_blocks(self, blocks: frozenset[int]) -> None:
        """Blocks that carry a mark in the margin (bookmarks)."""
        self._marked_blocks = blocks
        self._strips.clear()
        self.refresh()

    def flash(self, start: int, end: int) -> None:
        """Highlight `[start, end)` for a moment (where a jump landed)."""
        self.set_layer("flash", RangeLayer([(start, end, "flash")]))
        if self._flash_timer is not None:
            self._flash_timer.stop()
        self._flash_timer = self.set_timer(FLASH_SECONDS, lambda: self.set_layer("flash", None))

    # -- mouse selection ---------------------------------------------------------------

    @property
    def selected_range(self) -> tuple[int, int] | None:
        """The `[start, end)` of the text selected with the mouse, if any."""
        selection = self.text_selection
        return None if selection is None else self._selected_range(selection)

    def _selected_range(self, selection: Selection) -> tuple[int, int] | None:
        from reader.app.reading.text_selection import selected_range

        return selected_range(self.document, self.text_layout, selection)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        span = self._selected_range(selection)
        return None if span is None else (self.document.text[span[0] : span[1]], "\n")

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips.clear()
        self.refresh()

    # -- where the reader is ------------------------------------------------------------

    @property
    def position(self) -> Position:
        layout = self.text_layout
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        scrollable = layout.height - height
        percent = 100 if scrollable <= 0 else min(100, round(100 * top / scrollable))
        return Position(self.cursor, layout.offset_of_row(top), percent, self._offset_below(top + height))

    def visible_range(self) -> tuple[int, int]:
        """The document offsets from the top row of the view to just past its bottom row."""
        position = self.position
        return position.offset, position.end

    def _offset_below(self, row: int) -> int:
        layout = self.text_layout
        return layout.offset_of_row(row) if row < layout.height else len(self.document.text)

    @property
    def place(self) -> Place:
        return Place(round(self.scroll_y), self.position.offset, self.column_width, self.cursor)

    def go_to(self, place: Place) -> None:
        """Back to `place`: the same row at the same width, else the same text on top (and
        the same row after all, if a resize under way brings the width back: a pane that
        closed with this step)."""
        self._pending_place = None if place.width == self.column_width else place
        self._revealed = None
        if place.width == self.column_width:
            self._scroll_to_row(place.row)
        elif place.offset == 0:
            self._scroll_to_row(0)
        else:
            self._scroll_to_row(self.text_layout.row_of_offset(place.offset))
        if self.document.blocks:
            self.cursor = min(place.cursor, len(self.document.blocks) - 1)

    def resume(self, offset: int, cursor: int | None = None) -> None:
        """Put `offset` on the top row (a saved reading position) and the cursor on `cursor`
        (or on the block at the top)."""
        row = self.text_layout.row_of_offset(offset)
        self._scroll_to_row(row)
        if self.document.blocks:
            block = self.text_layout.block_at_row(row) if cursor is None else cursor
            self.cursor = max(0, min(block, len(self.document.blocks) - 1))
            self._keep_cursor_visible()

    def _post_position(self) -> None:
        if self.laid_out and self.document.blocks:
            self.post_message(self.PositionChanged(self.position))

    def _keep_cursor_visible(self) -> None:
        """After scrolling, move the cursor onto the view if it has left it: onto the first
        paragraph that starts on screen, or onto the last one at the end of the document."""
        if not self.document.blocks:
            return
        layout = self.text_layout
        top = round(self.scroll_y)
        bottom = top + self.scrollable_content_region.height - 1
        if layout.last_row_of_block(self.cursor) < top or layout.first_row_of_block(self.cursor) > bottom:
            block = layout.block_at_row(top)
            if layout.first_row_of_block(block) < top and layout.last_row_of_block(block) < bottom:
                block = min(block + 1, len(self.document.blocks) - 1) if top > 0 else block
            self.cursor = block

    def _at_end(self) -> bool:
        return round(self.scroll_y) >= round(self.max_scroll_y)

    def show_block(self, block: int, *, offset: int | None = None) -> None:
        """Put the cursor on `block` and bring it (or the row of `offset`) into view.  The row
        of an `offset` (a search hit) stays in view if the view is resized before the reader
        moves on: a search bar that opens with the query pasted into it takes its row once
        the hit is already shown.  (A resize otherwise keeps the text at the top.)"""
        self.cursor = block
        self._revealed = None if offset is None else (block, offset)
        self._reveal(block, offset)

    def _reveal(self, block: int, offset: int | None) -> None:
        layout = self.text_layout
        row = layout.first_row_of_block(block) if offset is None else layout.row_of_offset(offset)
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        last = layout.last_row_of_block(block) if offset is None else row
        if row < top or last >= top + height:
            target = row - 1 if offset is None else row - height // 3
            self._scroll_to_row(max(0, target))

    def show_offset(self, offset: int) -> None:
        """Bring document character `offset` into view, a third of the way down if it was not."""
        self.show_block(self.document.block_at(offset), offset=offset)

    def _scroll_to_row(self, row: float) -> None:
        """Scroll now, without animation; forced, as the scrollbars may not be laid out yet."""
        self.scroll_to(y=row, animate=False, immediate=True, force=True)

    # -- motions --------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """Digits build a count for the next motion (`5j`, `120g`); any other key arms it
        for its own action, which uses it if it is a motion (see `Count`)."""
        self._pending_place = None  # the reader moves on: a resize no longer restores a place
        self._revealed = None
        character = event.character
        digit = character is not None and character.isascii() and character.isdigit()
        if digit and (character != "0" or self._count.pending):
            self._count.digit(int(event.character or "0"))
            event.stop()
            event.prevent_default()
            return
        self._count.arm()

    def on_blur(self) -> None:
        self._count.clear()

    def on_mouse_scroll_down(self) -> None:
        self._revealed = None  # the reader moves on

    def on_mouse_scroll_up(self) -> None:
        self._revealed = None

    def _scroll_rows(self, rows: float) -> None:
        self._scroll_to_row(self.scroll_y + rows)
        if rows > 0 and self._at_end() and self.document.blocks:
            self.cursor = len(self.document.blocks) - 1

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 2)

    def action_line_down(self) -> None:
        self._scroll_rows(self._count.take())

    def action_line_up(self) -> None:
        self._scroll_rows(-self._count.take())

    def action_page_down(self) -> None:
        self._scroll_rows(self._page * self._count.take())

    def action_page_up(self) -> None:
        self._scroll_rows(-self._page * self._count.take())

    def action_half_page_down(self) -> None:
        self._scroll_rows(max(1, self.scrollable_content_region.height // 2) * self._count.take())

    def action_half_page_up(self) -> None:
        self._scroll_rows(-max(1, self.scrollable_content_region.height // 2) * self._count.take())

    def action_top(self) -> None:
        count = self._count.take_optional()
        if count is not None:
            self.go_to_paragraph(count - 1)
            return
        self._scroll_to_row(0)
        self.cursor = 0

    def action_bottom(self) -> None:
        count = self._count.take_optional()
        if count is not None:
            self.go_to_paragraph(count - 1)
            return
        if not self.document.complete:
            self._pending_end = True  # jump once the rest of the document is in
        self._scroll_to_row(self.max_scroll_y)
        if self.document.blocks:
            self.cursor = len(self.document.blocks) - 1

    def action_percent(self) -> None:
        self.go_to_percent(self._count.take(0))

    def go_to_paragraph(self, block: int) -> None:
        """The cursor onto `block` (clamped to the document), its first row near the top."""
        if not self.document.blocks:
            return
        block = max(0, min(block, len(self.document.blocks) - 1))
        self.cursor = block
        self._scroll_to_row(max(0, self.text_layout.first_row_of_block(block) - 1))

    def go_to_percent(self, percent: float) -> None:
        row = percent_row(round(percent), self.text_layout.height, self.scrollable_content_region.height)
        self._scroll_to_row(row)
        if self.document.blocks:
            self.cursor = self.text_layout.block_at_row(row)
            self._keep_cursor_visible()
            if percent >= 100:
                self.cursor = len(self.document.blocks) - 1

    def action_next_paragraph(self) -> None:
        target = min(self.cursor + self._count.take(), len(self.document.blocks) - 1)
        if target > self.cursor:
            self.show_block(target)

    def action_previous_paragraph(self) -> None:
        target = max(self.cursor - self._count.take(), 0)
        if target < self.cursor:
            self.show_block(target)

    def action_narrower(self) -> None:
        self.measure = max(MIN_MEASURE, min(self.measure, self.column_width) - MEASURE_STEP)

    def action_wider(self) -> None:
        self.measure = min(MAX_MEASURE, self.measure + MEASURE_STEP)

    def action_reset_measure(self) -> None:
        self.measure = self._default_measure

    _default_measure = DEFAULT_MEASURE

    def set_default_measure(self, measure: int) -> None:
        """The width `=` goes back to (the settings file's `column_width`)."""
        self._default_measure = measure

    # -- the focus ring: mentions, links, footnote references --------------------------

    @property
    def focus_ring(self) -> FocusRing:
        """What `tab` reaches, in reading order (built on first use, again when the
        document or its mentions change)."""
        if self._ring is None:
            mentions = self.linked.mentions if self.linked is not None else []
            self._ring = FocusRing(self.document, mentions)
        return self._ring

    @property
    def focused_target(self) -> Target | None:
        ring, index = self._ring, self._ring_index
        return None if ring is None or index is None else ring.targets[index]

    @property
    def focused_mention(self) -> int | None:
        """The index (among the linked document's mentions) of the mention with the ring."""
        target = self.focused_target
        return None if target is None or target.kind is not TargetKind.MENTION else target.mention

    def watch_linked(self, linked: LinkedDocument | None) -> None:
        self._forget_ring()
        self._hovered = None
        self._mark_mentions()
        if linked is not None and linked.linked and self._pending_steps:
            steps, self._pending_steps = self._pending_steps, []
            for direction in steps:
                self._step_ring(direction)
            if self._pending_open:
                self._pending_open = False
                self.action_open_mention()

    def _forget_ring(self) -> None:
        self._ring = None
        self._ring_index = None
        self.set_layer("mention-focus", None)

    def watch_marks(self) -> None:
        self._mark_mentions()

    def _mark_mentions(self) -> None:
        linked = self.linked
        self.set_layer(
            "mentions", linked.marked(self.marks) if linked is not None and linked.mentions else None
        )

    def action_next_mention(self) -> None:
        self._step_ring(1)

    def action_previous_mention(self) -> None:
        self._step_ring(-1)

    def _step_ring(self, direction: int) -> None:
        """The ring to the next (or previous) mention, link or note reference: from the one
        it is on if that is on screen, else from the top (or bottom) of the screen."""
        linked = self.linked
        if linked is None or not linked.linked:
            # Carried out when the mentions arrive (`watch_linked`), every tab typed.
            if not self._pending_steps:
                self.post_message(self.Notice("Finding the glossary's mentions… (tab will go there)"))
            self._pending_steps.append(direction)
            return
        ring = self.focus_ring
        index = ring.step(self._ring_index, self.visible_range(), direction)
        if index is None:
            self.post_message(self.Notice("Nothing to reach here: no glossary mention, link or note"))
            return
        self._put_ring(index)
        self.show_offset(ring.targets[index].start)

    def _put_ring(self, index: int | None) -> None:
        self._ring_index = index
        target = self.focused_target
        if target is None:
            self.set_layer("mention-focus", None)
        else:
            self.set_layer("mention-focus", RangeLayer([(target.start, target.end, "mention-focus")]))

    def ring_mention(self, index: int | None) -> None:
        """Put the focus ring on mention `index` (None takes the ring away)."""
        linked = self.linked
        if index is None or linked is None or not 0 <= index < len(linked.mentions):
            self._put_ring(None)
            return
        self._put_ring(self.focus_ring.index_of_mention(index))

    def action_open_mention(self) -> None:
        """enter: open what the ring is on (an entry, a link, a note); without a ring, a
        clipped table whole."""
        if self._pending_steps:
            self._pending_open = True  # tab, then enter, before the mentions were in
            return
        target = self.focused_target
        if target is None:
            if self._cursor_block_is_clipped():
                self.post_message(self.ShowWhole(self.cursor))
                return
            self.post_message(self.Notice("Press tab to reach a mention, a link or a note, then enter"))
            return
        self._activate(target)

    def _activate(self, target: Target) -> None:
        if target.kind is TargetKind.MENTION and self.linked is not None:
            self.post_message(self.MentionActivated(self.linked.mentions[target.mention].title))
        elif target.kind is TargetKind.LINK:
            self.post_message(self.LinkActivated(target.href))
        elif target.kind is TargetKind.NOTE:
            self.post_message(self.NoteActivated(target.href, target.start))

    def _cursor_block_is_clipped(self) -> bool:
        """Whether the cursor's block is a table or program output wider than the column."""
        return self.laid_out and self.cursor in self.text_layout.clipped

    def _target_under(self, x: int, y: int) -> int | None:
        offset = self.offset_at(x, y)
        return None if offset is None else self.focus_ring.at(offset)

    def on_click(self, event: events.Click) -> None:
        index = self._target_under(event.x, event.y)
        if index is not None:
            self._put_ring(index)
            self._activate(self.focus_ring.targets[index])

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """The mouse over a mention shows its entry's summary; over a link, where it leads."""
        index = self._target_under(event.x, event.y)
        if index == self._hovered:
            return
        self._hovered = index
        self.tooltip = None if index is None else self._target_tooltip(self.focus_ring.targets[index])

    def _target_tooltip(self, target: Target) -> Text | None:
        if target.kind is TargetKind.LINK:
            return Text(one_line(target.href))
        if target.kind is TargetKind.NOTE:
            return Text("a note: enter (or a click) goes there, backspace comes back")
        entry = None if self.linked is None else self.linked.entry_of(self.linked.mentions[target.mention])
        return None if entry is None else Text.assemble((entry.title, "bold"), f"\n{entry.summary}")

    # -- rendering --------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        """The style of a decoration (see `decorations`) in the current theme."""
        style = self._styles.get(name)
        if style is None:
            style = decoration_style(name, self.app.theme_variables)
            self._styles[name] = style
        return style

    def _hyperlink(self, href: str) -> Style:
        """An OSC 8 terminal hyperlink for a link (a terminal that knows them lets it be
        clicked); none for an in-page anchor or anything but plain ASCII."""
        style = self._links.get(href)
        if style is None:
            from reader.core.links import hyperlink, link_target  # not before the first paint

            target = link_target(href, self.document.source)
            url = None if target is None else hyperlink(target)
            style = self._links[href] = Style(link=url) if url else Style()
        return style

    def _text_left(self) -> int:
        """Cells from the widget's left edge to the text column (the gutter before it)."""
        width = self.scrollable_content_region.width
        return max(0, (width - self.text_layout.width - GUTTER) // 2) + GUTTER

    def offset_at(self, x: int, y: int) -> int | None:
        """The document offset of the character at widget coordinates `(x, y)`, if any."""
        if not self.laid_out:
            return None
        layout = self.text_layout
        info = layout.info(round(self.scroll_y) + y)
        if info.text_row < 0:
            return None
        block = self.document.blocks[info.block]
        cell = x - self._text_left() - block_indent(block)
        if cell < 0:
            return None
        start, end = layout.row_start[info.text_row], layout.row_end[info.text_row]
        used = 0
        for index, character in enumerate(self.document.text[start:end]):
            used += get_character_cell_size(character)
            if cell < used:
                return start + index
        return None

    def render_line(self, y: int) -> Strip:
        row = round(self.scroll_y) + y
        strip = self._strips.get(row)
        if strip is None:
            strip = self._render_row(row)
            self._strips[row] = strip
        return strip

    def _render_row(self, row: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        layout = self.text_layout
        if row >= layout.height:
            return Strip.blank(width, base).apply_offsets(0, row)
        margin = self._text_left()
        line = Text(" " * (margin - GUTTER), style=base, end="")
        info = layout.info(row)
        if info.block < 0:
            line.append(" " * GUTTER)
            header = layout.header[row]
            is_date = self.document.date is not None and header == self.document.date
            line.append(header, self._style("date" if is_date else "title"))
        elif info.text_row >= 0:
            self._append_text_row(line, info.block, info.text_row, info.first, layout)
            margin += block_indent(self.document.blocks[info.block])
            self._show_selection(line, row, margin)
        # Every segment carries a style: Textual's NO_COLOR filter expects one.
        segments = [Segment(text, style or base) for text, style, _ in line.render(self.app.console) if text]
        # Offsets for Textual's mouse selection: (character in the row's text, layout row).
        return Strip(segments).extend_cell_length(width, base).crop(0, width).apply_offsets(-margin, row)

    def _show_selection(self, line: Text, row: int, margin: int) -> None:
        """Highlight the part of a text row (after `margin` characters) under the mouse selection."""
        selection = self.text_selection
        if selection is None:
            return
        from reader.app.reading.text_selection import row_span

        span = row_span(selection, row, len(line) - margin)
        if span is not None:
            line.stylize(self._style("selection"), margin + span[0], margin + span[1])

    def _append_text_row(self, line: Text, index: int, text_row: int, first: bool, layout: Layout) -> None:
        document = self.document
        block = document.blocks[index]
        line.append(BOOKMARK_MARK if index in self._marked_blocks else " ", self._style("bookmark"))
        line.append(CURSOR_MARK if index == self.cursor else " ", self._style("cursor"))
        line.append(" ")
        indent = block_indent(block)
        if block.kind is BlockKind.QUOTE:
            line.append(QUOTE_BAR * max(1, block.level), self._style("quote-bar"))
        elif block.kind in _MARKED:
            marker = block.marker if first else ""
            line.append(f"{marker:>{indent - 1}} ", self._style("marker"))
        elif indent:
            line.append(" " * indent)
        start, end = layout.row_start[text_row], layout.row_end[text_row]
        text = Text(document.text[start:end], end="")
        if block.kind is BlockKind.HEADING:
            block_decoration: str | None = f"heading-{min(4, max(1, block.level))}"
        else:
            block_decoration = _BLOCK_DECORATIONS.get(block.kind)
        if block_decoration:
            text.stylize(self._style(block_decoration))
        for span in block.spans:
            if span.start < end and span.end > start:
                style = self._style(_INLINE_DECORATIONS[span.style])
                if span.style is InlineStyle.LINK:
                    style += self._hyperlink(span.href)
                text.stylize(style, span.start - start, span.end - start)
        for name in _LAYER_ORDER:
            layer = self._layers.get(name)
            if layer is None:
                continue
            for range_start, range_end, tag in layer.overlapping(start, end):
                text.stylize(self._style(tag), max(0, range_start - start), range_end - start)
        room = layout.width - indent
        if not block.kind.wraps and text.cell_len > room:
            text.truncate(max(0, room - 1))
            text.append(CLIPPED_MARK, self._style("clipped"))
        line.append_text(text)
