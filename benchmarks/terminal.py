"""Run a program in a pseudo-terminal and time until a marker is on the screen."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Paint:
    """Seconds from spawn until `marker` was written, and the process's peak RSS in MiB."""

    seconds: float
    peak_mib: float


def time_to_marker(
    argv: list[str],
    marker: bytes,
    *,
    columns: int = 120,
    rows: int = 40,
    keys: bytes = b"",
    timeout: float = 60,
) -> Paint:
    """Spawn `argv` in a `columns`x`rows` pty, wait for `marker` in its output, then
    send `keys` (if any) and end it; report the time to the marker and peak memory."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("NO_COLOR", None)
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    seen = b""
    elapsed = None
    deadline = start + timeout
    try:
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen = (seen + chunk)[-65536:]
            if marker in seen:
                elapsed = time.perf_counter() - start
                break
        if keys:
            os.write(fd, keys)
            time.sleep(0.2)
    finally:
        os.kill(pid, signal.SIGTERM)
        _, _, usage = os.wait4(pid, 0)
        os.close(fd)
    if elapsed is None:
        raise RuntimeError(f"{argv}: {marker!r} never appeared within {timeout} s")
    return Paint(elapsed, usage.ru_maxrss / 1024)
