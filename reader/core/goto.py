"""`:` — where the reader asked to go: a paragraph, a percent, or a glossary entry.

`120` and `¶ 120` are paragraph 120 (counted from 1, as the status bar counts),
`50%` is halfway, anything else names a glossary entry (its title or an alias,
the best match first).  Plain data: the app turns a target into a jump.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
class Unknown:
    """Nothing matched: `reason` says why, for the reader."""

    reason: str


Target = Paragraph | Percent | EntryTarget | Unknown


def parse_target(text: str, blocks: int, glossary: Glossary | None) -> Target:
    """What `text`, typed after `:`, asks for in a document of `blocks` paragraphs."""
    if not text.strip():
        return Unknown("type a paragraph number, a percent or a glossary entry")
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
    if glossary is not None:
        ranked = rank_entries(glossary, text)
        if ranked:
            return EntryTarget(ranked[0].title)
        return Unknown(f"no paragraph, percent or glossary entry matches {text.strip()!r}")
    return Unknown(f"{text.strip()!r} is not a paragraph number or a percent (no glossary is loaded)")


def completions(glossary: Glossary | None) -> list[str]:
    """Every name `:` completes: entry titles, then aliases, each once."""
    if glossary is None:
        return []
    names: list[str] = [entry.title for entry in glossary.entries]
    seen = set(names)
    for entry in glossary.entries:
        for alias in entry.aliases:
            if alias not in seen:
                seen.add(alias)
                names.append(alias)
    return names
