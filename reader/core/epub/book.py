"""An EPUB as one document: its chapters in spine order, read into one `DocumentBuilder`.

Every element's `id` is kept as `file#id` and every chapter's start as `file`
(`Document.anchors`), so a link from one chapter to another, a footnote reference
and an entry of the table of contents all lead to a block.  A link inside the book
is rewritten to `#file#id` (a place in this document, see `reader.core.links`); a
link to a web address is kept; any other (an image, a file outside the book) is no
link.

A first screen reads only the first chapters (`head`): those up to `head`
characters of text, the last of them cut after a block's end (`html.head_end`).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path

from reader.core.document import ContentsEntry, Document, DocumentBuilder
from reader.core.epub.archive import Archive, EpubError
from reader.core.epub.contents import Place, read_contents
from reader.core.epub.package import Package, href_path, read_package
from reader.core.html import HtmlReader, finish, head_end
from reader.core.sanitize import one_line

MAX_PROBLEMS = 3
"""Problems a notice names; the rest are counted."""
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)")


def check_epub(path: Path) -> None:
    """`EpubError` unless `path` is an EPUB reader can open (zip, container, package, no DRM)."""
    with Archive(path) as archive:
        read_package(archive)


def _decode(data: bytes) -> tuple[str, bool]:
    """A chapter's text and whether bytes had to be replaced: UTF-8 or UTF-16 (as EPUB
    requires), or the encoding its XML declaration names."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    else:
        declared = _DECLARED.match(data[:200])
        codec = declared.group(1).decode() if declared else "utf-8-sig"
        try:
            codecs.lookup(codec)
        except LookupError:
            codec = "utf-8-sig"
        if codec.lower().replace("_", "-") in ("utf-8", "utf8"):
            codec = "utf-8-sig"
    try:
        return data.decode(codec), False
    except UnicodeDecodeError:
        return data.decode(codec, errors="replace"), True


class _Links:
    """Links and ids of the chapter being read, as keys of `Document.anchors`."""

    def __init__(self, chapters: set[str]) -> None:
        self.chapters = chapters
        self.current = ""

    def link(self, href: str) -> str:
        if _SCHEME.match(href):
            return href
        path, fragment = href_path(self.current, href.strip())
        if path is None or path not in self.chapters:
            return ""
        return f"#{path}#{fragment}" if fragment else f"#{path}"

    def key(self, identifier: str) -> str:
        return f"{self.current}#{identifier}"


def read_epub(
    path: Path,
    *,
    head: int | None = None,
    fallback_title: str = "Untitled",
    before_chapter: Callable[[], None] = lambda: None,
) -> Document:
    """The book at `path` (`EpubError` if it cannot be read); with `head`, its first
    chapters only.  `before_chapter` is called before each chapter is read (it may raise,
    to stop a load the reader no longer wants)."""
    with Archive(path) as archive:
        package = read_package(archive)
        builder = DocumentBuilder()
        links = _Links(set(package.spine))
        reader = HtmlReader(builder, link=links.link, key=links.key)
        reader.title = package.title or None
        problems = list(package.problems)
        complete = True
        for index, chapter in enumerate(package.spine):
            before_chapter()
            links.current = chapter
            reader.anchors.setdefault(chapter, builder.count)
            try:
                markup, replaced = _decode(archive.read(chapter))
            except EpubError as error:
                problems.append(f"{error}, skipped")
                continue
            if replaced:
                problems.append(f"{chapter} is not valid UTF-8: bad bytes shown as \ufffd")
            cut = head_end(markup, 2 * max(0, head - builder.length)) if head is not None else None
            reader.read(markup if cut is None else markup[:cut])
            more = cut is not None or index + 1 < len(package.spine)
            if head is not None and more and (cut is not None or builder.length >= head):
                complete = False
                break
        places, problem = read_contents(archive, package)
    if problem is not None:
        problems.append(problem)
    return _document(path, package, builder, reader, places, problems, complete, fallback_title)


def _document(
    path: Path,
    package: Package,
    builder: DocumentBuilder,
    reader: HtmlReader,
    places: list[Place],
    problems: list[str],
    complete: bool,
    fallback_title: str,
) -> Document:
    name = one_line(str(path))
    shown = problems[:MAX_PROBLEMS] + [f"and {len(problems) - MAX_PROBLEMS} more"] * (
        len(problems) > MAX_PROBLEMS
    )
    notice = f"{name}: " + "; ".join(shown) if problems else None
    document = builder.build(
        package.title or reader.title or fallback_title,
        source=path,
        notice=notice,
        complete=complete,
        format="epub",
    )
    language = reader.language
    finish(document, reader)
    if package.language:
        document.language = one_line(package.language)
    elif language:
        document.language = one_line(language)
    if package.authors:
        document.author = one_line(", ".join(package.authors))
    entries = []
    for title, level, key in places:
        block = document.anchors.get(key)
        if block is None and "#" in key:
            block = document.anchors.get(key.partition("#")[0])
        if block is not None:
            entries.append(ContentsEntry(one_line(title), level, block))
    document.contents = tuple(entries)
    return document
