"""The jump history: back and forward like a browser, remembering where the reader left."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.history import History


def test_a_new_history_goes_nowhere() -> None:
    history: History[str] = History()
    assert len(history) == 0
    assert not history.can_go_back
    assert not history.can_go_forward
    assert history.back("here") is None
    assert history.forward("here") is None


def test_back_and_forward_walk_the_visited_places() -> None:
    history: History[str] = History()
    history.visit("essay", "Mossadegh")
    history.visit("Mossadegh", "1953 coup")
    assert history.back("1953 coup") == "Mossadegh"
    assert history.back("Mossadegh") == "essay"
    assert history.back("essay") is None
    assert history.forward("essay") == "Mossadegh"
    assert history.forward("Mossadegh") == "1953 coup"
    assert history.forward("1953 coup") is None


def test_the_place_left_is_recorded_as_it_was_when_left() -> None:
    """Scrolling after arriving is not lost: back returns to where the reader left from."""
    history: History[tuple[str, int]] = History()
    history.visit(("essay", 0), ("Mossadegh", 0))
    history.visit(("Mossadegh", 40), ("coup", 40))
    assert history.back(("coup", 90)) == ("Mossadegh", 40)
    assert history.forward(("Mossadegh", 55)) == ("coup", 90)
    assert history.back(("coup", 90)) == ("Mossadegh", 55)


def test_a_jump_after_going_back_drops_the_forward_places() -> None:
    history: History[str] = History()
    history.visit("a", "b")
    history.visit("b", "c")
    assert history.back("c") == "b"
    history.visit("b", "d")
    assert not history.can_go_forward
    assert history.back("d") == "b"
    assert history.back("b") == "a"
    assert len(history) == 3


def test_a_jump_to_the_same_place_adds_no_step() -> None:
    history: History[str] = History()
    history.visit("a", "b")
    history.visit("b", "b")
    assert len(history) == 2
    assert history.back("b") == "a"


def test_the_oldest_places_are_forgotten_beyond_the_limit() -> None:
    history: History[int] = History(limit=3)
    for place in range(5):
        history.visit(place, place + 1)
    assert len(history) == 3
    assert history.back(5) == 4
    assert history.back(4) == 3
    assert history.back(3) is None


def test_a_history_needs_room_for_two_places() -> None:
    with pytest.raises(ValueError):
        History(limit=1)


@given(st.lists(st.sampled_from(["visit", "back", "forward"]), max_size=40))
def test_back_then_forward_returns_to_the_same_place(moves: list[str]) -> None:
    """Whatever happened before, one step back and one forward lands where the reader was."""
    history: History[int] = History()
    here = 0
    for number, move in enumerate(moves, start=1):
        if move == "visit":
            history.visit(here, number)
            here = number
        else:
            step = history.back(here) if move == "back" else history.forward(here)
            here = here if step is None else step
    if history.can_go_back:
        before = here
        back = history.back(here)
        assert back is not None
        assert history.forward(back) == before
