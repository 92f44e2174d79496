"""Opening the bookmark database so that no failure costs the reader data or a crash,
and no claim of success is false.

Every change runs in its own `BEGIN IMMEDIATE` transaction, committed at once, in
WAL mode with `synchronous=FULL`: a process killed mid-write loses at most the
change it was making.  Two processes writing at once wait for each other, at most
`BUSY_TIMEOUT` seconds in all, then the change fails with `StoreBusyError`; any
other failure to commit (a full disk, a file made read-only) is a `StoreError`:
a change either is committed or raises.

Only reader's own database is ever written.  A file that is another program's
(another `application_id`, or tables reader never made) is left exactly as it is
and the data goes to `OWN_NAME` beside it; a table of reader's name with another
layout, or a newer schema, is left alone too and the store lives in memory.  A
damaged file is moved aside and a fresh one started; a directory that cannot be
written falls back to a copy in memory for the session.  `OpenedDatabase` says
which: `path` is None in memory, `notice` tells the reader, `problem` is the
one-line reason, and `shows_saved` is False when what was saved could not be read.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import TypeVar

from reader.core.bookmarks.model import StoreBusyError, StoreError
from reader.core.bookmarks.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    NewerSchemaError,
    columns,
    migrate,
    table_names,
    tables,
    understood_version,
)
from reader.core.sanitize import one_line

DATABASE_NAME = "reader.sqlite3"
OWN_NAME = "reader-bookmarks.sqlite3"
"""Where the data goes when `DATABASE_NAME` turns out to be another program's file."""
BUSY_TIMEOUT = 5.0
"""Seconds a change waits, in all, for another process's write to finish."""
_RETRY_PAUSE = 0.05
_COMPANIONS = ("-wal", "-shm")
_BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
_CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_HEADER = b"SQLite format 3\x00"
_FULL = "the disk is full"

T = TypeVar("T")


class CorruptDatabaseError(Exception):
    """The file is not a sound SQLite database."""


class NotOursError(Exception):
    """The file is another program's database (or has a table of reader's name that is not
    reader's): it must not be touched.  The message is one line."""

    def __init__(self, message: str, *, foreign: bool) -> None:
        super().__init__(message)
        self.foreign = foreign
        """True: another program's file, the data may go to a file of its own beside it;
        False: a table of reader's name with another layout, which only a person can sort out."""


class _Kind(Enum):
    NEW = "new"
    OURS = "ours"
    CORRUPT = "corrupt"


@dataclass(frozen=True)
class OpenedDatabase:
    connection: sqlite3.Connection
    path: Path | None = None
    """The file every change is committed to; None: the store is in memory, for this session."""
    notice: str | None = None
    """What the reader should be told, in a sentence: a file moved aside, another used,
    memory only."""
    problem: str | None = None
    """Why the store is in memory, in one line (None when it is on disk)."""
    shows_saved: bool = True
    """False when what was saved could not be read (a newer or unknown schema): an empty
    list of bookmarks then says nothing about what is on disk."""


def open_database(directory: Path) -> OpenedDatabase:
    """The database in `directory`, repaired, or replaced by one in memory if need be."""
    path = directory / DATABASE_NAME
    notice: str | None = None
    try:
        _check_writable(directory, path)
        try:
            kind = _inspect(path)
        except NotOursError as error:
            if not error.foreign:
                raise
            own = directory / OWN_NAME
            notice = f"{path} is not reader's database ({error}): left it untouched"
            path = own
            kind = _inspect(own)
            notice += f"; bookmarks are kept in {own}"
        try:
            if kind is _Kind.CORRUPT:
                raise CorruptDatabaseError(f"{path} is not an SQLite database")
            return OpenedDatabase(_open_file(path), path, notice)
        except CorruptDatabaseError:
            aside = _move_aside(path)
            moved = f"{path} was damaged: moved it to {aside} and started a new one"
            return OpenedDatabase(_open_file(path), path, moved if notice is None else f"{notice}; {moved}")
    except NewerSchemaError as error:
        problem = (
            f"{path} was written by a newer version of reader (schema {error.version}, "
            f"this one knows {len(MIGRATIONS)}); left it untouched"
        )
        return _in_memory(None, problem, notice, shows_saved=False)
    except NotOursError as error:
        return _in_memory(None, f"{path}: {error}; left it untouched", notice, shows_saved=False)
    except (OSError, sqlite3.Error, CorruptDatabaseError) as error:
        if isinstance(error, StoreBusyError):
            reason = f"another process held it for more than {BUSY_TIMEOUT:g} s"
        elif isinstance(error, OSError) and error.strerror:
            reason = error.strerror
        elif isinstance(error, sqlite3.Error) and _code(error) == sqlite3.SQLITE_FULL:
            reason = _FULL
        else:
            reason = str(error)
        return _in_memory(path, f"cannot save in {directory} ({reason})", notice)


