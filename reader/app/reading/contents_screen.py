"""`c`: the contents, in their nesting, with the chapter you are in marked and how much of
each you have read; `enter` goes to one.

A modal list like the bookmark list, focused as it opens (so `c` then `enter`, typed
at once, goes where the reader meant: see `KeyGate`).  What has been read is counted up
to the furthest point the screen passes in.  Nothing is coloured: the mark is a glyph
in bold, and the amounts are words and numbers, legible in every theme and under
`NO_COLOR`.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.app.option_list import SafeOptionList
from reader.core.contents import Chapter, Contents

HERE = "▶"
HINT = "enter go · j/k move · escape close"
EMPTY = "No chapters: this document has no headings. ] and [ step through chapters where there are."


def _read(fraction: float) -> str:
    """`read`, `40%`, or nothing: how much of a chapter lies behind the reader."""
    if fraction >= 1:
        return "read"
    return f"{int(100 * fraction)}%" if fraction > 0 else ""


def chapter_prompt(chapter: Chapter, read: float, *, current: bool) -> Text:
    """`▶  40%  Chapter IV`: the mark, how much is read, the title indented by its depth."""
    prompt = Text(no_wrap=True, overflow="ellipsis", end="")
    prompt.append(f"{HERE if current else ' '} ", "bold")
    prompt.append(f"{_read(read):>4}  ")
    prompt.append("  " * (chapter.level - 1))
    prompt.append(chapter.title, "bold" if current or chapter.level == 1 else "")
    return prompt


class ContentsScreen(ModalScreen[int | None]):
    """The chapters; dismissed with the first block of the one to go to, or None (a block, not
    an index: a large book's chapters are found again once the whole of it is in)."""

    HELP_SECTION = "Contents"
    BINDINGS = [
        Binding("escape,q,c", "close", "close the contents", id="contents.close"),
        Binding("j", "cursor(1)", "next chapter in the list", id="contents.down", show=False),
        Binding("k", "cursor(-1)", "previous chapter in the list", id="contents.up", show=False),
    ]
    HELP_EXTRAS = [("enter", "go to the chapter (backspace comes back)")]

    DEFAULT_CSS = """
    ContentsScreen { align: center middle; }
    ContentsScreen > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ContentsScreen .list-title { text-style: bold; color: $accent; }
    ContentsScreen .list-hint, ContentsScreen .list-empty { color: $text-muted; }
    ContentsScreen .list-hint { dock: bottom; }
    ContentsScreen .list-title, ContentsScreen .list-hint { text-wrap: nowrap; text-overflow: ellipsis; }
    ContentsScreen OptionList { max-height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, contents: Contents, current: int | None, furthest: int, *, loading: bool) -> None:
        super().__init__()
        self._contents = contents
        self._current = current
        self._furthest = furthest
        self._loading = loading

    def compose(self) -> ComposeResult:
        contents = self._contents
        count = len(contents)
        title = f"Contents · {count} chapter{'' if count == 1 else 's'} · {contents.document.title}"
        read = contents.read(self._furthest)
        with Vertical():
            loading = " · the rest is loading" if self._loading else ""
            yield Static(title + loading, classes="list-title", markup=False)
            if not count:
                yield Static(EMPTY, classes="list-empty", markup=False)
            options = SafeOptionList(
                *(
                    Option(chapter_prompt(chapter, read[index], current=index == self._current))
                    for index, chapter in enumerate(contents.chapters)
                ),
                compact=True,
            )
            options.display = bool(count)
            yield options
            yield Static(HINT, classes="list-hint", markup=False)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self._contents.chapters:
            options.highlighted = self._current or 0
            options.focus()
            self.call_after_refresh(self._show_current, options)

    @staticmethod
    def _show_current(options: OptionList) -> None:
        """Where the reader is, a third of the way down the list, with what leads to it above
        (once the list knows its rows)."""
        options.scroll_to_highlight(top=True)
        above = max(0, options.scroll_y - options.size.height // 3)
        options.scroll_to(y=above, animate=False, immediate=True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._contents.chapters[event.option_index].block)

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
