"""Snapshots of search: the bar with its highlights, and the results list, at 120x40."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.app.helpers import GLOSSARY, essay_app

SnapCompare = Callable[..., bool]


async def type_query(pilot: Any, *keys: str) -> None:
    await pilot.app.workers.wait_for_complete()  # the glossary, linked
    await pilot.press("slash", *keys)
    pilot.app.search_bar.input.cursor_blink = False
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


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
        await type_query(pilot, *"Iran", "enter", "ctrl+f")

    assert snap_compare(essay_app(vault=GLOSSARY), terminal_size=(120, 40), run_before=search)
