"""What the app is searching for, what it found, and which hit is current.

Plain data and arithmetic, with no Textual in it, so that where `n` and `N`
go (and when they wrap around the document) is tested without a terminal.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace

from reader.core.document import Document
from reader.core.glossary.model import Entry
from reader.core.search import DEFAULT_TIMEOUT, Match, Matches, SearchOptions, search, search_terms
from reader.core.search_layer import MatchLayer


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """The typed text under the bar's options, or every name of one glossary entry."""

    text: str
    options: SearchOptions = field(default_factory=SearchOptions)
    names: tuple[str, ...] = ()
    entry: str = ""
    """The title of the entry whose `names` are searched for instead of `text`."""

    @classmethod
    def every_name(cls, text: str, entry: Entry, options: SearchOptions) -> SearchQuery:
        """All of `entry`'s names at once; names are literal text, whatever the regex toggle says."""
        return cls(text, replace(options, regex=False), entry.names, entry.title)

    @property
    def label(self) -> str:
        """How the query is named in the status bar and the results list."""
        return f"every name of {self.entry}" if self.entry else self.text

    def find(
        self, document: Document, *, timeout: float = DEFAULT_TIMEOUT, cancel: threading.Event | None = None
    ) -> Matches:
        """Every hit in `document`; raises `SearchError` for a pattern that does not compile,
        `SearchTimeout` for one slower than `timeout`, `SearchCancelled` once `cancel` is set."""
        if self.names:
            return search_terms(document, self.names, self.options, timeout=timeout, cancel=cancel)
        return search(document, self.text, self.options, timeout=timeout, cancel=cancel)


@dataclass(frozen=True, slots=True)
class SearchState:
    """The hits of a query and the index of the current one (None when there are none)."""

    query: SearchQuery
    matches: Matches
    current: int | None = None

    @classmethod
    def found(cls, query: SearchQuery, matches: Matches, offset: int) -> SearchState:
        """The current hit is the first at or after `offset` (where the reader is), else the first."""
        if not matches:
            return cls(query, matches)
        index = matches.first_at(offset)
        return cls(query, matches, 0 if index is None else index)

    @property
    def match(self) -> Match | None:
        return None if self.current is None else self.matches[self.current]

    @property
    def layer(self) -> MatchLayer:
        return MatchLayer(self.matches, self.current)

    @property
    def counter(self) -> str:
        """`3/590`, or `no match`."""
        if self.current is None:
            return "no match"
        return f"{self.current + 1:,}/{len(self.matches):,}"

    def choose(self, index: int) -> SearchState:
        return replace(self, current=index)

    def step(self, forward: bool, offset: int | None = None) -> tuple[SearchState, bool]:
        """The next (or previous) hit, and whether getting there wrapped around an end.

        Steps from the current hit, or from `offset` when one is given (the current
        hit has scrolled out of view: the next one is then the first at or after
        `offset`, the previous one the last before it), as `less` does.
        """
        count = len(self.matches)
        if count == 0:
            return self, False
        if offset is None and self.current is not None:
            index = self.current + (1 if forward else -1)
        else:
            after = self.matches.first_at(offset or 0)
            first_after = count if after is None else after
            index = first_after if forward else first_after - 1
        return replace(self, current=index % count), not 0 <= index < count
