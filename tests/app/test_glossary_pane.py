"""The glossary beside the essay, through the Pilot: mentions, the pane, the history, focus."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, Markdown, OptionList

from reader.app.app import ReaderApp
from reader.app.glossary.entry_view import EntryView, mention_snippet
from reader.app.glossary.lists import IndexView, TimelineView
from reader.app.glossary.mention_strip import MentionStrip, mention_cells
from reader.app.glossary.pane import NO_GLOSSARY, GlossaryPane, Page, PaneView, pane_header
from reader.core.glossary.linker import Mention
from reader.core.glossary.model import entry_dates
from reader.core.glossary.vault import load_glossary
from reader.core.linked_document import LinkedDocument, mention_decoration
from reader.core.loading import load_document, read_source
from reader.core.marks import Marks
from tests.app.helpers import (
    ESSAY,
    GLOSSARY,
    essay_app,
    focused_in,
    glossary_ready,
    palette_hits,
    press,
    reading,
    still,
    type_text,
    view_of,
    wait_until,
)

MOSSADEGH = "Mohammad Mosaddegh"
COUP = "1953 Iranian coup"


def pane_of(app: ReaderApp) -> GlossaryPane:
    pane = reading(app).pane
    assert pane is not None
    return pane


def focused_title(app: ReaderApp) -> str | None:
    linked, index = reading(app).linked, view_of(app).focused_mention
    return None if linked is None or index is None else linked.mentions[index].title


def shown(app: ReaderApp) -> PaneView:
    return pane_of(app).view


def visible(app: ReaderApp, offset: int) -> bool:
    view = view_of(app)
    row = view.text_layout.row_of_offset(offset)
    return view.scroll_y <= row < view.scroll_y + view.scrollable_content_region.height


def notices(app: ReaderApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def choose(app: ReaderApp, options: OptionList, title: str) -> None:
    """Focus `options` with the keyboard's help and choose the option starting with `title`."""
    options.focus()
    await wait_until(lambda: app.focused is options, "the list to take focus")
    index = next(
        i for i, option in enumerate(options.options) if str(option.prompt).strip().startswith(title)
    )
    await press(app, "home", *["down"] * index, "enter")


# -- the linked document, without a screen --------------------------------------------------


def essay_linked() -> LinkedDocument:
    return LinkedDocument.link(load_document(ESSAY), load_glossary(GLOSSARY))


def test_linked_document_finds_mentions_and_steps_through_them() -> None:
    linked = essay_linked()
    text = linked.document.text
    first = linked.mentions[0]
    assert linked.at(first.start) == 0
    assert linked.first_from(0) == 0
    assert linked.first_from(len(text)) == 0  # wraps to the first
    assert linked.last_before(0) == len(linked.mentions) - 1  # wraps to the last
    assert linked.last_before(first.end) == 0
    coup = linked.mentions_of(COUP)
    assert [text[m.start : m.end] for m in coup] == ["1953 coup"]
    assert linked.count(MOSSADEGH) == 1
    assert (MOSSADEGH, 1) in linked.related(COUP)
    tags = {tag for _, _, tag in linked.layer.overlapping(0, len(text))}
    assert {"mention-person", "mention-place", "mention-event"} <= tags


def test_a_pending_document_has_no_mentions_yet() -> None:
    pending = LinkedDocument.pending(load_document(ESSAY), load_glossary(GLOSSARY))
    assert not pending.linked
    assert pending.mentions == []
    assert pending.first_from(0) is None
    assert pending.last_before(10) is None


def test_unknown_kinds_get_the_plain_mention_decoration() -> None:
    assert mention_decoration("person") == "mention-person"
    assert mention_decoration("spaceship") == "mention-other"


def test_mention_cells_spread_mentions_over_the_strip() -> None:
    mentions = [
        Mention(0, 4, "a", 0),
        Mention(2, 5, "a", 0),
        Mention(500, 504, "a", 3),
        Mention(999, 1000, "a", 9),
    ]
    cells = mention_cells(mentions, 1000, 10)
    assert sorted(cells) == [0, 5, 9]
    assert cells[0].start == 0  # the first mention of a cell wins
    assert mention_cells(mentions, 0, 10) == {}


