"""Search in the app through the Pilot: the bar, highlights, n/N, toggles, history, results."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.events import Key, Paste
from textual.pilot import Pilot

from reader.app.app import ReaderApp
from reader.app.document_view import DocumentView
from reader.app.keys import KEY_HELP
from reader.app.search_bar import SearchBar
from reader.app.search_results import ResultList, SearchResultsScreen
from reader.app.status_bar import StatusBar
from reader.core.search import search
from tests.app.helpers import GLOSSARY, essay_app, text_app


async def settle(pilot: Pilot[int]) -> None:
    """Let the search workers finish and their results reach the screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def search_for(pilot: Pilot[int], query: str) -> SearchBar:
    """`/` then the query, pasted (as a terminal's bracketed paste): one event, not a key each."""
    await pilot.press("slash")
    pilot.app.post_message(Paste(query))
    await settle(pilot)
    bar = pilot.app.search_bar  # type: ignore[attr-defined]
    assert isinstance(bar, SearchBar)
    return bar


def highlighted(view: DocumentView, *, current: bool = False) -> list[str]:
    """The texts drawn as search hits on screen (only the current one, if `current`)."""
    words = []
    for y in range(view.scrollable_content_region.height):
        for segment in view.render_line(y):
            style = segment.style
            if style is not None and style.reverse and (not current or style.underline):
                words.append(segment.text)
    return words


def info(bar: SearchBar) -> str:
    return bar.info(200).plain


def recorded_notices(app: ReaderApp) -> list[str]:
    """Every notification the app shows from now on."""
    notices: list[str] = []
    notify = app.notify

    def record(message: str, **options: object) -> None:
        if "search" in message or "match" in message:  # other features' notices are theirs
            notices.append(message)
        notify(message, **options)  # type: ignore[arg-type]

    app.notify = record  # type: ignore[method-assign]
    return notices


# -- the bar and incremental highlighting --------------------------------------------------


async def test_slash_opens_the_bar_with_the_focus_in_it() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        bar = app.search_bar
        assert bar is not None and bar.display
        assert app.focused is bar.input
        assert "^r regex" in info(bar) and "^w word" in info(bar)


async def test_hits_highlight_as_each_letter_is_typed() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        counts = []
        for letter in "russia":
            await pilot.press(letter)
            await settle(pilot)
            assert app.search_bar is not None and app.search_bar.state is not None
            counts.append(len(app.search_bar.state.matches))
        assert counts[0] > counts[-1] == 15
        words = highlighted(app.view)
        assert words and all(word.casefold() == "russia" for word in words)
        assert highlighted(app.view, current=True) == ["Russia"]
        assert "1/15" in info(app.search_bar)


async def test_keys_typed_right_after_slash_reach_the_bar() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key, character in (("slash", "/"), ("I", "I"), ("r", "r"), ("a", "a"), ("n", "n")):
            app.post_message(Key(key, character))
        await settle(pilot)
        await settle(pilot)
        assert app.search_bar is not None
        assert app.search_bar.input.value == "Iran"


async def test_the_view_moves_to_the_first_hit_at_or_after_the_reading_position() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 20)) as pilot:
        for _ in range(8):
            await pilot.press("right_curly_bracket")
        top = app.view.position.offset
        bar = await search_for(pilot, "Moscow")
        assert bar.state is not None and bar.state.match is not None
        first = bar.state.match.start
        assert first >= top
        assert all(match.start >= top for match in list(bar.state.matches)[bar.state.current or 0 :])
        assert bar.state.current is not None and bar.state.current > 0
        assert bar.state.matches[bar.state.current - 1].start < top
        assert highlighted(app.view, current=True) == ["Moscow"]


async def test_a_hit_far_below_scrolls_into_view() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 20)) as pilot:
        await search_for(pilot, "friendship")
        assert app.view.scroll_y > 0
        assert highlighted(app.view, current=True) == ["friendship"]


