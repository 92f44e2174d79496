"""The reading view: first paint, `G`, a resize, memory; each beside its baseline.

First paint and `G` are timed end to end in a real pseudo-terminal: from starting
the process (or sending the key) until the expected text is written.  Baselines
in the same run: a bare Textual app showing one line, and `less` on the same file.
The resize is timed in-process through Textual's own resize path (Pilot), for the
reader on War and Peace and for the bare app.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import ESSAY, ROOT, WAR_AND_PEACE, Figure
from benchmarks.epub_book import war_and_peace_epub
from benchmarks.terminal import Paint, time_to_marker, time_to_marker_after_key

PYTHON = sys.executable
READER = str(Path(PYTHON).parent / "reader")
BARE = [PYTHON, str(ROOT / "benchmarks" / "bare_app.py")]
BARE_MARKER = b"bare textual app ready"
ESSAY_MARKER = b"The loud cheers in parts"
BOOK_MARKER = b"This eBook is for the use"
BOOK_END_MARKER = b"hear about new eBooks."
BOOK_LOADED_MARKER = b"12,170"
"""The status bar's paragraph count once the whole book is in (the first screen's is smaller)."""


def _median(paints: list[Paint]) -> tuple[float, float]:
    return statistics.median(p.seconds for p in paints) * 1000, statistics.median(p.peak_mib for p in paints)


def _first_paints(runs: int) -> list[Figure]:
    """Interleaved runs, so that load on this noisy machine hits every program alike."""
    bare: list[Paint] = []
    essay: list[Paint] = []
    book: list[Paint] = []
    less: list[Paint] = []
    for _ in range(runs):
        bare.append(time_to_marker(BARE, BARE_MARKER))
        essay.append(time_to_marker([READER, str(ESSAY)], ESSAY_MARKER))
        book.append(time_to_marker([READER, str(WAR_AND_PEACE)], BOOK_MARKER))
        less.append(time_to_marker(["less", str(WAR_AND_PEACE)], BOOK_MARKER))
    bare_ms, _ = _median(bare)
    essay_ms, _ = _median(essay)
    book_ms, _ = _median(book)
    less_ms, _ = _median(less)
    return [
        Figure("first paint: the essay", essay_ms, "bare Textual app, one line", bare_ms, target="<= 1.15x"),
        Figure(
            "first paint: War and Peace", book_ms, "bare Textual app, one line", bare_ms, target="<= 1.3x"
        ),
        Figure("first paint: War and Peace", book_ms, "less war-and-peace.txt", less_ms),
    ]


def _epub_first_paint(runs: int) -> list[Figure]:
    """War and Peace as an EPUB: its first chapters paint while the rest loads behind."""
    return [
        _first_paint_beside_bare(
            "first paint: War and Peace as EPUB", war_and_peace_epub(WAR_AND_PEACE), runs
        )
    ]


def _markdown_first_paint(runs: int) -> list[Figure]:
    """War and Peace as a `.md` file: its head is parsed as Markdown for the first screen."""
    book = Path(tempfile.mkdtemp(prefix="reader-md-")) / "war-and-peace.md"
    shutil.copyfile(WAR_AND_PEACE, book)
    return [_first_paint_beside_bare("first paint: War and Peace as .md", book, runs)]


def _first_paint_beside_bare(name: str, book: Path, runs: int) -> Figure:
    """The reader's first paint of `book` (goal: 1.3x), interleaved with a bare app's."""
    bare: list[Paint] = []
    reader: list[Paint] = []
    for _ in range(runs):
        bare.append(time_to_marker(BARE, BARE_MARKER))
        reader.append(time_to_marker([READER, str(book)], BOOK_MARKER))
    return Figure(name, _median(reader)[0], "bare Textual app, one line", _median(bare)[0], target="<= 1.3x")


def _jump_to_end(runs: int) -> list[Figure]:
    """`G` in the running app, until the book's last lines are on the screen; and the
    peak memory of that run (the whole book loaded and laid out) beside a bare app's."""
    reader = [
        time_to_marker_after_key(
            [READER, str(WAR_AND_PEACE)], BOOK_MARKER, b"G", BOOK_END_MARKER, loaded=BOOK_LOADED_MARKER
        )
        for _ in range(runs)
    ]
    less = [
        time_to_marker_after_key(["less", str(WAR_AND_PEACE)], BOOK_MARKER, b"G", BOOK_END_MARKER)
        for _ in range(runs)
    ]
    bare = [time_to_marker(BARE, BARE_MARKER) for _ in range(runs)]
    reader_ms, reader_mib = _median(reader)
    loaded_ms = 1000 * statistics.median(paint.loaded_seconds or 0.0 for paint in reader)
    return [
        Figure(
            "War and Peace all in, after the first paint",
            loaded_ms,
            "parse and lay it out (in-process)",
            _load_ms(runs),
        ),
        Figure(
            "G: jump to the end of War and Peace", reader_ms, "less: G", _median(less)[0], target="< 50 ms"
        ),
        Figure(
            "peak memory: War and Peace, read to the end",
            reader_mib,
            "bare Textual app, one line",
            _median(bare)[1],
            "MiB",
            "< 2x",
        ),
    ]


def _load_ms(runs: int) -> float:
    """What the app does behind its first screen, alone: read, parse and lay out the book."""
    from reader.core.layout import layout_document
    from reader.core.loading import parse_file, read_source

    source = read_source(WAR_AND_PEACE)
    assert source.source is not None
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        layout_document(parse_file(source.source, source.codec, format=source.format), 76)
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


async def _rewrap_ms(app: object, runs: int) -> float:
    """The view's own work on a new width: re-wrap the whole book and draw the screen."""
    from reader.app.app import ReaderApp
    from reader.app.reading.screen import ReadingScreen

    assert isinstance(app, ReaderApp)
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        while not screen.view.document.complete:
            await asyncio.sleep(0.01)
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = screen.view
        for index in range(runs):
            view.measure = 70 if index % 2 == 0 else 76
            view._layouts.clear()  # a width never seen: a real re-wrap, no cache
            start = time.perf_counter()
            view._relayout()
            for y in range(view.scrollable_content_region.height):
                view.render_line(y)
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


async def _resize_ms(app: object, runs: int) -> float:
    from textual.app import App

    assert isinstance(app, App)
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for index in range(runs):
            width = 100 if index % 2 == 0 else 120
            start = time.perf_counter()
            await pilot.resize_terminal(width, 40)
            await pilot.pause()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _resize(runs: int) -> list[Figure]:
    from benchmarks.bare_app import BareApp
    from reader.app.app import ReaderApp
    from reader.core.loading import read_source

    rewrap = asyncio.run(_rewrap_ms(ReaderApp(read_source(WAR_AND_PEACE)), runs))
    reader = asyncio.run(_resize_ms(ReaderApp(read_source(WAR_AND_PEACE)), runs))
    bare = asyncio.run(_resize_ms(BareApp(), runs))
    return [
        Figure(
            "re-wrap War and Peace, draw the screen",
            rewrap,
            "bare Textual app: resize (Pilot)",
            bare,
            target="< 50 ms",
        ),
        Figure("resize War and Peace (Pilot)", reader, "bare Textual app: resize (Pilot)", bare),
    ]


def figures(runs: int) -> list[Figure]:
    return [
        *_first_paints(runs),
        *_markdown_first_paint(runs),
        *_epub_first_paint(runs),
        *_jump_to_end(runs),
        *_resize(runs),
    ]
