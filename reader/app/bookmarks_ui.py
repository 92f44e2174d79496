"""Bookmarks in the app: `m` to bookmark, `'`/`B` to list, `u` to undo a delete; and the
reading position and theme kept with them.

`BookmarkKeeper` is an invisible widget the app mounts after the first paint.
It opens the store (see `StoreAccess`), loads the bookmarks of the complete
document, marks their paragraphs in the margin and resumes the reading position;
the app's bindings and palette commands call its methods.  Nothing here imports
the store or the screens until they are needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.timer import Timer
from textual.widget import Widget

from reader.core.bookmarks.labels import excerpt, paragraph_label
from reader.app.document_view import DocumentView, Position
from reader.app.reading_state import ReadingState
from reader.app.store_access import StoreAccess
from reader.core.document import Document
from reader.core.ranges import RangeLayer

if TYPE_CHECKING:
    from reader.core.bookmarks import Bookmark, BookmarkStore

UNDO_SECONDS = 8.0
"""How long `u` can bring a deleted bookmark back."""
FLASH_SECONDS = 1.5
FLASH_LAYER = "bookmark-flash"


def covered_blocks(document: Document, bookmarks: Iterable[Bookmark]) -> frozenset[int]:
    """Every block a found (not orphaned) bookmark's passage touches."""
    blocks: set[int] = set()
    for bookmark in bookmarks:
        if not bookmark.orphan and bookmark.end > bookmark.start:
            blocks.update(range(document.block_at(bookmark.start), document.block_at(bookmark.end - 1) + 1))
    return frozenset(blocks)


def passage_at(view: DocumentView) -> tuple[int, int] | None:
    """What `m` bookmarks: the mouse selection, trimmed of blank space and widened to whole
    words (a drag rarely starts exactly on one), else the cursor's paragraph."""
    document = view.document
    selected = view.selected_range
    if selected is not None:
        start, end = selected
        text = document.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
                start -= 1
            while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
                end += 1
            return start, end
    if not document.blocks:
        return None
    block = document.blocks[view.cursor]
    return block.start, block.end


