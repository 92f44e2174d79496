"""Re-anchoring a quote in edited text: the selectors alone, no database."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.bookmarks.anchoring import CONTEXT, Anchor, Selector, reanchor, select
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


def test_unchanged_text_keeps_the_same_place() -> None:
    selector = _passage()
    assert reanchor(ESSAY, selector) == Anchor(selector.start, selector.end, changed=False)


def test_text_inserted_before_shifts_the_passage() -> None:
    selector = _passage()
    edited = "A new first paragraph.\n\n" + ESSAY
    found = reanchor(edited, selector)
    assert found == Anchor(selector.start + 24, selector.end + 24, changed=False)


def test_a_slightly_reworded_passage_is_followed_and_flagged() -> None:
    selector = _passage()
    reworded = PASSAGE.replace("deeply unpopular", "widely unpopular")
    edited = "Inserted. " + ESSAY.replace(PASSAGE, reworded)
    found = reanchor(edited, selector)
    assert found is not None and found.changed
    assert edited[found.start : found.end] == reworded


def test_a_reworded_first_word_still_starts_the_passage() -> None:
    selector = _passage()
    reworded = PASSAGE.replace("Iran’s", "Tehran’s")
    edited = ESSAY.replace(PASSAGE, reworded)
    found = reanchor(edited, selector)
    assert found is not None and found.changed
    assert edited[found.start : found.end] == reworded


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
    assert (found.start, found.end, found.changed) == (start + shift, end + shift, False)


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
    assert found is not None and found.changed and edited[found.start : found.end] == reworded
    assert deleted is None
    assert elapsed < 2.0


# --- nothing moves silently -------------------------------------------------------------------

TWINS = (
    "The council met on Monday to settle the budget for the coming year.\n\n"
    "The northern district voted to repair the old bridge before the winter floods came.\n\n"
    "The southern district voted to repair the old bridge before the winter floods came.\n\n"
    "Nobody spoke against either motion, and the meeting closed early."
)
NORTHERN = "The northern district voted to repair the old bridge before the winter floods came."


def test_a_deleted_paragraph_does_not_jump_to_its_near_twin() -> None:
    start = TWINS.index(NORTHERN)
    by_block = select(TWINS, start, start + len(NORTHERN))
    quoted = TWINS.index("northern district")
    by_quote = select(TWINS, quoted, quoted + len("northern district"))
    deleted = TWINS.replace(NORTHERN + "\n\n", "")
    assert reanchor(deleted, by_block) is None
    assert reanchor(deleted, by_quote) is None


def test_a_near_twin_does_not_capture_a_reworded_paragraph() -> None:
    start = TWINS.index(NORTHERN)
    selector = select(TWINS, start, start + len(NORTHERN))
    reworded = NORTHERN.replace("old bridge", "stone bridge")
    edited = TWINS.replace(NORTHERN, reworded)
    found = reanchor(edited, selector)
    assert found is not None and found.changed
    assert edited[found.start : found.end] == reworded


def test_a_short_quote_with_half_its_words_changed_is_never_matched() -> None:
    quoted = TWINS.index("northern district")
    selector = select(TWINS, quoted, quoted + len("northern district"))
    # In place, with all its context as it was: still another passage.
    edited = TWINS.replace("The northern district", "The eastern district")
    assert reanchor(edited, selector) is None
    three = TWINS.index("old bridge before")
    selector = select(TWINS, three, three + len("old bridge before"))
    assert reanchor(TWINS.replace("old bridge before", "new bridge after"), selector) is None


def test_a_quote_found_again_only_away_from_its_context_is_flagged() -> None:
    text = "Alpha beta gamma delta.\n\nA unique sentence about the eastern lighthouse keeper.\n\nOmega."
    start = text.index("A unique")
    end = text.index("keeper.") + len("keeper.")
    selector = select(text, start, end)
    moved = "Omega, first now.\n\nSomething else entirely here.\n\n" + text[start:end] + "\n\nClosing words."
    found = reanchor(moved, selector)
    assert found is not None and found.changed
    assert moved[found.start : found.end] == text[start:end]


def test_a_quote_repeated_without_its_context_is_an_orphan() -> None:
    text = "Intro here.\n\nWe shall see. The end of the first part.\n\nOutro there."
    start = text.index("We shall see.")
    selector = select(text, start, start + len("We shall see."))
    edited = "Other words. We shall see. More.\n\nDifferent. We shall see. Again.\n\nOutro there, changed."
    assert reanchor(edited, selector) is None


def test_a_deleted_twin_beside_a_reworded_one_is_at_least_flagged() -> None:
    """The southern paragraph deleted and the northern reworded reads exactly as the
    northern deleted and the southern reworded: truly ambiguous, so never silent."""
    southern = NORTHERN.replace("northern", "southern")
    start = TWINS.index(southern)
    selector = select(TWINS, start, start + len(southern))
    edited = TWINS.replace(southern + "\n\n", "").replace("old bridge", "stone bridge")
    found = reanchor(edited, selector)
    assert found is None or found.changed
