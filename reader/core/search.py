"""Finding a query in a document's plain text, and the glossary entries it names.

Matching runs on `Document.text`, never on screen rows, so a phrase across a
line wrap (or a reflowed line break of the source) is found.  Both the text and
the query are folded (`reader.core.folding`) with every character kept in
place, so each hit is an exact `(start, end)` range of the original text.

A regular expression can take exponential time (`(a+)+$` on a line of a's), so
one runs on the `regex` package, which takes a time limit and releases the GIL
while it matches: a search gives up with `SearchTimeout` ("pattern too slow")
after `timeout` seconds, stops with `SearchCancelled` once its `cancel` event is
set (looked at between hits), and never holds up another thread.  A literal
query is a pattern of escaped words and possessive whitespace, linear in the
text, and runs on `re`, which finds literal text faster.
"""

from __future__ import annotations

import bisect
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, overload

from reader.core.document import Document
from reader.core.folding import FoldedText, fold, fold_case, fold_query, query_word_pattern
from reader.core.glossary.model import Entry, Glossary
from reader.core.names import name_key

if TYPE_CHECKING:
    import regex

# Whitespace in a query: any run of whitespace holding at most one line break,
# so a phrase spans a verse line but never the blank line between two blocks.
# Possessive: the next word starts with a non-space, so giving any back never helps,
# and a long run of spaces cannot make the match quadratic.
_SPACE = r"(?=\s)[^\S\n]*+\n?+[^\S\n]*+"
_WHITESPACE = re.compile(r"\s+")
_ESCAPE = re.compile(r"\\(?:[pPN]\{[^}]*\}|.)", re.DOTALL)
_CACHED_DOCUMENTS = 4
_CANCEL_EVERY = 1024
"""Hits found between two looks at the cancel event."""

DEFAULT_TIMEOUT = 2.0
"""Seconds a regular expression may run (over the whole document) before it is given up."""


class SearchError(ValueError):
    """A query that cannot be searched for; the message is one line for the search bar."""


class SearchTimeout(SearchError):
    """A regular expression that ran out of time: "pattern too slow"."""

    def __init__(self, timeout: float) -> None:
        super().__init__(f"pattern too slow: gave up after {timeout:g} s")
        self.timeout = timeout


class SearchCancelled(SearchError):
    """The search was cancelled (its `cancel` event was set) before it finished."""

    def __init__(self) -> None:
        super().__init__("search cancelled")


@dataclass(frozen=True, slots=True)
class SearchOptions:
    """How to read a query; `case_sensitive=None` is smart case (any capital: exact case)."""

    regex: bool = False
    whole_word: bool = False
    case_sensitive: bool | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """One hit: `[start, end)` of `Document.text`, inside block `block`."""

    start: int
    end: int
    block: int


class Matches(Sequence[Match]):
    """Every hit of one search, sorted and non-overlapping.

    A common word has tens of thousands of hits, so only their offsets are
    kept; a `Match` is made when it is asked for.
    """

    def __init__(self, document: Document, starts: list[int], ends: list[int] | None, length: int) -> None:
        """`ends` is None when every hit is `length` characters long."""
        self._document = document
        self._starts = starts
        self._ends = ends
        self._length = length

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Match: ...

    @overload
    def __getitem__(self, index: slice) -> list[Match]: ...

    def __getitem__(self, index: int | slice) -> Match | list[Match]:
        if isinstance(index, slice):
            return [self._match(i) for i in range(*index.indices(len(self)))]
        return self._match(range(len(self))[index])

    def __iter__(self) -> Iterator[Match]:
        block_at = self._document.block_at
        ends = self._ends if self._ends is not None else (start + self._length for start in self._starts)
        for start, end in zip(self._starts, ends, strict=True):
            yield Match(start, end, block_at(start))

    def _match(self, index: int) -> Match:
        start = self._starts[index]
        end = self._ends[index] if self._ends is not None else start + self._length
        return Match(start, end, self._document.block_at(start))

    def first_at(self, offset: int) -> int | None:
        """Index of the first hit starting at or after `offset`; None if there is none."""
        index = bisect.bisect_left(self._starts, offset)
        return index if index < len(self._starts) else None


@dataclass(frozen=True, slots=True)
class _Query:
    """A compiled query and which folded copy of a text it must run on."""

    pattern: re.Pattern[str] | regex.Pattern[str]
    """`re` for literal text, `regex` (with a time limit) for a regular expression."""
    lowered: bool
    length: int | None
    """The length of every hit, when all hits are equally long."""
    may_cross_blocks: bool

    def haystack(self, text: FoldedText) -> str:
        return text.lowered if self.lowered else text.folded


