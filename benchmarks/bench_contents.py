"""Opening the contents of War and Peace (382 chapters in their nesting) in the running app,
beside a bare Textual app opening a modal list of as many plain rows: what Textual itself
takes to show such a list is the floor."""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from benchmarks.common import WAR_AND_PEACE, Figure

CHAPTERS = 382
"""War and Peace's chapters, books and epilogues (tests/core/test_contents.py)."""


class _PlainList(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss")]

    def compose(self) -> ComposeResult:
        yield OptionList(*(f"Chapter {row}" for row in range(CHAPTERS)))


class _BareListApp(App[None]):
    BINDINGS = [Binding("c", "open_list")]

    def compose(self) -> ComposeResult:
        yield Static("bare textual app ready")

    def action_open_list(self) -> None:
        self.push_screen(_PlainList())


async def _open_and_close(pilot: Pilot[Any], runs: int) -> float:
    """Median time from `c` to the list drawn on the screen, over `runs` openings."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        await pilot.press("c")
        await pilot.pause()
        times.append((time.perf_counter() - start) * 1000)
        await pilot.press("escape")
        await pilot.pause()
    return statistics.median(times)


async def _reader_ms(runs: int) -> float:
    from reader.app.app import ReaderApp
    from reader.app.reading.screen import ReadingScreen
    from reader.core.loading import read_source

    app = ReaderApp(read_source(WAR_AND_PEACE))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        while not screen.view.document.complete:
            await asyncio.sleep(0.01)
        await app.workers.wait_for_complete()
        screen.view.go_to_paragraph(7000)  # Book Nine: the list opens scrolled to it
        await pilot.pause()
        return await _open_and_close(pilot, runs)


async def _bare_ms(runs: int) -> float:
    app = _BareListApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return await _open_and_close(pilot, runs)


def figures(runs: int) -> list[Figure]:
    reader = asyncio.run(_reader_ms(runs))
    bare = asyncio.run(_bare_ms(runs))
    return [
        Figure(
            "contents open: War and Peace (Pilot)",
            reader,
            f"bare Textual app: {CHAPTERS}-row modal list",
            bare,
            target="< 1.5x",
        )
    ]
