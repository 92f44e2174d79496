"""The library with 500 documents: opened in the app, and read from the store.

Baselines from the same run: the bookmark list (an existing list screen) opened in
the same app, and the store's own listing of every bookmark.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import ESSAY, Figure, median_ms

DOCUMENTS = 500


def _fill_library(directory: Path) -> None:
    """500 documents read before, each a file of its own with a position and a bookmark."""
    from reader.core.bookmarks import BookmarkStore
    from reader.core.loading import load_document

    essay = load_document(ESSAY)
    with BookmarkStore.open() as store:
        for number in range(DOCUMENTS):
            path = directory / f"book-{number:03d}.txt"
            text = f"{essay.text}\n{number}"
            path.write_text(text, encoding="utf-8")
            document = dataclasses.replace(essay, text=text, source=path, title=f"Book {number}")
            store.add(document, 0, 10)
            store.save_position(document, number % len(text))


async def _open_ms(key: str, shown: Callable[[object], bool], runs: int) -> float:
    """Median ms from `key` to its screen's list filled and drawn, in one app session."""
    from reader.app.app import ReaderApp
    from reader.core.loading import read_source
    from tests.app.helpers import press, reading, wait_until

    app = ReaderApp(read_source(ESSAY))
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(lambda: reading(app).bookmarks is not None, "the bookmarks")
        await app.workers.wait_for_complete()
        for _ in range(runs):
            start = time.perf_counter()
            await press(app, key)
            await wait_until(lambda: shown(app.screen), "the list")
            await pilot.pause()
            times.append((time.perf_counter() - start) * 1000)
            await press(app, "escape")
    return statistics.median(times)


def _library_shown(screen: object) -> bool:
    from reader.app.library.screen import LibraryScreen

    return isinstance(screen, LibraryScreen) and screen.entries is not None


def _bookmarks_shown(screen: object) -> bool:
    from reader.app.bookmarks.list_screen import BookmarkList

    return isinstance(screen, BookmarkList)


def figures(runs: int) -> list[Figure]:
    from reader.core.bookmarks import BookmarkStore
    from reader.core.bookmarks.shelf import read_library

    before = os.environ.get("READER_DATA_DIR")
    os.environ["READER_DATA_DIR"] = tempfile.mkdtemp(prefix="reader-bench-library-")
    try:
        _fill_library(Path(tempfile.mkdtemp(prefix="reader-bench-books-")))
        with BookmarkStore.open() as store:
            read = median_ms(lambda: read_library(store), runs)
            every_bookmark = median_ms(store.bookmarks, runs)
        in_app = asyncio.run(_open_ms("L", _library_shown, runs))
        bookmark_list = asyncio.run(_open_ms("apostrophe", _bookmarks_shown, runs))
    finally:
        if before is None:
            del os.environ["READER_DATA_DIR"]
        else:
            os.environ["READER_DATA_DIR"] = before
    return [
        Figure(
            name=f"app: L to the library of {DOCUMENTS} documents",
            value=in_app,
            baseline_name="app: ' to the bookmark list",
            baseline=bookmark_list,
            target="< 200 ms",
        ),
        Figure(
            name=f"read_library: {DOCUMENTS} documents, files checked",
            value=read,
            baseline_name=f"store.bookmarks(): all {DOCUMENTS}",
            baseline=every_bookmark,
        ),
    ]
