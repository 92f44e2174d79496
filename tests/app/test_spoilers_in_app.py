"""Spoiler-free mode in the app: S (or the settings file) limits the pane to what has been read."""

from __future__ import annotations

from textual.widgets import OptionList

from reader.app.app import ReaderApp
from reader.app.glossary.lists import IndexView
from reader.core.bookmarks import BookmarkStore
from reader.core.loading import load_document
from reader.core.settings import Settings
from tests.app.helpers import ESSAY, GLOSSARY, essay_app, glossary_ready, press, reading, wait_until


async def spoiler_free_ready(app: ReaderApp) -> None:
    """The glossary linked, and the pane showing what spoiler-free mode lets through."""

    def ready() -> bool:
        screen = reading(app)
        pane = screen.pane
        shown = screen.shown
        return (
            pane is not None
            and pane.is_mounted
            and shown is not None
            and shown.linked
            and pane.linked is shown
        )

    await wait_until(ready, "the pane to show the glossary read so far")


def index_rows(app: ReaderApp) -> list[str]:
    pane = reading(app).pane
    assert pane is not None
    options = pane.query_one(IndexView).query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def titles(app: ReaderApp) -> set[str]:
    shown = reading(app).shown
    assert shown is not None
    return {entry.title for entry in shown.glossary.entries}


async def test_s_then_i_in_one_burst_shows_only_what_is_read() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 30)):
        await glossary_ready(app)
        everything = titles(app)
        await press(app, "S", "i")
        rows = index_rows(app)
        hidden = reading(app).shown.hidden  # type: ignore[union-attr]
        assert hidden > 0 and titles(app) < everything
        assert f"{hidden} entries hidden: first mentioned further on (S shows all)" in rows[0]
        shown = reading(app).shown
        linked = reading(app).linked
        assert shown is not None and linked is not None
        assert shown.mentions == linked.mentions[: len(shown.mentions)]  # cut at one point
        mentioned = {mention.title for mention in shown.mentions}
        assert {title for title in titles(app) if linked.count(title)} == mentioned
        await press(app, "escape", "S")
        assert titles(app) == everything and reading(app).shown is reading(app).linked


async def test_a_later_entry_is_not_opened_and_the_furthest_point_read_is_remembered() -> None:
    essay = load_document(ESSAY)
    with BookmarkStore.open() as store:
        store.record_reading(essay, 0, 0.0, len(essay.text) // 2)
    app = essay_app(vault=GLOSSARY, settings=Settings(spoilers="hide"))
    async with app.run_test(size=(120, 30)):
        await spoiler_free_ready(app)
        linked = reading(app).linked
        assert linked is not None
        half = len(essay.text) // 2
        await wait_until(
            lambda: all(
                title in titles(app)
                for title, mentions in linked.by_title.items()
                if mentions[0].start < half
            ),
            "the entries read before to show",
        )
        later = next(title for title, mentions in linked.by_title.items() if mentions[0].start >= half + 1000)
        await reading(app).open_entry(later)
        await wait_until(
            lambda: any("comes later in the text" in n.message for n in app._notifications), "the notice"
        )
