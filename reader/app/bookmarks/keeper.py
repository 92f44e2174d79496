"""Bookmarks in the app, and the reading position and theme kept with them.

`BookmarkKeeper` is an invisible widget the reading screen mounts after the first
paint.  It opens the store (see `StoreAccess`: every call runs in a thread, in
order, after the store is open), loads the bookmarks of the complete document
(`document`, bound from the screen), and tells the screen what to show with
messages: the marked paragraphs, a passage to jump to, the place to resume.  The
screen asks it to bookmark a passage, to list, to undo; nothing here touches the view.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from reader.app.bookmarks.reading_state import ReadingState
from reader.app.bookmarks.store_access import StoreAccess
from reader.core.bookmarks.labels import excerpt, place
from reader.core.document import Document, paragraph_label
from reader.core.sanitize import one_line

if TYPE_CHECKING:
    from reader.core.bookmarks import Bookmark, BookmarkStore

UNDO_SECONDS = 8.0
"""How long `U` can bring a deleted bookmark back."""


def covered_blocks(document: Document, bookmarks: Iterable[Bookmark]) -> frozenset[int]:
    """Every block a found (not orphaned) bookmark's passage touches."""
    blocks: set[int] = set()
    for bookmark in bookmarks:
        if not bookmark.orphan and bookmark.end > bookmark.start:
            blocks.update(range(document.block_at(bookmark.start), document.block_at(bookmark.end - 1) + 1))
    return frozenset(blocks)


def _memory_only(store: BookmarkStore) -> str | None:
    """Why what the store keeps is lost at quit, or None when it writes to disk."""
    if store.persistent:
        return None
    return one_line(store.problem or "the bookmark file could not be opened") + " (lost when you quit)"


