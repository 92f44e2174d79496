"""What the store hands out: plain frozen values, safe to keep after the store changes."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A bookmarked passage: `text[start:end]` of the document whose text hashes to `document`.

    `exact`, `prefix` and `suffix` are the W3C TextQuoteSelector that finds the passage
    again after an edit.  An `orphan` could not be found in the latest text: it keeps the
    selectors it had, and `block` is None.  `created` and `updated` are ISO 8601 UTC.
    """

    id: int
    document: str
    path: Path | None
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    note: str
    created: str
    updated: str
    orphan: bool
    block: int | None
    changed: bool = False
    origin: str | None = None
    origin_start: int | None = None
    origin_end: int | None = None

    @property
    def status(self) -> str:
        """`found`, `changed` (moved, text changed: check it) or `orphan`."""
        return "orphan" if self.orphan else "changed" if self.changed else "found"


@dataclass(frozen=True, slots=True)
class KnownDocument:
    """A text the store has seen: its hash, where it was last opened, its title and when."""

    sha256: str
    path: Path | None
    title: str
    last_seen: str


class StoreError(sqlite3.Error):
    """A change that was not saved; the message is one line saying why.  (An
    `sqlite3.Error`, so that a caller catching those keeps working.)"""


class StoreBusyError(StoreError):
    """Another process held the database's write lock for longer than the wait allowed."""

    def __init__(self, waited: float) -> None:
        super().__init__(
            f"another reader held the bookmark database for more than {waited:g} s; nothing was saved"
        )
        self.waited = waited


class UnknownBookmarkError(LookupError):
    """No bookmark has this id (removed already, or never made)."""

    def __init__(self, bookmark_id: int) -> None:
        super().__init__(f"no bookmark with id {bookmark_id}")
        self.bookmark_id = bookmark_id
