"""Search finds the text as the file has it and as the reader shows it (typeset)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.document import Document
from reader.core.folding import query_word_pattern
from reader.core.loading import load_document
from reader.core.markdown import parse_markdown
from reader.core.plaintext import parse_plain_text
from reader.core.search import SearchOptions, search

_PIECES = st.one_of(
    st.sampled_from(list("abcAB '\"-.?!(),+\n\t")),
    st.sampled_from(["--", "---", "----", "...", "....", "..", "?...", "!...", "(c)", "+-", ",,", "'s"]),
    st.sampled_from([" -- ", "\n\n", "\n  ", "a--b", "a---b", '"ab"', "'ab'"]),
    st.text("abcAB", min_size=1, max_size=5),
)
_SOURCES = st.lists(_PIECES, min_size=1, max_size=40).map("".join)
_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")


def paragraphs_of(source: str) -> list[str]:
    """The source's paragraphs as they are written: runs of lines between blank lines."""
    return [chunk for chunk in _BLANK_LINES.split(source) if chunk.strip()]


def found_in_block(document: Document, query: str, block: int) -> bool:
    return any(match.block == block for match in search(document, query))


@settings(max_examples=500, deadline=None)
@given(_SOURCES, st.data())
def test_any_piece_of_the_source_is_found_where_it_is(source: str, data: st.DataObject) -> None:
    document = parse_plain_text(source)
    paragraphs = paragraphs_of(source)
    assert len(paragraphs) == len(document.blocks)
    if not paragraphs:
        return
    index = data.draw(st.integers(0, len(paragraphs) - 1), label="paragraph")
    paragraph = paragraphs[index]
    start = data.draw(st.integers(0, len(paragraph) - 1), label="start")
    end = data.draw(st.integers(start + 1, len(paragraph)), label="end")
    query = paragraph[start:end]
    if query.strip():
        assert found_in_block(document, query, index), (document.block_text(index), query)


@settings(max_examples=500, deadline=None)
@given(_SOURCES, st.data())
def test_any_piece_of_the_shown_text_is_found_where_it_is(source: str, data: st.DataObject) -> None:
    document = parse_plain_text(source)
    if not document.blocks:
        return
    index = data.draw(st.integers(0, len(document.blocks) - 1), label="block")
    shown = document.block_text(index)
    start = data.draw(st.integers(0, len(shown) - 1), label="start")
    query = shown[start : data.draw(st.integers(start + 1, len(shown)), label="end")]
    if query.strip():
        assert found_in_block(document, query, index), (shown, query)


def test_war_and_peace_is_found_as_written(war_and_peace_path: Path) -> None:
    document = load_document(war_and_peace_path)
    assert len(search(document, "(c) relations")) == 1
    assert "(b) family duties, (c) relations" in document.text
    see = search(document, "see?...")
    assert len(see) == 2
    assert all(document.text[match.start : match.end] == "see?..." for match in see)
    assert len(search(document, "My doll...")) == 1
    assert "My doll…" in document.text


@pytest.mark.parametrize(
    ("query", "hits"),
    [
        ("wait...", ["wait…", "wait..."]),
        ("wait…", ["wait…", "wait..."]),
        ("wait.", ["wait…", "wait."]),
        # Dash styles never matter, and a run of hyphens finds the dash it is typeset as.
        ("a--b", ["a–b", "a—b", "a--b"]),
        ("a–b", ["a–b", "a—b", "a--b"]),
        ("a—b", ["a–b", "a—b", "a--b", "a---b"]),
        ("a---b", ["a–b", "a—b", "a--b", "a---b"]),
        ("a-b", ["a–b", "a—b"]),
    ],
)
def test_typeset_and_untypeset_forms_find_each_other(query: str, hits: list[str]) -> None:
    """The prose is typeset; the code block is not: a query finds both."""
    document = parse_markdown("wait... a--b a---b\n\n```\nwait... a--b a---b\n```\n")
    assert document.text == "wait… a–b a—b\n\nwait... a--b a---b"
    found = [document.text[match.start : match.end] for match in search(document, query)]
    assert sorted(found) == sorted(hits)


def test_three_dots_do_not_find_a_full_stop() -> None:
    document = parse_plain_text("She waited. Then... nothing.")
    assert [document.text[m.start : m.end] for m in search(document, "waited...")] == []
    assert [document.text[m.start : m.end] for m in search(document, "Then...")] == ["Then…"]


def test_whole_words_with_a_dash_or_an_ellipsis() -> None:
    document = parse_plain_text("xa--b a--b and so... so…")
    words = SearchOptions(whole_word=True)
    assert [document.text[m.start : m.end] for m in search(document, "a--b", words)] == ["a–b"]
    assert [document.text[m.start : m.end] for m in search(document, "so...", words)] == ["so…", "so…"]


@pytest.mark.parametrize(
    ("word", "pattern", "widened"),
    [
        ("plain", "plain", False),
        ("a-b", "a\\-b", False),
        ("a--b", "a-{1,2}b", True),
        ("e.g", "e\\.g", False),
        ("a...b", "a(?:\\.\\.\\.|…)b", True),
        ("a....b", "a\\.\\.\\.\\.b", False),
        ("end.", "end(?:\\.|…)", True),
        ("..start", "(?:\\.\\.|…)start", True),
        ("a…b", "a(?:…|\\.\\.\\.)b", True),
    ],
)
def test_query_word_patterns(word: str, pattern: str, widened: bool) -> None:
    assert query_word_pattern(word) == (pattern, widened)