async def test_enter_keeps_the_highlights_and_closes_the_bar() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        bar = await search_for(pilot, "Russia")
        await pilot.press("enter")
        await pilot.pause()
        assert not bar.display
        assert app.focused is app.view
        assert highlighted(app.view)
        assert "/Russia 1/15" in app.query_one(StatusBar).render().plain


async def test_escape_clears_the_search_and_goes_back() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 20)) as pilot:
        bar = await search_for(pilot, "friendship")
        assert app.view.scroll_y > 0
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.display
        assert bar.state is None
        assert app.view.scroll_y == 0
        assert app.view.cursor == 0
        assert highlighted(app.view) == []
        assert app.focused is app.view


async def test_an_empty_query_clears_the_highlights() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        bar = await search_for(pilot, "Iran")
        await pilot.press(*["backspace"] * 4)
        await settle(pilot)
        assert bar.state is None
        assert highlighted(app.view) == []


# -- n and N -------------------------------------------------------------------------------------


async def test_n_and_n_step_through_the_hits() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        bar = await search_for(pilot, "Moscow")
        await pilot.press("enter", "n", "n")
        assert bar.state is not None and bar.state.current == 2
        await pilot.press("N")
        assert bar.state.current == 1
        assert "/Moscow 2/5" in app.query_one(StatusBar).render().plain


async def test_stepping_past_either_end_wraps_with_a_notice() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        notices = recorded_notices(app)
        bar = await search_for(pilot, "Moscow")
        await pilot.press("enter", "N")
        assert bar.state is not None and bar.state.current == 4
        assert notices == ["search wrapped"]
        await pilot.press("n")
        assert bar.state.current == 0
        assert notices == ["search wrapped", "search wrapped"]
        await pilot.press("n")
        assert len(notices) == 2


async def test_n_from_far_away_goes_to_the_first_hit_below_the_top_of_the_screen() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 20)) as pilot:
        bar = await search_for(pilot, "Iran")
        await pilot.press("enter")
        for _ in range(9):
            await pilot.press("right_curly_bracket")
        top = app.view.position.offset
        await pilot.press("n")
        assert bar.state is not None and bar.state.match is not None
        assert bar.state.match.start >= top
        assert bar.state.current is not None and bar.state.matches[bar.state.current - 1].start < top


async def test_n_without_a_search_says_so() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        notices = recorded_notices(app)
        await pilot.press("n")
        assert notices == ["no search: press / to search"]


# -- toggles, errors, case ------------------------------------------------------------------------


async def test_ctrl_r_makes_the_query_a_regular_expression() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        bar = await search_for(pilot, "Iran|Iraq")
        assert bar.state is not None and bar.state.current is None
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert bar.options.regex
        assert len(bar.state.matches) == len(search(app.document, "Iran|Iraq", bar.options))
        assert len(bar.state.matches) > 15
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert bar.state.counter == "no match"


async def test_ctrl_w_matches_whole_words_only() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        bar = await search_for(pilot, "Russ")
        assert bar.state is not None and len(bar.state.matches) == 15
        await pilot.press("ctrl+w")
        await settle(pilot)
        assert bar.options.whole_word
        assert bar.state.counter == "no match"
        assert bar.input.value == "Russ"  # ctrl+w toggles here; it does not delete a word


