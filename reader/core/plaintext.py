"""Plain text (and Project Gutenberg) files into a `Document`.

Paragraphs are separated by blank lines; hard-wrapped lines are reflowed into
flowing prose; blocks whose every line is indented are kept as verse; short
all-capitals lines (`CHAPTER IV`, `BOOK ONE: 1805`) become headings.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from reader.core.document import BlockKind, Document, DocumentBuilder
from reader.core.typography import typeset_paragraph

_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")
_LEADING_DATE = re.compile(r"\A\s*date:?[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b[ \t]*")
_GUTENBERG_TITLE = re.compile(r"^Title:[ \t]*(.+)$", re.MULTILINE)
_MAX_HEADING = 60
_MAX_TITLE = 64
_TITLE_SCAN = 4000
"""A Gutenberg `Title:` line is looked for this far into the text."""
_PIECE = 1 << 18


class TextStream(Protocol):
    """What `parse_plain_stream` reads from: a text file, or anything with its `read`."""

    def read(self, size: int = -1, /) -> str: ...


def _classify(lines: list[str]) -> tuple[BlockKind, str]:
    """Decide what a run of non-blank lines is, and its text."""
    if len(lines) == 1:
        line = lines[0].strip()
        if len(line) <= _MAX_HEADING and line.upper() == line and sum(c.isalpha() for c in line) >= 2:
            return BlockKind.HEADING, line
    if all(line[:1] in (" ", "\t") for line in lines) and len(lines) > 1:
        indent = min(len(line) - len(line.lstrip()) for line in lines)
        return BlockKind.VERSE, "\n".join(line[indent:].rstrip() for line in lines)
    return BlockKind.PARAGRAPH, " ".join(line.strip() for line in lines)


def _title_from(head: str, first_block: str, fallback: str) -> str:
    match = _GUTENBERG_TITLE.search(head)
    if match:
        return match.group(1).strip()
    if not first_block:
        return fallback
    sentence = re.split(r"(?<=[.!?…])\s", first_block, maxsplit=1)[0]
    if len(sentence) <= _MAX_TITLE:
        return sentence
    cut = sentence[:_MAX_TITLE].rsplit(" ", 1)[0]
    return cut.rstrip(",;:\u2014\u2013 ") + "…"


def parse_plain_text(
    text: str, *, source: Path | None = None, fallback_title: str = "Untitled", head: int | None = None
) -> Document:
    """Parse normalised text (no BOM, `\\n` line ends) into a document.

    With `head`, parse only up to the first blank line after `head` characters: the
    result's blocks are exactly the first blocks of the whole document (paragraphs
    are independent), so the reading view can paint them while the rest is parsed.
    """
    complete = True
    end = len(text)
    if head is not None:
        cut = text.find("\n\n", head)
        if cut != -1:
            end, complete = cut, False
    date, start = _date_at_start(text)
    chunks = _chunks(text, start, end)
    return _build(chunks, text[:_TITLE_SCAN], date, source, fallback_title, complete=complete)


def parse_plain_stream(
    stream: TextStream, *, source: Path | None = None, fallback_title: str = "Untitled"
) -> Document:
    """`parse_plain_text` of everything `stream` yields (opened with universal newlines),
    read a piece at a time: the whole text is never held, only the document built."""
    first = stream.read(max(_PIECE, _TITLE_SCAN))
    date, start = _date_at_start(first)
    chunks = _stream_chunks(first, start, stream)
    return _build(chunks, first[:_TITLE_SCAN], date, source, fallback_title, complete=True)


def _date_at_start(text: str) -> tuple[str | None, int]:
    """A leading `date YYYY-MM-DD` line: the date, and where the text proper starts."""
    match = _LEADING_DATE.match(text)
    return (match.group(1), match.end()) if match else (None, 0)


def _build(
    chunks: Iterable[str],
    head: str,
    date: str | None,
    source: Path | None,
    fallback_title: str,
    *,
    complete: bool,
) -> Document:
    builder = DocumentBuilder()
    # Chunk by chunk, never holding a second copy of the whole book: the peak memory
    # of opening War and Peace is part of what is measured.
    for chunk in chunks:
        lines = [line.rstrip() for line in chunk.split("\n") if line.strip()]
        if lines:
            kind, body = _classify(lines)
            builder.add(kind, typeset_paragraph(body), level=2 if kind is BlockKind.HEADING else 0)
    title = _title_from(head, builder.first_text(), fallback_title)
    return builder.build(title, date=date, source=source, complete=complete)


def _stream_chunks(first: str, start: int, stream: TextStream) -> Iterator[str]:
    """The runs between blank lines of `first[start:]` and then of the rest of `stream`."""
    pending = first[start:]
    while piece := stream.read(_PIECE):
        pending += piece
        # Everything up to the last blank line is complete; a blank run cut by the piece
        # boundary only yields an empty chunk, which has no lines and adds no block.
        last = deque(_BLANK_LINES.finditer(pending), maxlen=1)
        if last:
            yield from _chunks(pending, 0, last[0].start())
            pending = pending[last[0].end() :]
    yield from _chunks(pending, 0, len(pending))


def _chunks(text: str, start: int, end: int) -> Iterator[str]:
    """The runs of `text[start:end]` between blank lines."""
    for separator in _BLANK_LINES.finditer(text, start, end):
        yield text[start : separator.start()]
        start = separator.end()
    yield text[start:end]
