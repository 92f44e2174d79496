"""How a bookmark reads in lists: its place and a short quote of its passage."""

from __future__ import annotations

from reader.core.bookmarks.labels import excerpt, place


def test_a_passage_is_quoted_on_one_line() -> None:
    assert excerpt("Moscow\nburned.", 80) == "“Moscow burned.”"


def test_a_passage_that_opens_a_quotation_is_not_quoted_twice() -> None:
    shown = excerpt("“How do you do? I see I have frightened you,” said Anna Pávlovna.", 80)
    assert shown == "“How do you do? I see I have frightened you,” said Anna Pávlovna."
    assert not shown.startswith("““")


def test_a_long_passage_is_cut_at_a_word_within_the_limit() -> None:
    plain = excerpt("one two three four five six seven", 20)
    quoted = excerpt("“one two three four five six seven", 20)
    assert plain == "“one two three…”" and len(plain) <= 20
    assert quoted == "“one two three…" and len(quoted) <= 20


def test_a_place_is_a_paragraph_or_an_orphan() -> None:
    assert place(782) == "¶ 783"
    assert place(None) == "orphan"