async def test_a_bad_pattern_shows_its_error_in_the_bar() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", "ctrl+r", *"(Iran")
        await settle(pilot)
        bar = app.search_bar
        assert bar is not None
        assert bar.state is None
        assert "bad pattern" in info(bar)
        assert highlighted(app.view) == []
        await pilot.press("right_parenthesis")
        await settle(pilot)
        assert bar.error is None and bar.state is not None
        assert len(bar.state.matches) == 15


async def test_a_capital_letter_makes_the_search_match_case() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        bar = await search_for(pilot, "us")
        assert bar.state is not None
        any_case = len(bar.state.matches)
        await pilot.press("ctrl+u", "U", "S")
        await settle(pilot)
        assert 0 < len(bar.state.matches) < any_case


# -- history ---------------------------------------------------------------------------------------


async def test_up_and_down_bring_back_earlier_queries() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for query in ("Iran", "Moscow"):
            await search_for(pilot, query)
            await pilot.press("enter")
        bar = await search_for(pilot, "Syr")
        await pilot.press("up")
        assert bar.input.value == "Moscow"
        await pilot.press("up")
        assert bar.input.value == "Iran"
        await pilot.press("up")
        assert bar.input.value == "Iran"
        await pilot.press("down", "down")
        assert bar.input.value == "Syr"
        await pilot.press("up", "enter")
        await settle(pilot)
        assert bar.state is not None and bar.state.query.text == "Moscow"
        assert bar.history.queries == ("Iran", "Moscow")


async def test_reopening_the_bar_offers_the_last_query_selected() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        bar = await search_for(pilot, "Iran")
        await pilot.press("enter", "slash")
        assert bar.input.value == "Iran"
        assert bar.input.selection.start == 0 and bar.input.selection.end == 4
        await pilot.press("M")
        await settle(pilot)
        assert bar.input.value == "M"


# -- the results list ------------------------------------------------------------------------------


async def test_ctrl_f_lists_every_hit_and_enter_jumps_to_one() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        bar = await search_for(pilot, "Moscow")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, SearchResultsScreen)
        results = app.screen.query_one(ResultList)
        assert results.row_count == 5
        rows = [results.render_line(y).text for y in range(5)]
        assert rows[0].startswith("▶ ¶  1  ") and "Moscow" in rows[0]
        assert all("Moscow" in row for row in rows)
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, SearchResultsScreen)
        assert bar.state is not None and bar.state.current == 3
        assert highlighted(app.view, current=True) == ["Moscow"]
        assert not bar.display


async def test_the_results_list_opens_on_the_current_hit_and_escape_closes_it() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        bar = await search_for(pilot, "Iran")
        await pilot.press("enter", "n", "n", "ctrl+f")
        await pilot.pause()
        results = app.screen.query_one(ResultList)
        assert results.cursor == 2
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchResultsScreen)
        assert bar.state is not None and bar.state.current == 2


async def test_ctrl_f_with_nothing_found_says_so() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        notices = recorded_notices(app)
        await search_for(pilot, "emu")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert not isinstance(app.screen, SearchResultsScreen)
        assert notices == ["no match for emu"]


async def test_ctrl_f_without_a_search_opens_the_bar() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert app.search_bar is not None and app.search_bar.display
        assert not isinstance(app.screen, SearchResultsScreen)


