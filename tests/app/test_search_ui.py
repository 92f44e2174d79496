"""Search in the app through the Pilot: the bar, highlights, n/N, toggles, history, results."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.command import CommandPalette
from textual.events import Paste

from reader.app.app import ReaderApp
from reader.app.reading.document_view import DocumentView
from reader.app.reading.status_bar import StatusBar
from reader.app.search.bar import SearchBar
from reader.app.search.results import ResultList, SearchResultsScreen
from reader.core.search import search
from tests.app.helpers import (
    GLOSSARY,
    essay_app,
    glossary_ready,
    palette_hits,
    press,
    reading,
    ready,
    text_app,
    view_of,
    wait_until,
)


async def searched(app: ReaderApp) -> SearchBar:
    """The bar once its search has finished and its hits are drawn."""
    await wait_until(lambda: reading(app).search_bar is not None, "the search bar")
    bar = reading(app).search_bar
    assert bar is not None
    await wait_until(lambda: not bar.searching, "the search to finish")
    view = view_of(app)

    def drawn() -> bool:
        state, layer = bar.state, view._layers.get("search")
        if state is None:
            return layer is None
        return layer is not None and layer._matches is state.matches and layer._current == state.current  # type: ignore[attr-defined]

    await wait_until(drawn, "the hits on screen")
    return bar


async def search_for(app: ReaderApp, query: str) -> SearchBar:
    """`/` then the query, pasted (as a terminal's bracketed paste): one event, not a key each."""
    await ready(app)
    await press(app, "slash")
    target = app.key_gate.handled + 1
    app.post_message(Paste(query))
    await app.key_gate.wait_handled(target)
    bar = reading(app).search_bar
    assert bar is not None
    await wait_until(lambda: bar.input.value == query, "the query in the bar")
    return await searched(app)


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
    async with app.run_test(size=(120, 40)):
        await press(app, "slash")
        bar = reading(app).search_bar
        assert bar is not None and bar.display
        assert app.focused is bar.input
        assert "^r regex" in info(bar) and "^w word" in info(bar)


async def test_hits_highlight_as_each_letter_is_typed() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        await press(app, "slash")
        counts = []
        for letter in "russia":
            await press(app, letter)
            bar = await searched(app)
            assert bar.state is not None
            counts.append(len(bar.state.matches))
        assert counts[0] > counts[-1] == 15
        words = highlighted(view_of(app))
        assert words and all(word.casefold() == "russia" for word in words)
        assert highlighted(view_of(app), current=True) == ["Russia"]
        assert "1/15" in info(bar)


async def test_keys_typed_right_after_slash_reach_the_bar() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        await ready(app)
        await press(app, "slash", "I", "r", "a", "n")  # one burst, no pause
        bar = await searched(app)
        assert bar.input.value == "Iran"
        assert bar.state is not None and len(bar.state.matches) == 15  # "Iran" and "Iranian"


async def test_the_view_moves_to_the_first_hit_at_or_after_the_reading_position() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 20)):
        for _ in range(8):
            await press(app, "right_curly_bracket")
        top = view_of(app).position.offset
        bar = await search_for(app, "Moscow")
        assert bar.state is not None and bar.state.match is not None
        first = bar.state.match.start
        assert first >= top
        assert all(match.start >= top for match in list(bar.state.matches)[bar.state.current or 0 :])
        assert bar.state.current is not None and bar.state.current > 0
        assert bar.state.matches[bar.state.current - 1].start < top
        assert highlighted(view_of(app), current=True) == ["Moscow"]


async def test_a_hit_far_below_scrolls_into_view() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 20)):
        await search_for(app, "friendship")
        # The search answers before the view has scrolled and drawn the hit: wait for both.
        await wait_until(lambda: view_of(app).scroll_y > 0, "the scroll to the hit")
        await wait_until(lambda: highlighted(view_of(app), current=True) == ["friendship"], "the current hit")


async def test_a_hit_shown_at_the_bottom_stays_shown_when_the_view_shrinks() -> None:
    # As when the bar opened by `/` takes its row only after a pasted query's hit is shown.
    app = essay_app()
    async with app.run_test(size=(100, 20)) as pilot:
        await search_for(app, "friendship")
        view = view_of(app)
        await wait_until(lambda: highlighted(view, current=True) == ["friendship"], "the current hit")
        assert view.scroll_y == view.max_scroll_y  # the last paragraph: as low as it goes
        await pilot.resize_terminal(100, 17)
        await wait_until(lambda: view.size.height == 15, "the smaller view")
        await wait_until(lambda: highlighted(view, current=True) == ["friendship"], "the hit in view again")