class BookmarkKeeper(Widget):
    """The session's bookmarks, reading position and theme (an invisible widget)."""

    DEFAULT_CSS = "BookmarkKeeper { display: none; }"

    document: reactive[Document | None] = reactive(None, always_update=True)
    """The complete document (None while a large one loads): bookmarks refer to it."""
    bookmarks: reactive[list[Bookmark] | None] = reactive(None, always_update=True)
    """The document's bookmarks in reading order, orphans last; None until loaded."""

    class Marks(Message):
        """These paragraphs carry a bookmark."""

        def __init__(self, blocks: frozenset[int]) -> None:
            super().__init__()
            self.blocks = blocks

    class Jump(Message):
        """Go to the passage `[start, end)` and flash it."""

        def __init__(self, start: int, end: int) -> None:
            super().__init__()
            self.start = start
            self.end = end

    class Resume(Message):
        """The document was read before: put `offset` back on the top row and the reading
        cursor on the paragraph at `cursor` (an offset), if it was saved."""

        def __init__(self, offset: int, cursor: int | None) -> None:
            super().__init__()
            self.offset = offset
            self.cursor = cursor

    class Reached(Message):
        """The furthest point read in the document (it only grows)."""

        def __init__(self, furthest: int) -> None:
            super().__init__()
            self.furthest = furthest

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, BookmarkKeeper.Reached)

    def __init__(self, clock: Callable[[], float], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._access = StoreAccess(self)
        self._reading = ReadingState(self, self._access, clock)
        self._loaded_for: Document | None = None
        self._complete = asyncio.Event()
        """Set once the complete document is in: a bookmark made before waits for it."""
        self._deleted: Bookmark | None = None
        self._kept = False

    # -- life cycle ---------------------------------------------------------------------

    def on_mount(self) -> None:
        self._access.open(self._opened)

    def _opened(self, store: BookmarkStore) -> None:
        if store.notice:
            self.notify(store.notice, title="Bookmarks", severity="warning", timeout=12)
        self._reading.load_theme()
        self.watch_document(self.document)  # bound before the keeper was mounted

    def watch_document(self, document: Document | None) -> None:
        """The complete document is in: load its bookmarks and its reading position."""
        if document is None:
            return
        self._complete.set()  # even before the store opens: a bookmark then saved at quit
        if document is self._loaded_for or not self.is_mounted:
            return
        self._loaded_for = document
        self._reading.known(document)
        self._access.call(
            lambda store: (
                store.bookmarks(document),
                store.load_position(document),
                store.load_cursor(document),
                store.furthest(document),
            ),
            lambda loaded: self._document_state(document, *loaded),
            "Could not load the bookmarks",
            run_at_close=False,
        )

    def _document_state(
        self,
        document: Document,
        bookmarks: list[Bookmark],
        offset: int | None,
        cursor: int | None,
        furthest: int,
    ) -> None:
        self._show(bookmarks)
        self._reading.reading.reached(furthest)
        self.post_message(self.Reached(self._reading.reading.furthest))
        block = None if cursor is None else document.block_at(cursor)
        self._reading.track(None if offset is None else (offset, block if block is not None else 0))
        if offset or cursor:
            self.post_message(self.Resume(offset or 0, cursor))

    def position_changed(self, offset: int, cursor: int, end: int) -> None:
        """The top row's offset, the cursor's block or the screen's end changed (saved at most
        once a second); the furthest point read is told when it grows."""
        reading = self._reading.reading
        before = reading.furthest
        self._reading.position_changed(offset, cursor, end)
        if reading.furthest != before:
            self.post_message(self.Reached(reading.furthest))

    def on_unmount(self) -> None:
        self.keep_place(self.document)

    def keep_place(self, document: Document | None) -> None:
        """The app is closing: write the place (and everything still queued) now.  Called
        directly on a keeper that was never mounted (the reader quit before the bookmarks'
        modules were in), with the place it was told.  Once only."""
        if self._kept:
            return
        self._kept = True
        if document is not None:
            self._reading.known(document)
        self._reading.reading.settle()
        self._access.close(self._reading.write_latest)

    def _show(self, bookmarks: list[Bookmark]) -> None:
        self.bookmarks = sorted(bookmarks, key=lambda b: (b.orphan, b.start, b.id))
        if self.document is not None:
            self.post_message(self.Marks(covered_blocks(self.document, self.bookmarks)))

    def _replace(self, removed: int | None = None, added: Bookmark | None = None) -> None:
        kept = [b for b in self.bookmarks or () if b.id != removed and (added is None or b.id != added.id)]
        self._show(kept if added is None else [*kept, added])

    # -- adding -------------------------------------------------------------------------

    def add(self, document: Document, start: int, end: int) -> None:
        """Bookmark `[start, end)` of `document`, asking for a note first; a passage that is
        bookmarked already opens that bookmark's note instead of making a copy."""
        existing = next(
            (b for b in self.bookmarks or () if not b.orphan and (b.start, b.end) == (start, end)), None
        )
        if existing is not None:
            self.edit_note(existing)
            return
        from reader.app.bookmarks.prompt import NotePrompt

        label = paragraph_label(document.block_at(start))
        prompt = NotePrompt(f"Bookmark {label}", document.text[start:end])

        def save(note: str | None) -> None:
            if note is None:
                return  # escape: no bookmark
            # Filed under the complete document, whose text the head's offsets are a prefix
            # of: a bookmark made while a book still loads is saved once it is in.
            self._access.call(
                lambda store: (store.add(self.document or document, start, end, note), _memory_only(store)),
                lambda added: self._added(*added),
                "Could not save the bookmark",
                after=self._complete,
            )

        self.app.push_screen(prompt, save)

    def _added(self, bookmark: Bookmark, memory_only: str | None) -> None:
        """Said only once the store has it; where the store cannot write to disk, said each time."""
        self._replace(added=bookmark)
        self.screen.clear_selection()
        where = place(bookmark.block)
        if memory_only is None:
            self.notify(f"Bookmarked {where}", timeout=3)
        else:
            self.notify(f"Bookmarked {where}, in memory only: {memory_only}", severity="warning", timeout=8)

    # -- the list -----------------------------------------------------------------------

    def jump_to(self, bookmark: Bookmark | None) -> None:
        """The bookmark chosen in the list: go there (an orphan cannot be gone to)."""
        if bookmark is None:
            return
        if bookmark.orphan:
            self.notify(f"Not found in this text any more: {excerpt(bookmark.exact, 80)}", severity="warning")
            return
        self.post_message(self.Jump(bookmark.start, bookmark.end))

    def edit_note(self, bookmark: Bookmark) -> None:
        from reader.app.bookmarks.prompt import NotePrompt

        def save(note: str | None) -> None:
            if note is not None and note != bookmark.note:
                self._access.call(
                    lambda store: store.update_note(bookmark.id, note),
                    lambda updated: self._replace(added=updated),
                    "Could not save the note",
                )

        title = f"Note for {place(bookmark.block)}"
        self.app.push_screen(NotePrompt(title, bookmark.exact, bookmark.note), save)

    # -- deleting and undoing -------------------------------------------------------------

    def delete(self, bookmark: Bookmark) -> None:
        self._access.call(
            lambda store: store.remove(bookmark.id), self._deleted_one, "Could not delete the bookmark"
        )

    def _deleted_one(self, removed: Bookmark) -> None:
        self._replace(removed=removed.id)
        self._deleted = removed
        self.set_timer(UNDO_SECONDS, lambda: self._forget_undo(removed))
        self.notify("Bookmark deleted — U to undo", timeout=UNDO_SECONDS)

    def _forget_undo(self, removed: Bookmark) -> None:
        if self._deleted is removed:
            self._deleted = None

    def undo_delete(self) -> None:
        """Bring back the bookmark deleted in the last few seconds."""
        deleted, self._deleted = self._deleted, None
        if deleted is None:
            self.notify("Nothing to undo", timeout=2)
            return

        def restored(bookmark: Bookmark) -> None:
            self._replace(added=bookmark)
            self.notify("Bookmark restored", timeout=3)

        self._access.call(lambda store: store.restore(deleted), restored, "Could not restore the bookmark")

    def say_once(self, key: str, message: str) -> None:
        """Notify `message` unless it was said before, in this session or an earlier one
        (remembered in the store under `key`)."""

        def remember(store: BookmarkStore) -> bool:
            said_before = store.get_setting(key) is not None
            if not said_before:
                store.set_setting(key, "said")
            return said_before

        self._access.call(
            remember,
            lambda said_before: None if said_before else self.notify(message, timeout=6),
            "Could not read the settings",
            background=True,
            run_at_close=False,  # said before only once it was shown
        )

    def commands(self) -> Iterable[SystemCommand]:
        """The palette's undo, while there is something to undo."""
        if self._deleted is not None:
            yield SystemCommand(
                "Undo bookmark delete", "Bring back the one just deleted (U)", self.undo_delete
            )
