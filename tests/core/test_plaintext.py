"""Plain-text parsing: the shipped essay, paragraphs, verse, headings, titles, dates, and `head=`."""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import plaintext
from reader.core.document import BLOCK_SEPARATOR, BlockKind, Document
from reader.core.loading import load_document, parse_file, parse_source, read_source
from reader.core.plaintext import parse_plain_text
from reader.core.typography import typeset

ESSAY_SHA256 = "a14105c5eb1154c30ed404e5654b94ac7161ea3686ceaa6a9393d4dab864459a"
SHARED_ESSAY = Path("/work/shared/seeds/000_fa68ee161d232009.txt")

H, P, V = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.VERSE


def shown(document: Document) -> list[tuple[BlockKind, str]]:
    """Each block as (kind, text), the text read back through its offsets."""
    return [(block.kind, document.text[block.start : block.end]) for block in document.blocks]


def assert_partitioned(document: Document) -> None:
    """Blocks tile `Document.text`, in order, separated by exactly one blank line."""
    pieces = [document.text[block.start : block.end] for block in document.blocks]
    assert BLOCK_SEPARATOR.join(pieces) == document.text
    for index, block in enumerate(document.blocks):
        assert block.index == index
        assert document.block_text(index) == pieces[index]
        if index:
            assert block.start == document.blocks[index - 1].end + len(BLOCK_SEPARATOR)


# ---------------------------------------------------------------- the shipped essay


@cache
def essay() -> Document:
    return load_document(None)


def test_essay_file_is_the_shipped_seed(essay_path: Path) -> None:
    data = essay_path.read_bytes()
    assert hashlib.sha256(data).hexdigest() == ESSAY_SHA256
    if SHARED_ESSAY.exists():
        assert SHARED_ESSAY.read_bytes() == data


def test_no_path_opens_the_essay(essay_path: Path) -> None:
    document = essay()
    assert document.source is not None
    assert document.source.resolve() == essay_path.resolve()
    assert document.notice is None
    assert document.complete


def test_essay_metadata_and_paragraphs() -> None:
    document = essay()
    assert document.date == "2026-01-20"
    assert len(document.blocks) == 16
    assert all(block.kind is P for block in document.blocks)
    assert document.block_text(0).startswith("The loud cheers")
    assert document.title.startswith("The loud cheers")
    assert_partitioned(document)


def test_essay_typography() -> None:
    text = essay().text
    assert "--" not in text  # so no "---" either
    assert "—" in text
    assert "‘weaken Russia’s partners and you weaken Russia itself’" in text
    assert "“export of revolution”" in text
    assert "'" not in text and '"' not in text


def test_essay_blocks_are_its_paragraphs_typeset(essay_path: Path) -> None:
    raw = essay_path.read_text(encoding="utf-8")
    paragraphs = [part.strip() for part in re.split(r"\n[ \t]*\n", raw) if part.strip()]
    paragraphs[0] = paragraphs[0].removeprefix("date 2026-01-20 ")
    document = essay()
    assert [document.block_text(i) for i in range(len(document.blocks))] == typeset(paragraphs)


def test_essay_block_ids_are_stable() -> None:
    first, again = essay(), load_document(None)
    assert [block.id for block in first.blocks] == [f"b{i}" for i in range(16)]
    assert again.blocks == first.blocks
    assert again.text == first.text


# ---------------------------------------------------------------- paragraphs, verse, headings


def test_paragraphs_split_on_blank_lines_even_with_spaces() -> None:
    document = parse_plain_text("one\n\ntwo\n   \nthree\n\t\nfour\n \t \n\n\nfive")
    assert shown(document) == [(P, "one"), (P, "two"), (P, "three"), (P, "four"), (P, "five")]
    assert_partitioned(document)


def test_hard_wrapped_lines_are_reflowed_with_single_spaces() -> None:
    document = parse_plain_text("It was a\nbright cold day   \n  in April.\n\nNext.")
    assert shown(document) == [(P, "It was a bright cold day in April."), (P, "Next.")]


def test_indented_block_is_verse_dedented_with_line_breaks_kept() -> None:
    document = parse_plain_text(
        "Prose.\n\n    Roses are red,\n      violets are blue,\n    sugar is sweet.  \n"
    )
    assert shown(document) == [
        (P, "Prose."),
        (V, "Roses are red,\n  violets are blue,\nsugar is sweet."),
    ]


