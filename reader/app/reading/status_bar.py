"""The bottom row: reading progress, the paragraph, the chapter, a message, the title, and the
main keys.

One `Static` instead of Textual's `Footer` (a widget per key): it costs a single
row on a 12-row terminal and nothing measurable at start-up.  Whatever the width,
`? help` stays: it is how every other key is found.  Where the chapter's full name does
not fit (`Book Nine, Chapter IV · 40%`), its own title does, and then the paragraph
number gives way to it: on 40 columns the row still says where in the book you are.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from reader.app.reading.document_view import Position
from reader.core.document import paragraph_label

KEY_HINTS = (("}", "next ¶"), ("/", "search"), ("^p", "commands"), ("q", "quit"))
HELP_HINT = ("?", "help")


def _keys(hints: tuple[tuple[str, str], ...]) -> Text:
    keys = Text(no_wrap=True, end="")
    for key, what in hints:
        keys.append(f" {key}", "bold reverse")
        keys.append(f" {what} ")
    return keys


class ChapterShown(NamedTuple):
    """The chapter the cursor is in, and how far into it."""

    name: str
    """Unambiguous: `Book Nine, Chapter IV`."""
    title: str
    """Shorter: `Chapter IV`."""
    percent: int


class StatusBar(Static):
    """`42%  ¶ 3/16  Chapter · 40%  message  Title ...  } next ¶  ? help`, cut to fit."""

    DEFAULT_CSS = """
    StatusBar {
        dock: bottom;
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    position: reactive[Position | None] = reactive(None)
    blocks: reactive[int] = reactive(0)
    message: reactive[str] = reactive("")
    search: reactive[str] = reactive("")
    """The search whose hits are highlighted: `/Napoleon 3/590`."""
    chapter: reactive[ChapterShown | None] = reactive(None)

    def __init__(self, title: str, blocks: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = title
        self.set_reactive(StatusBar.blocks, blocks)

    def render(self) -> Text:
        width = self.content_region.width
        help_key = _keys((HELP_HINT,))
        left = self._where(max(0, width - help_key.cell_len - 1))
        left.append(self.title_text, "dim")
        # The most hints that fit beside the left part, `? help` last and never dropped.
        for count in range(len(KEY_HINTS), -1, -1):
            keys = _keys(KEY_HINTS[:count]) + help_key
            if left.cell_len + keys.cell_len + 2 <= width or count == 0:
                break
        room = max(0, width - keys.cell_len - 1)
        if left.cell_len > room:
            left.truncate(room, overflow="ellipsis")
        gap = max(1, width - left.cell_len - keys.cell_len)
        return Text.assemble(left, " " * gap, keys, no_wrap=True, end="")

    def _where(self, room: int) -> Text:
        """Progress, paragraph, chapter, search and message: the most of them that fit `room`."""
        chapter = self.chapter
        choices = [(True, "")]
        if chapter is not None:
            choices = [(True, chapter.name), (True, chapter.title), (False, chapter.title)]
        for paragraph, name in choices:
            left = Text(no_wrap=True, overflow="ellipsis", end="")
            if self.position is not None:
                left.append(f"{self.position.percent:3d}%", "bold")
                if paragraph:
                    left.append(f"  {paragraph_label(self.position.block)}/{self.blocks:,}")
                left.append("  ")
            if chapter is not None:
                left.append(f"{name} · {chapter.percent}%  ")
            for extra in (self.search, self.message):
                if extra:
                    left.append(f"{extra}  ", "italic")
            if left.cell_len <= room:
                break
        return left
