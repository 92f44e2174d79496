"""Re-anchoring a quote in edited text: the selectors alone, no database."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.bookmarks.anchoring import CONTEXT, Selector, reanchor, select
from reader.core.loading import load_document

ESSAY = load_document().text
PASSAGE = "Iran’s clerical regime is deeply unpopular, and domestic resistance is real."


def _passage() -> Selector:
    start = ESSAY.index(PASSAGE)
    return select(ESSAY, start, start + len(PASSAGE))


def test_select_keeps_the_quote_and_32_characters_either_side() -> None:
    selector = _passage()
    assert selector.exact == PASSAGE
    assert len(selector.prefix) == len(selector.suffix) == CONTEXT
    assert (
        ESSAY[selector.start - CONTEXT : selector.end + CONTEXT]
        == selector.prefix + PASSAGE + selector.suffix
    )


def test_context_is_cut_short_at_the_edges_of_the_text() -> None:
    selector = select(ESSAY, 0, 10)
    assert selector.prefix == ""
    assert select(ESSAY, len(ESSAY) - 5, len(ESSAY)).suffix == ""


def test_unchanged_text_keeps_the_same_selector() -> None:
    selector = _passage()
    assert reanchor(ESSAY, selector) == selector


def test_text_inserted_before_shifts_the_passage() -> None:
    selector = _passage()
    edited = "A new first paragraph.\n\n" + ESSAY
    found = reanchor(edited, selector)
    assert found is not None
    assert (found.start, found.end) == (selector.start + 24, selector.end + 24)
    assert found.exact == PASSAGE


def test_a_slightly_reworded_passage_is_followed_and_its_quote_updated() -> None:
    selector = _passage()
    reworded = PASSAGE.replace("deeply unpopular", "widely unpopular")
    edited = "Inserted. " + ESSAY.replace(PASSAGE, reworded)
    found = reanchor(edited, selector)
    assert found is not None
    assert found.exact == reworded
    assert edited[found.start : found.end] == reworded


def test_a_reworded_first_word_still_starts_the_passage() -> None:
    selector = _passage()
    reworded = PASSAGE.replace("Iran’s", "Tehran’s")
    found = reanchor(ESSAY.replace(PASSAGE, reworded), selector)
    assert found is not None
    assert found.exact == reworded


def test_a_deleted_passage_is_not_found() -> None:
    selector = _passage()
    assert reanchor(ESSAY.replace(PASSAGE + " ", ""), selector) is None


def test_of_repeated_quotes_the_one_in_the_same_context_wins() -> None:
    text = (
        "alpha beta gamma. " * 3
        + "one two MARK three four. "
        + "alpha beta gamma. " * 3
        + "five six MARK seven."
    )
    second = text.rindex("MARK")
    selector = select(text, second, second + 4)
    edited = "prepended " + text.replace("one two MARK", "one two MARK MARK")
    found = reanchor(edited, selector)
    assert found is not None
    assert found.start == edited.rindex("MARK")


def test_of_repeated_quotes_in_equal_context_the_nearest_wins() -> None:
    text = "x. the cat sat. " * 40
    start = text.index("cat", 300)
    selector = select(text, start, start + 3)
    edited = "Q" + text
    found = reanchor(edited, selector)
    assert found is not None
    assert found.start == start + 1


def test_an_empty_quote_is_never_anchored() -> None:
    assert reanchor(ESSAY, Selector(3, 3, "", "", "")) is None


@settings(max_examples=60, deadline=None)
@given(
    start=st.integers(min_value=0, max_value=len(ESSAY) - 40),
    length=st.integers(min_value=20, max_value=300),
    inserted=st.text(alphabet="¶§ ", min_size=1, max_size=50),
    before=st.booleans(),
    data=st.data(),
)
def test_insertions_outside_the_passage_never_lose_it(
    start: int, length: int, inserted: str, before: bool, data: st.DataObject
) -> None:
    end = min(len(ESSAY), start + length)
    selector = select(ESSAY, start, end)
    at = data.draw(st.integers(0, start) if before else st.integers(end, len(ESSAY)))
    edited = ESSAY[:at] + inserted + ESSAY[at:]
    found = reanchor(edited, selector)
    assert found is not None
    shift = len(inserted) if before else 0
    assert (found.start, found.end) == (start + shift, end + shift)


def test_reanchoring_in_a_big_book_is_quick(war_and_peace_path: Path) -> None:
    text = load_document(war_and_peace_path).text
    middle = text.index("Moscow", len(text) // 2)
    selector = select(text, middle - 100, middle + 200)
    reworded = selector.exact.replace("Moscow", "Moskva")
    edited = "PREFACE\n\n" + text[: selector.start] + reworded + text[selector.end :]
    began = time.perf_counter()
    found = reanchor(edited, selector)
    deleted = reanchor(text[: selector.start] + text[selector.end :], selector)
    elapsed = time.perf_counter() - began
    assert found is not None and found.exact == reworded
    assert deleted is None
    assert elapsed < 2.0
