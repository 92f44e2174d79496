"""The matcher: every rule of `reader.core.search`, on small documents built for each rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.document import BlockKind, Document, DocumentBuilder
from reader.core.folding import fold, fold_case
from reader.core.glossary.model import Entry, Glossary
from reader.core.loading import load_document
from reader.core.plaintext import parse_plain_text
from reader.core.search import (
    Match,
    SearchError,
    SearchOptions,
    entry_named,
    match_entries,
    search,
    search_terms,
)
from reader.core.snippets import snippet


def document(*blocks: str, kind: BlockKind = BlockKind.PARAGRAPH) -> Document:
    builder = DocumentBuilder()
    for text in blocks:
        builder.add(kind, text)
    return builder.build("test")


SMART = SearchOptions()


def found(doc: Document, query: str, options: SearchOptions = SMART) -> list[str]:
    return [doc.text[match.start : match.end] for match in search(doc, query, options)]


# -- what a query matches ---------------------------------------------------------------------------


def test_a_phrase_across_a_reflowed_source_line_is_found() -> None:
    doc = parse_plain_text("an older idea, the export\nof revolution, pursued")
    assert found(doc, "export of revolution") == ["export of revolution"]


def test_any_whitespace_run_in_the_query_matches_any_whitespace_run() -> None:
    doc = document("Leon\u00a0Trotsky and Leon   Trotsky")
    assert found(doc, "leon \t trotsky") == ["Leon\u00a0Trotsky", "Leon   Trotsky"]


def test_a_phrase_spans_a_verse_line_but_never_two_blocks() -> None:
    verse = document("the first line\nthe second line", kind=BlockKind.VERSE)
    assert found(verse, "line the") == ["line\nthe"]
    assert found(document("end of one", "start of two"), "one start") == []


def test_leading_and_trailing_spaces_of_a_query_are_ignored() -> None:
    doc = document("alpha", "beta")
    assert found(doc, "  beta ") == ["beta"]


def test_empty_or_blank_query_finds_nothing() -> None:
    doc = document("anything at all")
    assert len(search(doc, "")) == 0
    assert len(search(doc, "   ")) == 0
    assert len(search(doc, "", SearchOptions(regex=True))) == 0


def test_an_empty_document_has_no_matches() -> None:
    assert len(search(DocumentBuilder().build("empty"), "x")) == 0


# -- case -------------------------------------------------------------------------------------------


def test_lower_case_query_ignores_case() -> None:
    assert found(document("Moscow, MOSCOW and moscow"), "moscow") == ["Moscow", "MOSCOW", "moscow"]


def test_a_capital_makes_the_query_case_sensitive() -> None:
    assert found(document("Moscow, MOSCOW and moscow"), "Moscow") == ["Moscow"]


def test_explicit_case_option_overrides_smart_case() -> None:
    doc = document("Moscow, MOSCOW and moscow")
    assert found(doc, "moscow", SearchOptions(case_sensitive=True)) == ["moscow"]
    assert found(doc, "Moscow", SearchOptions(case_sensitive=False)) == ["Moscow", "MOSCOW", "moscow"]


def test_escapes_do_not_count_as_capitals_in_a_regex() -> None:
    doc = document("The West and the west")
    assert found(doc, r"the\Swest|\Swest", SearchOptions(regex=True)) == []
    assert found(doc, r"\Bhe\W", SearchOptions(regex=True)) == ["he ", "he "]


# -- folding ----------------------------------------------------------------------------------------


def test_curly_and_straight_quotes_match_each_other() -> None:
    doc = document("Russia\u2019s allies and Russia's partners, the \u201cexport\u201d")
    assert found(doc, "russia's") == ["Russia\u2019s", "Russia's"]
    assert found(doc, "russia\u2019s") == ["Russia\u2019s", "Russia's"]
    assert found(doc, '"export"') == ["\u201cexport\u201d"]


def test_dashes_match_each_other() -> None:
    doc = document("in 1920\u201321 and 1920-21")
    assert found(doc, "1920-21") == ["1920\u201321", "1920-21"]


def test_accents_fold_both_ways_with_exact_offsets() -> None:
    doc = document("Prime Minister Mosaddégh, then Mosaddegh again")
    assert found(doc, "Mosaddegh") == ["Mosaddégh", "Mosaddegh"]
    assert found(doc, "Mosaddégh") == ["Mosaddégh", "Mosaddegh"]
    first = search(doc, "mosaddegh")[0]
    assert (first.start, first.end) == (15, 24)


# -- options ----------------------------------------------------------------------------------------


def test_regular_expression() -> None:
    doc = document("Leon Trotsky, Leo Tolstoy")
    assert found(doc, r"Leon? T\w+", SearchOptions(regex=True)) == ["Leon Trotsky", "Leo Tolstoy"]


def test_a_regex_may_begin_with_its_own_flags() -> None:
    doc = document("Leon Trotsky")
    assert found(doc, r"(?x) leon \s trotsky", SearchOptions(regex=True)) == ["Leon Trotsky"]


def test_bad_pattern_is_one_line_search_error() -> None:
    with pytest.raises(SearchError) as error:
        search(document("text"), "(unclosed", SearchOptions(regex=True))
    message = str(error.value)
    assert message.startswith("bad pattern: ")
    assert "\n" not in message
    assert "(unclosed" in message


def test_zero_length_regex_matches_are_skipped() -> None:
    doc = document("a b")
    assert found(doc, r"x*", SearchOptions(regex=True)) == []
    assert found(doc, r"\b", SearchOptions(regex=True)) == []


def test_regex_matches_across_blocks_are_dropped() -> None:
    doc = document("ends here", "here starts")
    assert found(doc, r"here\s+here", SearchOptions(regex=True)) == []
    assert found(doc, r"here", SearchOptions(regex=True)) == ["here", "here"]


def test_whole_words() -> None:
    doc = document("the theory of the other, then The end")
    assert found(doc, "the", SearchOptions(whole_word=True)) == ["the", "the", "The"]
    assert found(doc, "the other", SearchOptions(whole_word=True)) == ["the other"]
    assert found(doc, "he", SearchOptions(whole_word=True)) == []


def test_whole_words_with_a_regex() -> None:
    doc = document("cat catalogue concat cats")
    assert found(doc, r"cats?", SearchOptions(regex=True, whole_word=True)) == ["cat", "cats"]


# -- several terms ----------------------------------------------------------------------------------


def test_several_terms_at_once_prefer_the_longest() -> None:
    doc = document("Mohammad Mosaddegh was prime minister; Mosaddegh fell in 1953.")
    matches = search_terms(doc, ["Mosaddegh", "Mohammad Mosaddegh", "prime minister"])
    assert [doc.text[m.start : m.end] for m in matches] == [
        "Mohammad Mosaddegh",
        "prime minister",
        "Mosaddegh",
    ]


def test_each_term_keeps_its_own_smart_case() -> None:
    doc = document("Persia, PERSIA, Iran and IRAN")
    matches = search_terms(doc, ["persia", "Iran"])
    assert [doc.text[m.start : m.end] for m in matches] == ["Persia", "PERSIA", "Iran"]


def test_blank_terms_are_ignored() -> None:
    doc = document("Tehran")
    assert [m.start for m in search_terms(doc, ["", "  ", "tehran"])] == [0]
    assert len(search_terms(doc, ["", " "])) == 0


# -- the matches ------------------------------------------------------------------------------------


def test_matches_know_their_block() -> None:
    doc = document("one Iran", "two", "three Iran")
    assert list(search(doc, "Iran")) == [Match(4, 8, 0), Match(21, 25, 2)]


def test_matches_index_like_a_sequence() -> None:
    doc = document("a b a b a")
    matches = search(doc, "a")
    assert len(matches) == 3
    assert matches[-1] == Match(8, 9, 0)
    assert matches[1:] == [Match(4, 5, 0), Match(8, 9, 0)]
    assert list(matches) == [matches[0], matches[1], matches[2]]
    with pytest.raises(IndexError):
        matches[3]


def test_first_match_at_or_after_an_offset() -> None:
    matches = search(document("a b a b a"), "a")
    assert matches.first_at(0) == 0
    assert matches.first_at(4) == 1
    assert matches.first_at(5) == 2
    assert matches.first_at(9) is None


def test_variable_length_matches_have_their_own_ends() -> None:
    doc = document("Leon  Trotsky and Leon Trotsky")
    assert [(m.start, m.end) for m in search(doc, "leon trotsky")] == [(0, 13), (18, 30)]


# -- snippets ---------------------------------------------------------------------------------------


def test_snippet_shows_the_match_inside_its_block() -> None:
    doc = document("short block", "The export of revolution failed.")
    match = search(doc, "export")[0]
    shown = snippet(doc, match, width=80)
    assert shown.text == "The export of revolution failed."
    assert shown.text[shown.start : shown.end] == "export"


def test_long_block_is_trimmed_at_spaces_around_the_match() -> None:
    words = " ".join(f"word{i}" for i in range(100))
    doc = document(words)
    match = search(doc, "word50")[0]
    shown = snippet(doc, match, width=40)
    assert shown.text.startswith("…") and shown.text.endswith("…")
    assert len(shown.text) <= 42
    assert shown.text[shown.start : shown.end] == "word50"
    assert " word4" in shown.text and " word5" in shown.text
    assert all(part.startswith("word") for part in shown.text.strip("…").split())


def test_snippet_of_a_match_near_a_block_edge_uses_the_room_on_the_other_side() -> None:
    doc = document("Iran " + "x " * 50)
    shown = snippet(doc, search(doc, "Iran")[0], width=30)
    assert shown.text.startswith("Iran x x")
    assert shown.start == 0
    assert 24 <= len(shown.text) <= 31


def test_snippet_is_one_line() -> None:
    doc = document("first line\nsecond line", kind=BlockKind.VERSE)
    shown = snippet(doc, search(doc, "line second")[0])
    assert shown.text == "first line second line"
    assert shown.text[shown.start : shown.end] == "line second"


# -- glossary awareness -----------------------------------------------------------------------------


def entry(title: str, *aliases: str, summary: str = "", body: str = "") -> Entry:
    return Entry(
        title=title, path=Path(f"{title}.md"), kind="person", aliases=aliases, summary=summary, body=body
    )


MOSADDEGH = entry("Mohammad Mosaddégh", "Mosaddegh", summary="Prime minister of Iran, 1951-53.")
IRAN = entry("Iran", "Persia", body="Country in western Asia; [[Mohammad Mosaddégh]] led it.")
TEHRAN = entry("Tehran", summary="Capital of Iran.")
PERSIA_ALIAS_OF_OTHER = entry("Persian Empire", "Iran")
GLOSSARY = Glossary(root=None, entries=[IRAN, MOSADDEGH, PERSIA_ALIAS_OF_OTHER, TEHRAN])


def test_entry_named_by_title_or_alias_ignoring_case_accents_and_spacing() -> None:
    assert entry_named(GLOSSARY, "mohammad   MOSADDEGH") is MOSADDEGH
    assert entry_named(GLOSSARY, "mosaddégh") is MOSADDEGH
    assert entry_named(GLOSSARY, "persia") is IRAN
    assert entry_named(GLOSSARY, "Khomeini") is None
    assert entry_named(GLOSSARY, "  ") is None


def test_a_title_beats_another_entrys_alias() -> None:
    glossary = Glossary(root=None, entries=[PERSIA_ALIAS_OF_OTHER, IRAN])
    assert entry_named(glossary, "iran") is IRAN


def test_match_entries_puts_the_named_entry_then_name_hits_then_text_hits() -> None:
    assert match_entries(GLOSSARY, "iran") == [IRAN, PERSIA_ALIAS_OF_OTHER, MOSADDEGH, TEHRAN]
    assert match_entries(GLOSSARY, "mosadd") == [MOSADDEGH, IRAN]


def test_match_entries_with_no_hit_or_blank_query() -> None:
    assert match_entries(GLOSSARY, "Khomeini") == []
    assert match_entries(GLOSSARY, "") == []


def test_match_entries_with_a_regex() -> None:
    assert match_entries(GLOSSARY, r"^te", SearchOptions(regex=True)) == [TEHRAN]


# -- a real book ------------------------------------------------------------------------------------


def test_war_and_peace_counts_agree_with_a_plain_count(war_and_peace_path: Path) -> None:
    doc = load_document(war_and_peace_path)
    assert len(search(doc, "Napoleon")) == len(re.findall("Napol[eé]on", doc.text)) > 500
    assert len(search(doc, "the")) == fold_case(fold(doc.text)).count("the") > 40_000