async def test_the_palette_lists_the_matches() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await search_for(pilot, "Syria")
        await pilot.press("enter", "ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"list matches")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchResultsScreen)


async def test_a_results_list_of_the_commonest_word_of_a_book_is_virtual(war_and_peace_path: Path) -> None:
    app = text_app(war_and_peace_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        bar = await search_for(pilot, "the")
        assert bar.state is not None and len(bar.state.matches) == 47339
        await pilot.press("enter", "ctrl+f")
        await pilot.pause()
        results = app.screen.query_one(ResultList)
        assert results.row_count == 47339
        await pilot.press("end")
        await pilot.pause()
        last_row = results.render_line(results.scrollable_content_region.height - 1).text
        assert last_row.startswith("▶ ¶ ")
        await pilot.press("enter")
        await pilot.pause()
        assert bar.state.current == 47338


# -- a large book ---------------------------------------------------------------------------------


async def test_a_search_begun_on_the_head_of_a_book_covers_it_all_once_loaded(
    war_and_peace_path: Path,
) -> None:
    app = text_app(war_and_peace_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"Napoleon")
        await settle(pilot)
        await settle(pilot)
        assert app.document.complete
        bar = app.search_bar
        assert bar is not None and bar.state is not None
        assert len(bar.state.matches) == len(search(app.document, "Napoleon")) == 590


async def test_a_single_letter_in_a_book_waits_for_a_pause_in_typing(war_and_peace_path: Path) -> None:
    app = text_app(war_and_peace_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash", "e")
        bar = app.search_bar
        assert bar is not None and bar.searching and bar.state is None
        await pilot.press("n")
        await settle(pilot)
        assert bar.state is not None and bar.state.query.text == "en"
        await pilot.press("backspace")
        await pilot.pause(0.4)
        await settle(pilot)
        assert bar.state.query.text == "e"


# -- keys are documented ---------------------------------------------------------------------------


@pytest.mark.parametrize("widget", [ReaderApp, SearchBar, SearchResultsScreen, ResultList])
def test_search_keys_are_in_the_help(widget: type[object]) -> None:
    documented = " ".join(keys for _, rows in KEY_HELP for keys, _ in rows) + " escape q enter"
    names = {
        "slash": "/",
        "up": "↑",
        "down": "↓",
        "pageup": "PgUp",
        "pagedown": "PgDn",
        "home": "Home",
        "end": "End",
        "question_mark": "?",
        "f1": "F1",
        "apostrophe": "'",
    }
    bindings = widget.BINDINGS  # type: ignore[attr-defined]
    if widget is ReaderApp:  # the app's other bindings are other features' to document
        bindings = [binding for binding in bindings if binding.action.startswith("search")]
    assert bindings
    for binding in bindings:
        keys = binding.key.split(",")
        assert any(names.get(key, key) in documented for key in keys), binding


# -- the glossary ---------------------------------------------------------------------------------


def recorded_entries(app: ReaderApp) -> list[str]:
    """Every entry the app is asked to open from now on."""
    opened: list[str] = []
    open_entry = app.open_entry

    def record(title: str) -> None:
        opened.append(title)
        open_entry(title)

    app.open_entry = record  # type: ignore[method-assign]
    return opened


async def glossary_app(pilot: Pilot[int]) -> None:
    """Wait for the glossary to load."""
    await pilot.pause()
    await settle(pilot)


async def test_a_query_naming_an_entry_offers_to_open_it_and_tab_does() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_app(pilot)
        opened = recorded_entries(app)
        bar = await search_for(pilot, "Mosaddegh")
        assert bar.offer is not None and bar.offer.title == "Mohammad Mosaddegh"
        assert "tab open Mohammad Mosaddegh" in info(bar)
        assert bar.state is not None and bar.state.counter == "no match"
        await pilot.press("tab")
        await pilot.pause()
        assert opened == ["Mohammad Mosaddegh"]
        assert not bar.display
        assert bar.history.queries == ("Mosaddegh",)


async def test_alt_enter_searches_every_name_of_the_entry() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_app(pilot)
        bar = await search_for(pilot, "Mosaddegh")
        for key in ("alt+enter", "ctrl+g"):
            await pilot.press(key)
            await settle(pilot)
            assert bar.state is not None and bar.state.counter == "1/1"
            assert bar.state.query.entry == "Mohammad Mosaddegh"
            assert highlighted(app.view, current=True) == ["Mohammed Mossadegh"]
            assert "every name of Mohammad Mosaddegh" in info(bar)
            await pilot.press("backspace", "h")
            await settle(pilot)
            assert bar.state.counter == "no match"


async def test_a_query_naming_no_entry_offers_nothing() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_app(pilot)
        bar = await search_for(pilot, "cheers")
        assert bar.offer is None
        await pilot.press("tab", "alt+enter")
        await settle(pilot)
        assert bar.display
        assert bar.state is not None and bar.state.query.entry == ""


async def test_the_results_list_shows_the_entries_the_query_finds_first() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_app(pilot)
        opened = recorded_entries(app)
        bar = await search_for(pilot, "Iran")
        await pilot.press("ctrl+f")
        await pilot.pause()
        results = app.screen.query_one(ResultList)
        assert bar.state is not None
        entries = results.row_count - len(bar.state.matches)
        assert entries > 1
        assert results.cursor == entries  # on the current hit, below the entries
        await pilot.press("home")
        assert results.render_line(0).text.startswith("▶ ◆ Iran  place")
        await pilot.press("enter")
        await pilot.pause()
        assert opened == ["Iran"]
