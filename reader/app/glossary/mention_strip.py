"""One row showing where in the document an entry is mentioned: each cell is a slice of
the text, marked where a mention falls.  `left`/`right` pick a mark, `enter` (or a
click) jumps there, so the strip is a map of the book and a way around it.
"""

from __future__ import annotations

import bisect

from rich.text import Text
from textual.binding import Binding
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from reader.core.glossary.linker import Mention

MARK = "┃"
SLICE = "─"


def mention_cells(mentions: list[Mention], length: int, width: int) -> dict[int, Mention]:
    """The cell (of `width` over `length` characters) of each mention: the first one wins."""
    cells: dict[int, Mention] = {}
    if width <= 0 or length <= 0:
        return cells
    for mention in mentions:
        cells.setdefault(min(width - 1, mention.start * width // length), mention)
    return cells


class MentionStrip(Widget, can_focus=True):
    """The whole document in one row, a mark where each mention of an entry is."""

    HELP_SECTION = "Glossary pane"
    BINDINGS = [
        Binding("left", "move(-1)", "mention strip: previous mark", id="strip.previous", show=False),
        Binding("right", "move(1)", "mention strip: next mark", id="strip.next", show=False),
        Binding("enter", "jump", "mention strip: go to the mark", id="strip.go", show=False),
    ]
    COMPONENT_CLASSES = {"mention-strip--slice", "mention-strip--mark", "mention-strip--selected"}
    DEFAULT_CSS = """
    MentionStrip { height: 1; width: 1fr; }
    MentionStrip > .mention-strip--slice { color: $foreground-muted; text-style: dim; }
    MentionStrip > .mention-strip--mark { color: $accent; text-style: bold; }
    MentionStrip > .mention-strip--selected { text-style: bold reverse; }
    MentionStrip:focus { background: $boost; }
    MentionStrip:focus > .mention-strip--selected { color: $accent; text-style: bold reverse; }
    """

    selected: reactive[int] = reactive(0)
    """Index of the selected mark among the marked cells, left to right."""

    class Selected(Message):
        """A mark was chosen: go to its (first) mention."""

        def __init__(self, mention: Mention) -> None:
            super().__init__()
            self.mention = mention

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._mentions: list[Mention] = []
        self._length = 0

    def show(self, mentions: list[Mention], length: int) -> None:
        """Mark `mentions` over a document of `length` characters."""
        self._mentions = mentions
        self._length = length
        self.selected = 0
        self.refresh()

    def _cells(self) -> dict[int, Mention]:
        return mention_cells(self._mentions, self._length, self.content_region.width)

    def render(self) -> Text:
        width = self.content_region.width
        cells = self._cells()
        marked = sorted(cells)
        chosen = marked[self.selected] if marked and self.selected < len(marked) else -1
        text = Text(no_wrap=True, end="")
        for cell in range(width):
            if cell == chosen:
                text.append(MARK, self.get_component_rich_style("mention-strip--selected"))
            elif cell in cells:
                text.append(MARK, self.get_component_rich_style("mention-strip--mark"))
            else:
                text.append(SLICE, self.get_component_rich_style("mention-strip--slice"))
        return text

    def action_move(self, step: int) -> None:
        count = len(self._cells())
        if count:
            self.selected = (self.selected + step) % count

    def action_jump(self) -> None:
        cells = self._cells()
        marked = sorted(cells)
        if marked:
            self.post_message(self.Selected(cells[marked[min(self.selected, len(marked) - 1)]]))

    def on_click(self, event: Click) -> None:
        """Jump to the mark nearest the cell clicked."""
        marked = sorted(self._cells())
        if not marked:
            return
        index = bisect.bisect_left(marked, event.x)
        nearest = min(
            (i for i in (index - 1, index) if 0 <= i < len(marked)), key=lambda i: abs(marked[i] - event.x)
        )
        self.selected = nearest
        self.action_jump()
