"""Bookmarks written out for other tools: a Markdown reading-notes file, or W3C Web
Annotations (JSON-LD) that annotation tools can read back.

Positions count characters of the text as reader shows it (`Document.text`, after
reflowing and typography), not of the raw file: a tool reading the file itself
should rely on the TextQuoteSelector, which is exactly what it is for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.bookmarks.model import Bookmark
from reader.core.document import paragraph_label

ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


@dataclass(frozen=True, slots=True)
class Section:
    """The bookmarks of one document, under its title (None: the notes' own title says it)."""

    heading: str | None
    bookmarks: Sequence[Bookmark]


def source(bookmark: Bookmark) -> str:
    """The document as an IRI: its file, or (read from stdin) the hash of its text."""
    return bookmark.path.as_uri() if bookmark.path is not None else f"urn:sha256:{bookmark.document}"


def link(bookmark: Bookmark) -> tuple[str, str]:
    """Text and target of a link back to the passage: `essay.txt, ¶ 4` for a person to read,
    `file:///…/essay.txt#b3` for a tool (the block's id, `Block.id`, counted from 0 as in JSON)."""
    name = bookmark.path.name if bookmark.path is not None else "stdin"
    if bookmark.block is None:
        return name, source(bookmark)
    return f"{name}, {paragraph_label(bookmark.block)}", f"{source(bookmark)}#b{bookmark.block}"


def reading_notes(title: str, sections: Sequence[Section]) -> str:
    """Markdown: the title, then for each bookmark its quote, note, link back and date."""
    lines = [f"# {title}", ""]
    for section in sections:
        if section.heading is not None:
            lines += [f"## {section.heading}", ""]
        for bookmark in section.bookmarks:
            lines += [f"> {line}" if line else ">" for line in bookmark.exact.split("\n")]
            lines.append("")
            if bookmark.note:
                lines += [bookmark.note, ""]
            text, target = link(bookmark)
            where = f"[{text}](<{target}>)"
            if bookmark.orphan:
                where += " (the passage is no longer in the document)"
            lines += [f"{where} · {bookmark.created[:10]}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def annotation(bookmark: Bookmark) -> dict[str, Any]:
    """One bookmark as a W3C Web Annotation."""
    return {
        "id": f"urn:reader:bookmark:{bookmark.id}",
        "type": "Annotation",
        "motivation": "bookmarking",
        "created": bookmark.created,
        "modified": bookmark.updated,
        "body": {
            "type": "TextualBody",
            "value": bookmark.note,
            "format": "text/plain",
            "purpose": "commenting",
        },
        "target": {
            "source": source(bookmark),
            "selector": [
                {"type": "TextPositionSelector", "start": bookmark.start, "end": bookmark.end},
                {
                    "type": "TextQuoteSelector",
                    "exact": bookmark.exact,
                    "prefix": bookmark.prefix,
                    "suffix": bookmark.suffix,
                },
            ],
        },
    }


def annotation_collection(label: str, bookmarks: Sequence[Bookmark]) -> dict[str, Any]:
    """Bookmarks as a W3C AnnotationCollection holding one page of annotations."""
    return {
        "@context": ANNOTATION_CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(bookmarks),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": [annotation(b) for b in bookmarks]},
    }