def test_snippets_and_dates() -> None:
    linked = essay_linked()
    (mention,) = linked.mentions_of(MOSSADEGH)
    snippet = mention_snippet(linked.document, mention)
    assert "Mohammed Mossadegh" in snippet.plain
    assert snippet.plain.startswith("…")
    assert len(snippet.plain) < 80
    entry = linked.glossary.lookup(MOSSADEGH)
    assert entry is not None
    assert entry_dates(entry) == "1951-04 – 1953-08"


def test_the_pane_header_keeps_whole_hints_and_never_cuts_one() -> None:
    head = "Glossary · Mohammad Mosaddegh"
    hints = {"i index", "t timeline", "⌫ back", "esc close"}
    for width in range(12, 90):
        header = pane_header("Mohammad Mosaddegh", width, focused=False).plain
        assert len(header) <= width
        assert header.startswith("Glossary")
        if header.startswith(head):
            shown_hints = [hint for hint in header[len(head) :].split("  ") if hint]
            assert all(hint in hints for hint in shown_hints), (width, header)
    assert pane_header("index", 80, focused=True).plain.startswith("▶ Glossary")


# -- mentions in the essay -----------------------------------------------------------------


async def test_mentions_are_marked_after_the_first_paint() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 30)):
        await glossary_ready(app)
        linked = reading(app).linked
        view = view_of(app)
        assert linked is not None
        assert len(linked.mentions) == 120
        row = view.text_layout.row_of_offset(linked.mentions[0].start)
        strip = view.render_line(row - round(view.scroll_y))
        underlined = [segment.text for segment in strip if segment.style and segment.style.underline]
        assert "the West" in "".join(underlined)


async def test_no_vault_is_said_once_per_document_and_in_the_pane() -> None:
    again = essay_app()
    async with again.run_test(size=(120, 30)):
        await glossary_ready(again)
        await wait_until(lambda: notices(again).count(NO_GLOSSARY) == 1, "the notice, the first time")
    app = essay_app()
    async with app.run_test(size=(120, 30)):
        await glossary_ready(app)
        await app.workers.wait_for_complete()
        assert notices(app).count(NO_GLOSSARY) == 0  # said before: not at every start
        await press(app, "x")
        assert "reader PATH --glossary DIR" in str(pane_of(app).query_one("#glossary-empty").render())
        await press(app, "tab")  # no mentions: a message, no error
        assert view_of(app).focused_mention is None
        await wait_until(lambda: any("Nothing to reach here" in m for m in notices(app)), "the notice")


async def test_tab_moves_a_focus_ring_through_the_mentions_and_wraps() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 30)):
        await glossary_ready(app)
        linked = reading(app).linked
        view = view_of(app)
        assert linked is not None
        await press(app, "tab")
        assert view.focused_mention == 0
        await press(app, "tab", "tab")
        assert view.focused_mention == 2
        await press(app, "shift+tab")
        assert view.focused_mention == 1
        ring = list(view._layers["mention-focus"].overlapping(0, len(linked.document.text)))
        assert ring == [(linked.mentions[1].start, linked.mentions[1].end, "mention-focus")]
        await press(app, "shift+tab", "shift+tab")  # wraps to the last mention, scrolling to it
        assert view.focused_mention == len(linked.mentions) - 1
        assert visible(app, linked.mentions[-1].start)
        await press(app, "escape")
        assert view.focused_mention is None
        assert "mention-focus" not in view._layers


async def test_tab_before_the_glossary_is_linked_is_carried_out_when_it_is() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 30)):
        # Sent at once, before the first paint: the gate holds it, the view remembers it.
        await press(app, "tab")
        await glossary_ready(app)
        await wait_until(lambda: view_of(app).focused_mention == 0, "the ring on the first mention")


