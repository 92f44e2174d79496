"""The glossary beside the essay, through the Pilot: mentions, the pane, the history."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Markdown, OptionList

from reader.app import glossary_controller
from reader.app.app import ReaderApp
from reader.app.entry_view import EntryView, entry_dates, mention_snippet
from reader.app.glossary_lists import IndexView, TimelineView, matches
from reader.app.glossary_pane import NO_GLOSSARY, GlossaryPane, Page, PaneView
from reader.core.linked_document import LinkedDocument, mention_decoration
from reader.app.mention_strip import MentionStrip, mention_cells
from reader.core.glossary.linker import Mention
from reader.core.glossary.vault import load_glossary
from reader.core.loading import load_document, read_source
from tests.app.helpers import ESSAY, GLOSSARY, essay_app

MOSSADEGH = "Mohammad Mosaddegh"
COUP = "1953 Iranian coup"


async def glossary_ready(app: ReaderApp, pilot: Pilot[int]) -> GlossaryPane:
    """Wait (at most 10 s) until the vault is loaded and the document linked."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        await pilot.pause(0.02)
        linked = app.glossary.linked
        if app.glossary.pane is not None and linked is not None and linked.linked:
            await pilot.pause()
            return app.glossary.pane
    raise AssertionError("the glossary never loaded")


def pane_of(app: ReaderApp) -> GlossaryPane:
    assert app.glossary.pane is not None
    return app.glossary.pane


def focused_title(app: ReaderApp) -> str | None:
    linked, index = app.glossary.linked, app.glossary.focused
    return None if linked is None or index is None else linked.mentions[index].title


def shown(app: ReaderApp) -> PaneView:
    return pane_of(app).view


def visible(app: ReaderApp, offset: int) -> bool:
    view = app.view
    row = view.text_layout.row_of_offset(offset)
    return view.scroll_y <= row < view.scroll_y + view.scrollable_content_region.height


async def select_option(pilot: Pilot[int], options: OptionList, title: str) -> None:
    """Focus `options` and choose the option whose text starts with `title`, by keyboard."""
    options.focus()
    await pilot.pause()
    index = next(
        i for i, option in enumerate(options.options) if str(option.prompt).strip().startswith(title)
    )
    options.highlighted = 0
    await pilot.press(*["down"] * index, "enter")
    await pilot.pause()


# -- the linked document, without a screen --------------------------------------------------


def essay_linked() -> LinkedDocument:
    return LinkedDocument.link(load_document(ESSAY), load_glossary(GLOSSARY))


def test_linked_document_finds_mentions_and_steps_through_them() -> None:
    linked = essay_linked()
    text = linked.document.text
    first = linked.mentions[0]
    assert linked.at(first.start) == 0
    assert linked.at(first.end) is None or linked.mentions[linked.at(first.end) or 0].start == first.end
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


def test_snippets_and_dates_and_the_index_filter() -> None:
    linked = essay_linked()
    (mention,) = linked.mentions_of(MOSSADEGH)
    snippet = mention_snippet(linked.document, mention)
    assert "Mohammed Mossadegh" in snippet.plain
    assert snippet.plain.startswith("…")
    assert len(snippet.plain) < 80
    glossary = linked.glossary
    entry = glossary.lookup(MOSSADEGH)
    assert entry is not None
    assert entry_dates(entry) == "1951-04 – 1953-08"
    assert matches(entry, "mossadeq")  # an alias
    maduro = glossary.lookup("Nicolás Maduro")
    assert maduro is not None
    assert matches(maduro, "NICOLAS")  # accents and case ignored
    assert not matches(maduro, "putin")


# -- mentions in the essay -----------------------------------------------------------------


async def test_mentions_are_marked_after_the_first_paint() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 30)) as pilot:
        await glossary_ready(app, pilot)
        linked = app.glossary.linked
        assert linked is not None
        assert len(linked.mentions) == 120
        row = app.view.text_layout.row_of_offset(linked.mentions[0].start)
        strip = app.view.render_line(row - round(app.view.scroll_y))
        underlined = [segment.text for segment in strip if segment.style and segment.style.underline]
        assert "the West" in "".join(underlined)


async def test_no_vault_is_said_once_and_in_the_pane() -> None:
    app = essay_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert messages.count(NO_GLOSSARY) == 1
        await pilot.press("x")
        await pilot.pause()
        assert "reader PATH --glossary DIR" in str(pane_of(app).query_one("#glossary-empty").render())
        await pilot.press("tab")  # no mentions: a message, no error
        await pilot.pause()
        assert app.glossary.focused is None


