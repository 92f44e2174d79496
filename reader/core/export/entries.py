"""The glossary panel: an index of every entry, and each entry as the app's pane shows it.

Each entry is an `<article>` (title, kind, dates, aliases, summary, body, links,
backlinks, entries mentioned alongside, mentions); the page script shows one at a time
and builds a mention's popover from the same article, so nothing is written twice.  An
entry's body is Markdown rendered with raw HTML switched off (a `<script>` in a vault
is text on the page) and its wiki-links become links to their entries.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.core.document import Document
from reader.core.export.inline import text
from reader.core.glossary.linker import Mention, mentioned_with, mentions_by_title
from reader.core.glossary.model import KINDS, OTHER_KIND, Entry, Glossary, WikiLink, entry_dates
from reader.core.glossary.wikilinks import TOKEN_TYPE, wikilink_plugin
from reader.core.snippets import snippet

MENTIONS_LISTED = 200
"""Mentions listed per entry: a book's most named place would list thousands; search finds the rest."""
_RELATED = 8
_KIND_HEADINGS = {
    "person": "People",
    "place": "Places",
    "event": "Events",
    "organisation": "Organisations",
    "idea": "Ideas",
    "quote": "Quotes",
    OTHER_KIND: "Other",
}


class BodyRenderer:
    """Entry bodies as HTML: CommonMark without raw HTML (markdown-it escapes any tag and
    refuses `javascript:`, `vbscript:` and `data:` link targets), wiki-links linked."""

    def __init__(self, glossary: Glossary, index: dict[str, int]) -> None:
        self._glossary = glossary
        self._index = index
        self._parser = MarkdownIt("commonmark", {"html": False}).use(wikilink_plugin)
        # Bound as a method of the renderer: `renderer` is the first argument.
        self._parser.add_render_rule(TOKEN_TYPE, lambda *args: self._wikilink(*args))

    def _wikilink(
        self, renderer: object, tokens: Sequence[Token], idx: int, options: object, env: object
    ) -> str:
        meta = tokens[idx].meta
        link = WikiLink(meta["target"], meta["heading"], meta["label"])
        entry = self._glossary.resolve(link)
        if entry is None:
            return f'<span class="broken">{text(link.text)}</span>'
        number = self._index[entry.title]
        return f'<a href="#g{number}" data-e="{number}">{text(link.text)}</a>'

    def __call__(self, entry: Entry) -> str:
        return str(self._parser.render(entry.body))


def _entry_link(entry: Entry, index: dict[str, int], extra: str = "") -> str:
    number = index[entry.title]
    return f'<li><a href="#g{number}" data-e="{number}">{text(entry.title)}</a>{extra}</li>'


def _list(heading: str, items: Sequence[str]) -> str:
    if not items:
        return ""
    return f"<h4>{text(heading)}</h4><ul>{''.join(items)}</ul>"


def _mention_items(document: Document, mentions: Sequence[Mention], first_index: dict[int, int]) -> str:
    items = []
    for mention in mentions[:MENTIONS_LISTED]:
        cut = snippet(document, mention, 72)
        shown = (
            f"{text(cut.text[: cut.start])}<b>{text(cut.text[cut.start : cut.end])}</b>"
            f"{text(cut.text[cut.end :])}"
        )
        number = first_index[mention.start]
        items.append(f'<li><a href="#m{number}" data-m="{number}">¶ {mention.block + 1}: {shown}</a></li>')
    more = len(mentions) - MENTIONS_LISTED
    tail = f'<p class="more">and {more} more (search finds them)</p>' if more > 0 else ""
    return f'<h4>Mentions ({len(mentions)})</h4><ol class="mentions">{"".join(items)}</ol>{tail}'


def _entry(
    entry: Entry,
    glossary: Glossary,
    index: dict[str, int],
    body: BodyRenderer,
    document: Document,
    mentions: list[Mention],
    by_title: dict[str, list[Mention]],
    mention_index: dict[int, int],
) -> str:
    number = index[entry.title]
    dates = entry_dates(entry)
    aliases = f'<p class="aliases">Also: {text(", ".join(entry.aliases))}</p>' if entry.aliases else ""
    links = [
        _entry_link(target, index)
        for target in dict.fromkeys(
            found for found in (glossary.resolve(link) for link in entry.links) if found is not None
        )
    ]
    backlinks = [_entry_link(other, index) for other in glossary.backlinks(entry)]
    related = []
    for title, shared in mentioned_with(entry.title, mentions)[:_RELATED]:
        other = glossary.lookup(title)
        if other is not None:
            related.append(_entry_link(other, index, f' <span class="n">{shared}</span>'))
    own = by_title.get(entry.title, [])
    return (
        f'<article class="entry" id="g{number}" hidden aria-labelledby="g{number}t" tabindex="-1">'
        f'<h3 id="g{number}t">{text(entry.title)}</h3>'
        f'<p class="meta"><span class="kind k-{text(_kind(entry))}">{text(entry.kind)}</span>'
        f'{" · " if dates else ""}<span class="dates">{text(dates)}</span></p>'
        f"{aliases}"
        f'<p class="summary">{text(entry.summary)}</p>'
        f'<div class="body">{body(entry)}</div>'
        f"{_list('Links', links)}{_list('Linked from', backlinks)}{_list('Mentioned with', related)}"
        f"{_mention_items(document, own, mention_index) if own else ''}"
        "</article>"
    )


def _kind(entry: Entry) -> str:
    return entry.kind if entry.kind in KINDS else OTHER_KIND


def entry_numbers(glossary: Glossary) -> dict[str, int]:
    """Each entry's number in the page (`#g3`), by title."""
    return {entry.title: number for number, entry in enumerate(glossary.entries)}


def render_panel(document: Document, glossary: Glossary, mentions: list[Mention]) -> Iterator[str]:
    """The index, then every entry (hidden until opened)."""
    index = entry_numbers(glossary)
    by_title = mentions_by_title(mentions)
    mention_index = {mention.start: number for number, mention in enumerate(mentions)}
    yield '<nav id="gindex" aria-labelledby="gindex-t"><h3 id="gindex-t">Glossary</h3>'
    if not glossary.entries:
        yield "<p>This document has no glossary.</p>"
    for kind, entries in glossary.by_kind().items():
        heading = _KIND_HEADINGS.get(kind, kind.capitalize())
        items = [
            _entry_link(entry, index, f' <span class="n">{len(by_title.get(entry.title, ()))}</span>')
            for entry in entries
        ]
        yield f"<h4>{text(heading)}</h4><ul>{''.join(items)}</ul>"
    yield "</nav>"
    body = BodyRenderer(glossary, index)
    for entry in glossary.entries:
        yield _entry(entry, glossary, index, body, document, mentions, by_title, mention_index)
