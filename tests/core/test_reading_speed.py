"""The reader's speed and furthest point, measured with a clock the test moves by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.bookmarks import BookmarkStore
from reader.core.bookmarks.shelf import read_library
from reader.core.loading import load_document
from reader.core.reading_speed import DWELL_SECONDS, ReadingTracker


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_paging_at_a_steady_pace_is_measured() -> None:
    clock = Clock()
    tracker = ReadingTracker(clock)
    tracker.moved(0, 1000)
    for page in range(1, 6):
        clock.now += 40
        tracker.moved(page * 1000, page * 1000 + 1000)
    assert tracker.take() == (5000, 200.0)
    assert tracker.take() == (0, 0.0)
    assert tracker.furthest == 6000


def test_idle_gaps_jumps_skimming_and_going_back_are_not_reading() -> None:
    clock = Clock()
    tracker = ReadingTracker(clock)
    tracker.moved(0, 1000)
    clock.now += 3600  # away for an hour: the page counts as read, the hour does not
    tracker.moved(1000, 2000)
    clock.now += 1
    tracker.moved(2000, 3000)  # 1,000 characters in a second: skimming
    clock.now += 30
    tracker.moved(500, 1500)  # back
    clock.now += 30
    tracker.moved(90_000, 91_000)  # a jump (G, 50%, a search)
    assert tracker.take() == (0, 0.0)
    assert tracker.furthest == 3000


def test_a_glance_at_the_end_reveals_nothing_but_staying_there_does() -> None:
    clock = Clock()
    tracker = ReadingTracker(clock, furthest=1000)
    tracker.moved(0, 1000)
    clock.now += 10
    tracker.moved(90_000, 91_000)  # G
    clock.now += 0.5
    tracker.moved(0, 1000)  # and straight back
    assert tracker.furthest == 1000
    tracker.moved(90_000, 91_000)
    clock.now += DWELL_SECONDS
    tracker.settle()  # stayed there, then quit
    assert tracker.furthest == 91_000
    tracker.reached(10)
    assert tracker.furthest == 91_000  # never back


def test_the_store_keeps_speed_and_a_furthest_point_that_only_grows(essay_path: Path) -> None:
    document = load_document(essay_path)
    with BookmarkStore.open() as store:
        assert store.furthest(document) == 0
        store.record_reading(document, 3000, 100.0, 2000)
        store.record_reading(document, 1200, 40.0, 500)
        assert store.furthest(document) == 2000
        assert store.reading_totals() == (4200, 140.0)
        (entry,), speed = read_library(store)
        assert speed.measured and speed.characters_per_minute == 1800.0
        assert entry.minutes_left == pytest.approx(len(document.text) / 1800)
        with pytest.raises(ValueError):
            store.record_reading(document, -1, 0, 0)