async def test_tab_moves_a_focus_ring_through_the_mentions_and_wraps() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 30)) as pilot:
        await glossary_ready(app, pilot)
        linked = app.glossary.linked
        assert linked is not None
        await pilot.press("tab")
        assert app.glossary.focused == 0
        await pilot.press("tab", "tab")
        assert app.glossary.focused == 2
        await pilot.press("shift+tab")
        assert app.glossary.focused == 1
        ring = list(app.view._layers["mention-focus"].overlapping(0, len(linked.document.text)))
        assert ring == [(linked.mentions[1].start, linked.mentions[1].end, "mention-focus")]
        await pilot.press("shift+tab", "shift+tab")  # wraps to the last mention, scrolling to it
        assert app.glossary.focused == len(linked.mentions) - 1
        assert visible(app, linked.mentions[-1].start)
        await pilot.press("escape")
        assert app.glossary.focused is None
        assert "mention-focus" not in app.view._layers


async def test_tab_starts_from_the_top_of_the_view() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 20)) as pilot:
        await glossary_ready(app, pilot)
        await pilot.press("tab")  # a ring near the top ...
        await pilot.press("space", "space")  # ... scrolled away from
        top = app.view.position.offset
        await pilot.press("tab")
        linked = app.glossary.linked
        assert linked is not None and app.glossary.focused is not None
        assert linked.mentions[app.glossary.focused].start >= top
        assert app.glossary.focused == linked.first_from(top)


async def test_hover_shows_the_summary_and_click_opens_the_entry() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 30)) as pilot:
        await glossary_ready(app, pilot)
        view = app.view
        y = next(y for y in range(20) if "Trump" in view.render_line(y).text)
        x = view.render_line(y).text.index("Trump")
        await pilot.hover(view, offset=(x, y))
        await pilot.pause()
        assert view.tooltip is not None
        assert "Donald Trump" in str(view.tooltip)
        assert "president" in str(view.tooltip).lower()
        await pilot.hover(view, offset=(0, y))
        await pilot.pause()
        assert view.tooltip is None
        await pilot.click(view, offset=(x, y))
        await pilot.pause()
        assert shown(app) == PaneView(Page.ENTRY, "Donald Trump")
        assert pane_of(app).has_class("-open")
        assert app.focused is view  # beside the essay, the reader keeps reading


async def test_enter_without_a_focused_mention_explains_itself() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 30)) as pilot:
        await glossary_ready(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert any("tab" in notification.message for notification in app._notifications)
        assert not pane_of(app).has_class("-open")


# -- the whole loop --------------------------------------------------------------------------


async def test_mention_to_entry_to_entry_to_mention_and_back_twice() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 24)) as pilot:
        await glossary_ready(app, pilot)
        view = app.view
        linked = app.glossary.linked
        assert linked is not None
        (mossadegh,) = linked.mentions_of(MOSSADEGH)
        await pilot.press(*["tab"] * (linked.mentions.index(mossadegh) + 1))
        assert focused_title(app) == MOSSADEGH
        assert view.scroll_y > 0 and visible(app, mossadegh.start)  # tab scrolled to it
        original = view.scroll_y
        original_text = view.position.offset

        await pilot.press("enter")
        await pilot.pause()
        assert shown(app) == PaneView(Page.ENTRY, MOSSADEGH)
        entry_view = pane_of(app).query_one(EntryView)
        assert "Prime Minister of Iran" in str(entry_view.query_one(".entry-summary").render())

        await pilot.press("f6")  # into the pane, then follow its link to the coup
        await pilot.pause()
        assert pane_of(app).has_focus_within
        await select_option(pilot, entry_view.query_one("#entry-links", OptionList), COUP)
        assert shown(app) == PaneView(Page.ENTRY, COUP)
        assert view.scroll_y == original

        view.focus()  # read on, to the end, before jumping to the coup's mention
        await pilot.press("G")
        await pilot.pause()
        far = view.scroll_y
        assert far > original
        (coup_mention,) = linked.mentions_of(COUP)
        await select_option(pilot, entry_view.query_one("#entry-mentions", OptionList), "…")
        assert visible(app, coup_mention.start)
        assert view.scroll_y < far
        flash = list(view._layers["flash"].overlapping(0, len(linked.document.text)))
        assert flash == [(coup_mention.start, coup_mention.end, "flash")]

        await pilot.press("backspace")
        await pilot.pause()
        assert shown(app) == PaneView(Page.ENTRY, COUP)
        assert view.scroll_y == far
        await pilot.press("backspace")
        await pilot.pause()
        assert shown(app) == PaneView(Page.ENTRY, MOSSADEGH)
        assert view.scroll_y == original
        assert view.position.offset == original_text

        await pilot.press("alt+right")
        await pilot.pause()
        assert shown(app) == PaneView(Page.ENTRY, COUP)
        assert view.scroll_y == far
        await pilot.press("alt+left", "alt+left")
        await pilot.pause()
        assert view.scroll_y == original
        assert not pane_of(app).has_class("-open")  # back to before the first jump
        await pilot.press("alt+left")  # nothing before that: a bell, no change
        assert view.scroll_y == original