async def test_enter_keeps_the_highlights_and_closes_the_bar() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        bar = await search_for(app, "Russia")
        await press(app, "enter")
        assert not bar.display
        assert app.focused is view_of(app)
        assert highlighted(view_of(app))
        status = app.query_one(StatusBar)
        await wait_until(lambda: "/Russia 1/15" in status.render().plain, "the search in the status bar")


async def test_escape_clears_the_search_and_goes_back() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 20)):
        bar = await search_for(app, "friendship")
        assert view_of(app).scroll_y > 0
        await press(app, "escape")
        await searched(app)
        assert not bar.display
        assert bar.state is None
        assert view_of(app).scroll_y == 0
        assert view_of(app).cursor == 0
        assert highlighted(view_of(app)) == []
        assert app.focused is view_of(app)


async def test_an_empty_query_clears_the_highlights() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        bar = await search_for(app, "Iran")
        await press(app, *["backspace"] * 4)
        await searched(app)
        assert bar.state is None
        assert highlighted(view_of(app)) == []


# -- n and N -------------------------------------------------------------------------------------


async def test_n_and_n_step_through_the_hits() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        bar = await search_for(app, "Moscow")
        await press(app, "enter", "n", "n")
        assert bar.state is not None and bar.state.current == 2
        await press(app, "N")
        assert bar.state.current == 1
        status = app.query_one(StatusBar)
        await wait_until(lambda: "/Moscow 2/5" in status.render().plain, "the status bar to count")


async def test_stepping_past_either_end_wraps_with_a_notice() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        notices = recorded_notices(app)
        bar = await search_for(app, "Moscow")
        await press(app, "enter", "N")
        assert bar.state is not None and bar.state.current == 4
        assert notices == ["search wrapped"]
        await press(app, "n")
        assert bar.state.current == 0
        assert notices == ["search wrapped", "search wrapped"]
        await press(app, "n")
        assert len(notices) == 2


async def test_n_from_far_away_goes_to_the_first_hit_below_the_top_of_the_screen() -> None:
    app = essay_app()
    async with app.run_test(size=(100, 20)):
        bar = await search_for(app, "Iran")
        await press(app, "enter")
        for _ in range(9):
            await press(app, "right_curly_bracket")
        top = view_of(app).position.offset
        await press(app, "n")
        assert bar.state is not None and bar.state.match is not None
        assert bar.state.match.start >= top
        assert bar.state.current is not None and bar.state.matches[bar.state.current - 1].start < top


async def test_n_without_a_search_says_so() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        notices = recorded_notices(app)
        await press(app, "n")
        assert notices == ["no search: press / to search"]


# -- toggles, errors, case ------------------------------------------------------------------------


async def test_ctrl_r_makes_the_query_a_regular_expression() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        bar = await search_for(app, "Iran|Iraq")
        assert bar.state is not None and bar.state.current is None
        await press(app, "ctrl+r")
        await searched(app)
        assert bar.options.regex
        assert len(bar.state.matches) == len(search(view_of(app).document, "Iran|Iraq", bar.options))
        assert len(bar.state.matches) > 15
        await press(app, "ctrl+r")
        await searched(app)
        assert bar.state.counter == "no match"


async def test_ctrl_w_matches_whole_words_only() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        bar = await search_for(app, "Russ")
        assert bar.state is not None and len(bar.state.matches) == 15
        await press(app, "ctrl+w")
        await searched(app)
        assert bar.options.whole_word
        assert bar.state.counter == "no match"
        assert bar.input.value == "Russ"  # ctrl+w toggles here; it does not delete a word


async def test_a_bad_pattern_shows_its_error_in_the_bar() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        await press(app, "slash", "ctrl+r", *"(Iran")
        await searched(app)
        bar = reading(app).search_bar
        assert bar is not None
        assert bar.state is None
        assert "bad pattern" in info(bar)
        assert highlighted(view_of(app)) == []
        await press(app, "right_parenthesis")
        await searched(app)
        assert bar.error is None and bar.state is not None
        assert len(bar.state.matches) == 15


