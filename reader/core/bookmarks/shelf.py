"""The library as read from the store: its entries, with moved files found again.

What the app's library screen and `reader library` both show.  A file that is not
where it was is looked for (see `reader.core.library.find_again`); one found is
written down at its new path, so it is looked for once, not at every listing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reader.core.bookmarks.store import BookmarkStore
from reader.core.library import (
    FileState,
    LibraryEntry,
    find_again,
    library,
    search_folders,
    text_sha256,
)
from reader.core.reading_speed import Speed, reading_speed


def _hash_of(path: Path) -> str | None:
    """The hash of the text the file holds, as the store would know it (None: not readable)."""
    from reader.core.loading import DocumentError, load_document

    try:
        return text_sha256(load_document(path).text)
    except (DocumentError, OSError, ValueError):
        return None


def _exists(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def working_folder() -> list[Path]:
    """Where a moved file may have gone too: the current folder, if it still exists."""
    try:
        return [Path.cwd()]
    except OSError:
        return []


def read_library(store: BookmarkStore, *, look_in: Iterable[Path] = ()) -> tuple[list[LibraryEntry], Speed]:
    """Every document in the library, most recently read first, and the reader's speed.
    Missing files are looked for in the library's folders and `look_in`."""
    records = store.library_records()
    speed = reading_speed(*store.reading_totals())
    entries = library(records, speed, exists=_exists)
    missing = [entry.record for entry in entries if entry.state is FileState.MISSING]
    if not missing:
        return entries, speed
    moved = find_again(missing, search_folders(records, look_in), _hash_of)
    for sha256, path in moved.items():
        store.relocate(sha256, path)
    return library(records, speed, exists=_exists, moved=moved), speed
