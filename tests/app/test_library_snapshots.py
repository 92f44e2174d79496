"""A snapshot of the library at 110x30: progress, authors, bookmarks, time left, a missing file."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.core.bookmarks import BookmarkStore, shelf, store
from reader.core.loading import load_document
from tests.app.helpers import ESSAY, ROOT, essay_app, press, reading, still, wait_until

SnapCompare = Callable[..., bool]
SHELF = ROOT / "books"
"""Never made: only named, so that it reads `~/books/…` with $HOME at the checkout."""


@pytest.fixture
def library(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Three documents read on 20 January 2026 (UTC, shown in UTC) at stable paths; the
    third's file is gone."""
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("HOME", str(ROOT))  # the essay's own path is `~/seeds/…` on every machine
    time.tzset()
    monkeypatch.setattr(shelf, "_exists", lambda path: path.name != "vanished.md")
    essay = load_document(ESSAY)
    books = [
        ("vanished.md", "Notes from a Lost Folder", None, 0.0, 0),
        ("war-and-peace.txt", "War and Peace", "Leo Tolstoy", 0.62, 3),
        ("essay.txt", "Russia’s allies, Iran and Ukraine", "An Essayist", 0.25, 1),
    ]
    with BookmarkStore.open() as bookmarks:
        for hour, (name, title, author, progress, marks) in enumerate(books, start=9):
            monkeypatch.setattr(store, "_now", lambda hour=hour: f"2026-01-20T{hour:02d}:00:00.000Z")
            text = essay.text + name  # a text of its own: each its own document
            document = dataclasses.replace(essay, text=text, source=SHELF / name, title=title, author=author)
            for block in range(marks):
                bookmarks.add(document, document.blocks[block].start, document.blocks[block].end)
            bookmarks.save_position(document, round(len(text) * progress))
        bookmarks.set_setting(f"told-no-glossary:{ESSAY.resolve()}", "said")  # not this test's subject
    monkeypatch.setattr(store, "_now", lambda: "2026-01-20T08:00:00.000Z")  # the essay, read before all
    yield
    monkeypatch.undo()
    time.tzset()


async def open_library(pilot: Any) -> None:
    app = pilot.app

    def loaded() -> bool:
        keeper = reading(app).bookmarks
        return keeper is not None and keeper.bookmarks is not None

    await wait_until(loaded, "the bookmarks")
    await press(app, "L")
    await still(app)


@pytest.mark.usefixtures("library")
def test_library_at_110x30(snap_compare: SnapCompare) -> None:
    assert snap_compare(essay_app(), terminal_size=(110, 30), run_before=open_library)