class BookmarkKeeper(Widget):
    """The session's bookmarks, reading position and theme (an invisible widget)."""

    DEFAULT_CSS = "BookmarkKeeper { display: none; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._access = StoreAccess(self)
        self._reading = ReadingState(self, self._access)
        self._document: Document | None = None
        self._deleted: Bookmark | None = None
        self._waiting: Callable[[], None] | None = None
        self._flash: Timer | None = None
        self.bookmarks: list[Bookmark] = []
        """The document's bookmarks in reading order, orphans last (empty until loaded)."""

    @property
    def _view(self) -> DocumentView:
        return self.screen.query_one(DocumentView)

    @property
    def loaded(self) -> bool:
        """The complete document's bookmarks and reading position are in."""
        return self._document is not None

    @property
    def title(self) -> str:
        return self._view.document.title

    # -- life cycle ---------------------------------------------------------------------

    def on_mount(self) -> None:
        self._access.open(self._opened)

    def _opened(self, store: BookmarkStore) -> None:
        if store.notice:
            self.notify(store.notice, title="Bookmarks", severity="warning", timeout=12)
        self._reading.load_theme()
        document = self._view.document
        if document.complete:
            self.document_loaded(document)

    def document_loaded(self, document: Document) -> None:
        """The complete document is in: load its bookmarks and its reading position."""
        if self._access.store is None:
            return  # `_opened` comes back here with the document the view shows by then
        self._access.call(
            lambda store: (store.bookmarks(document), store.load_position(document)),
            lambda loaded: self._document_state(document, *loaded),
            "Could not load the bookmarks",
        )

    def _document_state(self, document: Document, bookmarks: list[Bookmark], offset: int | None) -> None:
        self._document = document
        self._show(bookmarks)
        self._reading.resume(self._view, document, offset)
        waiting, self._waiting = self._waiting, None
        if waiting is not None and self.app.screen is self.screen:
            waiting()

    def position_changed(self, position: Position) -> None:
        self._reading.position_changed(position)

    def on_unmount(self) -> None:
        self._access.close(self._reading.write_latest)

    def _ready(self, action: Callable[[], None]) -> Document | None:
        """The document bookmarks refer to; None while it still loads, and then `action`
        (the last one asked for) runs once it is in.  None as well while another screen (the
        help, the list itself) is over the text: `m` there is not about the text."""
        if self.app.screen is not self.screen:
            return None
        if self._document is None:
            self._waiting = action
        return self._document

    def _show(self, bookmarks: list[Bookmark]) -> None:
        self.bookmarks = sorted(bookmarks, key=lambda b: (b.orphan, b.start, b.id))
        if self._document is not None:
            self._view.set_marked_blocks(covered_blocks(self._document, self.bookmarks))

    def _replace(self, removed: int | None = None, added: Bookmark | None = None) -> None:
        kept = [b for b in self.bookmarks if b.id != removed and (added is None or b.id != added.id)]
        self._show(kept if added is None else [*kept, added])

    # -- adding -------------------------------------------------------------------------

    def add_here(self) -> None:
        """Bookmark the selected text or the cursor's paragraph, asking for a note first."""
        document = self._ready(self.add_here)
        passage = passage_at(self._view) if document is not None else None
        if document is None or passage is None:
            return
        from reader.app.bookmark_prompt import NotePrompt

        start, end = passage
        label = paragraph_label(document.block_at(start))
        prompt = NotePrompt(f"Bookmark {label}", document.text[start:end], escape_keeps=True)

        def save(note: str | None) -> None:
            self._access.call(
                lambda store: store.add(document, start, end, note or ""),
                self._added,
                "Could not save the bookmark",
            )

        self.app.push_screen(prompt, save)

    def _added(self, bookmark: Bookmark) -> None:
        self._replace(added=bookmark)
        self.screen.clear_selection()
        self.notify(f"Bookmarked {paragraph_label(bookmark.block)}", timeout=3)

    # -- the list -----------------------------------------------------------------------

    def show_list(self) -> None:
        if self._ready(self.show_list) is None:
            return
        from reader.app.bookmark_list import BookmarkList

        self.app.push_screen(BookmarkList(self), self._jump)

    def _jump(self, bookmark: Bookmark | None) -> None:
        if bookmark is None:
            return
        if bookmark.orphan:
            self.notify(f"Not found in this text any more: {excerpt(bookmark.exact, 80)}", severity="warning")
            return
        view = self._view
        view.scroll_to_offset(bookmark.start)
        view.set_layer(FLASH_LAYER, RangeLayer([(bookmark.start, bookmark.end, "flash")]))
        if self._flash is not None:
            self._flash.stop()  # a second jump keeps its flash for as long as the first
        self._flash = self.set_timer(FLASH_SECONDS, lambda: view.set_layer(FLASH_LAYER, None))

    def edit_note(self, bookmark: Bookmark, *, then: Callable[[], None]) -> None:
        from reader.app.bookmark_prompt import NotePrompt

        def saved(updated: Bookmark) -> None:
            self._replace(added=updated)
            then()

        def save(note: str | None) -> None:
            if note is not None and note != bookmark.note:
                self._access.call(
                    lambda store: store.update_note(bookmark.id, note), saved, "Could not save the note"
                )

        title = f"Note for {paragraph_label(bookmark.block)}"
        self.app.push_screen(NotePrompt(title, bookmark.exact, bookmark.note, escape_keeps=False), save)

    # -- deleting and undoing -------------------------------------------------------------

    def delete(self, bookmark: Bookmark, *, then: Callable[[], None] = lambda: None) -> None:
        self._access.call(
            lambda store: store.remove(bookmark.id),
            lambda removed: self._deleted_one(removed, then),
            "Could not delete the bookmark",
        )

    def _deleted_one(self, removed: Bookmark, then: Callable[[], None]) -> None:
        self._replace(removed=removed.id)
        self._deleted = removed
        self.set_timer(UNDO_SECONDS, lambda: self._forget_undo(removed))
        self.notify("Bookmark deleted - u to undo", timeout=UNDO_SECONDS)
        then()

    def _forget_undo(self, removed: Bookmark) -> None:
        if self._deleted is removed:
            self._deleted = None

    def undo_delete(self, *, then: Callable[[], None] = lambda: None) -> None:
        """Bring back the bookmark deleted in the last few seconds."""
        deleted, self._deleted = self._deleted, None
        if deleted is None:
            self.notify("Nothing to undo", timeout=2)
            return

        def restored(bookmark: Bookmark) -> None:
            self._replace(added=bookmark)
            then()
            self.notify("Bookmark restored", timeout=3)

        self._access.call(lambda store: store.restore(deleted), restored, "Could not restore the bookmark")

    # -- command palette --------------------------------------------------------------------

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Bookmark this paragraph", "The cursor's paragraph or the selection (m)", self.add_here
        )
        yield SystemCommand("Bookmarks", "List, jump to, edit and delete bookmarks (' or B)", self.show_list)
        if self._deleted is not None:
            yield SystemCommand(
                "Undo bookmark delete", "Bring back the one just deleted (u)", self.undo_delete
            )
