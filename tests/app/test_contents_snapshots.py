"""A snapshot of the contents pane over War and Peace: books and their chapters, the one the
cursor is in marked, what lies behind it read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.app.helpers import press, reading, still, text_app, wait_until

SnapCompare = Callable[..., bool]


def test_contents_in_book_nine_at_100x30(snap_compare: SnapCompare, war_and_peace_path: Path) -> None:
    async def open_contents(pilot: Any) -> None:
        app = pilot.app
        await wait_until(lambda: app.screen_stack and reading(app).view.document.complete, "the whole book")
        await still(app)  # the no-glossary notice gone from the reading screen: not the subject
        await press(app, "7", "0", "0", "1", "g", "c")
        await still(app)

    assert snap_compare(text_app(war_and_peace_path), terminal_size=(100, 30), run_before=open_contents)
