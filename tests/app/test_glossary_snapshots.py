"""Snapshots of the glossary beside the essay (140x40) and over it (80x24).

Both reach Mohammad Mosaddegh the way a reader would: `tab` through the mentions
to his, then `enter`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from reader.app.app import ReaderApp
from tests.app.helpers import GLOSSARY, essay_app
from tests.app.test_glossary_pane import MOSSADEGH, glossary_ready

SnapCompare = Callable[..., bool]


async def open_mossadegh(pilot: Pilot[int]) -> None:
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await glossary_ready(app, pilot)
    linked = app.glossary.linked
    assert linked is not None
    (mention,) = linked.mentions_of(MOSSADEGH)
    await pilot.press(*["tab"] * (linked.mentions.index(mention) + 1), "enter")
    await pilot.pause()


def test_essay_beside_the_glossary_at_140x40(snap_compare: SnapCompare) -> None:
    assert snap_compare(essay_app(vault=GLOSSARY), terminal_size=(140, 40), run_before=open_mossadegh)


def test_glossary_over_the_essay_at_80x24(snap_compare: SnapCompare) -> None:
    assert snap_compare(essay_app(vault=GLOSSARY), terminal_size=(80, 24), run_before=open_mossadegh)
