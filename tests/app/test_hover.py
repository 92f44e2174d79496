"""A mention's summary on hover, and only while that mention is under the mouse."""

from __future__ import annotations

from textual.widgets._tooltip import Tooltip

from reader.app.app import ReaderApp
from tests.app.helpers import GLOSSARY, essay_app, glossary_ready, press, view_of, wait_until


def tooltip_shown(app: ReaderApp) -> bool:
    return bool(app.screen.query_one(Tooltip).display)


async def test_the_tooltip_goes_when_the_text_under_it_moves() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 30), tooltips=True) as pilot:
        await glossary_ready(app)
        view = view_of(app)
        y = next(y for y in range(20) if "Trump" in view.render_line(y).text)
        x = view.render_line(y).text.index("Trump")
        await pilot.hover(view, offset=(x, y))
        await wait_until(lambda: tooltip_shown(app), "the tooltip")
        assert "Donald Trump" in str(view.tooltip)
        await press(app, "j")  # the text scrolls; the mouse stays where it was
        await wait_until(lambda: not tooltip_shown(app), "the tooltip to go")
        assert view.tooltip is None
