"""Snapshots of search: the bar with its highlights, and the results list, at 120x40."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.app.helpers import GLOSSARY, essay_app, glossary_ready, press, still
from tests.app.test_search_ui import searched

SnapCompare = Callable[..., bool]


async def type_query(pilot: Any, *keys: str) -> None:
    await glossary_ready(pilot.app)
    await press(pilot.app, "slash", *keys)
    await searched(pilot.app)
    await still(pilot.app)


def test_the_bar_with_highlights_at_120x40(snap_compare: SnapCompare) -> None:
    async def search(pilot: Any) -> None:
        await type_query(pilot, *"Russia")

    assert snap_compare(essay_app(vault=GLOSSARY), terminal_size=(120, 40), run_before=search)


def test_the_bar_offering_an_entry_at_120x40(snap_compare: SnapCompare) -> None:
    async def search(pilot: Any) -> None:
        await type_query(pilot, *"Mosaddegh")

    assert snap_compare(essay_app(vault=GLOSSARY), terminal_size=(120, 40), run_before=search)


def test_the_results_list_at_120x40(snap_compare: SnapCompare) -> None:
    async def search(pilot: Any) -> None:
        await type_query(pilot, *"Iran", "enter", "ampersand")

    assert snap_compare(essay_app(vault=GLOSSARY), terminal_size=(120, 40), run_before=search)
