"""Word wrapping by terminal cells: rows fit, cover the text in order, and break greedily."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.core.wrap import Row, all_single_cell, is_single_cell, wrap, wrap_all

ACUTE = "\u0301"
DIAERESIS = "\u0308"


def row_texts(text: str, rows: list[Row]) -> list[str]:
    return [text[start:end] for start, end in rows]


def line_spans(text: str) -> list[tuple[int, int]]:
    """`[start, end)` of every line of `text`."""
    spans = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def unit_end(text: str, start: int, end: int) -> int:
    """End of the first unbreakable piece of row `[start, end)`: one wide character (with
    its marks), else the characters up to a space or a wide character."""
    index = start
    if cell_len(text[index]) == 2:
        index += 1
        while index < end and cell_len(text[index]) == 0:
            index += 1
        return index
    while index < end and text[index] != " " and cell_len(text[index]) != 2:
        index += 1
    return index


def assert_wrapped(text: str, width: int, rows: list[Row]) -> None:
    """Every property a wrap must have, for text whose lines do not start with a space."""
    previous_end = 0
    for start, end in rows:
        assert previous_end <= start <= end <= len(text), rows
        row = text[start:end]
        assert "\n" not in row, (row, rows)
        assert cell_len(row) <= width, (row, width)
        assert not row.startswith(" ") and not row.endswith(" "), repr(row)
        skipped = text[previous_end:start]
        assert not skipped.strip(" \n"), f"characters outside every row: {skipped!r}"
        previous_end = end
    assert not text[previous_end:].strip(" \n"), f"characters after the last row: {text[previous_end:]!r}"
    # Forced breaks: each line gets its own rows, at least one; a blank line exactly one empty row.
    for line_start, line_end in line_spans(text):
        inside = [(s, e) for s, e in rows if line_start <= s and e <= line_end]
        assert inside, f"no row for line {text[line_start:line_end]!r}"
        if not text[line_start:line_end].strip(" "):
            assert inside == [(line_start, line_start)]
    # Greedy: the next row's first piece would not have fitted on the row before it.
    for (start, end), (next_start, next_end) in pairwise(rows):
        if "\n" in text[end:next_start] or next_start == next_end:
            continue
        assert cell_len(text[start : unit_end(text, next_start, next_end)]) > width, (rows, width)


# ---------------------------------------------------------------- examples


def test_words_wrap_at_spaces() -> None:
    text = "the quick brown fox jumps"
    assert row_texts(text, wrap(text, 10)) == ["the quick", "brown fox", "jumps"]


def test_row_exactly_the_width_fits() -> None:
    assert row_texts("abcde fgh", wrap("abcde fgh", 5)) == ["abcde", "fgh"]


def test_trailing_and_repeated_spaces_are_left_out_of_rows() -> None:
    text = "one   two   "
    rows = wrap(text, 5)
    assert row_texts(text, rows) == ["one", "two"]


def test_long_word_is_cut() -> None:
    text = "ab verylongword cd"
    assert row_texts(text, wrap(text, 5)) == ["ab", "veryl", "ongwo", "rd cd"]


def test_width_one_puts_one_character_per_row() -> None:
    assert row_texts("ab c", wrap("ab c", 1)) == ["a", "b", "c"]


def test_newline_forces_a_break_and_empty_line_gives_an_empty_row() -> None:
    text = "one two\n\nthree"
    rows = wrap(text, 40)
    assert rows == [(0, 7), (8, 8), (9, 14)]
    assert row_texts(text, rows) == ["one two", "", "three"]


def test_empty_text_is_one_empty_row() -> None:
    assert wrap("", 10) == [(0, 0)]
    assert wrap("", 10, offset=7) == [(7, 7)]


def test_offset_shifts_every_row() -> None:
    text = "alpha beta gamma\ndelta"
    plain = wrap(text, 6)
    assert wrap(text, 6, offset=100) == [(start + 100, end + 100) for start, end in plain]


def test_zero_or_negative_width_is_treated_as_one() -> None:
    assert wrap("ab", 0) == wrap("ab", 1) == [(0, 1), (1, 2)]
    assert wrap("ab", -3) == [(0, 1), (1, 2)]


def test_short_indented_line_keeps_its_indentation() -> None:
    # Verse keeps relative indentation: a line that fits is shown from its first column.
    text = "roses are red\n  violets\nblue"
    assert row_texts(text, wrap(text, 20)) == ["roses are red", "  violets", "blue"]
    assert wrap("  violets", 9) == [(0, 9)]  # exactly the width


def test_cjk_wraps_by_cell_width_between_characters() -> None:
    text = "漢字漢字漢字"
    rows = wrap(text, 5)
    assert row_texts(text, rows) == ["漢字", "漢字", "漢字"]
    assert all(cell_len(row) == 4 for row in row_texts(text, rows))


def test_cjk_after_latin_breaks_before_the_wide_character() -> None:
    text = "ab漢字"
    assert row_texts(text, wrap(text, 3)) == ["ab", "漢", "字"]


def test_mixed_cjk_and_words() -> None:
    text = "日本語 text 漢字"
    rows = wrap(text, 8)
    assert row_texts(text, rows) == ["日本語", "text 漢", "字"]


def test_combining_marks_take_no_cells() -> None:
    text = f"e{ACUTE}e{ACUTE}e{ACUTE} cafe{ACUTE}"
    assert row_texts(text, wrap(text, 8)) == [f"e{ACUTE}e{ACUTE}e{ACUTE} cafe{ACUTE}"]
    assert row_texts(text, wrap(text, 7)) == [f"e{ACUTE}e{ACUTE}e{ACUTE}", f"cafe{ACUTE}"]


def test_cut_of_a_long_word_keeps_combining_marks_with_their_letter() -> None:
    text = f"e{ACUTE}" * 4
    assert row_texts(text, wrap(text, 2)) == [f"e{ACUTE}e{ACUTE}", f"e{ACUTE}e{ACUTE}"]


def test_indented_wide_line_does_not_overflow() -> None:
    text = "   漢字"
    assert all(cell_len(row) <= 4 for row in row_texts(text, wrap(text, 4)))


def test_stray_combining_mark_does_not_overflow() -> None:
    text = f"{ACUTE} abc"
    assert all(cell_len(row) <= 3 for row in row_texts(text, wrap(text, 3)))


def test_single_cell_detection() -> None:
    assert is_single_cell("Plain prose, with é, ß, — and “quotes”.")
    assert not is_single_cell("漢")
    assert not is_single_cell(f"e{ACUTE}")
    assert not is_single_cell("a\nb")
    assert all_single_cell("a\nb\n\nc")
    assert not all_single_cell("a\n漢")


def test_single_cell_characters_really_are_one_cell() -> None:
    wrong = [hex(code) for code in range(0x10000) if is_single_cell(chr(code)) and cell_len(chr(code)) != 1]
    assert wrong == []


# ---------------------------------------------------------------- properties

_UNITS = st.one_of(
    st.sampled_from(list("abcxyzABC.,;")),
    st.sampled_from(list("éüñøßÆ")),
    st.sampled_from(list("漢字日本語한국")),
    st.sampled_from([f"e{ACUTE}", f"a{DIAERESIS}", f"o{ACUTE}{DIAERESIS}"]),
    st.sampled_from([" ", "  ", "\n"]),
    st.text(alphabet="abcdefghij", min_size=5, max_size=30),
)


def _no_leading_spaces(text: str) -> str:
    return "\n".join(line.lstrip(" ") for line in text.split("\n"))


mixed_texts = st.lists(_UNITS, max_size=40).map("".join).map(_no_leading_spaces)
single_cell_texts = (
    st.lists(
        st.one_of(st.sampled_from(list("abcé.,' ")), st.just("\n"), st.text("xyz", min_size=4)), max_size=40
    )
    .map("".join)
    .map(_no_leading_spaces)
)


@settings(max_examples=300, deadline=None)
@given(mixed_texts, st.integers(min_value=2, max_value=30))
def test_wrap_properties_on_mixed_text(text: str, width: int) -> None:
    # Width 2 and up: a double-width character cannot fit in one cell.
    assert_wrapped(text, width, wrap(text, width))


@settings(max_examples=300, deadline=None)
@given(single_cell_texts, st.integers(min_value=1, max_value=30))
def test_wrap_properties_on_single_cell_text(text: str, width: int) -> None:
    rows = wrap(text, width)
    assert_wrapped(text, width, rows)
    assert wrap(text, width, single_cell=True) == rows


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ab éz.,'-", max_size=50).map(lambda part: part.lstrip(" ")), max_size=6),
    st.sampled_from(["\n", "\n\n"]),
    st.integers(min_value=1, max_value=30),
)
def test_wrap_all_equals_wrap_per_line(parts: list[str], separator: str, width: int) -> None:
    text = separator.join(parts)
    starts, ends = wrap_all(text, width)
    # wrap_all leaves blank lines to the caller: it has every non-empty row of wrap.
    assert list(zip(starts, ends, strict=True)) == [row for row in wrap(text, width) if row[0] != row[1]]
