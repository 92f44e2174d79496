"""Linking a 1,000-name glossary against War and Peace, beside one regex search for one word.

The vault is built in memory: names that really occur in the book (frequent
capitalised words and pairs of them), lower-case phrases matched case-insensitively,
and made-up names that never match, four names to an entry.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from benchmarks.common import WAR_AND_PEACE, Figure, median_ms
from reader.core.document import Document
from reader.core.glossary.linker import find_mentions
from reader.core.glossary.model import Entry, Glossary
from reader.core.loading import load_document

NAMES = 1000
NAMES_PER_ENTRY = 4
_CAPITALISED = re.compile(r"\b[A-Z][a-z\u00c0-\u017f]+(?: [A-Z][a-z\u00c0-\u017f]+)?")
_LOWER_CASE_PHRASES = ("old prince", "little princess", "regiment", "cannon fire", "peace treaty")


def synthetic_glossary(text: str, size: int = NAMES) -> Glossary:
    """`size` names: 70% found in `text`, a few matched in any case, the rest made up."""
    frequent = [name for name, _ in Counter(_CAPITALISED.findall(text)).most_common(size * 7 // 10)]
    missing = size - len(frequent) - len(_LOWER_CASE_PHRASES)
    made_up = [f"Zorblax {index} Quentaris" for index in range(missing)]
    names = [*frequent, *made_up]
    entries = [
        Entry(
            title=names[index],
            path=Path(f"{index}.md"),
            kind="person",
            aliases=tuple(names[index + 1 : index + NAMES_PER_ENTRY]),
        )
        for index in range(0, len(names), NAMES_PER_ENTRY)
    ]
    entries.append(
        Entry(
            title=_LOWER_CASE_PHRASES[0],
            path=Path("lower.md"),
            kind="idea",
            aliases=_LOWER_CASE_PHRASES[1:],
            ignore_case=_LOWER_CASE_PHRASES,
        )
    )
    return Glossary(root=None, entries=sorted(entries, key=lambda entry: entry.title.casefold()))


def _one_word_search(document: Document) -> int:
    return sum(1 for _ in re.finditer(r"\bPierre\b", document.text))


def figures(runs: int) -> list[Figure]:
    document = load_document(WAR_AND_PEACE)
    glossary = synthetic_glossary(document.text)
    return [
        Figure(
            name=f"link {sum(len(e.names) for e in glossary.entries)} names, War and Peace",
            value=median_ms(lambda: find_mentions(document, glossary), runs),
            baseline_name="re.finditer of one word",
            baseline=median_ms(lambda: _one_word_search(document), runs),
            target="< 500 ms",
        )
    ]
