"""Names a document uses that no glossary entry covers: the starting list for writing
a glossary for a new book.

A name is a run of capitalised words ("Prime Minister", "Bashar al-Assad").  A word
capitalised only because it starts a sentence is dropped when the document also
uses it in lower case ("Although", "Many"), and a phrase must occur at least once
away from a sentence start.  Text already linked to an entry is masked out first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.core.document import BlockKind, Document
from reader.core.glossary.linker import Mention, find_mentions
from reader.core.glossary.model import Glossary

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")
_APOSTROPHES = "'\u2019"
_ENDINGS = tuple(mark + ending for ending in ("s", "ll", "m", "ve", "d", "re", "t") for mark in _APOSTROPHES)
"""A possessive or contraction: the name (`Russia's`, `I'll`) is the word before it."""
_SENTENCE_ENDS = ".!?\u2026"
_OPENERS = "\"'\u201c\u2018([\u2014\u2013- "
_CLOSERS = "\"'\u201d\u2019)]"
_MASK = "\0"
CONNECTORS = frozenset({"of", "the", "de", "da", "di", "del", "der", "van", "von", "du", "des", "la", "le"})
"""Lower-case words that may join the parts of a name: Duke of York, Leonardo da Vinci."""
PARTICLES = frozenset({"al", "el", "ad", "ash", "bin", "ibn", "abu"})
"""Prefixes of a capitalised word: al-Assad."""
HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Gen", "Col", "Capt", "Lt", "Sgt", "Jr", "Sr"})
"""Abbreviations whose full stop neither ends a sentence nor the name: Mr. Darcy."""
COMMON_WORDS = frozenset(
    {
        *("I", "A", "An", "The", "This", "That", "These", "Those", "He", "She", "It", "We", "They", "You"),
        *("Me", "Him", "Her", "Us", "Them", "His", "Its", "Our", "Their", "My", "Your"),
        *("Oh", "Ah", "Yes", "No", "Not", "Sir", "Madam", "Miss"),
        *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        *("January", "February", "March", "April", "May", "June", "July", "August"),
        *("September", "October", "November", "December"),
    }
)
"""Capitalised words that are never a name on their own."""


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    """Without a possessive or contraction ending."""
    start: int


@dataclass(frozen=True, slots=True)
class _Occurrence:
    name: str
    initial: bool
    """At the start of a sentence, so perhaps capitalised only for that."""
    tail: str | None = None
    """The name without its first word, which may be a sentence opener ("Later Prince Andrew")."""


def _capitalised(word: str) -> bool:
    prefix, hyphen, rest = word.partition("-")
    if hyphen and prefix in PARTICLES:
        return rest[:1].isupper()
    return word[:1].isupper()


def _strip_ending(word: str) -> tuple[str, bool]:
    """The word without a possessive or contraction (`Don't` is `Do`), and whether it had one."""
    if "'" not in word and "\u2019" not in word:
        return word, False
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending):
            base = word[: -len(ending)]
            return (base[:-1] if ending[1:] == "t" and base.endswith("n") else base), True
    return word, False


def _starts_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip(_OPENERS).rstrip(_CLOSERS)
    if not before:
        return True
    if before[-1] not in _SENTENCE_ENDS:
        return False
    last_words = _TOKEN.findall(before[-12:])
    return not (before[-1] == "." and last_words and last_words[-1] in HONORIFICS)


def _masked(document: Document, mentions: list[Mention]) -> str:
    """The text with every mention blanked out (same length), so covered names split phrases."""
    parts: list[str] = []
    position = 0
    for mention in mentions:
        parts.append(document.text[position : mention.start])
        parts.append(_MASK * (mention.end - mention.start))
        position = mention.end
    parts.append(document.text[position:])
    return "".join(parts)


def _phrases(block: str) -> list[tuple[list[_Word], bool]]:
    """Runs of capitalised words joined by single spaces, and whether each starts a sentence."""
    phrases: list[tuple[list[_Word], bool]] = []
    words: list[_Word] = []
    previous_end = 0
    closed = True
    for match in _TOKEN.finditer(block):
        if not words and match.group()[0].islower() and "-" not in match.group():
            continue  # the common case, a lower-case word outside any name
        text, ended = _strip_ending(match.group())
        gap = block[previous_end : match.start()]
        continues = not closed and (gap == " " or (gap == ". " and words[-1].text in HONORIFICS))
        if words and not (continues and (_capitalised(text) or text in CONNECTORS)):
            phrases.append((words, _starts_sentence(block, words[0].start)))
            words = []
        if _capitalised(text) or (words and text in CONNECTORS):
            words.append(_Word(text, match.start()))
        closed = ended or not words
        previous_end = match.end()
    if words:
        phrases.append((words, _starts_sentence(block, words[0].start)))
    return phrases


def _trim(words: list[_Word]) -> list[_Word]:
    """Without connectors at either end (`the Kremlin` left by a dropped `For`)."""
    first = next((i for i, word in enumerate(words) if word.text not in CONNECTORS), len(words))
    last = next((i for i in range(len(words), 0, -1) if words[i - 1].text not in CONNECTORS), 0)
    return words[first:last]


def _name(block: str, words: list[_Word]) -> str | None:
    """The phrase as written (`Mr. Darcy`), or None if it is no name at all."""
    words = _trim(words)
    if all(word.text in COMMON_WORDS or word.text in HONORIFICS for word in words):
        return None
    return block[words[0].start : words[-1].start + len(words[-1].text)]


def _is_opener(word: str, lower_case: set[str]) -> bool:
    """A sentence's first word that is no name: common, or used in lower case elsewhere."""
    return word not in HONORIFICS and (word in COMMON_WORDS or word.lower() in lower_case)


def _occurrences(document: Document, text: str) -> list[_Occurrence]:
    """Every capitalised phrase outside headings; `text` is the document text, masked."""
    lower_case = {word for word in _TOKEN.findall(document.text) if word[:1].islower()}
    found = []
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            continue
        block_text = text[block.start : block.end]
        for words, initial in _phrases(block_text):
            if initial and _is_opener(words[0].text, lower_case):
                words, initial = words[1:], False
            name = _name(block_text, words)
            if name is not None:
                tail = _name(block_text, words[1:]) if initial and len(words) > 1 else None
                found.append(_Occurrence(name, initial, tail))
    return found


def suggest_names(document: Document, glossary: Glossary) -> list[tuple[str, int]]:
    """(name, occurrences) for capitalised phrases no entry covers, most frequent first."""
    occurrences = _occurrences(document, _masked(document, find_mentions(document, glossary)))
    mid_sentence = {occurrence.name for occurrence in occurrences if not occurrence.initial}
    counts: Counter[str] = Counter()
    for occurrence in occurrences:
        name = occurrence.name
        if occurrence.tail in mid_sentence and name not in mid_sentence:
            name = occurrence.tail
        if name in mid_sentence and glossary.lookup(name) is None:
            counts[name] += 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))
