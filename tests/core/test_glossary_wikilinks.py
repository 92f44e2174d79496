"""The wiki-link inline rule, the links it extracts, and the rewrite to Markdown links."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.glossary.model import Entry, Glossary, WikiLink
from reader.core.glossary.wikilinks import (
    ENTRY_SCHEME,
    entry_href,
    markdown_parser,
    parse_links,
    title_from_href,
    to_markdown,
)


def glossary() -> Glossary:
    return Glossary(
        root=None,
        entries=[
            Entry("Iran", Path("Iran.md"), "place", aliases=("Persia",)),
            Entry("Mohammad Mosaddegh", Path("M.md"), "person", aliases=("Mossadegh",)),
        ],
    )


@pytest.mark.parametrize(
    ("source", "link"),
    [
        ("[[Iran]]", WikiLink("Iran", line=1)),
        ("[[Iran|the country]]", WikiLink("Iran", label="the country", line=1)),
        ("[[Iran#History]]", WikiLink("Iran", heading="History", line=1)),
        ("[[Iran#History|its past]]", WikiLink("Iran", heading="History", label="its past", line=1)),
        ("[[ Iran | spaced ]]", WikiLink("Iran", label="spaced", line=1)),
    ],
)
def test_every_link_form(source: str, link: WikiLink) -> None:
    assert parse_links(f"Before {source} after.") == [link]


def test_rule_produces_a_wikilink_token_with_meta() -> None:
    [paragraph] = [
        t for t in markdown_parser(front_matter=False).parse("a [[T#H|L]] b") if t.type == "inline"
    ]
    [token] = [child for child in paragraph.children or () if child.type == "wikilink"]
    assert (token.meta["target"], token.meta["heading"], token.meta["label"]) == ("T", "H", "L")
    assert token.content == "[[T#H|L]]"


@pytest.mark.parametrize(
    "source", ["`[[Iran]]`", "    [[Iran]] in a code block", "\\[[Iran]]", "[[]]", "[[|x]]", "[[a\nb]]"]
)
def test_not_a_link(source: str) -> None:
    assert parse_links(source) == []


def test_line_numbers_in_containers() -> None:
    body = "First [[A]].\n\n> quoted\n> and [[B]]\n\n- item\n  cont [[C]] and [[C]]\n\n# Title [[D]]\n"
    assert [(link.target, link.line) for link in parse_links(body)] == [
        ("A", 1),
        ("B", 4),
        ("C", 7),
        ("C", 7),
        ("D", 9),
    ]


def test_to_markdown_rewrites_resolved_links_case_insensitively_and_by_alias() -> None:
    body = "See [[iran]], [[Persia|old *name*]] and [[Mossadegh#Life]]."
    assert to_markdown(body, glossary()) == (
        "See [iran](entry:Iran), [old \\*name\\*](entry:Iran) and [Mossadegh](entry:Mohammad%20Mosaddegh)."
    )


def test_to_markdown_unresolved_links_become_plain_text() -> None:
    assert to_markdown("A [[Nowhere|place]] and [[Atlantis]].", glossary()) == "A place and Atlantis."


def test_to_markdown_leaves_code_alone_even_on_the_same_line() -> None:
    body = "Write `[[Iran]]` to get [[Iran]].\n\n```\n[[Iran]]\n```\n"
    assert (
        to_markdown(body, glossary()) == "Write `[[Iran]]` to get [Iran](entry:Iran).\n\n```\n[[Iran]]\n```\n"
    )


def test_to_markdown_inside_quotes_and_lists() -> None:
    body = "> a [[Iran]]\n>   b [[Persia]]\n\n1. [[Iran|x]]\n\tand [[Iran]]\n"
    assert to_markdown(body, glossary()) == (
        "> a [Iran](entry:Iran)\n>   b [Persia](entry:Iran)\n\n1. [x](entry:Iran)\n\tand [Iran](entry:Iran)\n"
    )


def test_href_round_trip() -> None:
    title = "Russia has only two allies / 100% \u2018quoted\u2019"
    href = entry_href(title)
    assert href.startswith(ENTRY_SCHEME) and " " not in href
    assert title_from_href(href) == title
    assert title_from_href("https://example.org") is None
    assert title_from_href(ENTRY_SCHEME) is None