def _is_case_sensitive(term: str, options: SearchOptions) -> bool:
    if options.case_sensitive is not None:
        return options.case_sensitive
    if options.regex:
        term = _ESCAPE.sub("", term)  # `\S` or `\W` is not a capital letter
    return any(char.isupper() for char in term)


def _literal(term: str, whole_word: bool) -> tuple[str, bool]:
    """The pattern for a literal term, and whether its hits may differ in length.

    Runs of dashes and dots match their typeset forms (`query_word_pattern`).
    A whole word is checked for a word character before it by a look-behind
    placed after its first word, not before it: a pattern that starts with
    the literal text is searched for many times faster by `re`.
    """
    split = _WHITESPACE.split(term)
    words = [query_word_pattern(word, first=i == 0, last=i == len(split) - 1) for i, word in enumerate(split)]
    patterns = [pattern for pattern, _ in words]
    widened = any(variable for _, variable in words)
    if not whole_word:
        return _SPACE.join(patterns), widened
    first, variable = words[0]
    patterns[0] = rf"(?<!\w){first}" if variable else rf"{first}(?<!\w{first})"
    return _SPACE.join(patterns) + r"(?!\w)", widened


def _compile_regex(term: str) -> str:
    import regex  # only for regular expressions: its import costs 3 MiB and ~10 ms

    source = fold(term)
    try:
        regex.compile(source)
    except regex.error as error:
        message, position = getattr(error, "msg", str(error)), getattr(error, "pos", None)
        where = f" at position {position}" if position is not None else ""
        raise SearchError(f"bad pattern: {message}{where} of {term!r}") from None
    return source


def _compile(terms: Iterable[str], options: SearchOptions) -> _Query | None:
    """One pattern finding any of `terms`; None when there is nothing to find.

    Literal terms are tried longest first, so `Napoleon Bonaparte` wins over
    `Napoleon` where both match.  When every term ignores case the pattern runs
    on the lower-cased text without `re.IGNORECASE`, which is several times faster.
    """
    if options.regex:
        cased = [(term, _is_case_sensitive(term, options)) for term in terms if term]
    else:
        stripped = (fold_query(term).strip() for term in terms)
        cased = sorted(
            ((term, _is_case_sensitive(term, options)) for term in stripped if term),
            key=lambda pair: -len(pair[0]),
        )
    if not cased:
        return None
    # Case is ignored by lower-casing (literal text), by a flag on the whole pattern
    # (a regex, which may begin with its own flags), or per term when terms differ.
    ignore_case = not any(sensitive for _, sensitive in cased)
    lowered = ignore_case and not options.regex
    sources = []
    widened = False
    for term, sensitive in cased:
        if options.regex:
            source = _compile_regex(term)
        else:
            source, variable = _literal(fold_case(term) if lowered else term, options.whole_word)
            widened = widened or variable
        sources.append(source if sensitive or ignore_case else f"(?i:{source})")
    source = sources[0] if len(sources) == 1 else "|".join(f"(?:{part})" for part in sources)
    if options.regex and options.whole_word:
        source = rf"(?<!\w)(?:{source})(?!\w)"
    pattern: re.Pattern[str] | regex.Pattern[str]
    if options.regex:
        import regex

        try:
            pattern = regex.compile(source, regex.IGNORECASE if ignore_case else 0)
        except regex.error as error:
            raise SearchError(f"bad pattern: {getattr(error, 'msg', error)}") from None
    else:
        try:
            pattern = re.compile(source)
        except re.error as error:
            raise SearchError(f"bad pattern: {error.msg}") from None
    single = cased[0][0]
    fixed = len(cased) == 1 and not options.regex and not widened and _WHITESPACE.search(single) is None
    return _Query(pattern, lowered, len(single) if fixed else None, options.regex)


_folded_documents: OrderedDict[int, tuple[Document, FoldedText]] = OrderedDict()
_folded_lock = threading.Lock()
"""Searches run in worker threads: the cache is only read and changed under this lock."""


def _folded(document: Document) -> FoldedText:
    """The folded copies of a document's text, kept for the last few documents searched."""
    key = id(document)
    with _folded_lock:
        cached = _folded_documents.get(key)
        if cached is not None and cached[0] is document and cached[1].text is document.text:
            _folded_documents.move_to_end(key)
            return cached[1]
        text = FoldedText(document.text)
        _folded_documents[key] = (document, text)
        if len(_folded_documents) > _CACHED_DOCUMENTS:
            _folded_documents.popitem(last=False)
        return text