async def test_a_capital_letter_makes_the_search_match_case() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        bar = await search_for(app, "us")
        assert bar.state is not None
        any_case = len(bar.state.matches)
        await press(app, "ctrl+u", "U", "S")
        await searched(app)
        assert 0 < len(bar.state.matches) < any_case


# -- history ---------------------------------------------------------------------------------------


async def test_up_and_down_bring_back_earlier_queries() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        for query in ("Iran", "Moscow"):
            await search_for(app, query)
            await press(app, "enter")
        bar = await search_for(app, "Syr")
        await press(app, "up")
        assert bar.input.value == "Moscow"
        await press(app, "up")
        assert bar.input.value == "Iran"
        await press(app, "up")
        assert bar.input.value == "Iran"
        await press(app, "down", "down")
        assert bar.input.value == "Syr"
        await press(app, "up", "enter")
        await searched(app)
        assert bar.state is not None and bar.state.query.text == "Moscow"
        assert bar.history.queries == ("Iran", "Moscow")


async def test_reopening_the_bar_offers_the_last_query_selected() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        bar = await search_for(app, "Iran")
        await press(app, "enter", "slash")
        assert bar.input.value == "Iran"
        assert bar.input.selection.start == 0 and bar.input.selection.end == 4
        await press(app, "M")
        await searched(app)
        assert bar.input.value == "M"


# -- the results list ------------------------------------------------------------------------------


async def test_ctrl_f_lists_every_hit_and_enter_jumps_to_one() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        bar = await search_for(app, "Moscow")
        await press(app, "ctrl+l")  # from the bar; & in the essay
        assert isinstance(app.screen, SearchResultsScreen)
        results = app.screen.query_one(ResultList)
        assert results.row_count == 5
        rows = [results.render_line(y).text for y in range(5)]
        assert rows[0].startswith("▶ ¶  1  ") and "Moscow" in rows[0]
        assert all("Moscow" in row for row in rows)
        await press(app, "down", "down", "down", "enter")
        assert not isinstance(app.screen, SearchResultsScreen)
        await searched(app)
        assert bar.state is not None and bar.state.current == 3
        assert highlighted(view_of(app), current=True) == ["Moscow"]
        assert not bar.display


async def test_the_results_list_opens_on_the_current_hit_and_escape_closes_it() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        bar = await search_for(app, "Iran")
        await press(app, "enter", "n", "n", "ampersand")
        results = app.screen.query_one(ResultList)
        assert results.cursor == 2
        await press(app, "escape")
        assert not isinstance(app.screen, SearchResultsScreen)
        assert bar.state is not None and bar.state.current == 2


async def test_ctrl_f_with_nothing_found_says_so() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        notices = recorded_notices(app)
        await search_for(app, "emu")
        await press(app, "enter", "ampersand")
        assert not isinstance(app.screen, SearchResultsScreen)
        assert notices == ["no match for emu"]


async def test_ctrl_f_without_a_search_opens_the_bar() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        await ready(app)
        await press(app, "ampersand")
        bar = reading(app).search_bar
        assert bar is not None and bar.display
        assert not isinstance(app.screen, SearchResultsScreen)


async def test_the_palette_lists_the_matches() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 40)):
        await search_for(app, "Syria")
        await press(app, "enter", "ctrl+p")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await press(app, *"list matches")
        await wait_until(lambda: palette_hits(app) > 0, "palette hits")
        await press(app, "enter")
        await wait_until(lambda: isinstance(app.screen, SearchResultsScreen), "the list of matches")


async def test_a_results_list_of_the_commonest_word_of_a_book_is_virtual(war_and_peace_path: Path) -> None:
    app = text_app(war_and_peace_path)
    async with app.run_test(size=(100, 30)):
        view = (await ready(app)).view
        await wait_until(lambda: view.document.complete, "the whole book", deadline=60)
        bar = await search_for(app, "the")
        assert bar.state is not None and len(bar.state.matches) == 47339
        await press(app, "enter", "ampersand")
        results = app.screen.query_one(ResultList)
        assert results.row_count == 47339
        await press(app, "end")
        await wait_until(lambda: results.scroll_y == results.max_scroll_y, "the end of the list")
        last_row = results.render_line(results.scrollable_content_region.height - 1).text
        assert last_row.startswith("▶ ¶ ")
        await press(app, "enter")
        await searched(app)
        assert bar.state.current == 47338