def test_single_indented_line_is_a_paragraph() -> None:
    assert shown(parse_plain_text("    just one indented line")) == [(P, "just one indented line")]


def test_block_with_an_unindented_line_is_prose() -> None:
    assert shown(parse_plain_text("    indented\nnot indented")) == [(P, "indented not indented")]


@pytest.mark.parametrize("line", ["CHAPTER IV", "BOOK ONE: 1805", "  EPILOGUE  ", "PART THE FIRST"])
def test_short_all_caps_line_is_a_heading(line: str) -> None:
    document = parse_plain_text(f"{line}\n\nBody text.")
    assert shown(document) == [(H, line.strip()), (P, "Body text.")]
    assert document.blocks[0].level == 2


@pytest.mark.parametrize(
    "line",
    [
        "Chapter IV",  # not all capitals
        "I",  # one letter
        "1805",  # no letters
        "A" * 30 + " " + "B" * 30,  # longer than a heading
    ],
)
def test_other_single_lines_are_paragraphs(line: str) -> None:
    assert shown(parse_plain_text(line)) == [(P, line)]


def test_two_all_caps_lines_are_a_paragraph() -> None:
    assert shown(parse_plain_text("CHAPTER IV\nTHE RETURN")) == [(P, "CHAPTER IV THE RETURN")]


def test_paragraph_typography_is_applied() -> None:
    document = parse_plain_text('He said "wait" --- and\nleft...')
    assert shown(document) == [(P, "He said “wait” — and left…")]


def test_quotes_do_not_pair_across_paragraphs() -> None:
    document = parse_plain_text('"Open\n\nclose."')
    assert shown(document) == [(P, '"Open'), (P, 'close."')]


# ---------------------------------------------------------------- BOM and line ends (through loading)


def test_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHello there.\n\nSecond.")
    document = load_document(path)
    assert document.text.startswith("Hello")
    assert "\ufeff" not in document.text
    assert document.title == "Hello there."


def test_crlf_and_lone_cr_are_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "dos.txt"
    path.write_bytes(b"one\r\ntwo\r\n\r\nthree\rfour\r\rfive\r\n")
    document = load_document(path)
    assert shown(document) == [(P, "one two"), (P, "three four"), (P, "five")]
    assert "\r" not in document.text


# ---------------------------------------------------------------- title and date


def test_gutenberg_title_header_gives_the_title() -> None:
    text = "The Project Gutenberg EBook of Something\n\nTitle: War and Peace  \n\nAuthor: Leo Tolstoy"
    assert parse_plain_text(text).title == "War and Peace"


@pytest.mark.parametrize(
    ("text", "date", "first"),
    [
        ("date 2026-01-20 The loud cheers.", "2026-01-20", "The loud cheers."),
        ("date 2026-01\n\nBody.", "2026-01", "Body."),
        ("  date: 1999-12-31\nBody.", "1999-12-31", "Body."),
    ],
)
def test_leading_date_gives_the_date(text: str, date: str, first: str) -> None:
    document = parse_plain_text(text)
    assert document.date == date
    assert document.block_text(0) == first
    assert "date" not in document.text


@pytest.mark.parametrize(
    "text", ["Body first.\n\ndate 2026-01-20", "dated 2026-01-20 here", "update 2026-01"]
)
def test_date_elsewhere_is_text(text: str) -> None:
    document = parse_plain_text(text)
    assert document.date is None
    assert "2026-01" in document.text


def test_untitled_text_is_titled_by_its_first_sentence() -> None:
    assert parse_plain_text("Short one. And a second.\n\nMore.").title == "Short one."
    assert parse_plain_text("Alas! Poor Yorick.").title == "Alas!"


def test_long_first_sentence_is_truncated_with_an_ellipsis() -> None:
    sentence = "This first sentence goes on and on, well past the sixty-four characters a title may have."
    title = parse_plain_text(sentence).title
    assert title.endswith("…")
    assert len(title) <= 65
    stem = title.removesuffix("…")
    assert sentence.startswith(stem)
    assert sentence[len(stem)] == " "  # cut at a word boundary, not inside a word


def test_fallback_title_when_nothing_to_title_with() -> None:
    document = parse_plain_text("date 2026-01-20", fallback_title="notes")
    assert document.title == "notes"
    assert document.blocks == []
    assert document.date == "2026-01-20"


# ---------------------------------------------------------------- head=


