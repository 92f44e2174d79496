"""Validating a vault as a whole: what loading each file found, plus what only shows
across entries (links to nothing, names claimed twice, one tag spelled two ways) and,
given a document, entries it never mentions and names that link inside longer names.

Warnings about wording, each a sign of a link or a hover that will mislead:
- an alias made only of ordinary lower-case words ("two allies", "drone technology"),
  by the shipped frequency list `common_words.txt`: it links wherever prose uses them;
- a name that links inside a longer capitalised name of the document ("Assad" in
  "Hafez al-Assad", "America" in "South America"): give that name in `not:`;
- a summary of more than one sentence (it is shown on every hover);
- a date after early 2025 in a sentence that does not say who says so ("the essay
  says ..."): the glossary states no recent fact on its own authority.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from reader.core.document import BlockKind, Document
from reader.core.glossary.linker import Mention, find_mentions, linkable
from reader.core.glossary.model import Entry, Glossary, Problem, Severity
from reader.core.glossary.suggest import COMMON_WORDS, CONNECTORS, HONORIFICS, _phrases, _Word
from reader.core.names import name_key

RECENT = (2025, 4)
"""(year, month) from which a date is "after early 2025" and must be attributed."""
TITLES = frozenset(
    {
        *("President", "Vice", "Prime", "Minister", "Chancellor", "Premier", "Secretary", "Senator"),
        *("Governor", "Mayor", "Ambassador", "Commissar", "Chairman", "Leader", "Speaker"),
        *("Tsar", "Czar", "Tsarina", "Emperor", "Empress", "Kaiser", "King", "Queen", "Prince"),
        *("Princess", "Grand", "Duke", "Duchess", "Count", "Countess", "Baron", "Lord", "Lady", "Sir"),
        *("General", "Marshal", "Field", "Admiral", "Colonel", "Captain", "Lieutenant", "Major"),
        *("Ayatollah", "Shah", "Sultan", "Emir", "Sheikh", "Mr", "Mrs", "Ms", "Dr", "Professor"),
    }
)
"""Words of office that stand before a name ("US President Donald Trump") without being
part of it: a name beside them is not inside a longer name."""
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?\u2026])[\"\u201d\u2019)]*\s+(?=[\"\u201c\u2018(]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|No|vs|etc|c|ca))\.$")
_MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]
_DATE_IN_PROSE = re.compile(
    rf"\b(?:(?P<month>{'|'.join(_MONTHS)})\s+(?:\d{{1,2}},?\s+)?)?(?P<year>(?:19|20)\d\d)"
    r"(?:-(?P<iso_month>\d\d)(?:-\d\d)?)?\b"
)
_ATTRIBUTION = re.compile(
    r"\b(?:essay|according to|reported|reports|reporting|said|says|say|wrote|writes|announced|stated|"
    r"claimed|claims|confirmed by)\b",
    re.IGNORECASE,
)


def _did_you_mean(name: str, glossary: Glossary) -> str:
    names = [name for entry in glossary.entries for name in entry.names]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.7)
    return f" (did you mean [[{close[0]}]]?)" if close else ""


def _broken_links(glossary: Glossary) -> list[Problem]:
    return [
        Problem(
            Severity.ERROR,
            entry.path,
            f"wiki-link [[{link.target}]] matches no entry{_did_you_mean(link.target, glossary)}",
            link.line,
        )
        for entry in glossary.entries
        for link in entry.links
        if glossary.resolve(link) is None
    ]


def _claimed_twice(glossary: Glossary) -> list[Problem]:
    """A title or alias (compared as lookups compare them) owned by two entries."""
    owner: dict[str, Entry] = {}
    problems = []
    for entry in glossary.entries:
        for name in entry.names:
            key = name_key(name)
            first = owner.setdefault(key, entry)
            if first is entry:
                continue
            what = "title" if name == entry.title else "alias"
            line = 0 if name == entry.title else entry.line_of("aliases")
            message = f"{what} {name!r} is already a name of {first.title!r}"
            problems.append(Problem(Severity.ERROR, entry.path, message, line))
    return problems


def _unlinkable(glossary: Glossary) -> list[Problem]:
    return [
        Problem(
            Severity.WARNING, entry.path, f"{name!r} never links: names must start with a letter or digit"
        )
        for entry in glossary.entries
        for name in entry.names
        if not linkable(name)
    ]


def _never_mentioned(
    glossary: Glossary, document: Document | None, mentions: Sequence[Mention]
) -> list[Problem]:
    named = {mention.title for mention in mentions}
    where = document.source.name if document is not None and document.source else "the document"
    return [
        Problem(Severity.WARNING, entry.path, f"never mentioned in {where} (by title or alias)")
        for entry in glossary.entries
        if entry.title not in named
    ]


VERY_COMMON = 500
"""How many of the most frequent words may open a sentence without being part of a name."""


@cache
def _frequency_list() -> tuple[str, ...]:
    text = Path(__file__).with_name("common_words.txt").read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line and not line.startswith("#"))


@cache
def common_words() -> frozenset[str]:
    """The shipped list of the 10,000 most frequent English words (lower case)."""
    return frozenset(_frequency_list())


@cache
def _very_common_words() -> frozenset[str]:
    return frozenset(_frequency_list()[:VERY_COMMON])


def ordinary(name: str) -> bool:
    """Whether `name` is only ordinary words, written in lower case: prose is full of it.

    A capital letter marks a proper name, and a digit a specific one ("1953 coup").
    """
    if any(char.isupper() or char.isdigit() for char in name):
        return False
    words = _LETTER_WORD.findall(name.replace("\u2019", "'"))
    return bool(words) and all(word in common_words() for word in words)


def _ordinary_aliases(glossary: Glossary) -> list[Problem]:
    """Aliases that are an ordinary word, or (except for ideas, named by phrases) an ordinary phrase."""
    problems = []
    for entry in glossary.entries:
        for alias in entry.aliases:
            if not ordinary(alias):
                continue
            single = len(_LETTER_WORD.findall(alias)) == 1
            if not single and entry.kind == "idea":
                continue  # "proxy conflict" names an idea
            what = "an ordinary word" if single else "a phrase of ordinary words"
            message = f"alias {alias!r} is {what}: it links wherever prose uses it (drop it or be specific)"
            problems.append(Problem(Severity.WARNING, entry.path, message, entry.line_of("aliases")))
    return problems


def sentences(text: str) -> list[str]:
    """`text` split into sentences: after . ! ? or an ellipsis before a capital or a digit,
    except after an initial or a common abbreviation ("J.", "St.")."""
    found: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        if _ABBREVIATION.search(text, 0, match.start()):
            continue
        found.append(text[start : match.start()].strip())
        start = match.end()
    found.append(text[start:].strip())
    return [sentence for sentence in found if sentence]


def _long_summaries(glossary: Glossary) -> list[Problem]:
    return [
        Problem(
            Severity.WARNING,
            entry.path,
            f"summary is {count} sentences: it is shown on every hover, so give one",
            entry.line_of("summary"),
        )
        for entry in glossary.entries
        if entry.line_of("summary") and (count := len(sentences(entry.summary))) > 1
    ]


def _is_recent(year: int, month: int | None) -> bool:
    return (year, month or 0) >= RECENT if year == RECENT[0] else year > RECENT[0]


def recent_dates(text: str) -> list[str]:
    """Dates in `text` after early 2025 ("June 2025", "2026", "2025-06-13"), as written."""
    found = []
    for match in _DATE_IN_PROSE.finditer(text):
        month_name, iso_month = match.group("month"), match.group("iso_month")
        month = _MONTHS.index(month_name) + 1 if month_name else int(iso_month) if iso_month else None
        if _is_recent(int(match.group("year")), month):
            found.append(match.group())
    return found


def _unattributed_dates(glossary: Glossary) -> list[Problem]:
    """Recent dates, in the body or the front matter, that no sentence of the body attributes."""
    problems = []
    for entry in glossary.entries:
        attributed: set[str] = set()
        for line_offset, line in enumerate(entry.body.split("\n")):
            for sentence in sentences(line):
                recent = recent_dates(sentence)
                if not recent:
                    continue
                if _ATTRIBUTION.search(sentence):
                    attributed.update(date[-4:] if date[-4:].isdigit() else date[:4] for date in recent)
                    continue
                message = (
                    f"{recent[0]!r} is after early 2025 and the sentence does not say who says so "
                    "(\u201cthe essay says\u2026\u201d): attribute it or leave it out"
                )
                problems.append(Problem(Severity.WARNING, entry.path, message, entry.body_line + line_offset))
        for key in ("date", "start", "end"):
            value = getattr(entry, key)
            if value is None:
                continue
            month = int(value[5:7]) if len(value) >= 7 else None
            if _is_recent(int(value[:4]), month) and value[:4] not in attributed:
                message = f"{key}: {value} is after early 2025 and no sentence of the body attributes it"
                problems.append(Problem(Severity.WARNING, entry.path, message, entry.line_of(key)))
    return problems


def _tag_key(segment: str) -> str:
    """One spelling of a tag segment: case, separators and a plural `s` do not count."""
    key = re.sub(r"[-_\s]+", "-", segment.casefold()).strip("-")
    return key[:-1] if key.endswith("s") and len(key) > 3 else key


def _plain_tag(tag: str) -> str:
    """`tag` in lower case with hyphens: the spelling preferred among equally common ones."""
    return "/".join(re.sub(r"[-_\s]+", "-", part.casefold()) for part in tag.split("/"))


def _initials(segment: str) -> str:
    parts = [part for part in re.split(r"[-_\s]+", segment.casefold()) if part]
    return "".join(part[0] for part in parts) if len(parts) > 1 else ""


def _mixed_tags(glossary: Glossary) -> list[Problem]:
    """Tags that name one thing in two spellings (`politics/us`, `politics/united-states`)."""
    spellings: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    initials: dict[tuple[str, ...], str] = {}
    for entry in glossary.entries:
        for tag in entry.tags:
            *parent, last = tag.split("/")
            key = (*(_tag_key(part) for part in parent), _tag_key(last))
            spellings[key][tag] += 1
            if short := _initials(last):
                initials.setdefault((*key[:-1], short), tag)
    same: dict[str, str] = {}  # a spelling -> the one most entries use
    for key, counted in spellings.items():
        main = initials.get(key)
        if main is not None:  # "us" beside "united-states": the long form is the one to keep
            counted = counted + spellings[(*key[:-1], _tag_key(main.split("/")[-1]))]
        ranked = sorted(counted, key=lambda tag: (-counted[tag], tag != main, tag != _plain_tag(tag), tag))
        for tag in ranked[1:]:
            same.setdefault(tag, ranked[0])
    problems = []
    for entry in glossary.entries:
        for tag in entry.tags:
            if tag in same:
                message = f"tag {tag!r} is spelled {same[tag]!r} elsewhere: use one spelling for one idea"
                problems.append(Problem(Severity.WARNING, entry.path, message, entry.line_of("tags")))
    return problems


def _opener(word: str, lower_case: set[str]) -> bool:
    """A capitalised word at a sentence's start that is an ordinary word there ("From", "What"):
    one of the commonest words, or one the document also writes in lower case."""
    plain = word.lower()
    return word in COMMON_WORDS or plain in lower_case or plain in _very_common_words()


def _name_spans(block_text: str, lower_case: set[str]) -> Iterable[tuple[int, int]]:
    """[start, end) of each run of capitalised words in a block: the names written in it.

    Words of office split a run ("US | President | Donald Trump"), a sentence's ordinary
    first word is left out, connectors at either end are trimmed ("the | Kremlin"), and a
    hyphenated word ends where a lower-case part begins ("Western-backed" is "Western").
    """
    for words, initial in _phrases(block_text):
        if initial and _opener(words[0].text, lower_case):
            words = words[1:]
        runs: list[list[_Word]] = [[]]
        for word in words:
            if word.text in TITLES or word.text in HONORIFICS:
                runs.append([])
            else:
                runs[-1].append(word)
        for run in runs:
            while run and run[0].text in CONNECTORS:
                run.pop(0)
            while run and run[-1].text in CONNECTORS:
                run.pop()
            if run:
                yield run[0].start, run[-1].start + len(_capitalised_part(run[-1].text))


def _capitalised_part(word: str) -> str:
    """`word` up to its first lower-case hyphenated part: "Western-backed" -> "Western"."""
    parts = word.split("-")
    keep = 1
    while keep < len(parts) and not parts[keep][:1].islower():
        keep += 1
    return "-".join(parts[:keep])


def _inside_longer_names(
    glossary: Glossary, document: Document, mentions: Sequence[Mention]
) -> list[Problem]:
    """Mentions that are part of a longer capitalised name ("Assad" in "Hafez al-Assad")."""
    by_title = {entry.title: entry for entry in glossary.entries}
    lower_case = {word for word in _LETTER_WORD.findall(document.text) if word[:1].islower()}
    by_block: dict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_block[mention.block].append(mention)
    reported: set[tuple[str, str, str]] = set()
    problems = []
    for block_index, in_block in sorted(by_block.items()):
        block = document.blocks[block_index]
        if block.kind is BlockKind.HEADING:
            continue
        block_text = document.text[block.start : block.end]
        spans = list(_name_spans(block_text, lower_case))
        for mention in in_block:
            start, end = mention.start - block.start, mention.end - block.start
            for span_start, span_end in spans:
                if span_start < end and start < span_end and (span_start < start or span_end > end):
                    named = block_text[start:end]
                    longer = block_text[min(start, span_start) : max(end, span_end)]
                    if (mention.title, named, longer) in reported:
                        break
                    reported.add((mention.title, named, longer))
                    entry = by_title[mention.title]
                    message = (
                        f"{named!r} links inside the longer name {longer!r} (\u00b6 {block_index}): "
                        "add the longer name to `not:`, or make the alias more specific"
                    )
                    problems.append(Problem(Severity.WARNING, entry.path, message, entry.line_of("aliases")))
                    break
    return problems


def check_vault(
    glossary: Glossary, document: Document | None = None, mentions: Sequence[Mention] | None = None
) -> list[Problem]:
    """Every problem of the vault, by file and line; coverage too when a document is given."""
    problems = [
        *glossary.problems,
        *_broken_links(glossary),
        *_claimed_twice(glossary),
        *_unlinkable(glossary),
        *_ordinary_aliases(glossary),
        *_long_summaries(glossary),
        *_unattributed_dates(glossary),
        *_mixed_tags(glossary),
    ]
    if mentions is None and document is not None:
        mentions = find_mentions(document, glossary)
    if mentions is not None:
        problems.extend(_never_mentioned(glossary, document, mentions))
        if document is not None:
            problems.extend(_inside_longer_names(glossary, document, mentions))
    return sorted(problems, key=lambda problem: (str(problem.path), problem.line))