# -- a large book ---------------------------------------------------------------------------------


async def test_a_search_begun_on_the_head_of_a_book_covers_it_all_once_loaded(
    war_and_peace_path: Path,
) -> None:
    app = text_app(war_and_peace_path)
    async with app.run_test(size=(100, 30)):
        await ready(app)
        await press(app, "slash", *"Napoleon")
        await wait_until(lambda: view_of(app).document.complete, "the whole book", deadline=60)
        bar = reading(app).search_bar
        assert bar is not None
        await wait_until(
            lambda: bar.state is not None and len(bar.state.matches) == 590, "every hit", deadline=60
        )
        assert bar.state is not None
        assert len(bar.state.matches) == len(search(view_of(app).document, "Napoleon")) == 590


async def test_a_single_letter_in_a_book_waits_for_a_pause_in_typing(war_and_peace_path: Path) -> None:
    app = text_app(war_and_peace_path)
    async with app.run_test(size=(100, 30)):
        view = (await ready(app)).view
        await wait_until(lambda: view.document.complete, "the whole book", deadline=60)
        await press(app, "slash", "e")
        bar = reading(app).search_bar
        assert bar is not None and bar.searching and bar.state is None
        await press(app, "n")
        await searched(app)
        assert bar.state is not None and bar.state.query.text == "en"
        await press(app, "backspace")
        await wait_until(
            lambda: bar.state is not None and bar.state.query.text == "e", "the one-letter search"
        )


# -- the glossary ---------------------------------------------------------------------------------


def recorded_entries(app: ReaderApp) -> list[str]:
    """Every entry the reading screen is asked to open from now on."""
    opened: list[str] = []
    screen = reading(app)
    open_entry: Callable[[str], Awaitable[None]] = screen.open_entry

    async def record(title: str) -> None:
        opened.append(title)
        await open_entry(title)

    screen.open_entry = record  # type: ignore[method-assign]
    return opened


async def test_a_query_naming_an_entry_offers_to_open_it_and_tab_does() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        opened = recorded_entries(app)
        bar = await search_for(app, "Mosaddegh")
        assert bar.offer is not None and bar.offer.title == "Mohammad Mosaddegh"
        assert "tab open Mohammad Mosaddegh" in info(bar)
        assert bar.state is not None and bar.state.counter == "no match"
        await press(app, "tab")
        await wait_until(lambda: opened == ["Mohammad Mosaddegh"], "the entry to open")
        assert not bar.display
        assert bar.history.queries == ("Mosaddegh",)


async def test_alt_enter_searches_every_name_of_the_entry() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        bar = await search_for(app, "Mosaddegh")
        for key in ("alt+enter", "ctrl+g"):
            await press(app, key)
            await searched(app)
            assert bar.state is not None and bar.state.counter == "1/1"
            assert bar.state.query.entry == "Mohammad Mosaddegh"
            assert highlighted(view_of(app), current=True) == ["Mohammed Mossadegh"]
            assert "every name of Mohammad Mosaddegh" in info(bar)
            await press(app, "backspace", "h")
            await searched(app)
            assert bar.state.counter == "no match"


async def test_a_query_naming_no_entry_offers_nothing() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        bar = await search_for(app, "cheers")
        assert bar.offer is None
        await press(app, "tab", "alt+enter")
        await searched(app)
        assert bar.display
        assert bar.state is not None and bar.state.query.entry == ""


async def test_the_results_list_shows_the_matches_first_and_the_entries_folded_under_one_row() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        opened = recorded_entries(app)
        bar = await search_for(app, "Iran")
        await press(app, "ctrl+l")
        results = app.screen.query_one(ResultList)
        assert bar.state is not None
        hits = len(bar.state.matches)
        assert results.row_count == hits + 1  # the entries wait under one row
        assert results.cursor == 0  # on the current hit, the first
        await press(app, "end")
        fold = results.render_line(results.cursor - round(results.scroll_y)).text
        assert "glossary entries found" in fold and "shows them" in fold
        await press(app, "enter")  # unfolds them
        assert results.row_count > hits + 2
        await press(app, "down")
        row = results.render_line(results.cursor - round(results.scroll_y)).text
        assert row.startswith("▶ ◆ Iran  place")
        await press(app, "enter")
        await wait_until(lambda: opened == ["Iran"], "the entry to open")
