"""The search UI's plain parts: the highlight layer, the query history, stepping between hits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.document import BlockKind, Document, DocumentBuilder
from reader.core.glossary.model import Entry
from reader.core.search import SearchOptions, search
from reader.core.search_history import SearchHistory
from reader.core.search_layer import CURRENT, MATCH, MatchLayer
from reader.core.search_state import SearchQuery, SearchState
from tests.conftest import ESSAY


def document(*blocks: str) -> Document:
    builder = DocumentBuilder()
    for text in blocks:
        builder.add(BlockKind.PARAGRAPH, text)
    return builder.build("test")


def state(text: str, query: str, offset: int = 0) -> SearchState:
    found = SearchQuery(query)
    doc = document(*text.split("|"))
    return SearchState.found(found, found.find(doc), offset)


# -- the layer ------------------------------------------------------------------------------------


def test_the_layer_tags_every_hit_and_the_current_one_apart() -> None:
    doc = document("one fish two fish", "red fish")
    layer = MatchLayer(search(doc, "fish"), current=1)
    assert list(layer.overlapping(0, len(doc.text))) == [(4, 8, MATCH), (13, 17, CURRENT), (23, 27, MATCH)]


def test_the_layer_finds_a_hit_that_begins_before_the_range() -> None:
    doc = document("a longer phrase here")
    layer = MatchLayer(search(doc, "longer phrase"))
    assert list(layer.overlapping(9, 12)) == [(2, 15, MATCH)]
    assert list(layer.overlapping(15, 20)) == []
    assert list(layer.overlapping(0, 2)) == []


words = st.lists(st.sampled_from(["ab", "b", "ba", "c", " ", "abab"]), max_size=30).map("".join)


@given(
    text=words,
    query=st.sampled_from(["ab", "b", "ba b", "aba"]),
    start=st.integers(0, 60),
    size=st.integers(0, 20),
)
def test_the_layer_answers_as_a_scan_of_every_hit_would(text: str, query: str, start: int, size: int) -> None:
    doc = document(text or "x")
    matches = search(doc, query)
    expected = [(m.start, m.end, MATCH) for m in matches if m.start < start + size and m.end > start]
    assert list(MatchLayer(matches).overlapping(start, start + size)) == expected


# -- queries and stepping ----------------------------------------------------------------------------


def test_the_current_hit_is_the_first_at_or_after_the_reading_position() -> None:
    found = state("cat dog cat dog cat", "cat", offset=5)
    assert found.current == 1
    assert found.counter == "2/3"
    assert state("cat dog cat", "cat", offset=9).current == 0  # none after: back to the first


def test_a_query_without_hits_has_no_current_hit() -> None:
    found = state("cat dog", "emu")
    assert found.current is None and found.match is None
    assert found.counter == "no match"
    assert found.step(True) == (found, False)


def test_stepping_wraps_around_both_ends() -> None:
    found = state("cat dog cat dog cat", "cat")
    forward, wrapped = found.step(True)
    assert (forward.current, wrapped) == (1, False)
    back, wrapped = found.step(False)
    assert (back.current, wrapped) == (2, True)
    last = found.choose(2)
    assert last.step(True)[0].current == 0 and last.step(True)[1]


def test_stepping_from_an_offset_starts_from_there() -> None:
    found = state("cat dog cat dog cat", "cat")  # hits at 0, 8, 16
    assert found.step(True, offset=9)[0].current == 2
    assert found.step(False, offset=9)[0].current == 1
    assert found.step(False, offset=0) == (found.choose(2), True)
    assert found.step(True, offset=17) == (found.choose(0), True)


def test_counter_uses_thousands_separators() -> None:
    found = state(" ".join(["word"] * 1500), "word").choose(1233)
    assert found.counter == "1,234/1,500"


def test_every_name_of_an_entry_is_searched_as_plain_text() -> None:
    entry = Entry(title="Mohammad Mosaddegh", path=ESSAY, kind="person", aliases=("Mossadegh", "M.M."))
    query = SearchQuery.every_name("Mosaddegh", entry, SearchOptions(regex=True))
    assert not query.options.regex
    assert query.label == "every name of Mohammad Mosaddegh"
    doc = document("Mossadegh, then Mohammad Mosaddegh, and M.M. but not MxM.")
    assert [doc.text[m.start : m.end] for m in query.find(doc)] == [
        "Mossadegh",
        "Mohammad Mosaddegh",
        "M.M.",
    ]


# -- history -------------------------------------------------------------------------------------------


def test_history_goes_back_and_returns_to_the_draft() -> None:
    history = SearchHistory(["Iran", "Moscow"])
    assert history.older("Syr") == "Moscow"
    assert history.older("ignored") == "Iran"
    assert history.older("ignored") is None
    assert history.newer() == "Moscow"
    assert history.newer() == "Syr"
    assert history.newer() is None


def test_history_keeps_each_query_once_newest_last_within_its_limit() -> None:
    history = SearchHistory(limit=3)
    for query in ("a", "b", "a", "c", "d", "  "):
        history.add(query)
    assert history.queries == ("a", "c", "d")


def test_adding_a_query_ends_browsing() -> None:
    history = SearchHistory(["a", "b"])
    history.older("")
    history.add("c")
    assert history.newer() is None
    assert history.older("") == "c"
