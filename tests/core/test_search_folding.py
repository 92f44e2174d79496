"""Folding keeps every character in place, so offsets into the folded text are exact."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.folding import FoldedText, fold, fold_case


def test_accents_are_stripped_and_case_kept() -> None:
    assert fold("Mosaddégh ÉCOLE naïve Łódź Ørsted") == "Mosaddegh ECOLE naive Lodz Orsted"


def test_curly_quotes_and_dashes_become_plain() -> None:
    curly = "\u201cRussia\u2019s \u2018partners\u2019\u201d \u2014 1920\u201321"
    assert fold(curly) == "\"Russia's 'partners'\" - 1920-21"


def test_characters_without_a_one_letter_base_are_kept() -> None:
    assert fold("æ … ß 中") == "æ … ß 中"


def test_ascii_text_is_returned_unchanged() -> None:
    text = "plain ASCII"
    assert fold(text) is text


def test_fold_case_keeps_length_even_for_dotted_capital_i() -> None:
    folded = fold("İstanbul")
    assert fold_case(folded) == "istanbul"


def test_final_sigma_folds_to_ordinary_sigma() -> None:
    assert fold_case(fold("ΟΔΟΣ οδος")) == "οδοσ οδοσ"


def test_folded_text_makes_its_copies_once() -> None:
    text = FoldedText("Él dijo “sí”")
    assert text.folded == 'El dijo "si"'
    assert text.lowered == 'el dijo "si"'
    assert text.folded is text.folded


@given(st.text())
def test_fold_and_fold_case_never_change_the_length(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert len(fold_case(folded)) == len(text)
