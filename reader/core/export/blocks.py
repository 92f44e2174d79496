"""The document's blocks as HTML, typeset as the reading view sets them.

The text is the document's own (typography is applied when it is parsed), so the page
reads as the app does: headings keep their level, quotes their depth, verse and code
their lines, a table its box-drawn rows.  Mentions are links to their glossary entry,
bookmarks are `<mark>`s with their note beside the paragraph, footnote references lead
to their note and back.  Blocks come in chunks that the browser lays out only when
they near the screen (`content-visibility`), which is what keeps a whole book quick
to open.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.core.bookmarks.model import Bookmark
from reader.core.document import Block, BlockKind, Document, InlineStyle
from reader.core.export.inline import Mark, render, text
from reader.core.glossary.linker import Mention
from reader.core.links import LinkKind, anchor_block, link_target

CHUNK = 48
"""Blocks per lazily laid-out chunk: small enough to skip most of a book at load."""

_STYLE_TAGS = {
    InlineStyle.EMPHASIS: "em",
    InlineStyle.STRONG: "strong",
    InlineStyle.CODE: "code",
    InlineStyle.STRIKE: "s",
    InlineStyle.SUPERSCRIPT: "sup",
    InlineStyle.SUBSCRIPT: "sub",
}
_BOOKMARK, _LINK, _STYLE = 0, 1, 2
"""Depths: a bookmark holds mentions and links, which hold styles."""


@dataclass(frozen=True, slots=True)
class Annotations:
    """What is drawn over the text: mentions (with the entry index each links to) and bookmarks."""

    mentions: Sequence[Mention]
    entry_index: dict[str, int]
    kinds: dict[str, str]
    bookmarks: Sequence[Bookmark]


def block_id(index: int) -> str:
    return f"b{index}"


def _href(document: Document, href: str) -> str | None:
    """A safe destination for a link: a web address, a place in this page, or a relative
    file; None for anything else (markdown-it already refuses `javascript:`; this is the
    second lock on that door)."""
    target = link_target(href, document.source)
    if target is None:
        return None
    if target.kind is LinkKind.WEB:
        return target.url
    if target.kind is LinkKind.ANCHOR:
        found = anchor_block(document, target.fragment)
        return f"#{block_id(found)}" if found is not None else None
    return href if ":" not in href.split("/", 1)[0] else None


def _span_marks(document: Document, block: Block) -> Iterator[Mark]:
    for span in block.spans:
        if span.style is InlineStyle.LINK:
            href = _href(document, span.href)
            if href is not None:
                yield Mark(span.start, span.end, _LINK, f'<a class="ln" href="{text(href)}">', "</a>")
        elif span.style is InlineStyle.FOOTNOTE:
            note = document.note_for(span)
            if note is not None:
                number = note.references.index(span.start) if span.start in note.references else 0
                yield Mark(
                    span.start,
                    span.end,
                    _LINK,
                    f'<a class="fn" id="r{text(note.key)}-{number}" href="#{block_id(note.first)}">',
                    "</a>",
                )
        elif span.style in _STYLE_TAGS:
            tag = _STYLE_TAGS[span.style]
            yield Mark(span.start, span.end, _STYLE, f"<{tag}>", f"</{tag}>")


def _marks(document: Document, block: Block, notes: Annotations, first: int) -> list[Mark]:
    marks = list(_span_marks(document, block))
    links = [(mark.start, mark.end) for mark in marks if mark.depth == _LINK]
    for index in range(first, len(notes.mentions)):
        mention = notes.mentions[index]
        if mention.start >= block.end:
            break
        if any(start < mention.end and mention.start < end for start, end in links):
            continue  # a link inside a link: the author's link wins
        entry = notes.entry_index[mention.title]
        kind = notes.kinds.get(mention.title, "other")
        tag = f'<a class="m k-{kind}" href="#g{entry}" data-e="{entry}" id="m{index}"'
        marks.append(Mark(mention.start, mention.end, _LINK, f"{tag}>", "</a>", f"{tag.split(' id=')[0]}>"))
    for bookmark in notes.bookmarks:
        if bookmark.start < block.end and block.start < bookmark.end:
            tag = f'<mark class="bm" aria-describedby="bn{bookmark.id}"'
            marks.append(
                Mark(
                    max(bookmark.start, block.start),
                    min(bookmark.end, block.end),
                    _BOOKMARK,
                    f'{tag} id="bm{bookmark.id}">',
                    "</mark>",
                    f"{tag}>",
                )
            )
    return marks


def _margin_notes(block: Block, bookmarks: Sequence[Bookmark]) -> str:
    """Each bookmark's note, beside the paragraph the bookmark starts in."""
    notes = []
    for bookmark in bookmarks:
        if block.start <= bookmark.start < max(block.end, block.start + 1):
            body = text(bookmark.note) if bookmark.note else "Bookmarked"
            notes.append(
                f'<aside class="mnote" id="bn{bookmark.id}" aria-label="Reader\'s note">{body}</aside>'
            )
    return "".join(notes)


def _wrap(document: Document, block: Block, inner: str) -> str:
    ident = block_id(block.index)
    kind = block.kind
    if kind is BlockKind.HEADING:
        level = min(max(block.level, 1) + 1, 6)
        return f'<h{level} id="{ident}">{inner}</h{level}>'
    if kind is BlockKind.QUOTE:
        return f'<blockquote class="q{min(block.level, 4)}"><p>{inner}</p></blockquote>'
    if kind is BlockKind.LIST_ITEM:
        marker = f'<span class="mk">{text(block.marker)}</span> ' if block.marker else ""
        tight = " tight" if block.tight else ""
        return f'<p class="li l{min(block.level, 5)}{tight}">{marker}{inner}</p>'
    if kind is BlockKind.CODE:
        return f"<pre><code>{inner}</code></pre>"
    if kind is BlockKind.VERSE:
        return f'<p class="verse">{inner}</p>'
    if kind is BlockKind.TABLE:
        return f'<pre class="table" role="figure" aria-label="Table">{inner}</pre>'
    if kind is BlockKind.RAW:
        return f'<pre class="raw">{inner}</pre>'
    if kind is BlockKind.NOTE:
        note = document.note_at(block.index)
        head = ""
        if note is not None and note.first == block.index:
            back = f'<a class="back" href="#r{text(note.key)}-0" aria-label="Back to the text">↩</a>'
            head = f'<span class="mk">{text(block.marker)}</span> '
            inner = f"{inner} {back}"
        return f'<p class="note" id="{ident}">{head}{inner}</p>'
    return f"<p>{inner}</p>"


def render_blocks(document: Document, notes: Annotations) -> Iterator[str]:
    """The HTML of every block, in chunks of `CHUNK` blocks."""
    starts = [mention.start for mention in notes.mentions]
    bookmarks = sorted(notes.bookmarks, key=lambda bookmark: bookmark.start)
    for first in range(0, len(document.blocks), CHUNK):
        yield '<div class="chunk">'
        for block in document.blocks[first : first + CHUNK]:
            mention = bisect.bisect_left(starts, block.start)
            marks = _marks(document, block, notes, mention)
            html = _wrap(document, block, render(document.text, block.start, block.end, marks))
            margin = _margin_notes(block, bookmarks) if bookmarks else ""
            yield f'<div class="bk">{margin}{html}</div>' if margin else html
        yield "</div>"
