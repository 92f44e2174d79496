"""Run a program in a pseudo-terminal and time until a marker is on the screen."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import tempfile
import termios
import time
from dataclasses import dataclass


def _spawn(argv: list[str], columns: int, rows: int) -> tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ["TERM"] = "xterm-256color"
        for name in ("NO_COLOR", "COLUMNS", "LINES"):
            os.environ.pop(name, None)
        # A reader new to the book every run: one that shared the data directory would open
        # where the run before had left it (after `G`, at the end, with the marker showing).
        os.environ["READER_DATA_DIR"] = tempfile.mkdtemp(prefix="reader-bench-run-")
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    return pid, fd


def _read_until(fd: int, marker: bytes, deadline: float) -> bool:
    seen = b""
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        seen = (seen + chunk)[-65536:]
        if marker in seen:
            return True
    return False


def _end(pid: int, fd: int) -> float:
    """Stop the program; its peak resident memory in MiB."""
    os.kill(pid, signal.SIGTERM)
    _, _, usage = os.wait4(pid, 0)
    os.close(fd)
    return usage.ru_maxrss / 1024


def time_to_marker_after_key(
    argv: list[str],
    ready: bytes,
    key: bytes,
    marker: bytes,
    *,
    loaded: bytes | None = None,
    columns: int = 120,
    rows: int = 40,
) -> Paint:
    """Start `argv`, wait for `ready` (and then for `loaded`, if given: a large file loads
    behind the first screen, and `loaded_seconds` says how long that took), then time from
    sending `key` until `marker` is written."""
    pid, fd = _spawn(argv, columns, rows)
    loaded_seconds = None
    try:
        if not _read_until(fd, ready, time.perf_counter() + 60):
            raise RuntimeError(f"{argv}: {ready!r} never appeared")
        if loaded is not None:
            painted = time.perf_counter()
            if not _read_until(fd, loaded, painted + 60):
                raise RuntimeError(f"{argv}: {loaded!r} never appeared")
            loaded_seconds = time.perf_counter() - painted
        _read_until(fd, b"\0never", time.perf_counter() + 0.05)  # drain
        start = time.perf_counter()
        os.write(fd, key)
        if not _read_until(fd, marker, start + 30):
            raise RuntimeError(f"{argv}: {marker!r} never appeared after {key!r}")
        elapsed = time.perf_counter() - start
    finally:
        peak = _end(pid, fd)
    return Paint(elapsed, peak, loaded_seconds)


@dataclass(frozen=True)
class Paint:
    """Seconds from spawn until `marker` was written, and the process's peak RSS in MiB."""

    seconds: float
    peak_mib: float
    loaded_seconds: float | None = None
    """From `ready` until `loaded` was written, where asked for."""


def time_to_marker(argv: list[str], marker: bytes, *, columns: int = 120, rows: int = 40) -> Paint:
    """Spawn `argv` in a `columns`x`rows` pty; the time until `marker` is written, and
    the program's peak memory (it is stopped right after)."""
    start = time.perf_counter()
    pid, fd = _spawn(argv, columns, rows)
    try:
        found = _read_until(fd, marker, start + 60)
        elapsed = time.perf_counter() - start
    finally:
        peak = _end(pid, fd)
    if not found:
        raise RuntimeError(f"{argv}: {marker!r} never appeared within 60 s")
    return Paint(elapsed, peak)
