"""The library: every document read before, how far, when, and how long is left.

The store hands out one `LibraryRecord` per text it has seen (a document is
known by the hash of its text, so an edited file is a new text at the same
path); `library` makes of them what a reader sees: one entry per file, the
newest text at each path, whether the file is still where it was, and the
time left at the reader's own speed (`reading_speed`).

A file that is not where it was is looked for by `find_again`: files of the same
size in the folders the library knows, each parsed and hashed, so a moved copy
is recognised by its text, never by its name.  Nothing here touches the
database or the screen: the checks on the file system are passed in, to be
tested without files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reader.core.reading_speed import Speed, minutes_left

MAX_SCANNED = 2000
"""Files looked at in one folder when finding a moved document: a huge folder costs a bounded time."""


def text_sha256(text: str) -> str:
    """How the store knows a document: the SHA-256 of its text (not of its file's bytes, so
    the same text in another encoding or with other line ends is the same document)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class LibraryRecord:
    """One text as the store has it."""

    sha256: str
    path: Path | None
    title: str
    author: str | None
    length: int | None
    """Characters of its text; None for a row from before the library (until opened again)."""
    size: int | None
    """Bytes of its file when last opened; None likewise."""
    last_read: str
    """ISO 8601 UTC: the latest of its opening and its last saved position."""
    offset: int | None
    """The saved position (the top row's offset), if any."""
    furthest: int
    bookmarks: int
    forgotten: bool


class FileState(StrEnum):
    HERE = "here"
    MOVED = "moved"
    """Not where it was, and found again elsewhere by its text (the store now has the new path)."""
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    record: LibraryRecord
    state: FileState
    path: Path
    """Where the file is now (or, missing, where it was)."""
    bookmarks: int
    """Of this text and of earlier texts at the same path (found again in it when opened)."""
    progress: int | None
    """Percent, from the saved position; None when its length is not known yet."""
    minutes_left: float | None

    @property
    def sha256(self) -> str:
        return self.record.sha256


def library(
    records: Iterable[LibraryRecord],
    speed: Speed,
    *,
    exists: Callable[[Path], bool],
    moved: dict[str, Path] | None = None,
) -> list[LibraryEntry]:
    """One entry per file, the most recently read first: the newest text at each path
    (`records` come newest first), none for standard input or a forgotten document.
    `moved` maps a hash to the path its file was found at since (see `find_again`)."""
    moved = moved or {}
    newest: dict[Path, LibraryRecord] = {}
    counts: dict[Path, int] = {}
    for record in records:
        if record.path is None:
            continue
        counts[record.path] = counts.get(record.path, 0) + record.bookmarks
        newest.setdefault(record.path, record)
    entries = []
    for path, record in newest.items():
        if record.forgotten:
            continue
        if record.sha256 in moved:
            state, path = FileState.MOVED, moved[record.sha256]
        else:
            state = FileState.HERE if exists(path) else FileState.MISSING
        entries.append(_entry(record, state, path, counts[record.path or path], speed))
    entries.sort(key=lambda entry: entry.record.last_read, reverse=True)
    return entries


def _entry(record: LibraryRecord, state: FileState, path: Path, bookmarks: int, speed: Speed) -> LibraryEntry:
    progress = left = None
    if record.length:
        offset = min(max(record.offset or 0, 0), record.length)
        progress = round(100 * offset / record.length)
        left = minutes_left(record.length - offset, speed)
    return LibraryEntry(record, state, path, bookmarks, progress, left)


def find_again(
    missing: Iterable[LibraryRecord],
    folders: Iterable[Path],
    hash_of: Callable[[Path], str | None],
) -> dict[str, Path]:
    """Where each missing document's file is now, by its text: among the files of `folders`
    (each at most `MAX_SCANNED`) of the size its file had, the one whose text hashes to the
    document's.  `hash_of` parses and hashes a file (None when it cannot be read)."""
    wanted: dict[int, list[LibraryRecord]] = {}
    for record in missing:
        if record.size is not None:
            wanted.setdefault(record.size, []).append(record)
    found: dict[str, Path] = {}
    seen: set[Path] = set()
    for folder in folders:
        if not wanted:
            break
        for candidate in _files(folder):
            if candidate in seen:
                continue
            seen.add(candidate)
            try:
                size = candidate.stat().st_size
            except OSError:
                continue
            if size not in wanted:
                continue
            digest = hash_of(candidate)
            for record in wanted[size]:
                if record.sha256 == digest:
                    found[record.sha256] = candidate
                    wanted[size].remove(record)
                    if not wanted[size]:
                        del wanted[size]
                    break
    return found


def _files(folder: Path) -> list[Path]:
    try:
        paths = []
        for count, path in enumerate(folder.iterdir()):
            if count >= MAX_SCANNED:
                break
            if path.is_file():
                paths.append(path)
        return sorted(paths)
    except OSError:
        return []


def shown_path(path: Path, home: Path) -> str:
    """`~/books/war-and-peace.txt` for a file under `home`, else the path as it is."""
    try:
        return f"~/{path.relative_to(home)}"
    except ValueError:
        return str(path)


def search_folders(records: Iterable[LibraryRecord], also: Iterable[Path] = ()) -> list[Path]:
    """Where a moved file is looked for: the folders the library's files are (or were) in,
    and `also` (the current folder, on the command line), each once, as they come."""
    folders: dict[Path, None] = dict.fromkeys(also)
    for record in records:
        if record.path is not None:
            folders.setdefault(record.path.parent, None)
    return list(folders)
