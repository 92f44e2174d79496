"""`:` — where the reader asked to go: a paragraph, a percent, a chapter or a glossary entry.

`120` and `¶ 120` are paragraph 120 (counted from 1, as the status bar counts),
`50%` is halfway, anything else names a chapter or a glossary entry: a chapter
named exactly (`Book Nine, Chapter IV`, or `chapter iv` in the book you are in),
then an entry named exactly, then the first chapter whose name starts so, then
the entry that matches best.  Plain data: the app turns a target into a jump.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.contents import Contents
from reader.core.glossary.model import Glossary, rank_entries

_PARAGRAPH = re.compile(r"^\s*(?:¶|p|para(?:graph)?)?\s*(\d+)\s*$", re.IGNORECASE)
_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Block `index` (0-based) of the document."""

    index: int


@dataclass(frozen=True, slots=True)
class Percent:
    percent: float


@dataclass(frozen=True, slots=True)
class EntryTarget:
    title: str


@dataclass(frozen=True, slots=True)
class ChapterTarget:
    """Chapter `index` of the contents, which starts at block `block`."""

    index: int
    block: int


@dataclass(frozen=True, slots=True)
class Unknown:
    """Nothing matched: `reason` says why, for the reader."""

    reason: str


Target = Paragraph | Percent | ChapterTarget | EntryTarget | Unknown


def parse_target(
    text: str, blocks: int, glossary: Glossary | None, contents: Contents | None = None, cursor: int = 0
) -> Target:
    """What `text`, typed after `:`, asks for in a document of `blocks` paragraphs, read with
    the cursor on block `cursor`."""
    if not text.strip():
        return Unknown("type a paragraph number, a percent, a chapter or a glossary entry")
    paragraph = _PARAGRAPH.match(text)
    if paragraph is not None:
        number = int(paragraph.group(1))
        if not 1 <= number <= blocks:
            return Unknown(f"there is no ¶ {number}: this document has {blocks:,}")
        return Paragraph(number - 1)
    percent = _PERCENT.match(text)
    if percent is not None:
        value = float(percent.group(1))
        if value > 100:
            return Unknown(f"{percent.group(1)}% is past the end")
        return Percent(value)
    chapter = None if contents is None else contents.find(text, cursor)
    if contents is not None and chapter is not None:
        return ChapterTarget(chapter, contents.chapters[chapter].block)
    entry = None if glossary is None else glossary.lookup(text)
    if entry is not None:
        return EntryTarget(entry.title)
    chapter = None if contents is None else contents.find(text, cursor, prefix=True)
    if contents is not None and chapter is not None:
        return ChapterTarget(chapter, contents.chapters[chapter].block)
    ranked = [] if glossary is None else rank_entries(glossary, text)
    if ranked:
        return EntryTarget(ranked[0].title)
    return Unknown(f"no paragraph, percent, chapter or glossary entry matches {text.strip()!r}")


def completions(glossary: Glossary | None, contents: Contents | None = None) -> list[str]:
    """Every name `:` completes: chapter names, then entry titles, then aliases, each once."""
    names: list[str] = [] if contents is None else contents.names()
    if glossary is not None:
        names += [entry.title for entry in glossary.entries]
        names += [alias for entry in glossary.entries for alias in entry.aliases]
    return list(dict.fromkeys(names))
