"""Properties every search result has, on random documents full of accents, quotes and spaces."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reader.core.document import BlockKind, Document, DocumentBuilder
from reader.core.folding import fold, fold_case
from reader.core.search import Matches, SearchOptions, search

# Few letters, so that random queries do occur in random text.
_ALPHABET = "aAbéÉ\u2019'\u201c\"-\u2014\u2013İ .\u2026\n\u00a0"
_blocks = st.lists(st.text(_ALPHABET, min_size=1, max_size=40), min_size=1, max_size=5)
_queries = st.text(_ALPHABET.replace("\n", ""), min_size=1, max_size=4)
_options = st.builds(
    SearchOptions,
    whole_word=st.booleans(),
    case_sensitive=st.sampled_from([None, True, False]),
)
_REGEXES = [r"a+", r"[ab]\W", r"é|e", r"\s+", r"a*", r"(?:b|)", r"\w+\s\w", r".", r"^a", r"a$"]


def build(blocks: list[str]) -> Document:
    builder = DocumentBuilder()
    for text in blocks:
        # A block never holds the blank line that separates blocks.
        builder.add(BlockKind.PARAGRAPH, re.sub(r"\n\s*\n", "\n", text))
    return builder.build("random")


def assert_well_formed(doc: Document, matches: Matches) -> None:
    previous_end = 0
    for match in matches:
        block = doc.blocks[match.block]
        assert block.start <= match.start < match.end <= block.end
        assert match.start >= previous_end
        previous_end = match.end


def canonical(text: str, ignore_case: bool) -> str:
    """What a hit and its query share: folded, spaced alike, and a run of dashes (or of dots
    and ellipses) counted as one, since `--` finds `–` and `...` finds `…`."""
    folded = fold(text)
    folded = fold_case(folded) if ignore_case else folded
    folded = re.sub(r"-+", "-", re.sub(r"[.\u2026]+", ".", folded))
    return " ".join(folded.split())


@given(_blocks, _queries, _options)
def test_literal_matches_are_ordered_in_bounds_and_equal_the_query_folded(
    blocks: list[str], query: str, options: SearchOptions
) -> None:
    doc = build(blocks)
    matches = search(doc, query, options)
    assert_well_formed(doc, matches)
    ignore_case = (
        not options.case_sensitive
        if options.case_sensitive is not None
        else not any(char.isupper() for char in query)
    )
    for match in matches:
        assert canonical(doc.text[match.start : match.end], ignore_case) == canonical(query, ignore_case)


@given(_blocks, st.text("ab\u00e9A", min_size=1, max_size=3))
def test_single_word_search_finds_every_non_overlapping_occurrence(blocks: list[str], query: str) -> None:
    doc = build(blocks)
    ignore_case = query.islower()
    haystack, needle = fold(doc.text), fold(query)
    if ignore_case:
        haystack, needle = fold_case(haystack), fold_case(needle)
    expected = []
    position = haystack.find(needle)
    while position != -1:
        expected.append(position)
        position = haystack.find(needle, position + len(needle))
    assert [match.start for match in search(doc, query)] == expected


@given(_blocks, st.sampled_from(_REGEXES), _options)
def test_regex_matches_are_non_empty_ordered_and_within_one_block(
    blocks: list[str], pattern: str, options: SearchOptions
) -> None:
    doc = build(blocks)
    regex = SearchOptions(regex=True, whole_word=options.whole_word, case_sensitive=options.case_sensitive)
    assert_well_formed(doc, search(doc, pattern, regex))


@given(_blocks, _queries)
def test_first_at_points_at_the_first_match_at_or_after_the_offset(blocks: list[str], query: str) -> None:
    doc = build(blocks)
    matches = search(doc, query)
    starts = [match.start for match in matches]
    for offset in range(len(doc.text) + 1):
        index = matches.first_at(offset)
        after = [i for i, start in enumerate(starts) if start >= offset]
        assert index == (after[0] if after else None)