def _within_one_block(document: Document, start: int, end: int) -> bool:
    return end <= document.blocks[document.block_at(start)].end


def search_terms(
    document: Document,
    terms: Iterable[str],
    options: SearchOptions = SearchOptions(),
    *,
    timeout: float = DEFAULT_TIMEOUT,
    cancel: threading.Event | None = None,
) -> Matches:
    """Every hit of any of `terms` (e.g. a glossary entry's title and aliases).

    A regular expression gives up with `SearchTimeout` after `timeout` seconds, and
    with `SearchCancelled` once `cancel` is set.
    """
    query = _compile(terms, options)
    if query is None or not document.blocks:
        return Matches(document, [], None, 0)
    haystack = query.haystack(_folded(document))
    if query.length is not None and isinstance(query.pattern, re.Pattern):  # one literal term
        starts = list(map(re.Match.start, query.pattern.finditer(haystack)))
        return Matches(document, starts, None, query.length)
    spans = [
        (start, end)
        for start, end in _spans(query, haystack, timeout, cancel)
        if start < end and (not query.may_cross_blocks or _within_one_block(document, start, end))
    ]
    return Matches(document, [start for start, _ in spans], [end for _, end in spans], 0)


def _spans(
    query: _Query, haystack: str, timeout: float, cancel: threading.Event | None
) -> Iterable[tuple[int, int]]:
    pattern = query.pattern
    if isinstance(pattern, re.Pattern):
        return map(re.Match.span, pattern.finditer(haystack))
    spans: list[tuple[int, int]] = []
    try:
        # The time limit covers the whole iteration, not each hit.
        for match in pattern.finditer(haystack, timeout=timeout):
            spans.append(match.span())
            if cancel is not None and len(spans) % _CANCEL_EVERY == 0 and cancel.is_set():
                raise SearchCancelled
    except TimeoutError:
        raise SearchTimeout(timeout) from None
    if cancel is not None and cancel.is_set():
        raise SearchCancelled
    return spans


def search(
    document: Document,
    query: str,
    options: SearchOptions = SearchOptions(),
    *,
    timeout: float = DEFAULT_TIMEOUT,
    cancel: threading.Event | None = None,
) -> Matches:
    """Every hit of `query` in `document`, sorted; an empty query finds nothing.

    Raises `SearchError` for a regular expression that does not compile, its subclass
    `SearchTimeout` for one that runs longer than `timeout` seconds, and
    `SearchCancelled` once `cancel` is set.
    """
    return search_terms(document, [query], options, timeout=timeout, cancel=cancel)


def entry_named(glossary: Glossary, query: str) -> Entry | None:
    """The entry titled `query`, else one with it as an alias, names compared by `name_key`
    (ignoring case, accents, quote and dash styles, spacing).

    Titles are tried first, as `Glossary.lookup` does: a title beats another entry's alias.
    """
    key = name_key(query)
    if not key:
        return None
    titled = (entry for entry in glossary.entries if name_key(entry.title) == key)
    aliased = (entry for entry in glossary.entries if any(name_key(alias) == key for alias in entry.aliases))
    return next(chain(titled, aliased), None)


def match_entries(
    glossary: Glossary,
    query: str,
    options: SearchOptions = SearchOptions(),
    *,
    timeout: float = DEFAULT_TIMEOUT,
    cancel: threading.Event | None = None,
) -> list[Entry]:
    """Entries the query finds: the entry it names, then others by title or alias, then by text.

    `timeout` bounds a regular expression over all entries together.
    """
    compiled = _compile([query], options)
    if compiled is None:
        return []
    deadline = time.monotonic() + timeout

    def finds(texts: Iterable[str]) -> bool:
        for text in texts:
            haystack = compiled.haystack(FoldedText(text))
            pattern = compiled.pattern
            if isinstance(pattern, re.Pattern):
                if pattern.search(haystack):
                    return True
                continue
            if cancel is not None and cancel.is_set():
                raise SearchCancelled
            try:
                if pattern.search(haystack, timeout=max(0.0, deadline - time.monotonic())):
                    return True
            except TimeoutError:
                raise SearchTimeout(timeout) from None
        return False

    exact = None if options.regex else entry_named(glossary, query)
    others = [entry for entry in glossary.entries if entry is not exact]
    by_name = [entry for entry in others if finds(entry.names)]
    named = {id(entry) for entry in by_name}
    by_text = [entry for entry in others if id(entry) not in named and finds((entry.summary, entry.body))]
    return ([exact] if exact is not None else []) + by_name + by_text
