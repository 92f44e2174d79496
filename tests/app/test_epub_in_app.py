"""An EPUB in the app: its first chapters paint, the rest loads behind them, a note
reference goes to its note and back, and a link to another chapter lands on its block."""

from __future__ import annotations

from pathlib import Path

from reader.app.reading.document_view import DocumentView
from reader.core.document import BlockKind
from reader.core.focus_ring import TargetKind
from tests.app.helpers import press, ready, text_app, wait_until
from tests.epub_builder import Chapter, build_epub

CHAPTERS = [
    Chapter(
        "one.xhtml",
        '<h1>One</h1><p>A claim<a epub:type="noteref" href="notes.xhtml#n1">1</a> and '
        '<a href="two.xhtml#far">a link</a>.</p>' + "<p>Filler paragraph.</p>" * 60,
        "One",
    ),
    Chapter("two.xhtml", "<h1>Two</h1>" + "<p>More filler.</p>" * 60 + '<p id="far">Far away.</p>', "Two"),
    Chapter("notes.xhtml", '<aside epub:type="endnote" id="n1"><p>The note itself.</p></aside>', "Notes"),
]


def _focused(view: DocumentView) -> TargetKind | None:
    target = view.focused_target
    return target.kind if target is not None else None


async def test_a_note_and_back_and_a_link_to_another_chapter(tmp_path: Path) -> None:
    app = text_app(build_epub(tmp_path / "book.epub", CHAPTERS))
    async with app.run_test(size=(100, 20)):
        view = (await ready(app)).view
        await wait_until(lambda: view.document.complete, "the whole book")
        note = next(b.index for b in view.document.blocks if b.kind is BlockKind.NOTE)
        await press(app, "tab", "enter")
        await wait_until(lambda: view.cursor == note, "the note")
        await press(app, "backspace")
        await wait_until(lambda: view.cursor == 1 and view.scroll_y == 0, "back at the reference")
        far = next(b.index for b in view.document.blocks if view.document.block_text(b.index) == "Far away.")
        await press(app, "tab")  # the ring is still on the note reference: the link is next
        await wait_until(lambda: _focused(view) is TargetKind.LINK, "the link")
        await press(app, "enter")
        await wait_until(lambda: view.cursor == far, "the far paragraph")


async def test_a_long_book_paints_its_first_chapters_then_loads_the_rest(tmp_path: Path) -> None:
    words = " ".join(f"word{n}" for n in range(40))
    chapters = [
        Chapter(f"c{n}.xhtml", f"<h1>Part {n}</h1>" + f"<p>{words}.</p>" * 60, f"Part {n}") for n in range(8)
    ]
    app = text_app(build_epub(tmp_path / "long.epub", chapters))
    head = app._document
    assert not head.complete and head.blocks
    async with app.run_test(size=(100, 20)):
        view = (await ready(app)).view
        await wait_until(lambda: view.document.complete, "the rest of the book")
        document = view.document
        assert len(document.blocks) == 8 * 61 > len(head.blocks)
        assert document.text.startswith(head.text)
        assert [entry.title for entry in document.contents] == [f"Part {n}" for n in range(8)]
        await press(app, "G")
        await wait_until(lambda: view.cursor == len(document.blocks) - 1, "the end of the book")
