"""Drive the installed `reader` command in a real terminal with tmux.

No test sleeps for a fixed time: each waits for what the screen shows.  An
`Escape` sent just before another key reads as alt+that key in any terminal
program, so tests send the next key once the escape's effect is on screen.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def reader_command() -> str:
    """The `reader` console script installed beside this Python."""
    script = Path(sys.executable).parent / "reader"
    if not script.exists():
        pytest.skip("the reader command is not installed in this environment")
    return str(script)


class Terminal:
    """One tmux session, on a tmux server of its own (sessions never share a size)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def tmux(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.name, *arguments], capture_output=True, text=True)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys).check_returncode()

    def screen(self, *, escapes: bool = False) -> str:
        arguments = ["capture-pane", "-p", *(["-e"] if escapes else []), "-t", self.name]
        result = self.tmux(*arguments)
        result.check_returncode()
        return result.stdout

    def wait_for(self, text: str, timeout: float = 15) -> str:
        """The screen once `text` is on it; fails with the screen shown if it never is."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear; the screen was:\n{screen}")

    def wait_for_absence(self, text: str, timeout: float = 15) -> str:
        """The screen once `text` has left it (say, a pane closed)."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while text in screen:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} stayed on the screen:\n{screen}")
            time.sleep(0.1)
            screen = self.screen()
        return screen

    def wait_for_pattern(
        self, pattern: str, timeout: float = 15, *, escapes: bool = False, present: bool = True
    ) -> str:
        """The screen once the regular expression `pattern` matches it (or, if not `present`,
        once it no longer does)."""
        deadline = time.monotonic() + timeout
        screen = self.screen(escapes=escapes)
        while (re.search(pattern, screen) is None) == present:
            if time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} present={present} never held; the screen was:\n{screen}")
            time.sleep(0.1)
            screen = self.screen(escapes=escapes)
        return screen

    def wait_until_gone(self, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.tmux("has-session", "-t", self.name).returncode != 0:
                return
            time.sleep(0.1)
        raise AssertionError(f"tmux session {self.name} did not end")


@contextmanager
def terminal(
    command: str, *, width: int = 120, height: int = 40, env: dict[str, str] | None = None
) -> Iterator[Terminal]:
    """A detached tmux session of `width`x`height` running `command`."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    name = f"reader-test-{uuid.uuid4().hex[:8]}"
    prefix = " ".join(f"{key}={shlex.quote(value)}" for key, value in (env or {}).items())
    term = Terminal(name)
    # COLUMNS/LINES reach the pane's environment under pytest (as 80x24) and would
    # override the real size for every program that asks `shutil.get_terminal_size`.
    shell_command = f"exec env -u COLUMNS -u LINES {prefix} {command}"
    term.tmux(
        "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), shell_command
    ).check_returncode()
    try:
        yield term
    finally:
        term.tmux("kill-server")