def _in_memory(
    snapshot_of: Path | None,
    problem: str,
    notice: str | None,
    *,
    shows_saved: bool = True,
) -> OpenedDatabase:
    """A store for this session: a copy of `snapshot_of` when it can be read."""
    connection, copied = _open_memory(snapshot_of)
    if snapshot_of is not None and snapshot_of.exists() and not copied:
        shows_saved = False
    problem = one_line(problem)
    told = f"{problem}: bookmarks, notes and positions last only until you quit"
    return OpenedDatabase(
        connection,
        None,
        told if notice is None else f"{notice}; {told}",
        problem,
        shows_saved,
    )


def transaction(connection: sqlite3.Connection, work: Callable[[sqlite3.Connection], T]) -> T:
    """Run `work` in one write transaction and commit it at once, or roll it back and raise:
    `StoreBusyError` after waiting `BUSY_TIMEOUT` for the lock, `StoreError` for any SQLite
    failure to make or commit the change (a full disk, a read-only file); anything else
    `work` raises (`UnknownBookmarkError`) passes through as it is."""
    _retrying(lambda: connection.execute("BEGIN IMMEDIATE"))
    try:
        result = work(connection)
        connection.execute("COMMIT")
    except BaseException as error:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        if isinstance(error, sqlite3.Error) and not isinstance(error, StoreError):
            raise _store_error(error) from error
        raise
    return result


def _store_error(error: sqlite3.Error) -> StoreError:
    code = _code(error)
    if code in _BUSY_CODES:
        return StoreBusyError(BUSY_TIMEOUT)
    reason = _FULL if code == sqlite3.SQLITE_FULL else str(error)
    return StoreError(f"could not save ({reason}); nothing was saved")


def _retrying(action: Callable[[], object]) -> None:
    """`action`, tried again while another process holds the lock, `BUSY_TIMEOUT` seconds in
    all: SQLite's own busy handler waits within that, and is skipped in some cases (e.g.
    while a WAL is recovered), when the pause here takes over.  Then `StoreBusyError`."""
    deadline = time.monotonic() + BUSY_TIMEOUT
    attempt = 0
    while True:
        try:
            action()
            return
        except sqlite3.OperationalError as error:
            if _code(error) not in _BUSY_CODES:
                raise
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise StoreBusyError(BUSY_TIMEOUT) from error
            time.sleep(min(remaining, _RETRY_PAUSE * 2**attempt))
            attempt += 1


def _code(error: sqlite3.Error) -> int:
    code: int = getattr(error, "sqlite_errorcode", 0)
    return code & 0xFF


def _check_writable(directory: Path, path: Path) -> None:
    """Fail now, with the operating system's reason, rather than at the first bookmark."""
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryFile(dir=directory):
        pass
    if path.exists() and not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, "the database file is read-only", str(path))


