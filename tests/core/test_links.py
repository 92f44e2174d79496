"""Where a link leads, and what may be written as a terminal hyperlink."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.links import LinkKind, LinkTarget, hyperlink, link_target
from reader.core.markdown import parse_markdown

DOC = Path("/books/essay.md")


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://example.org/a?b=c#d", LinkTarget(LinkKind.WEB, url="https://example.org/a?b=c#d")),
        ("HTTP://EXAMPLE.ORG", LinkTarget(LinkKind.WEB, url="HTTP://EXAMPLE.ORG")),
        ("mailto:a@b.c", LinkTarget(LinkKind.WEB, url="mailto:a@b.c")),
        (
            "chapter%202.md#the%20start",
            LinkTarget(LinkKind.DOCUMENT, path=Path("/books/chapter 2.md"), fragment="the start"),
        ),
        ("../notes.txt", LinkTarget(LinkKind.DOCUMENT, path=Path("/notes.txt"))),
        ("./sub/./x.markdown", LinkTarget(LinkKind.DOCUMENT, path=Path("/books/sub/x.markdown"))),
        ("README", LinkTarget(LinkKind.DOCUMENT, path=Path("/books/README"))),
        ("/etc/motd.txt", LinkTarget(LinkKind.DOCUMENT, path=Path("/etc/motd.txt"))),
        ("map.png", LinkTarget(LinkKind.FILE, path=Path("/books/map.png"))),
        ("file:///tmp/a%20b.md#x", LinkTarget(LinkKind.DOCUMENT, path=Path("/tmp/a b.md"), fragment="x")),
        ("#the-start", LinkTarget(LinkKind.ANCHOR, fragment="the-start")),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        ("  ", None),
    ],
)
def test_link_targets(href: str, expected: LinkTarget | None) -> None:
    assert link_target(href, DOC) == expected


def test_relative_links_from_standard_input_lead_nowhere() -> None:
    assert link_target("notes.md", None) is None
    assert link_target("https://example.org", None) == LinkTarget(LinkKind.WEB, url="https://example.org")


def test_hyperlinks_are_printable_ascii_only() -> None:
    assert hyperlink(LinkTarget(LinkKind.WEB, url="https://example.org/%20")) == "https://example.org/%20"
    assert hyperlink(LinkTarget(LinkKind.WEB, url="https://x/\x1b]8;;evil\x07")) is None
    assert hyperlink(LinkTarget(LinkKind.WEB, url="https://é.org")) is None
    assert hyperlink(LinkTarget(LinkKind.DOCUMENT, path=Path("/b/c d.md"), fragment="é")) == (
        "file:///b/c%20d.md#%C3%A9"
    )
    assert hyperlink(LinkTarget(LinkKind.ANCHOR, fragment="x")) is None


def test_a_markdown_link_s_href_resolves() -> None:
    document = parse_markdown("See [the next chapter](chapter%202.md) and [the site](https://example.org).\n")
    targets = [link_target(span.href, DOC) for span in document.blocks[0].spans]
    assert [target.kind for target in targets if target] == [LinkKind.DOCUMENT, LinkKind.WEB]
    assert targets[0] is not None and targets[0].path == Path("/books/chapter 2.md")