async def test_tab_starts_from_the_top_of_the_view() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 20)):
        await glossary_ready(app)
        view = view_of(app)
        await press(app, "tab")  # a ring near the top ...
        await press(app, "space", "space")  # ... scrolled away from
        top = view.position.offset
        await press(app, "tab")
        linked = reading(app).linked
        assert linked is not None and view.focused_mention is not None
        assert linked.mentions[view.focused_mention].start >= top
        assert view.focused_mention == linked.first_from(top)


async def test_hover_shows_the_summary_and_click_opens_the_entry() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 30)) as pilot:
        await glossary_ready(app)
        view = view_of(app)
        y = next(y for y in range(20) if "Trump" in view.render_line(y).text)
        x = view.render_line(y).text.index("Trump")
        await pilot.hover(view, offset=(x, y))
        await wait_until(lambda: view.tooltip is not None, "the tooltip")
        assert "Donald Trump" in str(view.tooltip)
        assert "president" in str(view.tooltip).lower()
        await pilot.hover(view, offset=(0, y))
        await wait_until(lambda: view.tooltip is None, "the tooltip to go")
        await pilot.click(view, offset=(x, y))
        await wait_until(lambda: reading(app).pane_open, "the pane to open")
        assert shown(app) == PaneView(Page.ENTRY, "Donald Trump")
        assert app.focused is view  # beside the essay, the reader keeps reading


async def test_enter_without_a_focused_mention_explains_itself() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 30)):
        await glossary_ready(app)
        await press(app, "enter")
        await wait_until(lambda: any("tab" in message for message in notices(app)), "the explanation")
        assert not reading(app).pane_open


# -- the whole loop --------------------------------------------------------------------------


async def test_mention_to_entry_to_entry_to_mention_and_back_twice() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 24)):
        await glossary_ready(app)
        view = view_of(app)
        linked = reading(app).linked
        assert linked is not None
        (mossadegh,) = linked.mentions_of(MOSSADEGH)
        await press(app, *["tab"] * (linked.mentions.index(mossadegh) + 1))
        assert focused_title(app) == MOSSADEGH
        assert view.scroll_y > 0 and visible(app, mossadegh.start)  # tab scrolled to it
        original = view.scroll_y
        original_text = view.position.offset

        await press(app, "enter")
        await wait_until(lambda: shown(app) == PaneView(Page.ENTRY, MOSSADEGH), "the entry")
        entry_view = pane_of(app).query_one(EntryView)
        assert "Prime Minister of Iran" in str(entry_view.query_one(".entry-summary").render())

        await press(app, "f6")  # into the pane, then follow its link to the coup
        assert pane_of(app).has_focus_within
        await choose(app, entry_view.query_one("#entry-links", OptionList), COUP)
        await wait_until(lambda: shown(app) == PaneView(Page.ENTRY, COUP), "the coup's entry")
        assert view.scroll_y == original

        view.focus()  # read on, to the end, before jumping to the coup's mention
        await press(app, "G")
        far = view.scroll_y
        assert far > original
        (coup_mention,) = linked.mentions_of(COUP)
        await choose(app, entry_view.query_one("#entry-mentions", OptionList), "…")
        await wait_until(lambda: visible(app, coup_mention.start), "the mention in view")
        assert view.scroll_y < far
        flash = list(view._layers["flash"].overlapping(0, len(linked.document.text)))
        assert flash == [(coup_mention.start, coup_mention.end, "flash")]

        await press(app, "backspace")
        assert shown(app) == PaneView(Page.ENTRY, COUP)
        assert view.scroll_y == far
        await press(app, "backspace")
        assert shown(app) == PaneView(Page.ENTRY, MOSSADEGH)
        assert view.scroll_y == original
        assert view.position.offset == original_text

        await press(app, "alt+right")
        assert shown(app) == PaneView(Page.ENTRY, COUP)
        assert view.scroll_y == far
        await press(app, "alt+left", "alt+left")
        await wait_until(lambda: view.scroll_y == original, "the first place")
        assert not reading(app).pane_open  # back to before the first jump
        await press(app, "alt+left")  # nothing before that: a bell, no change
        assert view.scroll_y == original


