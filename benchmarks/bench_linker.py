"""Linking a 1,000-name glossary against War and Peace, beside one regex search for one word;
then one entry with 200,000 aliases, linked and checked.

The 1,000-name vault is built in memory: names that really occur in the book (frequent
capitalised words and pairs of them), lower-case phrases matched case-insensitively,
and made-up names that never match, four names to an entry.

The 200,000 aliases share their first words with the book's 200 most frequent
capitalised words ("Pierre Zorblax17"), so every occurrence of "Pierre" in the book
is a candidate for a thousand of them: time that grows with aliases x occurrences
shows here.  The figure for `glossary check` reads the entry from a vault file.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.common import WAR_AND_PEACE, Figure, median_ms
from reader.core.document import Document
from reader.core.glossary import frontmatter, vault
from reader.core.glossary.check import check_vault
from reader.core.glossary.linker import find_mentions
from reader.core.glossary.model import Entry, Glossary
from reader.core.glossary.vault import load_glossary
from reader.core.loading import load_document

NAMES = 1000
MANY_ALIASES = 200_000
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


def many_aliases(text: str, count: int = MANY_ALIASES) -> tuple[str, ...]:
    """`count` made-up aliases, each starting with one of the 200 commonest capitalised words."""
    frequent = [word for word, _ in Counter(re.findall(r"\b[A-Z][a-z]+", text)).most_common(200)]
    return tuple(f"{frequent[index % len(frequent)]} Zorblax{index}" for index in range(count))


def one_entry_vault(aliases: tuple[str, ...]) -> Path:
    """A vault folder holding one entry file with `aliases`, one per line of front matter."""
    root = Path(tempfile.mkdtemp(prefix="reader-vault-"))
    lines = "".join(f"  - {alias}\n" for alias in aliases)
    (root / "Napoleon.md").write_text(f"---\ntags: [person]\naliases:\n{lines}---\nThe emperor.\n")
    return root


def _load_and_check(root: Path, document: Document) -> int:
    """`reader glossary check` without its printing; the limits raised for this one large file."""
    limits = frontmatter.MAX_FRONT_MATTER_CHARS, vault.MAX_ENTRY_BYTES
    frontmatter.MAX_FRONT_MATTER_CHARS = vault.MAX_ENTRY_BYTES = 64 * 1024 * 1024
    try:
        glossary = load_glossary(root)
    finally:
        frontmatter.MAX_FRONT_MATTER_CHARS, vault.MAX_ENTRY_BYTES = limits
    return len(check_vault(glossary, document))


def _one_word_search(document: Document) -> int:
    return sum(1 for _ in re.finditer(r"\bPierre\b", document.text))


def figures(runs: int) -> list[Figure]:
    document = load_document(WAR_AND_PEACE)
    glossary = synthetic_glossary(document.text)
    figures = [
        Figure(
            name=f"link {sum(len(e.names) for e in glossary.entries)} names, War and Peace",
            value=median_ms(lambda: find_mentions(document, glossary), runs),
            baseline_name="re.finditer of one word",
            baseline=median_ms(lambda: _one_word_search(document), runs),
            target="< 500 ms",
        ),
    ]
    aliases = many_aliases(document.text)
    crowded = Glossary(root=None, entries=[Entry("Napoleon", Path("Napoleon.md"), "person", aliases=aliases)])
    root = one_entry_vault(aliases)
    few_runs = max(1, runs // 3)
    figures.append(
        Figure(
            name=f"link {len(aliases):,} aliases, War and Peace",
            value=median_ms(lambda: find_mentions(document, crowded), few_runs),
            baseline_name="re.finditer of one word",
            baseline=median_ms(lambda: _one_word_search(document), few_runs),
            target="< 10 x the 1,000 names",
        )
    )
    figures.append(
        Figure(
            name=f"glossary check, {len(aliases):,} aliases",
            value=median_ms(lambda: _load_and_check(root, document), few_runs),
            baseline_name="re.finditer of one word",
            baseline=median_ms(lambda: _one_word_search(document), few_runs),
            target="< 30 s (was 255 s)",
        )
    )
    return figures
