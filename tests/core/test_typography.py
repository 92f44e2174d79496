"""The typographer port gives exactly markdown-it-py's `replacements` + `smartquotes` output."""

from __future__ import annotations

import markdown_it.rules_core as core_rules
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token

from reader.core.typography import typeset

_MARKDOWN = MarkdownIt("commonmark", {"typographer": True})


def markdown_it_typographer(paragraph: str) -> str:
    """markdown-it-py's own rules on an inline token whose children are one text token."""
    inline = Token("inline", "", 0)
    inline.content = paragraph
    text = Token("text", "", 0)
    text.content = paragraph
    inline.children = [text]
    state = StateCore("", _MARKDOWN, {})
    state.tokens = [inline]
    core_rules.replace(state)
    core_rules.smartquotes(state)
    return text.content


_SYMBOLS = "abZé 019'\"-.,;:!?()[]{}+*_/\t\u00a0\u2002\u2009\u3000\u2019\u201c«»—–"
_DASHES_AND_DOTS = ["--", "---", "----", "...", "....", "?..", "!..", "????", "!!!!!", ",,"]
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


@settings(max_examples=1000, deadline=None)
@given(paragraphs)
def test_typeset_equals_markdown_it_typographer(paragraph: str) -> None:
    assert typeset([paragraph]) == [markdown_it_typographer(paragraph)]


@pytest.mark.parametrize(
    ("plain", "typeset_text"),
    [
        ("a belief --- they are useful", "a belief — they are useful"),
        ("a---b", "a—b"),
        ("pages 10 -- 12", "pages 10 – 12"),
        ("in 1920--21", "in 1920–21"),
        ("a single - hyphen and 1920-21", "a single - hyphen and 1920-21"),
        ("and then...", "and then…"),
        ("(c) 2026 Acme(TM) (r)", "© 2026 Acme™ ®"),
        ("what????", "what???"),
        ("+-5", "±5"),
        ("a,,b", "a,b"),
        ("don't, it's, Russia's", "don’t, it’s, Russia’s"),
        ("the 90's", "the 90’s"),
        ('He said "no".', "He said “no”."),
        ("'weaken Russia's partners'", "‘weaken Russia’s partners’"),
        ("\"She said 'hi' to me\"", "“She said ‘hi’ to me”"),
        ("rock 'n' roll", "rock ‘n’ roll"),
        ("no quotes, no dashes", "no quotes, no dashes"),
    ],
)
def test_examples(plain: str, typeset_text: str) -> None:
    assert typeset([plain]) == [typeset_text]
    assert markdown_it_typographer(plain) == typeset_text


def test_quotes_pair_within_a_paragraph_only() -> None:
    assert typeset(['"an open quote', 'closed later"']) == ['"an open quote', 'closed later"']


def test_one_result_per_paragraph_in_order() -> None:
    assert typeset(["a -- b", "", "c...", "'d'"]) == ["a – b", "", "c…", "‘d’"]