async def test_the_flash_goes_after_a_moment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glossary_controller, "FLASH_SECONDS", 0.5)
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 30)) as pilot:
        await glossary_ready(app, pilot)
        app.open_entry("Iran")
        await pilot.pause()
        strip = pane_of(app).query_one(MentionStrip)
        strip.focus()
        await pilot.press("right", "enter")
        assert "flash" in app.view._layers
        await pilot.pause(0.8)
        assert "flash" not in app.view._layers


async def test_mention_strip_marks_where_an_entry_is_mentioned() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_ready(app, pilot)
        app.open_entry("Iran")
        await pilot.pause()
        strip = pane_of(app).query_one(MentionStrip)
        linked = app.glossary.linked
        assert linked is not None
        text = str(strip.render())
        assert len(text) == strip.content_region.width
        marks = text.count("┃")
        assert 1 < marks <= linked.count("Iran")
        strip.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(strip, offset=(strip.content_region.width - 1, 0))
        await pilot.pause()
        last = linked.mentions_of("Iran")[-1]
        assert visible(app, last.start)


async def test_a_link_in_the_entry_body_opens_that_entry() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_ready(app, pilot)
        app.open_entry("Mossadegh")  # an alias
        await pilot.pause(0.2)
        assert shown(app) == PaneView(Page.ENTRY, MOSSADEGH)
        markdown = pane_of(app).query_one(Markdown)
        paragraph = markdown.children[0]
        lines = [
            "".join(segment.text for segment in paragraph.render_line(y))
            for y in range(paragraph.size.height)
        ]
        y = next(y for y, line in enumerate(lines) if "Iranian coup" in line)
        await pilot.click(paragraph, offset=(lines[y].index("Iranian coup") + 1, y))
        await pilot.pause()
        assert shown(app) == PaneView(Page.ENTRY, COUP)
        backlinks = pane_of(app).query_one("#entry-backlinks", OptionList)
        assert any(MOSSADEGH in str(option.prompt) for option in backlinks.options)
        related = pane_of(app).query_one("#entry-related", OptionList)
        assert any(str(option.prompt).startswith(MOSSADEGH) for option in related.options)


async def test_open_entry_with_an_unknown_title_warns() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_ready(app, pilot)
        app.open_entry("Atlantis")
        await pilot.pause()
        assert any("Atlantis" in notification.message for notification in app._notifications)
        assert not pane_of(app).has_class("-open")


# -- the pane's layouts ----------------------------------------------------------------------


async def test_x_shows_and_hides_the_pane_beside_the_essay() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_ready(app, pilot)
        pane = pane_of(app)
        full = app.view.size.width
        await pilot.press("x")
        await pilot.pause()
        assert pane.display and pane.has_class("-open")
        assert pane.region.x >= app.view.region.right  # beside, not over
        assert 40 <= pane.size.width <= 50  # about a third
        assert app.view.size.width < full
        assert app.focused is app.view
        assert shown(app).page is Page.INDEX
        await pilot.press("x")
        await pilot.pause()
        assert not pane.display
        assert app.view.size.width == full


async def test_narrow_terminal_opens_the_pane_over_the_essay() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(80, 24)) as pilot:
        await glossary_ready(app, pilot)
        full = app.view.size.width
        top = app.view.scroll_y
        await pilot.press("tab", "enter")
        await pilot.pause()
        pane = pane_of(app)
        assert app.screen.has_class("-narrow")
        assert pane.display
        assert pane.region.x < app.view.region.right  # over the essay ...
        assert app.view.size.width == full  # ... which keeps its width
        assert pane.has_focus_within
        await pilot.press("escape")
        await pilot.pause()
        assert not pane.display
        assert app.focused is app.view
        assert app.view.scroll_y == top
        await pilot.resize_terminal(140, 40)  # wider: the same pane sits beside the essay
        await pilot.press("x")
        await pilot.pause()
        assert not app.screen.has_class("-narrow")
        assert pane.region.x >= app.view.region.right


