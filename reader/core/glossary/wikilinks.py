"""Obsidian wiki-links (`[[Title#Heading|label]]`): a markdown-it-py inline rule, the
links it finds (with their lines), and a rewrite into standard Markdown links.

The rule runs inside a real Markdown parse, so `[[...]]` in code spans and code
blocks is left alone, exactly as Obsidian does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from urllib.parse import quote, unquote

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from reader.core.glossary.model import Entry, Glossary, WikiLink

ENTRY_SCHEME = "entry:"
"""The href scheme of a rewritten wiki-link: `entry:<url-quoted title>`."""

TOKEN_TYPE = "wikilink"
_OPEN, _CLOSE = "[[", "]]"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>~|])")


def _wikilink_rule(state: StateInline, silent: bool) -> bool:
    """`[[target#heading|label]]` on one line, with a non-empty target."""
    start = state.pos
    if not state.src.startswith(_OPEN, start):
        return False
    close = state.src.find(_CLOSE, start + len(_OPEN), state.posMax)
    if close < 0:
        return False
    inner = state.src[start + len(_OPEN) : close]
    if "\n" in inner or "[" in inner:
        return False
    destination, _, label = inner.partition("|")
    target, _, heading = destination.partition("#")
    if not target.strip():
        return False
    if not silent:
        token = state.push(TOKEN_TYPE, "", 0)
        token.content = state.src[start : close + len(_CLOSE)]
        token.meta = {
            "target": target.strip(),
            "heading": heading.strip(),
            "label": label.strip(),
            "offset": start,
        }
    state.pos = close + len(_CLOSE)
    return True


def wikilink_plugin(md: MarkdownIt) -> None:
    """Teach a markdown-it-py parser wiki-links (before `link`, which would take `[`)."""
    md.inline.ruler.before("link", TOKEN_TYPE, _wikilink_rule)


@cache
def markdown_parser(*, front_matter: bool) -> MarkdownIt:
    """A CommonMark parser with wiki-links, optionally with YAML front matter."""
    md = MarkdownIt("commonmark").use(wikilink_plugin)
    return md.use(front_matter_plugin) if front_matter else md


@dataclass(frozen=True, slots=True)
class LinkSite:
    """A wiki-link and where it is written: `[start, end)` in the parsed source."""

    link: WikiLink
    start: int
    end: int


def _line_starts(source: str) -> list[int]:
    starts = [0]
    starts.extend(index + 1 for index, char in enumerate(source) if char == "\n")
    return starts


def _column(source_line: str, content_line: str, content_column: int, raw: str, taken: set[int]) -> int:
    """Where `raw` (at `content_column` of inline content line `content_line`) is in `source_line`.

    markdown-it gives inline content, not source offsets.  A content line is its
    source line minus the container prefix (`> `, list markers, indentation), so it
    is found from the right.  Where markdown-it rewrote the prefix (a tab expanded
    to spaces) the first occurrence not yet `taken` is used instead; -1 if none.
    """
    base = source_line.rfind(content_line)
    if base >= 0 and source_line.startswith(raw, base + content_column):
        return base + content_column
    column = source_line.find(raw)
    while column >= 0 and column in taken:
        column = source_line.find(raw, column + 1)
    return column


def _sites_in(inline: Token, source: str, line_starts: list[int]) -> list[LinkSite]:
    """Each wiki-link of one inline token, placed in `source`."""
    assert inline.map is not None
    content = inline.content
    sites: list[LinkSite] = []
    taken: dict[int, set[int]] = {}
    for child in inline.children or ():
        if child.type != TOKEN_TYPE:
            continue
        offset = int(child.meta["offset"])
        line = inline.map[0] + content.count("\n", 0, offset)
        content_start = content.rfind("\n", 0, offset) + 1
        content_end = content.find("\n", offset)
        content_line = content[content_start : None if content_end < 0 else content_end]
        line_start = line_starts[line]
        line_end = line_starts[line + 1] - 1 if line + 1 < len(line_starts) else len(source)
        source_line = source[line_start:line_end]
        used = taken.setdefault(line, set())
        column = _column(source_line, content_line, offset - content_start, child.content, used)
        if column < 0:
            continue  # not found in the source: shown as written rather than misplaced
        used.add(column)
        link = WikiLink(child.meta["target"], child.meta["heading"], child.meta["label"], line + 1)
        start = line_start + column
        sites.append(LinkSite(link, start, start + len(child.content)))
    return sites


def link_sites(tokens: Sequence[Token], source: str) -> list[LinkSite]:
    """Every wiki-link in a parse of `source`, in order, with 1-based lines."""
    line_starts = _line_starts(source)
    sites: list[LinkSite] = []
    for token in tokens:
        if token.type == "inline" and token.map is not None:
            sites.extend(_sites_in(token, source, line_starts))
    return sorted(sites, key=lambda site: site.start)


def parse_links(body: str) -> list[WikiLink]:
    """The wiki-links of a Markdown body (no front matter), lines counted in `body`."""
    return [site.link for site in link_sites(markdown_parser(front_matter=False).parse(body), body)]


def escape_markdown(text: str) -> str:
    """`text` shown literally by a Markdown renderer."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def entry_href(title: str) -> str:
    """The href that opens entry `title` in the app."""
    return ENTRY_SCHEME + quote(title, safe="")


def title_from_href(href: str) -> str | None:
    """The entry title an `entry:` href opens, or None for any other link."""
    if not href.startswith(ENTRY_SCHEME):
        return None
    return unquote(href[len(ENTRY_SCHEME) :]) or None


def rewrite(body: str, replace: Callable[[WikiLink], str]) -> str:
    """`body` with every wiki-link replaced by `replace(link)` (Markdown source)."""
    sites = link_sites(markdown_parser(front_matter=False).parse(body), body)
    parts: list[str] = []
    position = 0
    for site in sites:
        parts.append(body[position : site.start])
        parts.append(replace(site.link))
        position = site.end
    parts.append(body[position:])
    return "".join(parts)


def markdown_link(link: WikiLink, entry: Entry | None) -> str:
    """A wiki-link as standard Markdown: a link to its entry, or plain text if unresolved."""
    text = escape_markdown(link.text)
    return f"[{text}]({entry_href(entry.title)})" if entry is not None else text


def to_markdown(body: str, glossary: Glossary) -> str:
    """The body with every wiki-link as `[label](entry:Title)`, so any Markdown widget shows it."""
    return rewrite(body, lambda link: markdown_link(link, glossary.resolve(link)))