async def test_the_flash_goes_after_a_moment(monkeypatch: pytest.MonkeyPatch) -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 30)):
        await glossary_ready(app)
        await reading(app).open_entry("Iran")
        strip = pane_of(app).query_one(MentionStrip)
        strip.focus()
        await wait_until(
            lambda: app.focused is strip and strip.content_region.width > 0, "the strip, focused"
        )
        view = view_of(app)
        # A loaded machine can resume the test after the flash has already faded: record it.
        flashed: list[tuple[int, int]] = []
        flash = view.flash

        def recorded(start: int, end: int) -> None:
            flashed.append((start, end))
            flash(start, end)

        monkeypatch.setattr(view, "flash", recorded)
        await press(app, "right", "enter")
        assert len(flashed) == 1
        await wait_until(lambda: "flash" not in view._layers, "the flash to fade")


async def test_mention_strip_marks_where_an_entry_is_mentioned() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_ready(app)
        await reading(app).open_entry("Iran")
        strip = pane_of(app).query_one(MentionStrip)
        linked = reading(app).linked
        assert linked is not None
        await wait_until(lambda: strip.content_region.width > 0, "the strip's layout")
        text = str(strip.render())
        assert len(text) == strip.content_region.width
        marks = text.count("┃")
        assert 1 < marks <= linked.count("Iran")
        entry_view = pane_of(app).query_one(EntryView)
        await wait_until(lambda: entry_view.allow_vertical_scroll, "the entry to scroll")

        def strip_in_view() -> bool:
            """Scroll the strip to the middle of the entry until it stays there (the body,
            Markdown, lays itself out a moment later and can push it down)."""
            if entry_view.region.contains_region(strip.region):
                return True
            below_top = strip.region.y - entry_view.region.y
            middle = entry_view.scroll_y + below_top - entry_view.region.height // 2
            entry_view.scroll_to(y=middle, animate=False, immediate=True)
            return False

        await wait_until(strip_in_view, "the strip in view")
        assert await pilot.click(strip, offset=(strip.content_region.width - 1, 0))
        last = linked.mentions_of("Iran")[-1]
        await wait_until(lambda: visible(app, last.start), "the last mention in view")


async def test_a_link_in_the_entry_body_opens_that_entry() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_ready(app)
        await reading(app).open_entry("Mossadegh")  # an alias
        assert shown(app) == PaneView(Page.ENTRY, MOSSADEGH)
        markdown = pane_of(app).query_one(Markdown)
        await wait_until(lambda: markdown.children and markdown.children[0].size.height > 0, "the body")
        paragraph = markdown.children[0]
        lines = [
            "".join(segment.text for segment in paragraph.render_line(y))
            for y in range(paragraph.size.height)
        ]
        y = next(y for y, line in enumerate(lines) if "Iranian coup" in line)
        await pilot.click(paragraph, offset=(lines[y].index("Iranian coup") + 1, y))
        await wait_until(lambda: shown(app) == PaneView(Page.ENTRY, COUP), "the coup's entry")
        backlinks = pane_of(app).query_one("#entry-backlinks", OptionList)
        assert any(MOSSADEGH in str(option.prompt) for option in backlinks.options)
        related = pane_of(app).query_one("#entry-related", OptionList)
        assert any(str(option.prompt).startswith(MOSSADEGH) for option in related.options)


async def test_open_entry_with_an_unknown_title_warns() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        await reading(app).open_entry("Atlantis")
        await wait_until(lambda: any("Atlantis" in message for message in notices(app)), "the warning")
        assert not reading(app).pane_open


# -- the pane's layouts and focus -----------------------------------------------------------


async def test_x_shows_and_hides_the_pane_beside_the_essay() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        pane = pane_of(app)
        view = view_of(app)
        full = view.size.width
        await press(app, "x")
        await wait_until(lambda: view.size.width < full, "the essay to narrow")
        assert pane.display and pane.has_class("-open")
        assert pane.region.x >= view.region.right  # beside, not over
        assert 40 <= pane.size.width <= 50  # about a third
        assert app.focused is view
        assert shown(app).page is Page.INDEX
        await press(app, "x")
        await wait_until(lambda: view.size.width == full, "the essay to widen again")
        assert not pane.display


