"""The typesetter sets type only: quotes, dashes and ellipses, as markdown-it-py's typographer
does them, and none of its other replacements."""

from __future__ import annotations

import markdown_it.rules_core as core_rules
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token

from reader.core.typography import replace, typeset

_MARKDOWN = MarkdownIt("commonmark", {"typographer": True})


def _one_text_token(paragraph: str) -> tuple[StateCore, Token]:
    inline = Token("inline", "", 0)
    inline.content = paragraph
    text = Token("text", "", 0)
    text.content = paragraph
    inline.children = [text]
    state = StateCore("", _MARKDOWN, {})
    state.tokens = [inline]
    return state, text


def markdown_it_typographer(paragraph: str) -> str:
    """markdown-it-py's own rules on an inline token whose children are one text token."""
    state, text = _one_text_token(paragraph)
    core_rules.replace(state)
    core_rules.smartquotes(state)
    return text.content


def markdown_it_smartquotes(paragraph: str) -> str:
    state, text = _one_text_token(paragraph)
    core_rules.smartquotes(state)
    return text.content


_SYMBOLS = "abZé 019'\"-.,;:!?()[]{}+*_/\t\u00a0\u2002\u2009\u3000\u2019\u201c«»—–…"
_DASHES_AND_DOTS = ["--", "---", "----", "..", "...", "....", "?..", "!..", "?...", "????", "!!!!!", ",,"]
_ABBREVIATIONS = ["+-", "(c)", "(C)", "(tm)", "(r)", "(TM)"]
_SNIPPETS = ["'s", "n't", '"a"', "'b'", "rock 'n' roll", '1""', '9""', "6'2\"", " -- "]
_PIECES = st.one_of(
    st.sampled_from(list(_SYMBOLS)),
    st.sampled_from(_DASHES_AND_DOTS),
    st.sampled_from(_ABBREVIATIONS),
    st.sampled_from(_SNIPPETS),
    st.text(alphabet="abcxyz", min_size=1, max_size=6),
)
paragraphs = st.lists(_PIECES, min_size=1, max_size=25).map("".join)
# Without the characters of the replacements left out, markdown-it's rules and ours agree.
_DASHES_ONLY = st.lists(
    st.one_of(
        st.sampled_from([c for c in _SYMBOLS if c not in "().+,?!"]),
        st.sampled_from(["--", "---", "----", "...", " -- ", "'s", '"a"']),
    ),
    min_size=1,
    max_size=25,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(paragraphs)
def test_quotes_are_markdown_it_smartquotes_after_the_dashes_and_ellipses(paragraph: str) -> None:
    assert typeset([paragraph]) == [markdown_it_smartquotes(replace(paragraph))]


@settings(max_examples=500, deadline=None)
@given(_DASHES_ONLY.filter(lambda text: "...." not in text and ".." not in text.replace("...", "")))
def test_dashes_and_ellipses_are_markdown_it_s_where_it_only_typesets(paragraph: str) -> None:
    assert typeset([paragraph]) == [markdown_it_typographer(paragraph)]


@settings(max_examples=500, deadline=None)
@given(paragraphs)
def test_only_quotes_dashes_and_three_dots_ever_change(paragraph: str) -> None:
    """Undo the three substitutions and the source comes back, character for character."""
    shown = typeset([paragraph])[0]
    undone = (
        shown.replace("\u2014", "---")
        .replace("\u2013", "--")
        .replace("\u2026", "...")
        .translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    )
    original = paragraph.replace("\u2014", "---").replace("\u2013", "--").replace("\u2026", "...")
    original = original.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    assert undone == original


@pytest.mark.parametrize(
    ("plain", "typeset_text"),
    [
        ("a belief --- they are useful", "a belief — they are useful"),
        ("a---b", "a—b"),
        ("pages 10 -- 12", "pages 10 – 12"),
        ("in 1920--21", "in 1920–21"),
        ("a single - hyphen and 1920-21", "a single - hyphen and 1920-21"),
        ("a rule ---- stays", "a rule ---- stays"),
        ("and then...", "and then…"),
        ("don't, it's, Russia's", "don’t, it’s, Russia’s"),
        ("the 90's", "the 90’s"),
        ('He said "no".', "He said “no”."),
        ("'weaken Russia's partners'", "‘weaken Russia’s partners’"),
        ("\"She said 'hi' to me\"", "“She said ‘hi’ to me”"),
        ("rock 'n' roll", "rock ‘n’ roll"),
        ("no quotes, no dashes", "no quotes, no dashes"),
    ],
)
def test_what_is_typeset(plain: str, typeset_text: str) -> None:
    assert typeset([plain]) == [typeset_text]


@pytest.mark.parametrize(
    "as_written",
    [
        "(c) relations with my friends",
        "(C) 2026 Acme(TM) (r) (tm)",
        "+-5 and 3 +- 1",
        "Do you see?... My doll",
        "What!... No!..",
        "a pause.... then",
        "two.. dots",
        "a,,b and a,,,b",
        "what???? really!!!!!",
        "?.. and !..",
    ],
)
def test_nothing_else_is_replaced(as_written: str) -> None:
    assert typeset([as_written]) == [as_written]


def test_three_dots_next_to_other_text_are_an_ellipsis() -> None:
    assert typeset(["My doll... Mimi...", "(...)", "'...'"]) == ["My doll… Mimi…", "(…)", "‘…’"]


def test_quotes_pair_within_a_paragraph_only() -> None:
    assert typeset(['"an open quote', 'closed later"']) == ['"an open quote', 'closed later"']


def test_one_result_per_paragraph_in_order() -> None:
    assert typeset(["a -- b", "", "c...", "'d'"]) == ["a – b", "", "c…", "‘d’"]
