"""What a glossary is made of: entries, their wiki-links, and problems found loading them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from reader.core.names import name_key

KINDS = ("person", "place", "event", "organisation", "idea", "quote")
OTHER_KIND = "other"


@dataclass(frozen=True, slots=True)
class WikiLink:
    """`[[target#heading|label]]` as written in an entry's body."""

    target: str
    heading: str = ""
    label: str = ""
    line: int = 0

    @property
    def text(self) -> str:
        """What a reader sees: the label, else the target."""
        return self.label or self.target


@dataclass(frozen=True, slots=True)
class Entry:
    """One glossary entry: one Markdown file of the vault."""

    title: str
    path: Path
    kind: str
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    date: str | None = None
    start: str | None = None
    end: str | None = None
    summary: str = ""
    body: str = ""
    links: tuple[WikiLink, ...] = ()
    ignore_case: tuple[str, ...] = ()
    """Names (title or aliases) matched case-insensitively in the text."""
    not_in: tuple[str, ...] = ()
    """Longer phrases (front matter `not:`) inside which the entry's names do not link."""
    key_lines: tuple[tuple[str, int], ...] = ()
    """(front-matter key, line in the file): lets a check point at the line to fix."""
    body_line: int = 1
    """The file line on which `body` begins."""

    @property
    def names(self) -> tuple[str, ...]:
        """The title and every alias: what the linker looks for."""
        return (self.title, *self.aliases)

    @property
    def sort_date(self) -> str | None:
        """The date that places the entry on the timeline."""
        return self.date or self.start

    def line_of(self, key: str) -> int:
        """The file line of front-matter `key` (0 when the key is absent)."""
        return next((line for name, line in self.key_lines if name == key), 0)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the vault, located by file and (where known) line."""

    severity: Severity
    path: Path
    message: str
    line: int = 0

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.severity.value}: {self.message}"


@dataclass(slots=True, repr=False)
class Glossary:
    """All entries of a vault, looked up by title or alias as `name_key` compares names.

    The lookup index is built once, from the entries given at construction.
    """

    root: Path | None
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _by_name: dict[str, Entry] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __repr__(self) -> str:
        """Short, as `Document`'s is."""
        return f"<Glossary {str(self.root)!r}: {len(self.entries)} entries, {len(self.problems)} problems>"

    def __post_init__(self) -> None:
        # Aliases first, then titles, so a title always wins over another entry's alias;
        # among equals the first entry (by title) wins, as it does in the linker.
        for entry in reversed(self.entries):
            for alias in entry.aliases:
                self._by_name[name_key(alias)] = entry
        for entry in reversed(self.entries):
            self._by_name[name_key(entry.title)] = entry

    @classmethod
    def empty(cls) -> Glossary:
        """The glossary of a document that has none."""
        return cls(root=None)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, name: str) -> Entry | None:
        """The entry with this title or alias, ignoring case, accents, quote and dash styles
        and spacing (`reader.core.names.name_key`)."""
        return self._by_name.get(name_key(name))

    def resolve(self, link: WikiLink) -> Entry | None:
        """The entry a wiki-link points to, if any."""
        return self.lookup(link.target)

    def backlinks(self, entry: Entry) -> list[Entry]:
        """Other entries whose body links to `entry`, in title order."""
        return [
            other
            for other in self.entries
            if other is not entry and any(self.resolve(link) is entry for link in other.links)
        ]

    def by_kind(self) -> dict[str, list[Entry]]:
        """Entries grouped by kind, kinds in the order of `KINDS` (then "other")."""
        order = {kind: index for index, kind in enumerate((*KINDS, OTHER_KIND))}
        groups: dict[str, list[Entry]] = {}
        for entry in sorted(self.entries, key=lambda e: order.get(e.kind, len(order))):
            groups.setdefault(entry.kind, []).append(entry)
        return groups

    def timeline(self) -> list[Entry]:
        """Dated entries, earliest first (ISO strings sort chronologically)."""
        dated = [entry for entry in self.entries if entry.sort_date]
        return sorted(dated, key=lambda e: (e.sort_date or "", e.end or "", e.title.casefold()))


def rank_entries(glossary: Glossary, query: str) -> list[Entry]:
    """Entries whose title or an alias contains `query` (compared by `name_key`), best first.

    First the entry titled `query`, then those with it as an alias; then titles, then
    aliases, that start with it; then names with a word starting with it; then names
    containing it anywhere.  Within a rank, glossary (title) order.  So `russia` puts
    *Russia* before *Alexander III of Russia*, and an empty query ranks every entry.
    """
    key = name_key(query)
    ranked: list[tuple[int, int, Entry]] = []
    for position, entry in enumerate(glossary.entries):
        title = name_key(entry.title)
        aliases = [name_key(alias) for alias in entry.aliases]
        rank = _rank(key, title, aliases)
        if rank is not None:
            ranked.append((rank, position, entry))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [entry for _, _, entry in ranked]


def _rank(key: str, title: str, aliases: list[str]) -> int | None:
    """0 exact title, 1 exact alias, 2 title prefix, 3 alias prefix, 4 word prefix, 5 substring."""
    if title == key:
        return 0
    if key in aliases:
        return 1
    if title.startswith(key):
        return 2
    if any(alias.startswith(key) for alias in aliases):
        return 3
    names = (title, *aliases)
    if any(_starts_a_word(name, key) for name in names):
        return 4
    if any(key in name for name in names):
        return 5
    return None


def _starts_a_word(name: str, key: str) -> bool:
    """Whether `key` occurs in `name` at the start of a word (after a space, hyphen or quote)."""
    start = name.find(key)
    while start > 0:
        if not name[start - 1].isalnum():
            return True
        start = name.find(key, start + 1)
    return start == 0


def entry_dates(entry: Entry) -> str:
    """How an entry's dates read, in the app and the CLI alike: `1953-08-19`,
    `1951-04 – 1953-08`, `from 2014-02`, `until 1918-03`, or nothing."""
    if entry.date:
        return entry.date
    if entry.start and entry.end:
        return f"{entry.start} – {entry.end}"
    if entry.start:
        return f"from {entry.start}"
    return f"until {entry.end}" if entry.end else ""
