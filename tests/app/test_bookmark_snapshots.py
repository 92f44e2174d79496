"""A snapshot of the bookmark list at 100x30: passages, notes, dates and a lost passage."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.core.bookmarks import BookmarkStore, store
from reader.core.loading import load_document
from tests.app.helpers import ESSAY, press, reading, still, text_app, wait_until

SnapCompare = Callable[..., bool]

LOST = "None endured. A lesser-known example was the Persian Soviet Socialist Republic,"


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Bookmarks made at noon UTC on 20 January 2026, shown in UTC: the same date everywhere."""
    monkeypatch.setattr(store, "_now", lambda: "2026-01-20T12:00:00.000Z")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def bookmarked_copy(directory: Path) -> Path:
    """A copy of the essay with three bookmarks, then edited so that one passage is gone."""
    copy = directory / "essay.txt"
    shutil.copy(ESSAY, copy)
    document = load_document(copy)
    with BookmarkStore.open() as bookmarks:
        for quote, note in (
            ("Although he once criticised American interventionism", "Trump and regime change"),
            (LOST, "Gilan, 1920-21"),
            ("Iran’s clerical regime is deeply unpopular", ""),
        ):
            start = document.text.index(quote)
            bookmarks.add(document, start, start + len(quote), note)
        for block in (0, 7):
            bookmarks.add(document, document.blocks[block].start, document.blocks[block].end)
    copy.write_text(copy.read_text(encoding="utf-8").replace(LOST, ""), encoding="utf-8")
    return copy


async def open_list(pilot: Any) -> None:
    app = pilot.app

    def loaded() -> bool:
        keeper = reading(app).bookmarks
        return keeper is not None and keeper.bookmarks is not None

    await wait_until(loaded, "the bookmarks")
    await press(app, "apostrophe")
    await still(app)  # other features' notices (no glossary here) are not the subject


@pytest.mark.usefixtures("fixed_clock")
def test_bookmark_list_at_100x30(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = text_app(bookmarked_copy(tmp_path))
    assert snap_compare(app, terminal_size=(100, 30), run_before=open_list)
