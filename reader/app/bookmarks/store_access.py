"""The bookmark store as the app uses it: opened after the first paint, called off the main thread.

Importing the store pulls in sqlite3 and costs ~40 ms, and a write waits for the
disk (and, now and then, for a second copy of the app holding the lock), so none
of it happens on the main thread.  Calls run one at a time, in the order they
were made, so that a delete and its undo cannot swap places.  A store that
refuses a write is reported as a notification; the reader keeps reading.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual.widget import Widget

if TYPE_CHECKING:
    from reader.core.bookmarks import BookmarkStore

T = TypeVar("T")


def _open_store() -> BookmarkStore:
    from reader.core.bookmarks import BookmarkStore

    return BookmarkStore.open()


@dataclass(eq=False)
class _Call(Generic[T]):
    """One call made and not yet run, which `close` may still owe the store."""

    work: Callable[[BookmarkStore], T]
    done: Callable[[T], None]
    failure: str
    background: bool
    after: asyncio.Event | None
    run_at_close: bool

    @property
    def owed(self) -> bool:
        """Run at close: it is to be, and what it waits for is in."""
        return self.run_at_close and (self.after is None or self.after.is_set())


class _Skipped:
    """What a thread returns for a call that `close` ran, or that came after it."""


_SKIPPED = _Skipped()


class StoreAccess:
    """The store of one app session; `owner` runs the workers and shows the failures."""

    def __init__(self, owner: Widget) -> None:
        self._owner = owner
        self._turn = asyncio.Lock()
        self._using = threading.Lock()
        """Held by a worker's thread while it takes a call and runs it, and by `close` (on
        the main thread, at quit): `close` waits for a call in flight and takes the rest."""
        self._pending: list[_Call[Any]] = []
        self._closed = False
        self._reported: set[str] = set()
        self.store: BookmarkStore | None = None

    def open(self, opened: Callable[[BookmarkStore], None]) -> None:
        """Open the store in a thread, then call `opened` with it on the main thread."""
        opening = partial(self._open, opened)
        self._owner.run_worker(opening, name="open bookmark store", group="store")  # type: ignore[arg-type]

    async def _open(self, opened: Callable[[BookmarkStore], None]) -> None:
        async with self._turn:
            store = await asyncio.to_thread(self._open_unless_closed)
        if store is not None:
            opened(store)

    def _open_unless_closed(self) -> BookmarkStore | None:
        with self._using:
            if not self._closed:
                self.store = _open_store()
            return self.store

    def call(
        self,
        work: Callable[[BookmarkStore], T],
        done: Callable[[T], None],
        failure: str,
        *,
        background: bool = False,
        after: asyncio.Event | None = None,
        run_at_close: bool = True,
    ) -> None:
        """Run `work(store)` in a thread after every earlier call (and once `after` is set,
        if given), then `done(result)` on the main thread; if the store refuses, notify
        `failure: reason` instead (for `background` work, such as saving the position every
        second, only the first time).  A call that the app quits before running is run by
        `close`, unless it is not `run_at_close` (one that only reads for the screen)."""
        pending = _Call(work, done, failure, background, after, run_at_close)
        # Without `_using`: a thread may hold it for a while (opening the store, or waiting
        # for another process's lock), and the main thread never waits.  An append is atomic,
        # and `close`, the only other writer here, runs on this same thread.
        self._pending.append(pending)
        # A function, not a coroutine: a worker the closing app never starts leaves nothing
        # un-awaited behind it.
        calling = partial(self._call, pending)
        self._owner.run_worker(calling, group="store", description=f"store: {failure}")  # type: ignore[arg-type]

    async def _call(self, pending: _Call[T]) -> None:
        from sqlite3 import Error as DatabaseError

        from reader.core.bookmarks import UnknownBookmarkError

        if pending.after is not None:
            await pending.after.wait()
        async with self._turn:
            try:
                result = await asyncio.to_thread(self._run, pending)
            except (DatabaseError, UnknownBookmarkError) as error:
                message = f"{pending.failure}: {error}"
                if not (pending.background and message in self._reported):
                    self._reported.add(message)
                    self._owner.notify(message, severity="error", timeout=8)
                return
        if not isinstance(result, _Skipped):
            pending.done(result)

    def _run(self, pending: _Call[T]) -> T | _Skipped:
        """In a worker's thread: `pending`'s work, unless `close` has taken it (a worker
        cancelled at quit still runs its thread, perhaps after `close`)."""
        with self._using:
            if self.store is None or pending not in self._pending:
                return _SKIPPED
            self._pending.remove(pending)
            return pending.work(self.store)

    def close(self, last_words: Callable[[BookmarkStore], object]) -> None:
        """Run here and now (the app is closing) every call owed that has not run yet,
        then `last_words(store)`, then close the store, opening it first if that had not
        happened yet: a reader who bookmarks and quits in one burst keeps the bookmark, and
        one who quits at once still has their place kept.  A call still waiting for the
        complete document cannot be filed under it and is dropped.  A store that refuses is
        not reported: there is no screen left."""
        from sqlite3 import Error as DatabaseError

        from reader.core.bookmarks import UnknownBookmarkError

        with self._using:  # after a call in flight in its thread; none starts after this
            self._closed = True
            owed = [pending for pending in self._pending if pending.owed]
            self._pending.clear()
            store, self.store = self.store, None
            try:
                if store is None:
                    store = _open_store()
                for pending in owed:
                    with suppress(UnknownBookmarkError):  # a bookmark deleted meanwhile
                        pending.work(store)
                last_words(store)
            except DatabaseError:
                pass
            finally:
                if store is not None:
                    store.close()