def _inspect(path: Path) -> _Kind:
    """What the file at `path` is, found without writing anything to it: `NotOursError`
    for another program's database."""
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except FileNotFoundError:
        return _Kind.NEW
    if not header:
        return _Kind.NEW  # SQLite makes a database of an empty file
    if len(header) < 100 or not header.startswith(_HEADER):
        return _Kind.CORRUPT
    application_id = int.from_bytes(header[68:72], "big", signed=True)
    if application_id == APPLICATION_ID:
        return _Kind.OURS
    if application_id != 0:
        raise NotOursError(f"it belongs to another program: application_id {application_id:#x}", foreign=True)
    # No application id: reader's own from before version 2, an empty database, or another's.
    try:
        with closing(_connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
            names = table_names(connection)
    except sqlite3.DatabaseError as error:
        if _code(error) in _CORRUPT_CODES:
            return _Kind.CORRUPT
        raise
    known = tables(len(MIGRATIONS))
    foreign = [name for name in names if name not in known]
    if foreign:
        shown = ", ".join(foreign[:4]) + (", …" if len(foreign) > 4 else "")
        raise NotOursError(f"it holds tables reader never made: {shown}", foreign=True)
    return _Kind.OURS if names else _Kind.NEW


def _check_layout(connection: sqlite3.Connection, version: int) -> None:
    """Every table reader's schema `version` has, with exactly its columns: a table of the
    same name built by someone else is never written to."""
    expected = tables(version)
    present = table_names(connection)
    for name in present:
        found = columns(connection, name)
        if found != expected.get(name):
            raise NotOursError(
                f"its table {name!r} is not reader's (columns {', '.join(found)})", foreign=False
            )
    missing = [name for name in expected if name not in present]
    if missing:
        raise NotOursError(f"reader's tables {', '.join(missing)} are missing", foreign=False)


def _connect(target: str | Path, *, uri: bool = False) -> sqlite3.Connection:
    # Autocommit mode (isolation_level=None): transactions are begun explicitly, as
    # BEGIN IMMEDIATE, so a writer waits for the lock up front instead of failing midway.
    return sqlite3.connect(
        target, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False, uri=uri
    )


def _open_file(path: Path) -> sqlite3.Connection:
    connection = _connect(path)
    try:
        # Checked before anything is written (even the switch to WAL changes the header), so
        # that a newer release's database, or a table that is not ours, is left as it was.
        version = understood_version(connection)
        _check_layout(connection, version)
        _retrying(lambda: connection.execute("PRAGMA journal_mode = WAL"))
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise CorruptDatabaseError("; ".join(problems[:3]))
        # The write lock only when there is something to migrate (`migrate` looks again
        # under it): another process writing as this one starts costs it nothing.
        if version != len(MIGRATIONS):
            transaction(connection, migrate)
    except sqlite3.DatabaseError as error:
        connection.close()
        if _code(error) in _CORRUPT_CODES:
            raise CorruptDatabaseError(str(error)) from error
        raise
    except BaseException:
        connection.close()
        raise
    return connection


def _move_aside(path: Path) -> Path:
    """Rename the damaged file (and its WAL) to `reader.sqlite3.corrupt-<UTC time>`."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    count = 1
    while aside.exists():
        count += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{count}")
    path.rename(aside)
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(aside.with_name(aside.name + suffix))
    return aside


def _open_memory(snapshot_of: Path | None) -> tuple[sqlite3.Connection, bool]:
    """A database for this session only, and whether it is a copy of `snapshot_of` (so the
    reader still sees what they saved): else an empty one."""
    if snapshot_of is not None and snapshot_of.is_file():
        # `mode=ro` honours a WAL still being written; `immutable=1` reads a file whose
        # directory is read-only and which has no `-shm` beside it.
        for query in ("mode=ro", "immutable=1"):
            memory = _connect(":memory:")
            try:
                with closing(_connect(f"{snapshot_of.as_uri()}?{query}", uri=True)) as disk:
                    _check_layout(disk, understood_version(disk))
                    disk.backup(memory)
                return _prepare_memory(memory), True
            except (sqlite3.Error, NewerSchemaError, NotOursError):
                memory.close()
    return _prepare_memory(_connect(":memory:")), False


def _prepare_memory(memory: sqlite3.Connection) -> sqlite3.Connection:
    memory.execute("PRAGMA foreign_keys = ON")
    transaction(memory, migrate)
    return memory
