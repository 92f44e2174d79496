"""Plain text (and Project Gutenberg) files into a `Document`.

Paragraphs are separated by blank lines; hard-wrapped lines are reflowed into
flowing prose; blocks whose every line is indented are kept as verse; short
all-capitals lines (`CHAPTER IV`, `BOOK ONE: 1805`) become headings.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.document import BlockKind, Document, DocumentBuilder
from reader.core.typography import typeset

_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")
_LEADING_DATE = re.compile(r"\A\s*date:?[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b[ \t]*")
_GUTENBERG_TITLE = re.compile(r"^Title:[ \t]*(.+)$", re.MULTILINE)
_MAX_HEADING = 60
_MAX_TITLE = 64


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


def _title_from(text: str, first_block: str, fallback: str) -> str:
    head = text[:4000]
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
    if head is not None:
        cut = text.find("\n\n", head)
        if cut != -1:
            text, complete = text[:cut], False
    date: str | None = None
    match = _LEADING_DATE.match(text)
    if match:
        date = match.group(1)
        text = text[match.end() :]
    kinds: list[BlockKind] = []
    texts: list[str] = []
    for chunk in _BLANK_LINES.split(text):
        lines = [line.rstrip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        kind, body = _classify(lines)
        kinds.append(kind)
        texts.append(body)
    builder = DocumentBuilder()
    for kind, body in zip(kinds, typeset(texts), strict=True):
        builder.add(kind, body, level=2 if kind is BlockKind.HEADING else 0)
    title = _title_from(text, builder.first_text(), fallback_title)
    return builder.build(title, date=date, source=source, complete=complete)
