"""Where a link in a document leads: a web address, another document, a place in this one.

Markdown links are `Span`s of style `LINK` whose `href` is the destination as
markdown-it normalised it (percent-encoded, `javascript:` and the like refused).
The reading view asks `link_target` what `enter` on a link should do, and
`hyperlink` what to write in an OSC 8 terminal hyperlink.
"""

from __future__ import annotations

import os.path
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from reader.core.document import BlockKind, Document

READABLE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text", ".html", ".htm", ".xhtml", ".epub", ""})
"""Local files the reader opens itself (with its history); any other is for the system."""
WEB_SCHEMES = frozenset({"http", "https", "mailto", "ftp", "ftps"})
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# What may stand in an OSC 8 hyperlink: printable ASCII, no escape, no bell.
_PRINTABLE_URL = re.compile(r"[\x21-\x7e]+")


class LinkKind(StrEnum):
    WEB = "web"
    """A URL for the system's opener (`xdg-open`, `open`)."""
    DOCUMENT = "document"
    """A local text or Markdown file: open it in the reader."""
    FILE = "file"
    """Another local file (an image, a PDF): for the system's opener."""
    ANCHOR = "anchor"
    """A place in this document (`#heading`)."""


@dataclass(frozen=True, slots=True)
class LinkTarget:
    kind: LinkKind
    url: str = ""
    """For `WEB`: the address as written."""
    path: Path | None = None
    """For `DOCUMENT` and `FILE`: the file, resolved against the linking document's folder."""
    fragment: str = ""
    """What follows `#`, decoded: a heading to go to, for `DOCUMENT` and `ANCHOR`."""


def link_target(href: str, source: Path | None) -> LinkTarget | None:
    """What a link's `href` leads to from the document at `source` (None: standard input,
    where a relative path leads nowhere); None for what the reader does not follow."""
    href = href.strip()
    if not href:
        return None
    scheme = _SCHEME.match(href)
    if scheme:
        name = scheme.group()[:-1].lower()
        if name in WEB_SCHEMES:
            return LinkTarget(LinkKind.WEB, url=href)
        if name != "file":
            return None
        parts = urlsplit(href)
        return _local(Path(unquote(parts.path)), unquote(parts.fragment))
    if href.startswith("#"):
        return LinkTarget(LinkKind.ANCHOR, fragment=unquote(href[1:]))
    parts = urlsplit(href)
    path = Path(unquote(parts.path))
    if not path.is_absolute():
        if source is None:
            return None
        path = source.parent / path
    return _local(path, unquote(parts.fragment))


def _local(path: Path, fragment: str) -> LinkTarget:
    kind = LinkKind.DOCUMENT if path.suffix.lower() in READABLE_SUFFIXES else LinkKind.FILE
    # `a/./b/../c` as `a/c`, without asking the file system (the file may not exist).
    return LinkTarget(kind, path=Path(os.path.normpath(path)), fragment=fragment)


def hyperlink(target: LinkTarget) -> str | None:
    """The URL for an OSC 8 hyperlink to `target`, or None when there is none to write
    (an anchor) or it holds anything but printable ASCII (no escape can ride along)."""
    if target.kind is LinkKind.WEB:
        url = target.url
    elif target.path is not None:
        url = "file://" + quote(str(target.path.absolute()))
        if target.fragment:
            url += "#" + quote(target.fragment)
    else:
        return None
    return url if _PRINTABLE_URL.fullmatch(url) else None


def slug(heading: str) -> str:
    """A heading as a link names it (`#the-two-allies`), as GitHub and most renderers do:
    lower case, punctuation dropped, spaces as hyphens."""
    kept = "".join(character for character in heading.lower() if character.isalnum() or character in " -_")
    return "-".join(kept.split())


def anchor_block(document: Document, fragment: str) -> int | None:
    """The block `#fragment` leads to: the element of that `id` in HTML or an EPUB
    (`Document.anchors`), else the heading whose slug it is."""
    found = document.anchors.get(fragment)
    if found is not None:
        return found
    wanted = slug(fragment)
    for block in document.blocks:
        if block.kind is BlockKind.HEADING and slug(document.block_text(block.index)) == wanted:
            return block.index
    return None
