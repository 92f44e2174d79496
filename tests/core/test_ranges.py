"""RangeLayer: which decorations touch a row, checked against a brute-force scan."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.ranges import RangeLayer

Tagged = tuple[int, int, str]


@st.composite
def disjoint_ranges(draw: st.DrawFn) -> list[Tagged]:
    """Non-empty, non-overlapping (possibly adjacent) ranges in random order."""
    ranges: list[Tagged] = []
    position = 0
    for tag in draw(st.lists(st.sampled_from(["mention", "match", "flash"]), max_size=20)):
        position += draw(st.integers(min_value=0, max_value=5))
        length = draw(st.integers(min_value=1, max_value=6))
        ranges.append((position, position + length, tag))
        position += length
    return draw(st.permutations(ranges))


def brute_overlapping(ranges: list[Tagged], start: int, end: int) -> list[Tagged]:
    """Ranges sharing at least one character with `[start, end)`, in document order."""
    return sorted(r for r in ranges if any(r[0] <= offset < r[1] for offset in range(start, end)))


def brute_at(ranges: list[Tagged], offset: int) -> Tagged | None:
    return next((r for r in ranges if r[0] <= offset < r[1]), None)


@settings(max_examples=300, deadline=None)
@given(disjoint_ranges(), st.integers(min_value=-3, max_value=160), st.integers(min_value=1, max_value=40))
def test_overlapping_matches_brute_force(ranges: list[Tagged], start: int, length: int) -> None:
    layer = RangeLayer(ranges)
    assert list(layer.overlapping(start, start + length)) == brute_overlapping(ranges, start, start + length)


@settings(max_examples=200, deadline=None)
@given(disjoint_ranges())
def test_at_matches_brute_force_at_every_offset(ranges: list[Tagged]) -> None:
    layer = RangeLayer(ranges)
    last = max((end for _, end, _ in ranges), default=0)
    for offset in range(-2, last + 3):
        assert layer.at(offset) == brute_at(ranges, offset), offset


@settings(max_examples=100, deadline=None)
@given(disjoint_ranges())
def test_length_and_truth(ranges: list[Tagged]) -> None:
    layer = RangeLayer(ranges)
    assert len(layer) == len(ranges)
    assert bool(layer) == bool(ranges)


def test_adjacent_ranges_do_not_touch_each_others_rows() -> None:
    layer = RangeLayer([(10, 15, "b"), (5, 10, "a")])
    assert list(layer.overlapping(0, 10)) == [(5, 10, "a")]
    assert list(layer.overlapping(10, 11)) == [(10, 15, "b")]
    assert list(layer.overlapping(9, 11)) == [(5, 10, "a"), (10, 15, "b")]
    assert layer.at(9) == (5, 10, "a")
    assert layer.at(10) == (10, 15, "b")
    assert layer.at(15) is None


def test_empty_layer() -> None:
    layer = RangeLayer()
    assert not layer
    assert list(layer.overlapping(0, 100)) == []
    assert layer.at(0) is None