def test_head_without_a_cut_is_the_whole_document() -> None:
    text = "one\n\ntwo\n\nthree"
    whole = parse_plain_text(text)
    assert whole.complete
    head = parse_plain_text(text, head=len(text))
    assert head.complete
    assert head.blocks == whole.blocks and head.text == whole.text


def test_head_with_a_cut_is_incomplete() -> None:
    head = parse_plain_text("one\n\ntwo\n\nthree", head=1)
    assert not head.complete
    assert shown(head) == [(P, "one")]


@cache
def war_and_peace(path: Path) -> Document:
    return parse_source(read_source(path))


@pytest.mark.parametrize("head", [0, 1000, 64 * 1024, 1_000_000])
def test_head_of_war_and_peace_is_a_prefix(war_and_peace_path: Path, head: int) -> None:
    whole = war_and_peace(war_and_peace_path)
    assert whole.complete and whole.title == "War and Peace"
    partial = parse_source(read_source(war_and_peace_path), head=head)
    assert not partial.complete
    assert 0 < len(partial.blocks) < len(whole.blocks)
    assert partial.blocks == whole.blocks[: len(partial.blocks)]
    assert whole.text.startswith(partial.text)
    assert partial.text == whole.text[: partial.blocks[-1].end]


_LINES = st.one_of(
    st.just(""),
    st.sampled_from(["  ", "\t", " \t "]),
    st.sampled_from(["CHAPTER I", "BOOK TWO: 1806", "I", "Title: Something"]),
    st.sampled_from(['\'Tis "said" --- he', "wait... (c) 1920--21", "don't 'quote' me", "  indented verse"]),
    st.text(alphabet="abc xyz.,'\"-", min_size=1, max_size=30),
    st.text(alphabet="ab ", min_size=1, max_size=10).map(lambda line: "    " + line),
)
plain_texts = st.tuples(
    st.sampled_from(["", "date 2026-01-20 ", "date 2026-02\n\n"]),
    st.lists(_LINES, max_size=30).map("\n".join),
).map("".join)


@settings(max_examples=300, deadline=None)
@given(plain_texts, st.integers(min_value=0, max_value=400))
def test_head_blocks_are_the_first_blocks_of_the_whole(text: str, head: int) -> None:
    whole = parse_plain_text(text)
    partial = parse_plain_text(text, head=head)
    assert_partitioned(whole)
    assert partial.blocks == whole.blocks[: len(partial.blocks)]
    assert whole.text.startswith(partial.text)
    if partial.complete:
        assert partial.blocks == whole.blocks
        assert partial.text == whole.text
    else:
        assert "\n\n" in text[head:]


# -- reading a file in pieces gives the very document reading it whole does -----------------


@pytest.mark.parametrize("piece", [7, 100, 1 << 18])
def test_parse_file_in_pieces_equals_parsing_the_whole_text(
    piece: int, essay_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plaintext, "_PIECE", piece)
    whole = parse_source(read_source(essay_path))
    pieces = parse_file(essay_path, "utf-8-sig")
    assert (pieces.text, pieces.blocks, pieces.title, pieces.date) == (
        whole.text,
        whole.blocks,
        whole.title,
        whole.date,
    )


def test_parse_file_of_war_and_peace_equals_parsing_the_whole_text(war_and_peace_path: Path) -> None:
    whole = parse_source(read_source(war_and_peace_path))
    pieces = parse_file(war_and_peace_path, "utf-8-sig")
    assert pieces.text == whole.text
    assert pieces.blocks == whole.blocks
    assert pieces.title == whole.title


_PIECES_OF_TEXT = st.sampled_from([*"ab é'\"-.\t", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "  "])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.lists(_PIECES_OF_TEXT).map("".join),
    piece=st.integers(min_value=1, max_value=40),
    bom=st.booleans(),
)
def test_parse_file_in_any_pieces_equals_the_whole(
    text: str, piece: int, bom: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not text.strip():
        return
    text = text * (plaintext._TITLE_SCAN // len(text) + 2)  # past the first read, into pieces
    path = tmp_path / "generated.txt"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    monkeypatch.setattr(plaintext, "_PIECE", piece)
    whole = parse_source(read_source(path))
    pieces = parse_file(path, "utf-8-sig")
    assert (pieces.text, pieces.blocks, pieces.title) == (whole.text, whole.blocks, whole.title)
