"""The reader's speed and furthest point, measured in the app with a clock moved by hand."""

from __future__ import annotations

from reader.core.bookmarks import BookmarkStore
from reader.core.bookmarks.shelf import read_library
from tests.app.helpers import essay_app, press, reading, view_of, wait_until


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_paging_is_measured_and_kept_when_the_reader_quits() -> None:
    clock = FakeClock()
    app = essay_app(clock=clock)
    async with app.run_test(size=(100, 30)):
        await wait_until(
            lambda: reading(app).bookmarks is not None and reading(app).bookmarks.bookmarks is not None,  # type: ignore[union-attr]
            "the bookmarks to load",
        )
        view = view_of(app)
        paged = 0
        for _ in range(3):
            before = view.position.offset
            clock.now += 30
            await press(app, "space")
            paged += view.position.offset - before
        furthest = view.position.end
        clock.now += 0.5
        await press(app, "g")  # back to the top: neither reading nor a loss of reach
    with BookmarkStore.open() as store:
        characters, seconds = store.reading_totals()
        assert (characters, seconds) == (paged, 90.0)
        (entry,), _ = read_library(store)
        assert entry.record.furthest == furthest
