"""Searching War and Peace: a rare name, the commonest word, and typing a name key by key.

Each figure stands beside `grep -c` of the same word over the same file, run
as a subprocess in the same run (so it includes starting grep, as a shell user
would).  The book is folded once per document; the first figure is that
first, cold search, the others reuse the folded copy, as the app does.

The last figures are the app's: from setting the query in the search bar until
the first screen is drawn with its hits highlighted (the search runs in a worker
thread, its result comes back as a message, the view draws every visible row),
in-process, beside the bare core search of the same word.
"""

from __future__ import annotations

import asyncio
import dataclasses
import statistics
import subprocess
import time
from collections.abc import Iterator

from benchmarks.common import WAR_AND_PEACE, Figure, median_ms
from reader.core.document import Document
from reader.core.loading import load_document
from reader.core.search import search

NAME = "Napoleon"
COMMON_WORD = "the"


def _grep_count(*flags_and_word: str) -> None:
    subprocess.run(["grep", "-c", *flags_and_word, str(WAR_AND_PEACE)], stdout=subprocess.DEVNULL, check=True)


def _slowest_keystroke(document: Document, word: str) -> float:
    """The longest single search while `word` is typed one letter at a time, in ms."""
    slowest = 0.0
    for length in range(1, len(word) + 1):
        start = time.perf_counter()
        search(document, word[:length])
        slowest = max(slowest, (time.perf_counter() - start) * 1000)
    return slowest


def _median_slowest_keystroke(document: Document, word: str, runs: int) -> float:
    return sorted(_slowest_keystroke(document, word) for _ in range(runs))[runs // 2]


async def _query_to_screen(queries: tuple[str, ...], runs: int) -> dict[str, float]:
    """Median ms from setting each query in the app's search bar to its highlighted first screen."""
    from reader.app.app import ReaderApp
    from reader.app.reading.screen import ReadingScreen
    from reader.core.loading import read_source

    app = ReaderApp(read_source(WAR_AND_PEACE))
    times: dict[str, list[float]] = {query: [] for query in queries}
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        while not screen.view.document.complete:
            await asyncio.sleep(0.01)
        await app.workers.wait_for_complete()
        await screen.action_search()
        bar = screen.search_bar
        assert bar is not None
        view = screen.view
        for _ in range(runs):
            for query in queries:
                bar.clear()
                await pilot.pause()
                await asyncio.sleep(0)
                start = time.perf_counter()
                bar.input.value = query
                while bar.state is None:
                    await asyncio.sleep(0.0005)
                for y in range(view.scrollable_content_region.height):
                    view.render_line(y)
                times[query].append((time.perf_counter() - start) * 1000)
        bar.clear()
        await pilot.pause()
    return {query: statistics.median(values) for query, values in times.items()}


def figures(runs: int) -> list[Figure]:
    document = load_document(WAR_AND_PEACE)
    # Fresh copies of the document: each finds no folded text cached and folds the book.
    fresh: Iterator[Document] = iter([dataclasses.replace(document) for _ in range(runs)])
    grep_name = median_ms(lambda: _grep_count(NAME), runs)
    cold = median_ms(lambda: search(next(fresh), NAME), runs)
    in_app = asyncio.run(_query_to_screen((COMMON_WORD, NAME), runs))
    in_app_figures = [
        Figure(
            name=f"app: {word!r} set to its screen highlighted",
            value=in_app[word],
            baseline_name=f"search() of {word!r} alone",
            baseline=median_ms(lambda word=word: search(document, word), runs),  # type: ignore[misc]
            target="< 50 ms",
        )
        for word in (COMMON_WORD, NAME)
    ]
    return [
        Figure(
            name=f"first search of {NAME!r} (folds the book)",
            value=cold,
            baseline_name=f"grep -c {NAME}",
            baseline=grep_name,
        ),
        Figure(
            name=f"all {len(search(document, NAME))} matches of {NAME!r}",
            value=median_ms(lambda: search(document, NAME), runs),
            baseline_name=f"grep -c {NAME}",
            baseline=grep_name,
            target="< 50 ms",
        ),
        Figure(
            name=f"all {len(search(document, COMMON_WORD))} matches of {COMMON_WORD!r} (any case)",
            value=median_ms(lambda: search(document, COMMON_WORD), runs),
            baseline_name=f"grep -c -i {COMMON_WORD}",
            baseline=median_ms(lambda: _grep_count("-i", COMMON_WORD), runs),
            target="< 50 ms",
        ),
        Figure(
            name=f"slowest keystroke typing {NAME!r}",
            value=_median_slowest_keystroke(document, NAME, runs),
            baseline_name=f"grep -c {NAME}",
            baseline=grep_name,
            target="< 30 ms",
        ),
        *in_app_figures,
    ]
