"""The bookmark store as the app uses it: opened after the first paint, called off the main thread.

Importing the store pulls in sqlite3 and costs ~40 ms, and a write waits for the
disk (and, now and then, for a second copy of the app holding the lock), so none
of it happens on the main thread.  Calls run one at a time, in the order they
were made, so that a delete and its undo cannot swap places.  A store that
refuses a write is reported as a notification; the reader keeps reading.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.widget import Widget

if TYPE_CHECKING:
    from reader.core.bookmarks import BookmarkStore

T = TypeVar("T")


def _open_store() -> BookmarkStore:
    from reader.core.bookmarks import BookmarkStore

    return BookmarkStore.open()


class StoreAccess:
    """The store of one app session; `owner` runs the workers and shows the failures."""

    def __init__(self, owner: Widget) -> None:
        self._owner = owner
        self._turn = asyncio.Lock()
        self._reported: set[str] = set()
        self.store: BookmarkStore | None = None

    def open(self, opened: Callable[[BookmarkStore], None]) -> None:
        """Open the store in a thread, then call `opened` with it on the main thread."""
        self._owner.run_worker(self._open(opened), name="open bookmark store", group="store")

    async def _open(self, opened: Callable[[BookmarkStore], None]) -> None:
        async with self._turn:
            self.store = await asyncio.to_thread(_open_store)
        opened(self.store)

    def call(
        self,
        work: Callable[[BookmarkStore], T],
        done: Callable[[T], None],
        failure: str,
        *,
        background: bool = False,
        after: asyncio.Event | None = None,
    ) -> None:
        """Run `work(store)` in a thread after every earlier call (and once `after` is set,
        if given), then `done(result)` on the main thread; if the store refuses, notify
        `failure: reason` instead (for `background` work, such as saving the position every
        second, only the first time)."""
        self._owner.run_worker(self._call(work, done, failure, background, after), group="store")

    async def _call(
        self,
        work: Callable[[BookmarkStore], T],
        done: Callable[[T], None],
        failure: str,
        background: bool,
        after: asyncio.Event | None,
    ) -> None:
        from sqlite3 import Error as DatabaseError

        from reader.core.bookmarks import UnknownBookmarkError

        if after is not None:
            await after.wait()
        async with self._turn:
            if self.store is None:
                return
            try:
                result = await asyncio.to_thread(work, self.store)
            except (DatabaseError, UnknownBookmarkError) as error:
                message = f"{failure}: {error}"
                if not (background and message in self._reported):
                    self._reported.add(message)
                    self._owner.notify(message, severity="error", timeout=8)
                return
        done(result)

    def close(self, last_words: Callable[[BookmarkStore], object]) -> None:
        """Run `last_words(store)` here and now (the app is closing), then close the store,
        opening it first if that had not happened yet (a reader who quits at once still has
        their place kept).  A store that refuses is not reported: there is no screen left."""
        from sqlite3 import Error as DatabaseError

        store, self.store = self.store, None
        try:
            if store is None:
                store = _open_store()
            last_words(store)
        except DatabaseError:
            pass
        finally:
            if store is not None:
                store.close()
