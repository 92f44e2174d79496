"""The last queries searched, browsed with up and down as in a shell."""

from __future__ import annotations

from collections.abc import Iterable

HISTORY_LIMIT = 100


class SearchHistory:
    """Queries, oldest first, each kept once; browsing starts below the newest.

    The text being typed when browsing starts is kept as a draft, and comes
    back when browsing goes past the newest query again.
    """

    def __init__(self, queries: Iterable[str] = (), limit: int = HISTORY_LIMIT) -> None:
        self._limit = limit
        self._queries: list[str] = []
        self._browsing: int | None = None
        self._draft = ""
        for query in queries:
            self.add(query)

    @property
    def queries(self) -> tuple[str, ...]:
        return tuple(self._queries)

    def add(self, query: str) -> None:
        """Remember `query` as the newest (moving it if it was there already); stop browsing."""
        self._browsing = None
        if not query.strip():
            return
        if query in self._queries:
            self._queries.remove(query)
        self._queries.append(query)
        del self._queries[: -self._limit]

    def older(self, draft: str) -> str | None:
        """The query before the one shown; None at the oldest.  `draft` is what is typed now."""
        if self._browsing is None:
            self._draft = draft
            self._browsing = len(self._queries)
        if self._browsing == 0:
            return None
        self._browsing -= 1
        return self._queries[self._browsing]

    def newer(self) -> str | None:
        """The query after the one shown, then the draft; None when not browsing."""
        if self._browsing is None:
            return None
        self._browsing += 1
        if self._browsing >= len(self._queries):
            self._browsing = None
            return self._draft
        return self._queries[self._browsing]
