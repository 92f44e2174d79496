"""`reader search` on War and Peace from a shell: the commonest word against a name.

`reader search the` prints 47,339 lines, `reader search Napoleon` 590: both run as
the installed command, as a shell user would run them, and their output is read
to the end (from a pipe, and from a terminal, where every hit is highlighted).
`grep -n -w the` over the same file is the floor for printing that many lines.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from benchmarks.common import WAR_AND_PEACE, Figure, median_ms

READER = str(Path(sys.executable).parent / "reader")
COMMON_WORD = "the"
NAME = "Napoleon"
HIGHLIGHTED = b"\x1b[1;7m"


def _to_pipe(*command: str) -> bytes:
    return subprocess.run(command, stdout=subprocess.PIPE, check=True).stdout


def _to_terminal(*command: str) -> bytes:
    """`command`'s output as a terminal receives it: its stdout is a pseudo-terminal."""
    main, follower = pty.openpty()
    environment = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    process = subprocess.Popen(command, stdout=follower, env={**environment, "TERM": "xterm-256color"})
    os.close(follower)
    received = []
    while True:
        try:
            chunk = os.read(main, 1 << 16)
        except OSError:  # EIO: the command has exited and closed its end
            break
        if not chunk:
            break
        received.append(chunk)
    os.close(main)
    if process.wait() != 0:
        raise subprocess.CalledProcessError(process.returncode, command)
    return b"".join(received)


def _lines(output: bytes) -> int:
    return output.count(b"\n")


def figures(runs: int) -> list[Figure]:
    book = str(WAR_AND_PEACE)
    common = _lines(_to_pipe(READER, "search", COMMON_WORD, book))
    named = _lines(_to_pipe(READER, "search", NAME, book))
    if HIGHLIGHTED not in _to_terminal(READER, "search", NAME, book):
        raise AssertionError("reader search is not highlighted on a terminal")
    to_pipe = median_ms(lambda: _to_pipe(READER, "search", COMMON_WORD, book), runs)
    return [
        Figure(
            name=f"reader search {COMMON_WORD} | ({common:,} lines)",
            value=to_pipe,
            baseline_name=f"reader search {NAME} | ({named:,} lines)",
            baseline=median_ms(lambda: _to_pipe(READER, "search", NAME, book), runs),
            target="< 1000 ms",
        ),
        Figure(
            name=f"reader search {COMMON_WORD} | ({common:,} lines)",
            value=to_pipe,
            baseline_name=f"grep -n -w {COMMON_WORD} |",
            baseline=median_ms(lambda: _to_pipe("grep", "-n", "-w", COMMON_WORD, book), runs),
        ),
        Figure(
            name=f"reader search {COMMON_WORD}, to a terminal",
            value=median_ms(lambda: _to_terminal(READER, "search", COMMON_WORD, book), runs),
            baseline_name="the same, to a pipe",
            baseline=to_pipe,
            target="< 1000 ms",
        ),
    ]
