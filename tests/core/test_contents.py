"""Contents: War and Peace's books, chapters and epilogues; Markdown headings; a book's own
contents (as an EPUB carries them); where a block falls; progress; names for `:`."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from reader.core.chapter_headings import STANDALONE, division_rank, readable
from reader.core.contents import Contents, contents_of
from reader.core.document import BlockKind, ContentsEntry, Document, DocumentBuilder
from reader.core.loading import parse_source, read_source
from reader.core.markdown import parse_markdown
from reader.core.plaintext import parse_plain_text


@cache
def war_and_peace(path: Path) -> Contents:
    return contents_of(parse_source(read_source(path)))


def test_war_and_peace_books_and_epilogues_hold_their_chapters(war_and_peace_path: Path) -> None:
    contents = war_and_peace(war_and_peace_path)
    tops = [chapter.title for chapter in contents.chapters if chapter.level == 1]
    assert tops[0] == "Book One: 1805"
    assert tops[8] == "Book Nine: 1812"
    assert tops[-2:] == ["First Epilogue: 1813 - 20", "Second Epilogue"]
    assert len(tops) == 17
    assert {chapter.level for chapter in contents.chapters} == {1, 2}
    book_one = contents.chapters[0]
    first = contents.chapters[1]
    assert (first.title, first.name, first.level) == ("Chapter I", "Book One, Chapter I", 2)
    assert first.block == book_one.block + 1
    chapters_in_book_one = [c for c in contents.chapters if book_one.block < c.block < book_one.end]
    assert len(chapters_in_book_one) == 28
    assert chapters_in_book_one[-1].end == book_one.end


def test_war_and_peace_front_matter_and_licence_are_not_chapters(war_and_peace_path: Path) -> None:
    contents = war_and_peace(war_and_peace_path)
    document = contents.document
    # The Gutenberg contents list (a run of bare headings) comes before the first chapter:
    # each chapter is found once, where its text is.
    assert len(contents) == 17 + 365
    first = contents.chapters[0]
    assert all(document.blocks[b].kind is BlockKind.HEADING for b in range(12, first.block))
    assert contents.at(first.block - 1) is None
    last = contents.chapters[-1]
    assert last.name == "Second Epilogue, Chapter XII"
    assert document.block_text(last.end).startswith("*** END OF")
    assert contents.at(len(document.blocks) - 1) is None
    # Signatures and proclamations in capitals are not chapters.
    assert not {"Julie", "Napoleon", "Proclamation!"} & {chapter.title for chapter in contents.chapters}


def test_war_and_peace_names_are_unambiguous(war_and_peace_path: Path) -> None:
    names = war_and_peace(war_and_peace_path).names()
    assert len(set(names)) == len(names)
    assert "Book Nine, Chapter IV" in names
    assert "First Epilogue, Chapter I" in names
    assert "Book Nine: 1812" in names


def test_where_a_block_falls_and_how_far_in(war_and_peace_path: Path) -> None:
    contents = war_and_peace(war_and_peace_path)
    index = contents.names().index("Book Nine, Chapter IV")
    chapter = contents.chapters[index]
    assert contents.at(chapter.block) == index
    assert contents.at(chapter.end - 1) == index
    assert contents.at(chapter.end) == index + 1
    assert contents.next(chapter.block) == index + 1
    assert contents.previous(chapter.block) == index - 1
    assert contents.previous(chapter.block + 2) == index  # back to this chapter's start first
    middle = (chapter.block + chapter.end) // 2
    assert 0 < contents.progress(index, middle) < 1
    assert contents.progress(index, chapter.block - 1) == 0
    assert contents.progress(index, chapter.end - 1) == 1
    assert contents.next(contents.chapters[-1].block) is None
    assert contents.previous(contents.chapters[0].block) is None


def test_fraction_read_per_chapter(war_and_peace_path: Path) -> None:
    contents = war_and_peace(war_and_peace_path)
    index = contents.names().index("Book Nine, Chapter IV")
    chapter = contents.chapters[index]
    read = contents.read(chapter.block + 1)
    assert all(fraction == 1 for fraction in read[: index - 4])  # earlier books and chapters
    assert 0 < read[index] < 1
    book_nine = contents.names().index("Book Nine: 1812")
    assert 0 < read[book_nine] < 1
    assert all(fraction == 0 for fraction in read[index + 1 :])


def test_markdown_headings_nest_by_level() -> None:
    document = parse_markdown(
        "# The title\n\n# Part one\n\nIntro.\n\n### Deep\n\nText.\n\n## Notes\n\nA.\n\n"
        "# Part two\n\n## Notes\n\nB.\n",
        fallback_title="t",
    )
    contents = contents_of(document)
    shown = [(c.title, c.name, c.level) for c in contents.chapters]
    assert shown == [
        ("Part one", "Part one", 1),
        ("Deep", "Deep", 2),  # a ### under a # is one level in, not two
        ("Notes", "Part one, Notes", 2),
        ("Part two", "Part two", 1),
        ("Notes", "Part two, Notes", 2),
    ]
    assert contents.chapters[0].end == contents.chapters[3].block


def test_a_book_s_own_contents_are_taken_as_they_are() -> None:
    builder = DocumentBuilder()
    for text in ("Cover", "Part I", "The Boy Who Lived", "He did.", "Notes", "Notes", "n"):
        builder.add(BlockKind.PARAGRAPH, text)
    document = replace(
        builder.build("Book"),
        contents=(
            ContentsEntry("Part I", 1, 1),
            ContentsEntry("The  Boy\nWho Lived", 2, 2),
            ContentsEntry("Notes", 3, 4),
            ContentsEntry("Notes", 3, 5),
            ContentsEntry("Beyond the end", 1, 99),
        ),
    )
    contents = contents_of(document)
    assert [(c.title, c.name, c.level, c.block, c.end) for c in contents.chapters] == [
        ("Part I", "Part I", 1, 1, 7),
        ("The Boy Who Lived", "The Boy Who Lived", 2, 2, 7),
        ("Notes", "Notes", 3, 4, 5),
        ("Notes", "Notes (2)", 3, 5, 7),
    ]
    assert contents.at(0) is None
    assert contents.at(3) == 1


def test_plain_text_without_divisions_uses_every_heading() -> None:
    document = parse_plain_text("THE OPENING\n\nText here.\n\nTHE CLOSE\n\nMore text.\n")
    assert [c.title for c in contents_of(document).chapters] == ["The Opening", "The Close"]


def test_a_document_without_headings_has_no_chapters() -> None:
    contents = contents_of(parse_plain_text("Just a paragraph.\n\nAnd another."))
    assert len(contents) == 0
    assert contents.at(0) is None and contents.next(0) is None and contents.previous(1) is None
    assert contents_of(Document("empty", "", [])).chapters == ()


@pytest.mark.parametrize(
    ("heading", "rank"),
    [
        ("CHAPTER IV", 4),
        ("BOOK NINE: 1812", 3),
        ("PART 2", 2),
        ("VOLUME I—FANTINE", 1),
        ("BOOK FIRST—A JUST MAN", 3),
        ("FIRST EPILOGUE: 1813 - 20", STANDALONE),
        ("PREFACE", STANDALONE),
        ("PART OF THE PROBLEM", 0),
        ("JULIE", 0),
        ("CHAPTERS OF LIFE", 0),
    ],
)
def test_division_rank(heading: str, rank: int) -> None:
    assert division_rank(heading) == rank


def test_readable_keeps_numerals_and_mixed_case() -> None:
    assert readable("CHAPTER XIV") == "Chapter XIV"
    assert readable("BOOK NINE: 1812") == "Book Nine: 1812"
    assert readable("MIX AND MATCH") == "Mix And Match"
    assert readable("Already Mixed") == "Already Mixed"


def test_a_top_level_title_is_told_from_the_same_title_further_in() -> None:
    document = parse_markdown("# T\n\n# Notes\n\nA.\n\n# Part\n\n## Notes\n\nB.\n", fallback_title="t")
    assert contents_of(document).names() == ["Notes", "Part", "Part, Notes"]


def test_go_to_finds_chapters_by_name_or_title(war_and_peace_path: Path) -> None:
    from reader.core.goto import ChapterTarget, Paragraph, completions, parse_target

    contents = war_and_peace(war_and_peace_path)
    blocks = len(contents.document.blocks)
    names = contents.names()
    book_nine_iv = names.index("Book Nine, Chapter IV")
    assert parse_target("book nine chapter iv", blocks, None, contents) == ChapterTarget(
        book_nine_iv, contents.chapters[book_nine_iv].block
    )
    # A title many chapters share: the one in the book the cursor is in.
    inside_book_nine = contents.chapters[book_nine_iv + 3].block
    found = parse_target("Chapter IV", blocks, None, contents, inside_book_nine)
    assert isinstance(found, ChapterTarget) and found.index == book_nine_iv
    found = parse_target("chapter iv", blocks, None, contents, 0)
    assert isinstance(found, ChapterTarget) and contents.chapters[found.index].name == "Book One, Chapter IV"
    found = parse_target("Book Nine", blocks, None, contents)  # a prefix
    assert isinstance(found, ChapterTarget) and contents.chapters[found.index].title == "Book Nine: 1812"
    assert parse_target("120", blocks, None, contents) == Paragraph(119)
    assert "Book Nine, Chapter IV" in completions(None, contents)


def test_go_to_weighs_chapters_against_glossary_entries(tmp_path: Path) -> None:
    from reader.core.glossary.vault import load_glossary
    from reader.core.goto import ChapterTarget, EntryTarget, Unknown, parse_target

    (tmp_path / "Napoleon.md").write_text("---\ntags: [person]\n---\nThe emperor.\n", encoding="utf-8")
    glossary = load_glossary(tmp_path)
    document = parse_markdown(
        "# T\n\n# Napoleon's retreat\n\nSnow.\n\n# Moscow\n\nFire.\n", fallback_title="t"
    )
    contents = contents_of(document)
    assert parse_target("Napoleon", 9, glossary, contents) == EntryTarget("Napoleon")  # exact entry
    assert parse_target("napoleons retreat", 9, glossary, contents) == ChapterTarget(0, 0)
    assert parse_target("Mosc", 9, glossary, contents) == ChapterTarget(1, 2)
    assert parse_target("Nap", 9, glossary, contents) == ChapterTarget(0, 0)  # a chapter's prefix first
    assert isinstance(parse_target("Kutuzov", 9, glossary, contents), Unknown)
