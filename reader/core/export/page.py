"""One self-contained HTML page: the document, its glossary and its bookmarks.

Everything is inline (style and script; no font, image or request leaves the file), so
the page works from `file://` and offline.  A Content-Security-Policy in the page
allows exactly its own style and script, by their SHA-256 hashes, and nothing else: no
other script, no handler attribute, no `javascript:` URL, no request.  Whatever the
document or the vault holds reaches the page escaped (`reader.core.export.inline`), so
it is text, never markup; the policy is the second lock.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from reader.core.bookmarks.model import Bookmark
from reader.core.document import Document
from reader.core.export.blocks import Annotations, render_blocks
from reader.core.export.entries import entry_numbers, render_panel
from reader.core.export.inline import text
from reader.core.export.palette import palette_css
from reader.core.glossary.linker import Mention
from reader.core.glossary.model import KINDS, OTHER_KIND, Glossary

_HERE = Path(__file__).resolve().parent
_KEYS = (
    ("/", "search"),
    ("Enter / n", "next match"),
    ("Shift+Enter / N", "previous match"),
    ("Tab", "next mention or link"),
    ("i", "glossary index"),
    ("Backspace", "back"),
    ("Esc", "close"),
)


def _asset(name: str) -> str:
    return (_HERE / name).read_text(encoding="utf-8")


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(style: str, script: str) -> str:
    """Only this page's own style and script run; nothing is fetched, framed or submitted."""
    return (
        "default-src 'none'; "
        f"style-src {_hash(style)}; script-src {_hash(script)}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def _header(document: Document) -> str:
    return (
        '<a class="skip" href="#text">Skip to the text</a>'
        '<header class="top" role="banner">'
        f'<span class="doc">{text(document.title)}</span>'
        '<form class="search" id="search" role="search" aria-label="Search the text">'
        '<label class="vh" for="q">Search the text</label>'
        '<input id="q" type="search" autocomplete="off" placeholder="Search  /" aria-describedby="count">'
        '<button id="prev" type="button" aria-label="Previous match">↑</button>'
        '<button id="next" type="button" aria-label="Next match">↓</button>'
        '<span id="count" role="status" aria-live="polite"></span>'
        "</form>"
        '<button id="open-glossary" type="button" aria-controls="panel">Glossary</button>'
        "</header>"
    )


def _keys() -> str:
    items = "".join(f"<li><kbd>{text(key)}</kbd> {text(what)}</li>" for key, what in _KEYS)
    return f'<section id="keys" aria-labelledby="keys-t"><h2 id="keys-t">Keys</h2><ul>{items}</ul></section>'


def _body(
    document: Document, glossary: Glossary, mentions: list[Mention], notes: Annotations
) -> Iterator[str]:
    yield _header(document)
    yield '<div class="layout"><main id="text" tabindex="-1">'
    yield '<article class="doc" aria-labelledby="doc-title">'
    yield f'<div class="titles"><h1 id="doc-title">{text(document.title)}</h1>'
    if document.date or document.author:
        byline = " · ".join(part for part in (document.author, document.date) if part)
        yield f"<p>{text(byline)}</p>"
    yield "</div>"
    yield from render_blocks(document, notes)
    yield "</article>"
    yield _keys()
    yield "</main>"
    yield '<aside id="panel" aria-label="Glossary" tabindex="-1"><div class="bar">'
    yield '<button id="back" type="button" disabled>← Back</button>'
    yield '<button id="to-index" type="button">Index</button>'
    yield '<button id="close" class="close" type="button" aria-label="Close the glossary">✕</button></div>'
    yield from render_panel(document, glossary, mentions)
    yield "</aside></div>"
    yield (
        '<div id="pop" role="tooltip" hidden><p class="title"></p><p class="meta"><span class="kind"></span>'
        '<span class="sep"> · </span><span class="dates"></span></p><p class="summary"></p></div>'
    )


def export_html(
    document: Document,
    glossary: Glossary,
    mentions: list[Mention],
    bookmarks: Sequence[Bookmark] = (),
) -> str:
    """The page for `document` linked to `glossary` (`mentions` as the linker found them),
    with `bookmarks` (orphans are left out: they have no place in this text)."""
    style = palette_css() + _asset("page.css")
    script = _asset("page.js")
    kinds = {entry.title: entry.kind if entry.kind in KINDS else OTHER_KIND for entry in glossary.entries}
    placed = [
        bookmark for bookmark in bookmarks if not bookmark.orphan and bookmark.end <= len(document.text)
    ]
    notes = Annotations(mentions, entry_numbers(glossary), kinds, placed)
    language = text(document.language or "en")
    head = (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(style, script)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="generator" content="reader export">'
        f"<title>{text(document.title)}</title><style>{style}</style></head><body>"
    )
    return "".join(
        [head, *_body(document, glossary, mentions, notes), f"<script>{script}</script></body></html>"]
    )
