"""`reader serve` in a real browser: the essay answers keys, two tabs bookmark into the one
database, and each tab's reader process ends when its tab closes or the server stops."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from reader.core.bookmarks import BookmarkStore
from reader.core.loading import load_document
from tests.browser.conftest import PHONE, WIDE, screenshot_path

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, ViewportSize, WebSocket

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[PX^_\]].*?(?:\x07|\x1b\\)", re.DOTALL)
_WAIT = 20.0
"""Seconds to wait for what a test expects to see: generous, as the machine may be busy."""


class Served:
    """A `reader serve --port 0` process and the address it printed."""

    def __init__(self, process: subprocess.Popen[str], url: str) -> None:
        self.process = process
        self.url = url

    def readers(self) -> set[int]:
        """The reader processes the server has started and not yet reaped."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return {int(pid) for pid in path.read_text().split()} if path.exists() else set()


@pytest.fixture
def served() -> Iterator[Served]:
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:\d+/", line)
    assert found, (line, process.stderr.read() if process.poll() is not None and process.stderr else "")
    yield Served(process, found.group())
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=_WAIT)


def _gone(pid: int) -> bool:
    """True once `pid` has exited (a zombie awaiting its parent counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in {"Z", "X"}


def _wait_until_gone(pids: set[int]) -> float:
    """Polls until every one of `pids` has exited; how long that took (reported, not asserted)."""
    started = time.monotonic()
    while not all(_gone(pid) for pid in pids):
        assert time.monotonic() - started < _WAIT, f"reader processes {pids} still running"
        time.sleep(0.01)
    return time.monotonic() - started


class Screen:
    """What a tab's terminal has been sent, as text without escape sequences."""

    def __init__(self, page: Page) -> None:
        self.received: list[str] = []
        page.on("websocket", self._attach)

    def _attach(self, websocket: WebSocket) -> None:
        websocket.on("framereceived", self._frame)

    def _frame(self, payload: str | bytes) -> None:
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        self.received.append(_ANSI.sub("", text))

    def wait_for(self, page: Page, text: str) -> None:
        """Waits until `text` has been drawn since the last call."""
        deadline = time.monotonic() + _WAIT
        while text not in "".join(self.received):
            assert time.monotonic() < deadline, f"{text!r} never reached the browser"
            page.wait_for_timeout(20)  # lets Playwright deliver the next frames
        self.received.clear()


def _open(browser: BrowserContext, served: Served, size: ViewportSize) -> tuple[Page, Screen, set[int]]:
    before = served.readers()
    page = browser.new_page()
    page.set_viewport_size(size)
    screen = Screen(page)
    page.goto(served.url, wait_until="domcontentloaded")
    return page, screen, before


def test_the_essay_moves_with_keys_and_its_reader_ends_with_the_server(
    browser: BrowserContext, served: Served
) -> None:
    document = load_document()
    first_words = " ".join(document.block_text(0).split()[:3])
    shots = []
    for size in (WIDE, PHONE):
        page, screen, before = _open(browser, served, size)
        screen.wait_for(page, first_words)
        page.locator(".xterm-helper-textarea, textarea").first.focus()
        page.keyboard.press("G")
        screen.wait_for(page, "100%")
        name = f"serve-{size['width']}x{size['height']}"
        page.screenshot(path=screenshot_path(name))
        shots.append(page)
        assert served.readers() - before, "no reader process for the tab"
    readers = served.readers()
    assert len(readers) == 2  # one per tab
    served.process.send_signal(signal.SIGTERM)
    took = _wait_until_gone(readers)
    served.process.wait(timeout=_WAIT)
    sys.stderr.write(f"readers ended {took:.2f} s after the server was stopped\n")
    for page in shots:
        page.close()


def test_two_tabs_bookmark_into_one_database_and_a_closed_tab_ends_its_reader(
    browser: BrowserContext, served: Served, data_dir: Path
) -> None:
    tabs = []
    for _ in range(2):
        page, screen, before = _open(browser, served, WIDE)
        screen.wait_for(page, "%")
        tabs.append((page, screen, served.readers() - before))
    for page, _, _ in tabs:
        page.locator(".xterm-helper-textarea, textarea").first.focus()
        page.keyboard.press("m")
    for page, _, _ in tabs:
        page.keyboard.press("Enter")
    document = load_document()
    deadline = time.monotonic() + _WAIT
    while True:
        with BookmarkStore.open(data_dir) as store:
            if len(store.bookmarks(document)) == 2:
                break
        assert time.monotonic() < deadline, "both tabs' bookmarks did not reach the database"
        tabs[0][0].wait_for_timeout(50)
    page, _, pids = tabs[0]
    page.close()
    took = _wait_until_gone(pids)
    sys.stderr.write(f"a closed tab's reader ended in {took:.2f} s\n")
    assert not _gone(next(iter(tabs[1][2])))  # the other tab's reader carries on
    tabs[1][0].close()
