"""Finding every mention of every glossary entry in a document.

Rules: whole words (`-` separates words, so `pro-Bolshevik` mentions Bolshevik);
a possessive `'s` follows the name but is not part of the mention; the longest
name wins where names overlap (leftmost first); names are case-sensitive unless
their entry lists them in `ignore_case`; curly and straight apostrophes match.

Speed: one alternation of a thousand names is slow in Python's `re`, so one pass
finds candidate words (those starting with a character some name starts with),
and a dict from first words to names checks each candidate in place.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from reader.core.document import Document
from reader.core.glossary.model import Glossary

_WORD = re.compile(r"\w+")
_APOSTROPHES = ("\u2019", "'")


@dataclass(frozen=True, slots=True)
class Mention:
    """Entry `title` is named at `[start, end)` of the document text, in block `block`."""

    start: int
    end: int
    title: str
    block: int


class _Name(NamedTuple):
    text: str
    title: str
    ignore_case: bool
    open_end: bool
    """Ends in a word character, so the next character must not be one."""


def _fold(text: str) -> str:
    """Same length as `text` (offsets stay valid): one apostrophe and one space."""
    return text.replace(_APOSTROPHES[0], _APOSTROPHES[1]).replace("\n", " ").replace("\t", " ")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def linkable(name: str) -> bool:
    """Whether the linker can find `name`: it must start with a letter or digit."""
    return _WORD.match(_fold(name)) is not None


class NameIndex:
    """Every name of a glossary, keyed by its first word, longest names first."""

    def __init__(self, glossary: Glossary) -> None:
        exact: dict[str, list[_Name]] = defaultdict(list)
        folded: dict[str, list[_Name]] = defaultdict(list)
        first_chars: set[str] = set()
        seen: set[tuple[str, bool]] = set()
        # Titles before aliases, then entry order: the entry `Glossary.lookup` picks wins a name.
        named = [(entry, entry.title) for entry in glossary.entries]
        named += [(entry, alias) for entry in glossary.entries for alias in entry.aliases]
        for entry, raw in named:
            text = _fold(raw)
            insensitive = raw in entry.ignore_case
            first = _WORD.match(text)
            if first is None or (text, insensitive) in seen:
                continue  # a name must start with a letter or digit, and is linked once
            seen.add((text, insensitive))
            name = _Name(text, entry.title, insensitive, _is_word_char(text[-1]))
            word = first.group()
            if insensitive:
                folded[word.casefold()].append(name)
                first_chars.update(word[0].lower() + word[0].upper() + word[0].casefold()[0])
            else:
                exact[word].append(name)
                first_chars.add(word[0])
        by_length = {word: sorted(names, key=lambda name: -len(name.text)) for word, names in exact.items()}
        self.exact: dict[str, list[_Name]] = by_length
        self.folded: dict[str, list[_Name]] = dict(folded)
        characters = "".join(sorted(first_chars))
        self.candidates = re.compile(rf"\b[{re.escape(characters)}]\w*") if characters else None

    def names_for(self, word: str) -> list[_Name] | None:
        """Names that can start with `word`, longest first (None: no name does)."""
        exact = self.exact.get(word)
        if not self.folded:
            return exact
        folded = self.folded.get(word.casefold())
        if folded is None:
            return exact
        return sorted((*(exact or ()), *folded), key=lambda name: -len(name.text))


def _match_at(text: str, start: int, name: _Name) -> bool:
    end = start + len(name.text)
    if name.ignore_case:
        if text[start:end].casefold() != name.text.casefold():
            return False
    elif not text.startswith(name.text, start):
        return False
    return not (name.open_end and _is_word_char(text[end : end + 1]))


def find_mentions(document: Document, glossary: Glossary) -> list[Mention]:
    """Every mention of every entry, sorted by position, never overlapping."""
    index = NameIndex(glossary)
    if index.candidates is None or not document.blocks:
        return []
    text = _fold(document.text)
    found: list[tuple[int, int, str]] = []
    covered_to = 0
    names_for = index.names_for
    for word in index.candidates.finditer(text):
        start = word.start()
        if start < covered_to:
            continue
        for name in names_for(word.group()) or ():
            if _match_at(text, start, name):
                covered_to = start + len(name.text)
                found.append((start, covered_to, name.title))
                break
    block_at = document.block_at
    return [Mention(start, end, title, block_at(start)) for start, end, title in found]


def mentions_by_title(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    """Mentions grouped by entry title, each group in document order."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[mention.title].append(mention)
    return dict(groups)


def mentioned_with(title: str, mentions: Iterable[Mention]) -> list[tuple[str, int]]:
    """Other entries named in the same blocks as `title`: (title, shared blocks), most first."""
    blocks_of: dict[str, set[int]] = defaultdict(set)
    for mention in mentions:
        blocks_of[mention.title].add(mention.block)
    own = blocks_of.pop(title, set())
    shared = Counter({other: len(blocks & own) for other, blocks in blocks_of.items() if blocks & own})
    return sorted(shared.items(), key=lambda item: (-item[1], item[0].casefold()))
