"""Snapshots of the reading view: the essay as shipped (its mentions marked), at a
comfortable size and at 40x12, and after reading on with a narrower column."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from reader.app.app import ReaderApp
from tests.app.helpers import GLOSSARY, essay_app
from tests.app.test_glossary_pane import glossary_ready

SnapCompare = Callable[..., bool]


async def mentions_marked(pilot: Pilot[int]) -> None:
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await glossary_ready(app, pilot)
    await pilot.pause()


def test_essay_at_120x40(snap_compare: SnapCompare) -> None:
    assert snap_compare(essay_app(vault=GLOSSARY), terminal_size=(120, 40), run_before=mentions_marked)


def test_essay_at_40x12(snap_compare: SnapCompare) -> None:
    assert snap_compare(essay_app(vault=GLOSSARY), terminal_size=(40, 12), run_before=mentions_marked)


def test_essay_two_paragraphs_on_with_a_narrower_column(snap_compare: SnapCompare) -> None:
    async def read_on(pilot: Pilot[int]) -> None:
        await mentions_marked(pilot)
        await pilot.press("right_curly_bracket", "right_curly_bracket", "minus", "minus")
        await pilot.pause()

    assert snap_compare(essay_app(vault=GLOSSARY), terminal_size=(100, 30), run_before=read_on)
