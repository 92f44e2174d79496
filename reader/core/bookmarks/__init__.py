"""Bookmarks that survive edits, moves, crashes and a second copy of the app.

`BookmarkStore` keeps bookmarks, reading positions and settings in SQLite;
`anchoring` finds a bookmarked passage again after its document changed.
"""

from reader.core.bookmarks.model import (
    Bookmark,
    KnownDocument,
    StoreBusyError,
    StoreError,
    UnknownBookmarkError,
)
from reader.core.bookmarks.store import BookmarkStore

__all__ = [
    "Bookmark",
    "BookmarkStore",
    "KnownDocument",
    "StoreBusyError",
    "StoreError",
    "UnknownBookmarkError",
]
