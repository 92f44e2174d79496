"""`'` or `B`: the document's bookmarks, to jump to, annotate or delete."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.app.bookmarks.keeper import BookmarkKeeper
from reader.app.option_list import SafeOptionList
from reader.core.bookmarks.labels import excerpt, local_date, place
from reader.core.bookmarks.model import Bookmark
from reader.core.sanitize import one_line

_EXCERPT = 160
EMPTY = (
    "No bookmarks in this document yet: m bookmarks the paragraph at the cursor "
    "(or the text selected with the mouse)."
)
HINT = "enter jump · e edit note · d delete · u undo delete · escape close"
LOADING = "Loading the bookmarks…"


def bookmark_prompt(bookmark: Bookmark) -> Text:
    """Two lines: where and when, with the passage; then the note (or why it is lost)."""
    prompt = Text(no_wrap=True, overflow="ellipsis", end="")
    prompt.append(f"{place(bookmark.block):<7}", "bold")
    prompt.append(f"{local_date(bookmark.created)}  ", "dim")
    prompt.append(excerpt(bookmark.exact, _EXCERPT), "italic")
    if bookmark.orphan:
        prompt.append("\n       no longer found in this text: it was edited since", "bold")
    if bookmark.note:
        prompt.append("\n       ✎ ")
        prompt.append(one_line(" ".join(bookmark.note.split())))
    return prompt


class BookmarkList(ModalScreen[Bookmark | None]):
    """The bookmarks in reading order, lost ones last; dismissed with the one to jump to."""

    HELP_SECTION = "Bookmark list"
    BINDINGS = [
        Binding("escape,q", "close", "close the list", id="bookmarks.close"),
        Binding("e", "edit", "edit the note", id="bookmarks.edit"),
        Binding("d,delete", "delete", "delete the bookmark", id="bookmarks.delete"),
        Binding("u", "undo", "undo the last delete", id="bookmarks.undo"),
        Binding("j", "cursor(1)", "next bookmark", id="bookmarks.down", show=False),
        Binding("k", "cursor(-1)", "previous bookmark", id="bookmarks.up", show=False),
    ]
    HELP_EXTRAS = [("enter", "jump to the bookmark")]

    DEFAULT_CSS = """
    BookmarkList { align: center middle; }
    BookmarkList > Vertical {
        width: 96; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    BookmarkList .list-title { text-style: bold; color: $accent; }
    BookmarkList .list-hint, BookmarkList .list-empty { color: $text-muted; }
    BookmarkList .list-title, BookmarkList .list-hint { text-wrap: nowrap; text-overflow: ellipsis; }
    BookmarkList OptionList { max-height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, keeper: BookmarkKeeper, title: str) -> None:
        super().__init__()
        self._keeper = keeper
        self._title = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(classes="list-title", markup=False)
            yield Static(EMPTY, classes="list-empty", markup=False)
            yield SafeOptionList(compact=True)
            yield Static(HINT, classes="list-hint", markup=False)

    def on_mount(self) -> None:
        self.watch(self._keeper, "bookmarks", self.refresh_bookmarks)

    @property
    def _options(self) -> OptionList:
        return self.query_one(OptionList)

    def refresh_bookmarks(self) -> None:
        """Show the keeper's bookmarks again (after an edit, a delete or an undo)."""
        if not self.is_attached:
            return  # closed while the store was at work
        loaded = self._keeper.bookmarks
        bookmarks = loaded or []
        options = self._options
        highlighted = options.highlighted
        options.set_options(Option(bookmark_prompt(b), id=str(b.id)) for b in bookmarks)
        if bookmarks:
            options.highlighted = min(highlighted or 0, len(bookmarks) - 1)
        options.display = bool(bookmarks)
        empty = self.query_one(".list-empty", Static)
        empty.update(LOADING if loaded is None else EMPTY)
        empty.display = not bookmarks
        count = f"{len(bookmarks)} bookmark{'' if len(bookmarks) == 1 else 's'}"
        self.query_one(".list-title", Static).update(f"Bookmarks · {count} · {self._title}")
        options.focus()

    def _current(self) -> Bookmark | None:
        index = self._options.highlighted
        bookmarks = self._keeper.bookmarks or []
        return bookmarks[index] if index is not None and index < len(bookmarks) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._current())

    def action_cursor(self, step: int) -> None:
        if step > 0:
            self._options.action_cursor_down()
        else:
            self._options.action_cursor_up()

    def action_edit(self) -> None:
        bookmark = self._current()
        if bookmark is not None:
            self._keeper.edit_note(bookmark)

    def action_delete(self) -> None:
        bookmark = self._current()
        if bookmark is not None:
            self._keeper.delete(bookmark)

    def action_undo(self) -> None:
        self._keeper.undo_delete()

    def action_close(self) -> None:
        self.dismiss(None)
