"""EPUB 3 (nav) and EPUB 2 (NCX) books built here: metadata, spine order, contents, notes,
links that land on their block, the head of a first screen, and inert text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.document import BlockKind, InlineStyle
from reader.core.formats import Format
from reader.core.links import LinkKind, anchor_block, link_target
from reader.core.loading import load_document, parse_file, parse_source, read_source
from reader.core.resources import find_vault
from reader.core.search import search
from tests.epub_builder import Chapter, build_epub

CHAPTERS = [
    Chapter(
        "one.xhtml",
        '<h1 id="c1">Chapter One</h1><p>It <em>begins</em>'
        '<a epub:type="noteref" href="notes.xhtml#n1">1</a>. See <a href="two.xhtml#x">there</a>, '
        '<a href="#c1">the top</a> or <a href="https://example.org/">the web</a>, with '
        '<a href="map.png">the map</a>.</p>',
        "One",
    ),
    Chapter(
        "two.xhtml",
        "<h2>Chapter Two</h2><p>Filler</p><ul><li>a list</li><li>of two</li></ul>"
        "<blockquote><p>A quote</p></blockquote><pre>  kept\n    as is</pre>"
        '<p id="x">Target<img src="map.png" alt="a map"/></p>'
        "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Pierre</td><td>20</td></tr></table>",
        "Two",
        2,
    ),
    Chapter(
        "notes.xhtml",
        '<section epub:type="endnotes"><ol><li id="n1"><p>The note. '
        '<a href="one.xhtml#c1">back</a></p></li></ol></section>',
        "Notes",
    ),
]


@pytest.fixture(params=[3, 2], ids=["epub3-nav", "epub2-ncx"])
def book(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return build_epub(tmp_path / "book.epub", CHAPTERS, version=request.param, language="en-GB")


def texts(path: Path) -> list[str]:
    document = load_document(path)
    return [document.block_text(block.index) for block in document.blocks]


def test_metadata_and_the_spine_in_order(book: Path) -> None:
    document = load_document(book)
    assert (document.title, document.author, document.language) == ("A Small Book", "A. Writer", "en-GB")
    assert document.format == "epub" and document.complete and document.notice is None
    headings = [document.block_text(b.index) for b in document.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["Chapter One", "Chapter Two"]
    assert [b.level for b in document.blocks if b.kind is BlockKind.HEADING] == [1, 2]


def test_the_contents_lead_to_their_chapters(book: Path) -> None:
    document = load_document(book)
    found = [(entry.title, entry.level, document.block_text(entry.block)) for entry in document.contents]
    assert found == [("One", 1, "Chapter One"), ("Two", 2, "Chapter Two"), ("Notes", 1, "The note. back")]


def test_xhtml_becomes_the_document_model(book: Path) -> None:
    document = load_document(book)
    kinds = {document.block_text(b.index): b for b in document.blocks}
    assert kinds["a list"].kind is BlockKind.LIST_ITEM and kinds["a list"].marker == "•"
    assert kinds["of two"].tight
    assert kinds["A quote"].kind is BlockKind.QUOTE and kinds["A quote"].level == 1
    assert kinds["  kept\n    as is"].kind is BlockKind.CODE
    assert "Target[image: a map]" in kinds
    table = next(b for b in document.blocks if b.kind is BlockKind.TABLE)
    assert "│ Pierre │ 20  │" in document.block_text(table.index)
    first = document.blocks[1]
    styled = {document.text[span.start : span.end]: span.style for span in first.spans}
    assert styled["begins"] is InlineStyle.EMPHASIS


def test_a_note_reference_leads_to_its_note_and_back(book: Path) -> None:
    document = load_document(book)
    reference = next(span for span in document.blocks[1].spans if span.style is InlineStyle.FOOTNOTE)
    assert document.text[reference.start : reference.end] == "[1]"
    note = document.note_for(reference)
    assert note is not None and note.references == (reference.start,)
    assert document.blocks[note.first].kind is BlockKind.NOTE and document.blocks[note.first].marker == "[1]"
    assert document.note_at(note.first) == note


def test_internal_links_land_on_the_block_of_their_id(book: Path) -> None:
    document = load_document(book)
    links = [span.href for span in document.blocks[1].spans if span.style is InlineStyle.LINK]
    assert links[2] == "https://example.org/" and len(links) == 3  # the map image is no link
    targets = [link_target(href, document.source) for href in links[:2]]
    assert all(target is not None and target.kind is LinkKind.ANCHOR for target in targets)
    blocks = [anchor_block(document, target.fragment) for target in targets if target is not None]
    assert [document.block_text(block) for block in blocks if block is not None] == [
        "Target[image: a map]",
        "Chapter One",
    ]


def test_the_head_is_the_first_blocks_of_the_whole(tmp_path: Path) -> None:
    chapters = [
        Chapter(
            f"c{n}.xhtml",
            f"<h1>Part {n}</h1>" + "".join(f"<p>Line {n}.{i} " * 40 + "</p>" for i in range(50)),
        )
        for n in range(6)
    ]
    path = build_epub(tmp_path / "long.epub", chapters)
    source = read_source(path)
    assert source.format is Format.EPUB
    head = parse_source(source, head=source.head_chars)
    whole = parse_file(path, source.codec, format=source.format)
    assert not head.complete and whole.complete
    assert 0 < len(head.blocks) < len(whole.blocks)
    assert head.text == whole.text[: len(head.text)]
    assert [b.kind for b in head.blocks] == [b.kind for b in whole.blocks[: len(head.blocks)]]


def test_hostile_text_is_inert(tmp_path: Path) -> None:
    chapters = [Chapter("a.xhtml", "<p>red \x1b[31m here \u202e evil</p>", "A\x1b]0;x\x07")]
    # XML forbids C0 controls in the package, not C1 ones (U+009B is CSI) or bidi overrides.
    path = build_epub(tmp_path / "bad.epub", chapters, title="T\u009b2J", author="A\u202eB")
    document = load_document(path)
    for text in (document.text, document.title, document.author or "", document.contents[0].title):
        assert not {"\x1b", "\u202e", "\x07", "\u009b"} & set(text)


def test_right_to_left_text_and_its_language_are_kept(tmp_path: Path) -> None:
    chapters = [Chapter("a.xhtml", '<p dir="rtl">שלום עולם</p>', "פרק")]
    document = load_document(build_epub(tmp_path / "he.epub", chapters, language="he"))
    assert document.language == "he" and "שלום עולם" in document.text


def test_a_glossary_beside_the_book_is_found_and_search_reads_its_text(book: Path) -> None:
    vault = book.with_name("book.glossary")
    vault.mkdir()
    assert find_vault(book, None) == vault
    document = load_document(book)
    assert [match.block for match in search(document, "Filler")] == [3]


def test_war_and_peace_as_an_epub_paints_from_its_first_chapters(war_and_peace_path: Path) -> None:
    from benchmarks.epub_book import war_and_peace_epub

    path = war_and_peace_epub(war_and_peace_path)
    source = read_source(path)
    head = parse_source(source, head=source.head_chars)
    whole = parse_file(path, source.codec, format=source.format)
    assert not head.complete and len(head.text) < len(whole.text) // 20
    assert head.text == whole.text[: len(head.text)]
    assert (whole.title, whole.author, len(whole.blocks)) == ("War and Peace", "Leo Tolstoy", 12170)
    titles = [entry.title for entry in whole.contents]
    assert titles[1:3] == ["BOOK ONE: 1805", "BOOK TWO: 1805"] and titles[-1].startswith("SECOND EPILOGUE")
    assert len(titles) == 18
