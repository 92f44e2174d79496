"""EPUBs nobody here wrote (tests/data/epubs/README.md): EPUB 3 and EPUB 2, in English,
Arabic and Japanese, open with their metadata, contents, notes and text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.core.document import BlockKind, InlineStyle
from reader.core.epub.archive import Archive
from reader.core.epub.contents import read_contents
from reader.core.epub.package import read_package
from reader.core.loading import load_document, parse_source, read_source

BOOKS = Path(__file__).resolve().parent.parent / "data" / "epubs"


def test_the_waste_land_epub3_with_its_notes() -> None:
    document = load_document(BOOKS / "wasteland.epub")
    assert (document.title, document.author, document.language) == ("The Waste Land", "T.S. Eliot", "en-US")
    assert document.notice is None
    titles = [entry.title for entry in document.contents]
    assert titles[0] == "I. THE BURIAL OF THE DEAD" and titles[-1] == 'NOTES ON "THE WASTE LAND"'
    for entry in document.contents:
        assert document.block_text(entry.block) == entry.title
    assert "April is the cruellest month, breeding" in document.text
    assert len(document.notes) == 50
    reference = next(s for b in document.blocks for s in b.spans if s.style is InlineStyle.FOOTNOTE)
    note = document.note_for(reference)
    assert note is not None and document.blocks[note.first].kind is BlockKind.NOTE


def test_its_ncx_gives_the_same_contents_as_its_nav() -> None:
    with Archive(BOOKS / "wasteland.epub") as archive:
        package = read_package(archive)
        assert package.nav is not None and package.ncx is not None
        from_nav, _ = read_contents(archive, package)
        from_ncx, _ = read_contents(archive, replace(package, nav=None))
    assert [(p.title, p.level) for p in from_ncx] == [(p.title, p.level) for p in from_nav]
    assert len(from_ncx) == 6


def test_an_arabic_book_right_to_left() -> None:
    document = load_document(BOOKS / "regime-anticancer-arabic.epub")
    assert document.language == "ar" and document.title == "Le Vrai Régime anti-cancer"
    assert document.author == "Pr David Khayat, Nathalie Hutter-Lardeau"  # the translator is no author
    assert "ما هو السرطان؟" in [
        document.block_text(b.index) for b in document.blocks if b.kind is BlockKind.HEADING
    ]
    assert [entry.title for entry in document.contents] == [
        "Couverture",
        "Page de titre",
        "Commencer la lecture",
    ]


def test_a_japanese_book_with_ruby() -> None:
    document = load_document(BOOKS / "kusamakura-japanese.epub")
    assert (document.title, document.author, document.language) == ("草枕", "夏目 漱石", "ja-jp")
    assert "山路（やまみち）を登りながら、こう考えた。" in document.text
    assert [entry.title for entry in document.contents][:3] == ["一", "二", "三"]


def test_a_minimal_epub2() -> None:
    document = load_document(BOOKS / "minimal-v2.epub")
    assert [document.block_text(b.index) for b in document.blocks] == ["Section 1", "This is a paragraph."]
    assert [(entry.title, entry.block) for entry in document.contents] == [("Section 1", 0)]


def test_each_paints_from_a_head_that_is_the_start_of_the_whole() -> None:
    for path in sorted(BOOKS.glob("*.epub")):
        source = read_source(path)
        head = parse_source(source, head=source.head_chars)
        whole = load_document(path)
        assert head.text == whole.text[: len(head.text)], path.name
