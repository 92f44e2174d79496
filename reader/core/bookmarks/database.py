"""Opening the bookmark database so that no failure costs the reader data or a crash.

Every change runs in its own `BEGIN IMMEDIATE` transaction, committed at once, in
WAL mode with `synchronous=FULL`: a process killed mid-write loses at most the
change it was making.  Two processes writing at once wait for each other (a busy
timeout, then retries).  A damaged file is moved aside and a fresh one started; a
directory that cannot be written falls back to a database in memory for the
session.  Either way `notice` says what happened and where.
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
from pathlib import Path
from typing import TypeVar

from reader.core.bookmarks.schema import NewerSchemaError, migrate, understood_version

DATABASE_NAME = "reader.sqlite3"
BUSY_TIMEOUT = 5.0
"""Seconds SQLite itself waits for another process's write to finish."""
_BUSY_RETRIES = 5
_RETRY_PAUSE = 0.05
_COMPANIONS = ("-wal", "-shm")
_BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
_CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})

T = TypeVar("T")


class CorruptDatabaseError(Exception):
    """The file is not a sound SQLite database."""


@dataclass(frozen=True)
class OpenedDatabase:
    connection: sqlite3.Connection
    notice: str | None = None


def open_database(directory: Path) -> OpenedDatabase:
    """The database in `directory`, repaired or replaced by one in memory if need be."""
    path = directory / DATABASE_NAME
    notice: str | None = None
    try:
        _check_writable(directory, path)
        try:
            return OpenedDatabase(_open_file(path))
        except CorruptDatabaseError:
            aside = _move_aside(path)
            notice = f"{path} was damaged: moved it to {aside} and started a new one"
            return OpenedDatabase(_open_file(path), notice)
    except NewerSchemaError as error:
        return OpenedDatabase(
            _open_memory(None),
            f"{path} was written by a newer version of reader (schema {error.version}); left it untouched, "
            "so bookmarks, notes and positions last only until you quit",
        )
    except (OSError, sqlite3.Error) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        unwritable = (
            f"cannot save in {directory} ({reason}): bookmarks, notes and positions last only until you quit"
        )
        return OpenedDatabase(
            _open_memory(path if notice is None else None),
            unwritable if notice is None else f"{notice}; {unwritable}",
        )


def transaction(connection: sqlite3.Connection, work: Callable[[sqlite3.Connection], T]) -> T:
    """Run `work` in one write transaction and commit it at once (rolled back on error)."""
    _retrying(lambda: connection.execute("BEGIN IMMEDIATE"))
    try:
        result = work(connection)
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return result


def _retrying(action: Callable[[], object]) -> None:
    """`action`, tried again a few times if another process still holds the lock after the
    busy timeout (SQLite skips its busy handler in some cases, e.g. while a WAL is recovered)."""
    for attempt in range(_BUSY_RETRIES):
        try:
            action()
            return
        except sqlite3.OperationalError as error:
            if _code(error) not in _BUSY_CODES or attempt == _BUSY_RETRIES - 1:
                raise
            time.sleep(_RETRY_PAUSE * 2**attempt)


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
        # that a newer release's database is left exactly as it was.
        understood_version(connection)
        _retrying(lambda: connection.execute("PRAGMA journal_mode = WAL"))
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise CorruptDatabaseError("; ".join(problems[:3]))
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


def _open_memory(snapshot_of: Path | None) -> sqlite3.Connection:
    """A database for this session only: a copy of `snapshot_of` when it can be read (so
    the reader still sees what they saved), else an empty one."""
    if snapshot_of is not None and snapshot_of.is_file():
        # `mode=ro` honours a WAL still being written; `immutable=1` reads a file whose
        # directory is read-only and which has no `-shm` beside it.
        for query in ("mode=ro", "immutable=1"):
            memory = _connect(":memory:")
            try:
                with closing(_connect(f"{snapshot_of.as_uri()}?{query}", uri=True)) as disk:
                    disk.backup(memory)
                return _prepare_memory(memory)
            except (sqlite3.Error, NewerSchemaError):
                memory.close()
    return _prepare_memory(_connect(":memory:"))


def _prepare_memory(memory: sqlite3.Connection) -> sqlite3.Connection:
    memory.execute("PRAGMA foreign_keys = ON")
    transaction(memory, migrate)
    return memory
