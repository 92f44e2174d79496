"""Bookmarks, reading positions and settings, kept in one SQLite file across sessions.

A document is known by the SHA-256 of its text and by its path.  The hash finds a
moved file's bookmarks; the path finds an edited file's, which are then re-anchored
by quote against the new text (see `anchoring`).  The selector a bookmark was made
with is never rewritten: each re-anchoring starts from it, and only the place it is
found now (and whether it was found verbatim) is written beside it.  Each bookmark
records the hash of the text its current place refers to, so re-anchoring is done
once per edit, and a bookmark restored from before an edit is re-anchored like any
other.

A change either is committed or raises (`StoreError`, `StoreBusyError`,
`UnknownBookmarkError`).  `persistent` says whether committed means on disk, or
only in memory for this session (the directory could not be written, the file is
not reader's, its schema is newer): then `problem` says why in one line.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from reader.core.bookmarks.anchoring import CONTEXT, Selector, reanchor, select
from reader.core.bookmarks.database import OpenedDatabase, open_database, transaction
from reader.core.bookmarks.model import (
    Bookmark,
    KnownDocument,
    StoreBusyError,
    StoreError,
    UnknownBookmarkError,
)
from reader.core.datadir import data_dir
from reader.core.document import Document
from reader.core.library import LibraryRecord, text_sha256

__all__ = [
    "Bookmark",
    "BookmarkStore",
    "KnownDocument",
    "StoreBusyError",
    "StoreError",
    "UnknownBookmarkError",
]

T = TypeVar("T")

_BOOKMARK_COLUMNS = """b.id, b.document, d.path, b.start, b."end", b.exact, b.prefix, b.suffix,
    b.note, b.created, b.updated, b.orphan, b.block, b.changed, b.origin, b.origin_start, b.origin_end"""
_SQLITE_INTEGERS = range(-(2**63), 2**63)
_SELECT_BOOKMARKS = (
    f"SELECT {_BOOKMARK_COLUMNS} FROM bookmarks AS b JOIN documents AS d ON d.sha256 = b.document"
)


@dataclass(frozen=True, slots=True)
class _Identity:
    sha256: str
    path: str | None
    title: str


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _bookmark(row: Sequence[Any]) -> Bookmark:
    return Bookmark(
        id=row[0],
        document=row[1],
        path=Path(row[2]) if row[2] is not None else None,
        start=row[3],
        end=row[4],
        exact=row[5],
        prefix=row[6],
        suffix=row[7],
        note=row[8],
        created=row[9],
        updated=row[10],
        orphan=bool(row[11]),
        block=row[12],
        changed=bool(row[13]),
        origin=row[14],
        origin_start=row[15],
        origin_end=row[16],
    )


class BookmarkStore:
    """The reader's saved state.  `notice` is set when the database had to be moved aside,
    another file was used, or it could not be written (the store then lives in memory for
    the session: `persistent` is False and `problem` says why)."""

    def __init__(self, opened: OpenedDatabase) -> None:
        self._connection = opened.connection
        self.notice = opened.notice
        self.path = opened.path
        """The file changes are committed to; None when the store is in memory."""
        self.problem = opened.problem
        """Why the store is in memory, in one line; None when it is on disk."""
        self.shows_saved = opened.shows_saved
        """False when what was saved could not be read (a newer or unknown schema)."""
        self._lock = threading.RLock()
        self._hashed: tuple[str, str] | None = None
        self._recorded: set[_Identity] = set()

    @classmethod
    def open(cls, directory: Path | None = None) -> BookmarkStore:
        """The store in `directory` (default: `reader.core.datadir.data_dir()`)."""
        return cls(open_database(directory if directory is not None else data_dir()))

    @property
    def persistent(self) -> bool:
        """True when a change that returns is on disk; False: in memory, until `close`."""
        return self.path is not None

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> BookmarkStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    # Bookmarks

    def add(self, document: Document, start: int, end: int, note: str = "") -> Bookmark:
        """Bookmark `document.text[start:end]`: the bookmark as committed (on disk when
        `persistent`), or `StoreError`/`StoreBusyError` and nothing stored."""
        if not 0 <= start < end <= len(document.text):
            raise ValueError(f"cannot bookmark {start}-{end}: the text has {len(document.text)} characters")
        identity = self._identify(document)
        selector = select(document.text, start, end)
        now = _now()

        def insert(connection: sqlite3.Connection) -> int:
            # fetchall, not fetchone: the statement must be finished before the COMMIT.
            (row,) = connection.execute(
                """INSERT INTO bookmarks (document, start, "end", exact, prefix, suffix, note, block,
                created, updated, origin, origin_start, origin_end)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                (identity.sha256, start, end, selector.exact, selector.prefix, selector.suffix, note,
                 document.block_at(start), now, now, identity.sha256, start, end),
            ).fetchall()  # fmt: skip
            bookmark_id: int = row[0]
            return bookmark_id

        return self._get(self._write(insert))

    def bookmarks(self, document: Document | None = None) -> list[Bookmark]:
        """A document's bookmarks, re-anchored against its text, in reading order with
        orphans last; or (None) every bookmark, newest first."""
        if document is None:
            rows = self._read(f"{_SELECT_BOOKMARKS} ORDER BY b.created DESC, b.id DESC")
            return [_bookmark(row) for row in rows]
        identity = self._identify(document)
        self._reanchor_bookmarks(document, identity)
        rows = self._read(
            f"{_SELECT_BOOKMARKS} WHERE b.document = ? ORDER BY b.orphan, b.start, b.id", (identity.sha256,)
        )
        return [_bookmark(row) for row in rows]

    def update_note(self, bookmark_id: int, note: str) -> Bookmark:
        _check_id(bookmark_id)

        def update(connection: sqlite3.Connection) -> None:
            cursor = connection.execute(
                "UPDATE bookmarks SET note = ?, updated = ? WHERE id = ?", (note, _now(), bookmark_id)
            )
            if cursor.rowcount == 0:
                raise UnknownBookmarkError(bookmark_id)

        self._write(update)
        return self._get(bookmark_id)

    def remove(self, bookmark_id: int) -> Bookmark:
        """Delete a bookmark; the returned value can be handed to `restore` to undo it."""
        _check_id(bookmark_id)

        def delete(connection: sqlite3.Connection) -> Bookmark:
            rows = connection.execute(f"{_SELECT_BOOKMARKS} WHERE b.id = ?", (bookmark_id,)).fetchall()
            if not rows:
                raise UnknownBookmarkError(bookmark_id)
            connection.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
            return _bookmark(rows[0])

        return self._write(delete)

    def restore(self, bookmark: Bookmark) -> Bookmark:
        """Put a removed bookmark back with its id (ids are never reused); restoring one
        that is present already changes nothing."""
        path = str(bookmark.path) if bookmark.path is not None else None

        def insert(connection: sqlite3.Connection) -> None:
            connection.execute(
                "INSERT OR IGNORE INTO documents (sha256, path, last_seen) VALUES (?, ?, ?)",
                (bookmark.document, path, _now()),
            )
            connection.execute(
                """INSERT OR IGNORE INTO bookmarks (id, document, start, "end", exact, prefix, suffix,
                note, block, created, updated, orphan, changed, origin, origin_start, origin_end)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (bookmark.id, bookmark.document, bookmark.start, bookmark.end, bookmark.exact,
                 bookmark.prefix, bookmark.suffix, bookmark.note, bookmark.block, bookmark.created,
                 bookmark.updated, int(bookmark.orphan), int(bookmark.changed),
                 bookmark.origin or bookmark.document,
                 bookmark.start if bookmark.origin_start is None else bookmark.origin_start,
                 bookmark.end if bookmark.origin_end is None else bookmark.origin_end),
            )  # fmt: skip

        self._write(insert)
        return self._get(bookmark.id)

    # Reading positions

    def save_position(self, document: Document, offset: int, cursor: int | None = None) -> None:
        """Remember where the reader is in `document`: the character offset at the top of the
        screen, and the offset of the reading cursor's paragraph (if known)."""
        for value in (offset, cursor):
            if value is not None and not 0 <= value <= len(document.text):
                raise ValueError(f"position {value} is outside the text ({len(document.text)} characters)")
        self._store_position(self._identify(document), document.text, offset, cursor)

    def load_cursor(self, document: Document) -> int | None:
        """The offset of the paragraph the reading cursor was on in this very text, if saved."""
        identity = self._identify(document)
        row = self._read_one('SELECT "cursor" FROM positions WHERE document = ?', (identity.sha256,))
        return None if row is None or row[0] is None else int(row[0])

    def load_position(self, document: Document) -> int | None:
        """Where the reader left `document`: by its hash, else (the file was edited) the
        latest position saved for its path, re-anchored against the new text."""
        identity = self._identify(document)
        row = self._read_one('SELECT "offset" FROM positions WHERE document = ?', (identity.sha256,))
        if row is not None:
            offset: int = row[0]
            return offset
        if identity.path is None:
            return None
        row = self._read_one(
            """SELECT p."offset", p.exact, p.prefix, p.suffix FROM positions AS p
            JOIN documents AS d ON d.sha256 = p.document WHERE d.path = ? ORDER BY p.updated DESC LIMIT 1""",
            (identity.path,),
        )
        if row is None:
            return None
        old_offset, exact, prefix, suffix = row
        found = reanchor(document.text, Selector(old_offset, old_offset + len(exact), exact, prefix, suffix))
        offset = found.start if found is not None else min(old_offset, len(document.text))
        self._store_position(identity, document.text, offset)
        return offset

    # Settings

    def get_setting(self, key: str) -> str | None:
        row = self._read_one("SELECT value FROM settings WHERE key = ?", (key,))
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        self._write(
            lambda connection: connection.execute(
                """INSERT INTO settings (key, value) VALUES (?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value""",
                (key, value),
            )
        )

    # Documents

    def documents(self) -> list[KnownDocument]:
        """Every text the store has seen, the most recently opened first."""
        rows = self._read("SELECT sha256, path, title, last_seen FROM documents ORDER BY last_seen DESC")
        return [
            KnownDocument(sha, Path(path) if path is not None else None, title, seen)
            for sha, path, title, seen in rows
        ]

    # The library

    def library_records(self) -> list[LibraryRecord]:
        """Every text seen, newest first, with its saved position, furthest point and
        bookmark count (see `reader.core.library`)."""
        rows = self._read(
            """SELECT d.sha256, d.path, d.title, d.author, d.length, d.size,
            MAX(d.last_seen, COALESCE(p.updated, '')), p."offset", d.furthest,
            (SELECT COUNT(*) FROM bookmarks AS b WHERE b.document = d.sha256), d.forgotten
            FROM documents AS d LEFT JOIN positions AS p ON p.document = d.sha256
            ORDER BY 7 DESC"""
        )
        return [
            LibraryRecord(sha, Path(path) if path is not None else None, title, author, length, size,
                          last_read, offset, furthest, bookmarks, bool(forgotten))
            for sha, path, title, author, length, size, last_read, offset, furthest, bookmarks, forgotten
            in rows
        ]  # fmt: skip

    def reading_totals(self) -> tuple[int, float]:
        """Characters read and seconds of active reading, over every document."""
        row = self._read_one(
            "SELECT COALESCE(SUM(characters), 0), COALESCE(SUM(seconds), 0) FROM reading_time"
        )
        return int(row[0]), float(row[1])

    def record_reading(self, document: Document, characters: int, seconds: float, furthest: int) -> None:
        """Add reading time measured in `document`, and move its furthest point on (never back)."""
        if characters < 0 or seconds < 0 or not 0 <= furthest <= len(document.text):
            raise ValueError(f"no such reading: {characters} characters, {seconds} s, to {furthest}")
        identity = self._identify(document)

        def write(connection: sqlite3.Connection) -> None:
            connection.execute(
                "UPDATE documents SET furthest = MAX(furthest, ?) WHERE sha256 = ?",
                (furthest, identity.sha256),
            )
            if characters or seconds:
                connection.execute(
                    """INSERT INTO reading_time (document, characters, seconds) VALUES (?, ?, ?)
                    ON CONFLICT (document) DO UPDATE SET characters = characters + excluded.characters,
                    seconds = seconds + excluded.seconds""",
                    (identity.sha256, characters, seconds),
                )

        self._write(write)

    def furthest(self, document: Document) -> int:
        """The furthest point read in this very text (0 when never read)."""
        identity = self._identify(document)
        row = self._read_one("SELECT furthest FROM documents WHERE sha256 = ?", (identity.sha256,))
        return 0 if row is None else min(int(row[0]), len(document.text))

    def forget(self, sha256: str, *, bookmarks: bool = False) -> int:
        """Take the document (every text seen at its path) out of the library, and its
        bookmarks too if asked: how many bookmarks were deleted.  Its position, reading time
        and furthest point stay, for when it is opened again."""

        def write(connection: sqlite3.Connection) -> int:
            texts = [
                row[0]
                for row in connection.execute(
                    """SELECT sha256 FROM documents WHERE sha256 = ?1
                    OR path = (SELECT path FROM documents WHERE sha256 = ?1)""",
                    (sha256,),
                ).fetchall()
            ]
            marks = ",".join("?" * len(texts))
            connection.execute(f"UPDATE documents SET forgotten = 1 WHERE sha256 IN ({marks})", texts)
            if not bookmarks:
                return 0
            cursor = connection.execute(f"DELETE FROM bookmarks WHERE document IN ({marks})", texts)
            return cursor.rowcount

        return self._write(write)

    def relocate(self, sha256: str, path: Path) -> None:
        """The document's file was found again at `path` (by its text)."""
        where = str(path.resolve())
        self._write(
            lambda connection: connection.execute(
                "UPDATE documents SET path = ? WHERE sha256 = ?", (where, sha256)
            )
        )

    # Internals

    def _get(self, bookmark_id: int) -> Bookmark:
        _check_id(bookmark_id)
        row = self._read_one(f"{_SELECT_BOOKMARKS} WHERE b.id = ?", (bookmark_id,))
        if row is None:
            raise UnknownBookmarkError(bookmark_id)
        return _bookmark(row)

    def _identify(self, document: Document) -> _Identity:
        """The document's hash and path, recorded (once a session) as seen now, with what the
        library shows of it; a document the reader forgot is back in the library once opened."""
        if self._hashed is None or self._hashed[0] is not document.text:
            self._hashed = (document.text, text_sha256(document.text))
        path = str(document.source.resolve()) if document.source is not None else None
        identity = _Identity(self._hashed[1], path, document.title)
        if identity not in self._recorded:
            values = (identity.sha256, identity.path, identity.title, _now(), document.author,
                      len(document.text), _file_size(document.source))  # fmt: skip
            self._write(
                lambda connection: connection.execute(
                    """INSERT INTO documents (sha256, path, title, last_seen, author, length, size)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (sha256) DO UPDATE SET path = COALESCE(excluded.path, documents.path),
                    title = excluded.title, last_seen = excluded.last_seen, author = excluded.author,
                    length = excluded.length, size = COALESCE(excluded.size, documents.size),
                    forgotten = 0""",
                    values,
                )
            )
            self._recorded.add(identity)
        return identity

    def _reanchor_bookmarks(self, document: Document, identity: _Identity) -> None:
        """Find the bookmarks of earlier texts at this path in this text, each from the
        selector it was made with; write down where (and how surely) it was found."""
        if identity.path is None:
            return
        rows = self._read(
            """SELECT b.id, b.document, b.origin_start, b.origin_end, b.exact, b.prefix, b.suffix
            FROM bookmarks AS b JOIN documents AS d ON d.sha256 = b.document
            WHERE d.path = ? AND b.document != ?""",
            (identity.path, identity.sha256),
        )
        if not rows:
            return
        # Matching is done before the write lock is taken; the UPDATEs only apply to rows
        # no other process has re-anchored meanwhile.
        moves = [(row[0], row[1], reanchor(document.text, Selector(*row[2:]))) for row in rows]

        def write(connection: sqlite3.Connection) -> None:
            for bookmark_id, old_document, found in moves:
                if found is None:
                    connection.execute(
                        """UPDATE bookmarks SET document = ?, orphan = 1, changed = 0, block = NULL
                        WHERE id = ? AND document = ?""",
                        (identity.sha256, bookmark_id, old_document),
                    )
                else:
                    connection.execute(
                        """UPDATE bookmarks SET document = ?, start = ?, "end" = ?, block = ?, orphan = 0,
                        changed = ? WHERE id = ? AND document = ?""",
                        (identity.sha256, found.start, found.end, document.block_at(found.start),
                         int(found.changed), bookmark_id, old_document),
                    )  # fmt: skip

        self._write(write)

    def _store_position(self, identity: _Identity, text: str, offset: int, cursor: int | None = None) -> None:
        context = select(text, offset, min(len(text), offset + CONTEXT))
        self._write(
            lambda connection: connection.execute(
                """INSERT INTO positions (document, "offset", exact, prefix, suffix, updated, "cursor")
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document) DO UPDATE SET
                "offset" = excluded."offset", exact = excluded.exact, prefix = excluded.prefix,
                suffix = excluded.suffix, updated = excluded.updated, "cursor" = excluded."cursor"
                """,
                (identity.sha256, offset, context.exact, context.prefix, context.suffix, _now(), cursor),
            )
        )

    def _write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        with self._lock:
            return transaction(self._connection, work)

    def _read(self, sql: str, parameters: Sequence[object] = ()) -> list[Any]:
        with self._lock:
            return self._connection.execute(sql, parameters).fetchall()

    def _read_one(self, sql: str, parameters: Sequence[object] = ()) -> Any:
        with self._lock:
            return self._connection.execute(sql, parameters).fetchone()


def _file_size(source: Path | None) -> int | None:
    """The file's size in bytes (how a moved file is first picked out), if it can be read."""
    try:
        return None if source is None else source.stat().st_size
    except (OSError, ValueError):
        return None


def _check_id(bookmark_id: int) -> None:
    """No bookmark has an id SQLite cannot hold (and asking would raise OverflowError)."""
    if bookmark_id not in _SQLITE_INTEGERS:
        raise UnknownBookmarkError(bookmark_id)