async def test_escape_closes_the_side_pane_too() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        await press(app, "x")
        assert reading(app).pane_open
        await press(app, "escape")
        assert not reading(app).pane_open
        assert app.focused is view_of(app)
        await press(app, "f6", "escape")  # from inside the pane as well
        assert not reading(app).pane_open
        assert app.focused is view_of(app)


async def test_narrow_terminal_opens_the_pane_over_the_essay() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(80, 24)) as pilot:
        await glossary_ready(app)
        view = view_of(app)
        full = view.size.width
        top = view.scroll_y
        await press(app, "tab", "enter")
        pane = pane_of(app)
        await wait_until(lambda: pane.display and pane.has_focus_within, "the pane over the essay, focused")
        assert reading(app).has_class("-narrow")
        assert pane.region.x < view.region.right  # over the essay ...
        assert view.size.width == full  # ... which keeps its width
        await press(app, "escape")
        assert not pane.display
        assert app.focused is view
        assert view.scroll_y == top
        await pilot.resize_terminal(140, 40)  # wider: the same pane sits beside the essay
        await wait_until(lambda: not reading(app).has_class("-narrow"), "the wide layout")
        await press(app, "x")
        await wait_until(lambda: pane.region.x >= view.region.right, "the pane beside the essay")


async def test_narrow_jump_to_a_mention_closes_the_overlay() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(80, 24)):
        await glossary_ready(app)
        await reading(app).open_entry("Ukraine")
        options = pane_of(app).query_one("#entry-mentions", OptionList)
        await choose(app, options, "…")
        await wait_until(lambda: not pane_of(app).display, "the overlay to close")
        assert app.focused is view_of(app)
        await press(app, "backspace")
        assert pane_of(app).display  # back: the entry over the essay again
        assert shown(app) == PaneView(Page.ENTRY, "Ukraine")


async def test_f6_moves_focus_between_essay_and_pane() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        await press(app, "f6")
        assert pane_of(app).has_focus_within
        assert isinstance(app.focused, Input)  # the index's filter
        await press(app, "ctrl+o")
        assert focused_in(app, view_of(app))
        assert pane_of(app).display  # beside the essay the pane stays open


async def test_tab_into_a_list_lands_on_its_first_item_and_enter_follows_it() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        await reading(app).open_entry(MOSSADEGH)
        await press(app, "f6")
        entry_view = pane_of(app).query_one(EntryView)
        assert focused_in(app, entry_view)
        await press(app, "tab")
        links = entry_view.query_one("#entry-links", OptionList)
        assert focused_in(app, links)
        assert links.highlighted == 0
        first = str(links.options[0].prompt)
        await press(app, "enter")
        await wait_until(lambda: shown(app) == PaneView(Page.ENTRY, first), "the first link followed")


async def test_reading_keys_scroll_the_pane_when_it_has_focus() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 24)):
        await glossary_ready(app)
        await reading(app).open_entry("Iran")
        await press(app, "f6")
        entry_view = pane_of(app).query_one(EntryView)
        await wait_until(lambda: entry_view.laid_out, "the entry's body")
        await still(app)  # laid out at its full height: `G` goes to its true end
        assert entry_view.max_scroll_y > 2 and entry_view.allow_vertical_scroll
        essay_top = view_of(app).scroll_y
        await press(app, "j", "j")
        await wait_until(lambda: entry_view.scroll_y == 2, "two lines down")
        await press(app, "G")
        await wait_until(lambda: entry_view.scroll_y == entry_view.max_scroll_y, "the end of the entry")
        await press(app, "g")
        await wait_until(lambda: entry_view.scroll_y == 0, "the top of the entry")
        await press(app, "space")
        await wait_until(lambda: entry_view.scroll_y > 2, "a page down")
        assert view_of(app).scroll_y == essay_top  # the essay did not move


