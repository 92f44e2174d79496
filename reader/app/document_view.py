"""The reading view: a Line-API `ScrollView` over a `Layout`, drawing only visible rows.

Nothing here knows about parsing or wrapping: the core computes a `Layout` per
width (cached here), and this widget turns the rows the compositor asks for into
`Strip`s, decorated by `RangeLayer`s (mentions, search hits, focus, flash).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.events import Resize
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.app.decorations import decoration_style
from reader.core.document import BlockKind, Document, InlineStyle
from reader.core.layout import QUOTE_BAR, Layout, block_indent, layout_document
from reader.core.ranges import Layer
from reader.core.wrap import all_single_cell

if TYPE_CHECKING:
    from textual.selection import Selection

DEFAULT_MEASURE = 76
MIN_MEASURE = 24
MAX_MEASURE = 240
MEASURE_STEP = 4
GUTTER = 3  # bookmark mark, cursor bar, space
CURSOR_MARK = "▌"
BOOKMARK_MARK = "◆"
_LAYOUTS_KEPT = 4

_INLINE_DECORATIONS = {
    InlineStyle.EMPHASIS: "em",
    InlineStyle.STRONG: "strong",
    InlineStyle.CODE: "inline-code",
    InlineStyle.LINK: "link",
    InlineStyle.STRIKE: "strike",
}
_BLOCK_DECORATIONS = {
    BlockKind.HEADING: "heading",
    BlockKind.QUOTE: "quote",
    BlockKind.CODE: "code",
    BlockKind.TABLE: "code",
    BlockKind.VERSE: "verse",
}


class Position(NamedTuple):
    """Where the reader is: the cursor's block, the top row's offset, and progress."""

    block: int
    offset: int
    percent: int


class DocumentView(ScrollView, can_focus=True):
    """Scrolls a document; a reading cursor marks the current paragraph."""

    BINDINGS = [
        Binding("j,down", "line_down", "Down", show=False),
        Binding("k,up", "line_up", "Up", show=False),
        Binding("space,pagedown", "page_down", "Page", show=False),
        Binding("b,pageup", "page_up", "Page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "End", show=False),
        Binding("right_curly_bracket", "next_paragraph", "Next ¶"),
        Binding("left_curly_bracket", "previous_paragraph", "Prev ¶"),
        Binding("minus", "narrower", "Narrower", show=False),
        Binding("plus", "wider", "Wider", show=False),
        Binding("equals_sign", "reset_measure", "Reset width", show=False),
        # Glossary mentions are the essay's links: tab moves between them, as in a browser.
        Binding("tab", "app.glossary('next_mention')", "Next mention", show=False),
        Binding("shift+tab", "app.glossary('previous_mention')", "Previous mention", show=False),
        Binding("enter", "app.glossary('open_mention')", "Open mention", show=False),
    ]

    DEFAULT_CSS = """
    DocumentView {
        background: $background;
        color: $foreground;
        scrollbar-gutter: stable;
    }
    """

    measure: reactive[int] = reactive(DEFAULT_MEASURE)
    cursor: reactive[int] = reactive(0)

    class PositionChanged(Message):
        """The cursor or the scroll position moved."""

        def __init__(self, position: Position) -> None:
            super().__init__()
            self.position = position

    def __init__(self, document: Document, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.document = document
        self._single_cell = all_single_cell(document.text)
        self._layouts: dict[int, Layout] = {}
        self._layers: dict[str, Layer] = {}
        self._marked_blocks: frozenset[int] = frozenset()
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}

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

    def replace_document(self, document: Document, layout: Layout | None = None) -> None:
        """Swap in the complete document (the head shown so far is a prefix of it),
        keeping the scroll position; `layout` may come precomputed from a worker."""
        self.document = document
        self._single_cell = all_single_cell(document.text)
        self._layouts = {} if layout is None else {layout.width: layout}
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
        self.refresh()
        self._post_position()

    _current: Layout | None = None
    _pending_end = False

    def on_resize(self, event: Resize) -> None:
        self._relayout()

    def watch_measure(self) -> None:
        if self.is_mounted:
            self._relayout()

    def watch_cursor(self, old: int, new: int) -> None:
        self._strips.clear()
        self.refresh()
        self._post_position()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._keep_cursor_visible()
            self._post_position()

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
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

    # -- mouse selection ---------------------------------------------------------------

    @property
    def selected_range(self) -> tuple[int, int] | None:
        """The `[start, end)` of the text selected with the mouse, if any."""
        selection = self.text_selection
        return None if selection is None else self._selected_range(selection)

    def _selected_range(self, selection: Selection) -> tuple[int, int] | None:
        from reader.app.text_selection import selected_range

        return selected_range(self.document, self.text_layout, selection)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        span = self._selected_range(selection)
        return None if span is None else (self.document.text[span[0] : span[1]], "\n")

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips.clear()
        self.refresh()

    # -- position -------------------------------------------------------------------

    @property
    def position(self) -> Position:
        layout = self.text_layout
        top = round(self.scroll_y)
        scrollable = layout.height - self.scrollable_content_region.height
        percent = 100 if scrollable <= 0 else min(100, round(100 * top / scrollable))
        return Position(self.cursor, layout.offset_of_row(top), percent)

    def _post_position(self) -> None:
        if self.is_mounted and self.document.blocks:
            self.post_message(self.PositionChanged(self.position))

    def _keep_cursor_visible(self) -> None:
        """After scrolling, move the cursor onto the view if it has left it."""
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

    def scroll_to_block(self, block: int, *, offset: int | None = None) -> None:
        """Put the cursor on `block` and bring it (or the row of `offset`) into view."""
        self.cursor = block
        layout = self.text_layout
        row = layout.first_row_of_block(block) if offset is None else layout.row_of_offset(offset)
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        last = layout.last_row_of_block(block) if offset is None else row
        if row < top or last >= top + height:
            target = row - 1 if offset is None else row - height // 3
            self._scroll_to_row(max(0, target))

    def scroll_to_offset(self, offset: int) -> None:
        """Show document character `offset` a third of the way down the view."""
        self.scroll_to_block(self.document.block_at(offset), offset=offset)

    def restore(self, offset: int) -> None:
        """Scroll so that `offset` is on the top row (resuming a reading position)."""
        row = self.text_layout.row_of_offset(offset)
        self._scroll_to_row(row)
        self.cursor = self.text_layout.block_at_row(row)

    def _scroll_to_row(self, row: float) -> None:
        """Scroll now, without animation; forced, as the scrollbars may not be laid out yet."""
        self.scroll_to(y=row, animate=False, immediate=True, force=True)

    # -- actions ----------------------------------------------------------------------

    def action_line_down(self) -> None:
        self._scroll_to_row(self.scroll_y + 1)

    def action_line_up(self) -> None:
        self._scroll_to_row(self.scroll_y - 1)

    def action_page_down(self) -> None:
        self._scroll_to_row(self.scroll_y + max(1, self.scrollable_content_region.height - 2))

    def action_page_up(self) -> None:
        self._scroll_to_row(self.scroll_y - max(1, self.scrollable_content_region.height - 2))

    def action_top(self) -> None:
        self._scroll_to_row(0)
        self.cursor = 0

    def action_bottom(self) -> None:
        if not self.document.complete:
            self._pending_end = True  # jump once the rest of the document is in
        self._scroll_to_row(self.max_scroll_y)
        if self.document.blocks:
            self.cursor = len(self.document.blocks) - 1

    def action_next_paragraph(self) -> None:
        if self.cursor + 1 < len(self.document.blocks):
            self.scroll_to_block(self.cursor + 1)

    def action_previous_paragraph(self) -> None:
        if self.cursor > 0:
            self.scroll_to_block(self.cursor - 1)

    def action_narrower(self) -> None:
        self.measure = max(MIN_MEASURE, min(self.measure, self.column_width) - MEASURE_STEP)

    def action_wider(self) -> None:
        self.measure = min(MAX_MEASURE, self.measure + MEASURE_STEP)

    def action_reset_measure(self) -> None:
        self.measure = DEFAULT_MEASURE

    # -- rendering --------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        """The style of a decoration (see `reader.app.decorations`) in the current theme."""
        style = self._styles.get(name)
        if style is None:
            style = decoration_style(name, self.app.theme_variables)
            self._styles[name] = style
        return style

    def _text_left(self) -> int:
        """Cells from the widget's left edge to the text column (the gutter before it)."""
        width = self.scrollable_content_region.width
        return max(0, (width - self.text_layout.width - GUTTER) // 2) + GUTTER

    def offset_at(self, x: int, y: int) -> int | None:
        """The document offset of the character at widget coordinates `(x, y)`, if any."""
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
        from reader.app.text_selection import row_span

        span = row_span(selection, row, len(line) - margin)
        if span is not None:
            # Without colour the theme's selection colours become one grey: reverse instead.
            if self.app.no_color:
                style = Style(reverse=True)
            else:
                style = self.screen.get_component_rich_style("screen--selection")
            line.stylize(style, margin + span[0], margin + span[1])

    def _append_text_row(self, line: Text, index: int, text_row: int, first: bool, layout: Layout) -> None:
        document = self.document
        block = document.blocks[index]
        line.append(BOOKMARK_MARK if index in self._marked_blocks else " ", self._style("bookmark"))
        line.append(CURSOR_MARK if index == self.cursor else " ", self._style("cursor"))
        line.append(" ")
        indent = block_indent(block)
        if block.kind is BlockKind.QUOTE:
            line.append(QUOTE_BAR * max(1, block.level), self._style("quote-bar"))
        elif block.kind is BlockKind.LIST_ITEM:
            marker = block.marker if first else ""
            line.append(f"{marker:>{indent - 1}} ", self._style("marker"))
        elif indent:
            line.append(" " * indent)
        start, end = layout.row_start[text_row], layout.row_end[text_row]
        text = Text(document.text[start:end], end="")
        block_decoration = _BLOCK_DECORATIONS.get(block.kind)
        if block_decoration:
            text.stylize(self._style(block_decoration))
        for span in block.spans:
            if span.start < end and span.end > start:
                text.stylize(
                    self._style(_INLINE_DECORATIONS[span.style]), span.start - start, span.end - start
                )
        for layer in self._layers.values():
            for range_start, range_end, tag in layer.overlapping(start, end):
                text.stylize(self._style(tag), max(0, range_start - start), range_end - start)
        line.append_text(text)
