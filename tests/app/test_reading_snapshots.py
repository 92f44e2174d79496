"""Snapshots of the reading view: the essay as shipped (its mentions marked), at a
comfortable size and at 40x12, and after reading on with a narrower column."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.app.helpers import GLOSSARY, essay_app, glossary_ready, press, still

SnapCompare = Callable[..., bool]


async def mentions_marked(pilot: Any) -> None:
    await glossary_ready(pilot.app)
    await still(pilot.app)


def test_essay_at_120x40(snap_compare: SnapCompare) -> None:
    assert snap_compare(essay_app(vault=GLOSSARY), terminal_size=(120, 40), run_before=mentions_marked)


def test_essay_at_40x12(snap_compare: SnapCompare) -> None:
    assert snap_compare(essay_app(vault=GLOSSARY), terminal_size=(40, 12), run_before=mentions_marked)


def test_essay_two_paragraphs_on_with_a_narrower_column(snap_compare: SnapCompare) -> None:
    async def read_on(pilot: Any) -> None:
        await glossary_ready(pilot.app)
        await press(pilot.app, "right_curly_bracket", "right_curly_bracket", "minus", "minus")
        await still(pilot.app)

    assert snap_compare(essay_app(vault=GLOSSARY), terminal_size=(100, 30), run_before=read_on)


def test_help_at_120x40(snap_compare: SnapCompare) -> None:
    async def help_open(pilot: Any) -> None:
        await press(pilot.app, "question_mark")
        await still(pilot.app)

    assert snap_compare(essay_app(), terminal_size=(120, 40), run_before=help_open)
