"""Snapshots of the glossary beside the essay (140x40) and over it (80x24).

Both reach Mohammad Mosaddegh the way a reader would: `tab` through the mentions
to his, then `enter`; beside the essay, `f6` then moves the focus into the pane.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Markdown

from tests.app.helpers import GLOSSARY, essay_app, glossary_ready, press, reading, still, wait_until
from tests.app.test_glossary_pane import MOSSADEGH

SnapCompare = Callable[..., bool]


async def open_mossadegh(pilot: Any) -> None:
    app = pilot.app
    await glossary_ready(app)
    linked = reading(app).linked
    assert linked is not None
    (mention,) = linked.mentions_of(MOSSADEGH)
    await press(app, *["tab"] * (linked.mentions.index(mention) + 1), "enter")
    pane = reading(app).pane
    await wait_until(lambda: pane is not None and pane.view.title == MOSSADEGH, "the entry")
    assert pane is not None
    body = pane.query_one(Markdown)
    # The body is laid out a moment later: until then the lists below it sit higher up.
    await wait_until(lambda: bool(body.children) and body.children[0].size.height > 0, "the entry's body")
    await still(app)


def test_essay_beside_the_glossary_at_140x40(snap_compare: SnapCompare) -> None:
    async def focus_pane(pilot: Any) -> None:
        await open_mossadegh(pilot)
        await press(pilot.app, "f6", "tab")
        await still(pilot.app)

    assert snap_compare(essay_app(vault=GLOSSARY), terminal_size=(140, 40), run_before=focus_pane)


def test_glossary_over_the_essay_at_80x24(snap_compare: SnapCompare) -> None:
    async def opened(pilot: Any) -> None:
        await open_mossadegh(pilot)
        await still(pilot.app)

    assert snap_compare(essay_app(vault=GLOSSARY), terminal_size=(80, 24), run_before=opened)
