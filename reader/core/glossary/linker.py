"""Finding every mention of every glossary entry in a document.

Rules: whole words (`-` separates words, so `pro-Bolshevik` mentions Bolshevik);
a possessive `'s` follows the name but is not part of the mention; names are
case-sensitive unless their entry lists them in `ignore_case`; curly and straight
apostrophes match, and so do every dash and hyphen.  Where names overlap the longest
wins, wherever it starts ("the fall of Bashar al-Assad's regime" is one mention,
not "Bashar al-Assad" and a remainder); among equally long names, the leftmost.
An entry's `not:` phrases (matched in any case) are places where its names do not
link: `not: [West Bank]` keeps "West" (and "the West") from linking in "the West Bank".

Speed: one alternation of many names is slow in Python's `re`, so one pass finds
candidate words (those starting with a character some name starts with).  Names are
kept by first word and then by length, so a candidate costs one dictionary look-up
per distinct name length, however many names share its first word: 200,000 aliases
link in about the time of a thousand.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from reader.core.document import Document
from reader.core.glossary.model import Glossary

_WORD = re.compile(r"\w+")
_SAME_LENGTH_FOLDS = (
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u02bc", "'"),
    *((dash, "-") for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"),
    ("\n", " "),
    ("\t", " "),
    ("\u00a0", " "),
)


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
    blocker: bool = False
    """A `not:` phrase of entry `title`: no name of that entry links where it overlaps one."""


def fold_for_linking(text: str) -> str:
    """Same length as `text` (offsets stay valid): one apostrophe, one dash, one space."""
    for char, plain in _SAME_LENGTH_FOLDS:
        if char in text:
            text = text.replace(char, plain)
    return text


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def linkable(name: str) -> bool:
    """Whether the linker can find `name`: it must start with a letter or digit."""
    return _WORD.match(fold_for_linking(name)) is not None


@dataclass(slots=True)
class _Group:
    """Names sharing a first word, by length: a candidate is looked up once per length."""

    by_length: dict[int, dict[str, list[_Name]]] = field(default_factory=dict)
    longest_first: list[tuple[int, dict[str, list[_Name]]]] = field(default_factory=list)
    """`by_length`'s items, longest first (made by `finish`)."""

    def add(self, key: str, name: _Name) -> None:
        self.by_length.setdefault(len(name.text), {}).setdefault(key, []).append(name)

    def finish(self) -> None:
        self.longest_first = sorted(self.by_length.items(), reverse=True)


class NameIndex:
    """Every name (and `not:` phrase) of a glossary, keyed by first word, then by length."""

    def __init__(self, glossary: Glossary) -> None:
        self.exact: dict[str, _Group] = defaultdict(_Group)
        self.folded: dict[str, _Group] = defaultdict(_Group)
        first_chars: set[str] = set()
        seen: set[tuple[str, bool]] = set()
        # Titles before aliases, then entry order: the entry `Glossary.lookup` picks wins a name.
        ignoring = [(entry, frozenset(entry.ignore_case)) for entry in glossary.entries]
        named = [(entry.title, ignored, entry.title) for entry, ignored in ignoring]
        named += [(entry.title, ignored, alias) for entry, ignored in ignoring for alias in entry.aliases]
        for title, ignored, raw in named:
            insensitive = raw in ignored
            text = fold_for_linking(raw)
            if (text, insensitive) in seen:
                continue  # a name is linked once, to its first owner
            seen.add((text, insensitive))
            self._add(_Name(text, title, insensitive, _is_word_char(text[-1:])), first_chars)
        for entry in glossary.entries:
            for phrase in dict.fromkeys(fold_for_linking(phrase) for phrase in entry.not_in):
                self._add(_Name(phrase, entry.title, True, _is_word_char(phrase[-1:]), True), first_chars)
        for group in (*self.exact.values(), *self.folded.values()):
            group.finish()
        characters = "".join(sorted(first_chars))
        self.candidates = re.compile(rf"\b[{re.escape(characters)}]\w*") if characters else None

    def _add(self, name: _Name, first_chars: set[str]) -> None:
        first = _WORD.match(name.text)
        if first is None:
            return  # a name must start with a letter or digit
        word = first.group()
        if name.ignore_case:
            self.folded[word.casefold()].add(name.text.casefold(), name)
            first_chars.update(word[0].lower() + word[0].upper() + word[0].casefold()[0])
        else:
            self.exact[word].add(name.text, name)
            first_chars.add(word[0])

    def lengths_for(self, word: str) -> list[tuple[int, bool, dict[str, list[_Name]]]]:
        """The names that can start with `word`: (length, ignore case, names by text), longest
        first; at one length, case-sensitive names first."""
        lengths: list[tuple[int, bool, dict[str, list[_Name]]]] = []
        if (exact := self.exact.get(word)) is not None:
            lengths += ((length, False, names) for length, names in exact.longest_first)
        if self.folded and (folded := self.folded.get(word.casefold())) is not None:
            lengths += ((length, True, names) for length, names in folded.longest_first)
        lengths.sort(key=lambda item: (-item[0], item[1]))
        return lengths