async def test_focus_is_marked_in_the_pane_header() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        await press(app, "x")
        header = pane_of(app).query_one("#glossary-header")
        assert not str(header.render()).startswith("▶")
        await press(app, "f6")
        await wait_until(lambda: str(header.render()).startswith("▶"), "the focus mark")
        await press(app, "f6")
        await wait_until(lambda: not str(header.render()).startswith("▶"), "the mark to go")


# -- index, timeline, palette ------------------------------------------------------------------


async def test_index_groups_by_kind_counts_and_filters_as_you_type() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        await press(app, "i")
        index = pane_of(app).query_one(IndexView)
        options = index.query_one(OptionList)
        prompts = [str(option.prompt) for option in options.options]
        assert prompts[0] == "People"
        assert {"Places", "Events", "Organisations", "Ideas", "Quotes"} <= set(prompts)
        assert len([option for option in options.options if not option.disabled]) == 51
        assert any(prompt.strip() == "Iran  13" for prompt in prompts)
        await type_text(app, "moss")
        prompts = [str(option.prompt).strip() for option in options.options]
        assert prompts == [f"{MOSSADEGH}  1  person"]
        await press(app, "enter")
        await wait_until(lambda: shown(app) == PaneView(Page.ENTRY, MOSSADEGH), "the entry")
        await press(app, "alt+left")  # back to the index, its filter kept
        assert shown(app).page is Page.INDEX
        assert index.query_one(Input).value == "moss"
        await press(app, "ctrl+a", "ctrl+k", "z", "z", "z")
        assert [str(option.prompt) for option in options.options] == ["no entry matches"]


async def test_the_index_ranks_an_exact_name_first() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        await press(app, "i")
        await type_text(app, "russia")
        await press(app, "enter")
        await wait_until(lambda: shown(app) == PaneView(Page.ENTRY, "Russia"), "Russia, not Alexander III")


async def test_i_and_a_name_typed_in_one_burst_open_the_entry() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        await reading(app).open_entry("Iran")  # an entry open, as in the report
        await press(app, "i", "m", "o", "s", "s", "enter")
        await wait_until(lambda: shown(app) == PaneView(Page.ENTRY, MOSSADEGH), "Mossadegh's entry")
        assert app.screen is reading(app)  # no bookmark prompt opened on the way


async def test_the_index_takes_a_name_typed_before_the_glossary_has_loaded() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await press(app, "i", "m", "o", "s", "s", "enter")
        await glossary_ready(app)
        await wait_until(lambda: shown(app) == PaneView(Page.ENTRY, MOSSADEGH), "Mossadegh's entry")


async def test_index_arrows_choose_without_leaving_the_filter() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        await press(app, "i")
        await type_text(app, "soviet")
        options = pane_of(app).query_one(IndexView).query_one(OptionList)
        titles = [
            str(option.prompt).strip().split("  ")[0] for option in options.options if not option.disabled
        ]
        await press(app, "down", "enter")
        await wait_until(lambda: shown(app) == PaneView(Page.ENTRY, titles[1]), "the second entry")


async def test_timeline_lists_dated_entries_in_date_order() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        await press(app, "t")
        timeline = pane_of(app).query_one(TimelineView)
        assert app.focused is timeline
        lines = [str(option.prompt) for option in timeline.options]
        titles = [line.split("\n")[1].strip().rsplit("  ", 1)[0] for line in lines]
        in_order = [
            "Alexander III of Russia",
            "Hungarian Soviet Republic",
            "Bavarian Soviet Republic",
            "Persian Socialist Soviet Republic",
            COUP,
            "Russo-Ukrainian War",
            "Fall of the Assad regime",
        ]
        assert [title for title in titles if title in in_order] == in_order
        assert titles[0] == "Alexander III of Russia"
        gilan = lines[titles.index("Persian Socialist Soviet Republic")]
        assert gilan.startswith("1920-06 – 1921")
        await press(app, "j", "enter")
        await wait_until(lambda: shown(app) == PaneView(Page.ENTRY, titles[1]), "the second dated entry")
        await press(app, "backspace")
        assert shown(app).page is Page.TIMELINE


