"""The one sanitiser: nothing read from outside reaches a terminal able to act on it."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from reader.core.sanitize import BIDI_CONTROLS, REPLACEMENT, inert, is_inert, one_line, printable

HOSTILE = (
    "title\x1b]0;PWNED\x1b\\ clip\x1b]52;c;aGk=\x1b\\ clear\x1b[2J leave\x1b[?1049l "
    "csi\x9b31m nul\x00 del\x7f bell\x07 rlo\u202egnp.exe isolate\u2066x\u2069 cr\r"
)


def _acts_on_a_terminal(char: str) -> bool:
    code = ord(char)
    return code < 0x20 or 0x7F <= code <= 0x9F or char in BIDI_CONTROLS or 0xD800 <= code <= 0xDFFF


def test_every_control_is_shown_by_one_visible_character() -> None:
    shown = inert(HOSTILE)
    assert len(shown) == len(HOSTILE)
    assert not any(_acts_on_a_terminal(char) for char in shown)
    assert "title␛]0;PWNED␛\\" in shown
    assert "clip␛]52;c;aGk=␛\\" in shown
    assert "clear␛[2J" in shown and "leave␛[?1049l" in shown
    assert f"csi{REPLACEMENT}31m" in shown
    assert "nul␀ del␡ bell␇" in shown
    assert f"rlo{REPLACEMENT}gnp.exe isolate{REPLACEMENT}x{REPLACEMENT}" in shown
    assert shown.endswith("cr␍")


def test_every_character_keeps_its_offset() -> None:
    text = "a\x1bb\x9bc\u202ed"
    shown = inert(text)
    for index, char in enumerate(text):
        if not _acts_on_a_terminal(char):
            assert shown[index] == char


def test_newline_and_tab_are_kept_unless_asked() -> None:
    assert inert("a\tb\nc") == "a\tb\nc"
    assert inert("a\tb\nc", keep="\n") == "a␉b\nc"
    assert inert("a\tb\nc", keep="") == one_line("a\tb\nc") == "a␉b␊c"


def test_direction_marks_are_ordinary_text() -> None:
    text = "\u05e9\u05dc\u05d5\u05dd\u200f (1) \u200e\u061c"
    assert inert(text) is text


def test_clean_text_is_returned_as_it_is() -> None:
    text = "Café — “quoted” and ‘single’, naïve, 東京, emoji 🙂.\n\tindented"
    assert inert(text) is text
    assert is_inert(text)


def test_a_file_name_that_is_not_utf8_prints() -> None:
    name = b"caf\xe9.txt".decode("utf-8", "surrogateescape")
    shown = one_line(name)
    assert shown == f"caf{REPLACEMENT}.txt"
    shown.encode("utf-8")  # would raise on a lone surrogate


def test_printable_expands_tabs_per_line_and_keeps_newlines() -> None:
    assert printable("a\tb\n\tc\x1b[0m") == "a       b\n        c␛[0m"


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_any_text_becomes_inert_at_the_same_length(text: str) -> None:
    shown = inert(text)
    assert len(shown) == len(text)
    assert is_inert(shown)
    assert not any(_acts_on_a_terminal(char) for char in shown if char not in "\n\t")
    assert inert(shown) == shown
    assert all(
        shown[i] == char for i, char in enumerate(text) if not _acts_on_a_terminal(char) or char in "\n\t"
    )


def test_the_stand_ins_are_one_cell_and_printable() -> None:
    stand_ins = {inert(chr(code), keep="") for code in [*range(0x20), *range(0x7F, 0xA0)]}
    stand_ins |= {inert(char) for char in BIDI_CONTROLS}
    for char in stand_ins:
        assert char.isprintable()
        assert unicodedata.east_asian_width(char) in ("N", "A")