async def test_narrow_jump_to_a_mention_closes_the_overlay() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(80, 24)) as pilot:
        await glossary_ready(app, pilot)
        app.open_entry("Ukraine")
        await pilot.pause()
        options = pane_of(app).query_one("#entry-mentions", OptionList)
        await select_option(pilot, options, "…")
        assert not pane_of(app).display
        assert app.focused is app.view
        await pilot.press("backspace")
        await pilot.pause()
        assert pane_of(app).display  # back: the entry over the essay again
        assert shown(app) == PaneView(Page.ENTRY, "Ukraine")


async def test_f6_moves_focus_between_essay_and_pane() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_ready(app, pilot)
        await pilot.press("f6")
        await pilot.pause()
        assert pane_of(app).has_focus_within
        assert isinstance(app.focused, Input)  # the index's filter
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.focused is app.view
        assert pane_of(app).display  # beside the essay the pane stays open


# -- index, timeline, palette ------------------------------------------------------------------


async def test_index_groups_by_kind_counts_and_filters_as_you_type() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_ready(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        index = pane_of(app).query_one(IndexView)
        options = index.query_one(OptionList)
        prompts = [str(option.prompt) for option in options.options]
        assert prompts[0] == "People"
        assert {"Places", "Events", "Organisations", "Ideas", "Quotes"} <= set(prompts)
        assert len([option for option in options.options if not option.disabled]) == 51
        assert any(prompt.strip() == "Iran  13" for prompt in prompts)
        await pilot.press(*"moss")
        await pilot.pause()
        prompts = [str(option.prompt).strip() for option in options.options]
        assert prompts == ["People", f"{MOSSADEGH}  1"]
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app) == PaneView(Page.ENTRY, MOSSADEGH)
        await pilot.press("alt+left")  # back to the index, its filter kept
        await pilot.pause()
        assert shown(app).page is Page.INDEX
        assert index.query_one(Input).value == "moss"
        await pilot.press("ctrl+a", "ctrl+k", *"zzz")
        await pilot.pause()
        assert [str(option.prompt) for option in options.options] == ["no entry matches"]


async def test_index_arrows_choose_without_leaving_the_filter() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_ready(app, pilot)
        await pilot.press("i", *"soviet")
        await pilot.pause()
        options = pane_of(app).query_one(IndexView).query_one(OptionList)
        titles = [
            str(option.prompt).strip().rsplit("  ", 1)[0] for option in options.options if not option.disabled
        ]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert shown(app) == PaneView(Page.ENTRY, titles[1])


async def test_timeline_lists_dated_entries_in_date_order() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_ready(app, pilot)
        await pilot.press("t")
        await pilot.pause()
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
        await pilot.press("down", "enter")
        await pilot.pause()
        assert shown(app) == PaneView(Page.ENTRY, titles[1])
        await pilot.press("backspace")
        await pilot.pause()
        assert shown(app).page is Page.TIMELINE


async def test_command_palette_finds_an_entry_by_alias_fuzzily() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_ready(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"mossadeq")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert shown(app) == PaneView(Page.ENTRY, MOSSADEGH)
        assert app.glossary.history.can_go_back


async def test_command_palette_runs_the_pane_commands() -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(140, 40)) as pilot:
        await glossary_ready(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"gloss timel")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert shown(app).page is Page.TIMELINE


# -- a large book ------------------------------------------------------------------------


async def test_a_large_book_is_linked_once_all_of_it_is_in(war_and_peace_path: Path) -> None:
    app = ReaderApp(read_source(war_and_peace_path), vault=GLOSSARY)
    async with app.run_test(size=(120, 30)) as pilot:
        await glossary_ready(app, pilot)
        linked = app.glossary.linked
        assert linked is not None
        assert linked.document.complete
        assert linked.count("Moscow") > 500
        await pilot.press("x")
        app.open_entry("Moscow")
        await pilot.pause()
        mentions = pane_of(app).query_one("#entry-mentions", OptionList)
        assert mentions.option_count == linked.count("Moscow")