_Span = tuple[int, int, str]
"""(start, end, title) of a name or a `not:` phrase found in the text."""


def _blocked(found: list[_Span], blocks: list[_Span]) -> list[_Span]:
    """`found` less every mention overlapping a `not:` phrase of its own entry."""
    by_title: dict[str, tuple[list[int], list[int]]] = {}
    for start, end, title in sorted(blocks):
        starts, reach = by_title.setdefault(title, ([], []))
        starts.append(start)
        reach.append(max(end, reach[-1]) if reach else end)  # furthest end of any block so far
    kept = []
    for start, end, title in found:
        spans = by_title.get(title)
        if spans is not None:
            before = bisect.bisect_left(spans[0], end)  # the phrases that start before this ends
            if before and spans[1][before - 1] > start:  # ... and one of them ends after it starts
                continue
        kept.append((start, end, title))
    return kept


def _longest_first(found: list[_Span]) -> list[_Span]:
    """Non-overlapping mentions: in each run of overlapping ones, the longest first, then
    the leftmost, each taken if it overlaps none already taken."""
    found.sort(key=itemgetter(0))  # stable: at one start, the order found (exact names first)
    chosen: list[_Span] = []
    index, count = 0, len(found)
    while index < count:
        cluster_end = found[index][1]
        last = index + 1
        while last < count and found[last][0] < cluster_end:
            if found[last][1] > cluster_end:
                cluster_end = found[last][1]
            last += 1
        if last == index + 1:
            chosen.append(found[index])
        else:
            chosen.extend(_resolve(found[index:last]))
        index = last
    return chosen


def _resolve(cluster: list[_Span]) -> list[_Span]:
    starts: list[int] = []
    ends: list[int] = []
    taken: list[_Span] = []
    for start, end, title in sorted(cluster, key=lambda item: (item[0] - item[1], item[0])):
        at = bisect.bisect_left(starts, start)
        if at < len(starts) and starts[at] < end:
            continue  # overlaps the next one taken
        if at > 0 and ends[at - 1] > start:
            continue  # overlaps the previous one taken
        starts.insert(at, start)
        ends.insert(at, end)
        taken.append((start, end, title))
    return sorted(taken)


def find_mentions(document: Document, glossary: Glossary) -> list[Mention]:
    """Every mention of every entry, sorted by position, never overlapping."""
    index = NameIndex(glossary)
    if index.candidates is None or not document.blocks:
        return []
    text = fold_for_linking(document.text)
    found: list[_Span] = []
    blocks: list[_Span] = []
    lengths_of: dict[str, list[tuple[int, bool, dict[str, list[_Name]]]]] = {}  # by candidate word
    lengths_for = index.lengths_for
    size = len(text)
    for word in index.candidates.finditer(text):
        candidate = word.group()
        lengths = lengths_of.get(candidate)
        if lengths is None:
            lengths = lengths_of[candidate] = lengths_for(candidate)
        start = word.start()
        # Every name found at `start`, longest first: one look-up per length of name.
        for length, insensitive, names_of in lengths:
            end = start + length
            if end > size:
                continue
            piece = text[start:end]
            names = names_of.get(piece.casefold() if insensitive else piece)
            if names is None:
                continue
            boundary_ok = end == size or not ((after := text[end]).isalnum() or after == "_")
            for name in names:
                if boundary_ok or not name.open_end:
                    (blocks if name.blocker else found).append((start, end, name.title))
    if blocks:
        found = _blocked(found, blocks)
    return _in_blocks(document, _longest_first(found))


def _in_blocks(document: Document, found: list[_Span]) -> list[Mention]:
    """`found` (in text order) as mentions, each with its block: one walk along the blocks."""
    starts = [block.start for block in document.blocks]
    mentions = []
    block, last = 0, len(starts) - 1
    for start, end, title in found:
        while block < last and starts[block + 1] <= start:
            block += 1
        mentions.append(Mention(start, end, title, block))
    return mentions


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