async def test_command_palette_finds_an_entry_by_alias_fuzzily() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        await press(app, "ctrl+p")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await type_text(app, "mossadeq")
        await wait_until(lambda: palette_hits(app) > 0, "palette hits")
        await press(app, "enter")
        await wait_until(
            lambda: reading(app).pane is not None and shown(app) == PaneView(Page.ENTRY, MOSSADEGH), "entry"
        )
        assert reading(app).history.can_go_back


async def test_command_palette_runs_the_pane_commands() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        await press(app, "ctrl+p")
        await type_text(app, "gloss timel")
        await wait_until(lambda: palette_hits(app) > 0, "palette hits")
        await press(app, "enter")
        await wait_until(lambda: shown(app).page is Page.TIMELINE, "the timeline")


# -- a large book ------------------------------------------------------------------------


async def test_a_large_book_is_linked_once_all_of_it_is_in(war_and_peace_path: Path) -> None:
    app = ReaderApp(read_source(war_and_peace_path), vault=GLOSSARY)
    async with app.run_test(size=(120, 30)):
        await glossary_ready(app)
        linked = reading(app).linked
        assert linked is not None
        assert linked.document.complete
        assert linked.count("Moscow") > 500
        await press(app, "x")
        await reading(app).open_entry("Moscow")
        mentions = pane_of(app).query_one("#entry-mentions", OptionList)
        assert mentions.option_count == linked.count("Moscow")


def test_marks_all_first_or_none() -> None:
    linked = essay_linked()
    text = len(linked.document.text)
    every = list(linked.marked(Marks.ALL).overlapping(0, text))
    first = list(linked.marked(Marks.FIRST).overlapping(0, text))
    assert len(every) == len(linked.mentions)
    assert list(linked.marked(Marks.NONE).overlapping(0, text)) == []
    assert 0 < len(first) < len(every)
    seen = {(linked.document.block_at(start), linked.at(start)) for start, _, _ in first}
    assert len(seen) == len(first)
    russia = [m for m in linked.mentions_of("Russia") if m.block == 0]
    assert len(russia) > 1  # named twice in the first paragraph ...
    marked_starts = {start for start, _, _ in first}
    assert [m.start in marked_starts for m in russia] == [True] + [False] * (
        len(russia) - 1
    )  # ... marked once
    assert Marks.ALL.next() is Marks.FIRST and Marks.NONE.next() is Marks.ALL


async def test_hash_cycles_how_mentions_are_marked_and_tab_still_finds_them_all() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 30)):
        await glossary_ready(app)
        view = view_of(app)
        assert view.marks == "first"  # the default
        await press(app, "number_sign")
        assert view.marks == "none"
        assert list(view._layers["mentions"].overlapping(0, len(view.document.text))) == []
        await press(app, "tab")
        assert view.focused_mention == 0  # unmarked, still reachable
        await press(app, "number_sign")
        assert view.marks == "all"
        linked = reading(app).linked
        assert linked is not None
        assert len(list(view._layers["mentions"].overlapping(0, len(view.document.text)))) == len(
            linked.mentions
        )


async def test_the_palette_sets_how_mentions_are_marked() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 30)):
        await glossary_ready(app)
        await press(app, "ctrl+p")
        await type_text(app, "mentions mark every")
        await wait_until(lambda: palette_hits(app) > 0, "palette hits")
        await press(app, "enter")
        await wait_until(lambda: view_of(app).marks is Marks.ALL, "every mention marked")


async def test_a_long_name_wraps_in_the_index_with_its_indent() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(100, 30)):
        await glossary_ready(app)
        await press(app, "i")
        await type_text(app, "federative")
        options = pane_of(app).query_one(IndexView).query_one(OptionList)
        await wait_until(lambda: options.option_count == 1 and options.size.width > 0, "one entry")
        await still(app)
        rows = [options.render_line(y).text.rstrip() for y in range(3)]
        assert rows[0].lstrip().startswith("Russian Soviet")
        assert rows[1].strip() and rows[1].startswith("  ") and rows[1][2] != " "  # wrapped, set in
