"""Links and footnotes in the reading view: tab reaches them as it reaches mentions, enter
follows them, backspace comes back; a link to another document opens it on a screen of
its own; links are terminal hyperlinks (OSC 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app.app import ReaderApp
from reader.app.reading.screen import ReadingScreen
from reader.core.focus_ring import TargetKind
from tests.app.helpers import press, ready, text_app, wait_until

FIRST = """# The first

A claim that needs a note.[^why] See [the second file](second.md#the-part) or
[the end of this one](#the-end), or [the web](https://example.org/page).

## The end

Nothing more.

[^why]: Because of the reasons given here.
"""
SECOND = """# The second

An opening paragraph.

## The part

What the link pointed at.
"""


@pytest.fixture
def linked_files(tmp_path: Path) -> Path:
    (tmp_path / "second.md").write_text(SECOND, encoding="utf-8")
    first = tmp_path / "first.md"
    first.write_text(FIRST, encoding="utf-8")
    return first


def kinds(app: ReaderApp) -> list[TargetKind]:
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    return [target.kind for target in screen.view.focus_ring.targets]


async def test_tab_reaches_the_note_and_the_links_in_order(linked_files: Path) -> None:
    app = text_app(linked_files)
    async with app.run_test(size=(100, 30)):
        await ready(app)
        await press(app, "tab")  # no glossary: the ring has the note and the links only
        view = (await ready(app)).view
        await wait_until(lambda: view.focused_target is not None, "the ring")
        assert kinds(app) == [TargetKind.NOTE, TargetKind.LINK, TargetKind.LINK, TargetKind.LINK]
        target = view.focused_target
        assert target is not None and target.kind is TargetKind.NOTE


async def test_enter_on_a_note_goes_there_and_backspace_comes_back(linked_files: Path) -> None:
    app = text_app(linked_files)
    async with app.run_test(size=(100, 12)):
        view = (await ready(app)).view
        await press(app, "tab", "enter")
        note_block = next(block.index for block in view.document.blocks if block.kind == "note")
        await wait_until(lambda: view.cursor == note_block, "the note")
        assert "flash" in view._layers
        await press(app, "backspace")
        assert view.cursor == 0 and view.scroll_y == 0


async def test_an_anchor_link_goes_to_its_heading(linked_files: Path) -> None:
    app = text_app(linked_files)
    async with app.run_test(size=(100, 30)):
        view = (await ready(app)).view
        await press(app, "tab", "tab", "tab", "enter")
        end = next(b.index for b in view.document.blocks if view.document.block_text(b.index) == "The end")
        await wait_until(lambda: view.cursor == end, "the heading")


async def test_a_link_to_another_document_opens_it_and_back_returns(linked_files: Path) -> None:
    app = text_app(linked_files)
    async with app.run_test(size=(100, 30)):
        first = await ready(app)
        await press(app, "tab", "tab", "enter")
        await wait_until(
            lambda: app.screen is not first and isinstance(app.screen, ReadingScreen), "the second"
        )
        second = app.screen
        assert isinstance(second, ReadingScreen)
        await wait_until(lambda: second.view.laid_out, "its layout")
        assert second.view.document.title == "The second"
        part = next(
            b.index
            for b in second.view.document.blocks
            if second.view.document.block_text(b.index) == "The part"
        )
        await wait_until(lambda: second.view.cursor == part, "the heading the link named")
        await press(app, "backspace")
        assert app.screen is first  # back to the document that linked, where it was
        target = first.view.focused_target
        assert target is not None and target.kind is TargetKind.LINK


async def test_a_web_link_goes_to_the_system_and_links_are_hyperlinks(
    linked_files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    app = text_app(linked_files)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(100, 30)):
        view = (await ready(app)).view
        await press(app, "tab", "tab", "tab", "tab", "enter")  # kept until the mentions are known
        await wait_until(lambda: opened == ["https://example.org/page"], "the system's opener")
        links = {
            segment.style.link
            for y in range(view.scrollable_content_region.height)
            for segment in view.render_line(y)
            if segment.style is not None and segment.style.link
        }
        assert "https://example.org/page" in links
        assert any(link.startswith("file://") and link.endswith("second.md#the-part") for link in links)
