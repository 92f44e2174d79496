"""Finding a bookmarked passage again after its document was edited.

A bookmark anchors its passage the way the W3C Web Annotation model does: a
TextPositionSelector (`start`, `end`) and a TextQuoteSelector (the `exact` text
with up to 32 characters of `prefix` and `suffix`).  Positions break as soon as
anything before the passage changes; the quote survives that, and a fuzzy match
on the quote survives the passage itself being reworded.

Nothing moves silently.  `reanchor` returns an `Anchor` that is `changed` unless
the quote was found verbatim with the text on at least one side as it was; the
caller keeps the selector it had and shows the flag.  When nothing is close
enough, or two places are about equally close (a near-twin paragraph), or the
best place would be the passage's old neighbour (the paragraph that followed a
deleted one), it returns None and the caller keeps the bookmark as an orphan
rather than guessing.  A short quote with half its words changed is never
matched: at least `_MIN_WORD_SIMILARITY` of its words must be found in order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT = 32
"""Characters of prefix and suffix kept with each quote."""

# How candidates are weighed (after the Hypothesis annotation client): the quote matters most,
# its context next, closeness to the old position only breaks ties.
_QUOTE_WEIGHT = 0.55
_CONTEXT_WEIGHT = 0.2
_POSITION_WEIGHT = 0.05
# A candidate is accepted when the quote itself is close, or when it is fairly close
# and the text on both sides confirms the place.
_CLOSE_QUOTE = 0.75
_FAIR_QUOTE = 0.5
_CONFIRMING_CONTEXT = 0.75

_PIECES = 16
"""At most this many exact pieces of the quote are looked for to find candidate places."""
_MAX_PIECE_HITS = 50
"""A piece found more often than this says nothing about where the passage went."""
_MAX_REGIONS = 8
"""At most this many candidate places are aligned with the quote (the slow part)."""
_EVIDENCE = 12
"""A matching run this long (in characters) places the passage; shorter ones may be chance."""
_CONTEXT_PIECE = CONTEXT // 2
"""Characters of the prefix's end (or the suffix's start) looked for to find the edges."""
_MIN_CONTEXT_PIECE = 3
_CHARACTER_LIMIT = 300
"""Quotes longer than this are aligned word by word."""
_WORD = re.compile(r"\w+|[^\w\s]")
_MIN_WORD_SIMILARITY = 0.7
"""A place whose words agree less than this with the quote's is another passage: one word
of two (`northern district`, `southern district`) or of three changed is too much."""
_AMBIGUOUS_MARGIN = 0.05
"""Two places scoring closer than this: neither is trusted (a near-twin elsewhere)."""
_EXACT_CANDIDATES = 8
"""Occurrences of the verbatim quote weighed as candidates, those in the likeliest context first."""
_NEIGHBOUR_PIECE = 12
"""Characters of the old context looked for inside a candidate: finding them there means
the candidate is the neighbouring passage, not this one."""


@dataclass(frozen=True, slots=True)
class Selector:
    """A passage as a position and a quote with its context, in one text."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def select(text: str, start: int, end: int) -> Selector:
    """The selectors for `text[start:end]`."""
    return Selector(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
    )


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a passage is in a text now: `text[start:end]`."""

    start: int
    end: int
    changed: bool = False
    """Not found verbatim in its context: the passage was reworded, or its quote was found
    elsewhere without the text that surrounded it.  The reader should check it."""


def reanchor(text: str, old: Selector) -> Anchor | None:
    """Where `old`'s passage is in `text` now, or None when it can no longer be found, or
    not without guessing."""
    if not old.exact:
        return None
    if select(text, old.start, old.end) == old:
        return Anchor(old.start, old.end)
    exacts = _exact_candidates(text, old)
    # The quote verbatim, with the text on at least one side as it was: that is the passage
    # (an edit right beside it must not pull the neighbouring text in).  Otherwise it may be
    # the same words elsewhere, and a reworded passage in the right place can beat it.
    if exacts and max(exacts[0].prefix, exacts[0].suffix) >= _CONFIRMING_CONTEXT:
        return Anchor(exacts[0].start, exacts[0].end)
    candidates = sorted(
        (
            candidate
            for candidate in (*exacts, *_fuzzy_candidates(text, old))
            if candidate.acceptable and _plausible(text, old, candidate)
        ),
        key=lambda candidate: -candidate.score,
    )
    if not candidates:
        return None
    best = candidates[0]
    rival = next((c for c in candidates[1:] if c.end <= best.start or c.start >= best.end), None)
    if rival is not None and best.score - rival.score < _AMBIGUOUS_MARGIN:
        return None
    return Anchor(best.start, best.end, changed=True)


def _plausible(text: str, old: Selector, candidate: _Candidate) -> bool:
    """Enough of the quote's words, and not the passage that stood beside it."""
    found = text[candidate.start : candidate.end]
    if found != old.exact and _word_similarity(old.exact, found) < _MIN_WORD_SIMILARITY:
        return False
    after = old.suffix.lstrip()[:_NEIGHBOUR_PIECE]
    before = old.prefix.rstrip()[-_NEIGHBOUR_PIECE:]
    return not any(
        len(piece) == _NEIGHBOUR_PIECE and piece not in old.exact and piece in found
        for piece in (after, before)
    )


def _word_similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, _WORD.findall(a), _WORD.findall(b), autojunk=False).ratio()


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    quote: float
    prefix: float
    suffix: float
    distance: float

    @property
    def score(self) -> float:
        return (
            _QUOTE_WEIGHT * self.quote
            + _CONTEXT_WEIGHT * (self.prefix + self.suffix)
            + _POSITION_WEIGHT * (1.0 - self.distance)
        )

    @property
    def context_confirms(self) -> bool:
        return self.prefix >= _CONFIRMING_CONTEXT and self.suffix >= _CONFIRMING_CONTEXT

    @property
    def acceptable(self) -> bool:
        return self.quote >= _CLOSE_QUOTE or (self.quote >= _FAIR_QUOTE and self.context_confirms)


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _candidate(text: str, old: Selector, start: int, end: int, quote: float) -> _Candidate:
    return _Candidate(
        start=start,
        end=end,
        quote=quote,
        prefix=_similarity(old.prefix, text[max(0, start - len(old.prefix)) : start]),
        suffix=_similarity(old.suffix, text[end : end + len(old.suffix)]),
        distance=abs(start - old.start) / max(len(text), 1),
    )


def _shared_tail(a: str, b: str) -> int:
    count = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        count += 1
    return count


def _shared_head(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _exact_candidates(text: str, old: Selector) -> list[_Candidate]:
    """The occurrences of the exact quote, those whose context agrees best (then the
    nearest the old place) first."""
    keyed: list[tuple[int, int, int]] = []
    size = len(old.exact)
    found = text.find(old.exact)
    while found >= 0:
        agreement = _shared_tail(old.prefix, text[max(0, found - CONTEXT) : found]) + _shared_head(
            old.suffix, text[found + size : found + size + CONTEXT]
        )
        keyed.append((-agreement, abs(found - old.start), found))
        found = text.find(old.exact, found + 1)
    best = sorted(keyed)[:_EXACT_CANDIDATES]
    return [_candidate(text, old, start, start + size, 1.0) for _, _, start in best]


def _occurrences(text: str, piece: str) -> list[int] | None:
    """Where `piece` occurs, or None when it occurs too often to be telling."""
    hits: list[int] = []
    found = text.find(piece)
    while found >= 0:
        if len(hits) == _MAX_PIECE_HITS:
            return None
        hits.append(found)
        found = text.find(piece, found + 1)
    return hits


def _estimated_starts(text: str, old: Selector) -> Counter[int]:
    """Votes for where the passage might start now, from exact pieces of it and its context."""
    size = len(old.exact)
    votes: Counter[int] = Counter({min(old.start, len(text)): 1})
    length = max(4, min(CONTEXT, size // 4))
    if size >= length:
        count = min(_PIECES, size // length)
        step = (size - length) / max(count - 1, 1)
        for index in range(count):
            offset = round(index * step)
            for hit in _occurrences(text, old.exact[offset : offset + length]) or ():
                votes[hit - offset] += 1
    tail = old.prefix[-_CONTEXT_PIECE:]
    if len(tail) >= _MIN_CONTEXT_PIECE:
        for hit in _occurrences(text, tail) or ():
            votes[hit + len(tail)] += 1
    head = old.suffix[:_CONTEXT_PIECE]
    if len(head) >= _MIN_CONTEXT_PIECE:
        for hit in _occurrences(text, head) or ():
            votes[hit - size] += 1
    return votes


def _regions(votes: Counter[int], slack: int) -> list[tuple[int, int]]:
    """Nearby estimates merged into (first, last) ranges, the best supported first."""
    merged: list[tuple[int, int, int]] = []
    for start in sorted(votes):
        if merged and start - merged[-1][1] <= slack:
            first, _, weight = merged[-1]
            merged[-1] = (first, start, weight + votes[start])
        else:
            merged.append((start, start, votes[start]))
    merged.sort(key=lambda region: -region[2])
    return [(first, last) for first, last, _ in merged[:_MAX_REGIONS]]


def _fuzzy_candidates(text: str, old: Selector) -> list[_Candidate]:
    """Close matches of the quote around the places its pieces and context point to."""
    size = len(old.exact)
    slack = max(CONTEXT, size // 4)
    quote = _Tokens(old.exact, words=size > _CHARACTER_LIMIT)
    candidates = []
    for first, last in _regions(_estimated_starts(text, old), slack):
        low = max(0, first - slack)
        span = quote.align(_Tokens(text[low : min(len(text), last + size + slack)], words=quote.words))
        if span is None:
            continue
        start, end = _snap(text, old, *_refine(text, old, low + span[0], low + span[1], slack))
        if start < end:
            similarity = quote.similarity(_Tokens(text[start:end], words=quote.words))
            candidates.append(_candidate(text, old, start, end, similarity))
    return candidates


class _Tokens:
    """A string as the units to align: characters for short quotes, words and marks for
    long ones (aligning thousands of characters one by one is far too slow)."""

    def __init__(self, text: str, *, words: bool) -> None:
        self.text = text
        self.words = words
        self.items: Sequence[str]
        self.starts: Sequence[int]
        self.ends: Sequence[int]
        if words:
            matches = list(_WORD.finditer(text))
            self.items = [match.group() for match in matches]
            self.starts = [match.start() for match in matches]
            self.ends = [match.end() for match in matches]
        else:
            self.items, self.starts, self.ends = text, range(len(text)), range(1, len(text) + 1)

    def similarity(self, other: _Tokens) -> float:
        return SequenceMatcher(None, self.items, other.items, autojunk=False).ratio()

    def align(self, window: _Tokens) -> tuple[int, int] | None:
        """Where this quote lies in `window`, in characters, or None when nothing matches.

        The edges are extrapolated from the outermost runs that match substantially, so
        a stray word matching somewhere in the slack around the passage cannot stretch it.
        """
        matcher = SequenceMatcher(None, self.items, window.items, autojunk=False)
        evidence = min(_EVIDENCE, max(1, len(self.text) // 2))
        runs = [
            run
            for run in matcher.get_matching_blocks()
            if run.size and self.ends[run.a + run.size - 1] - self.starts[run.a] >= evidence
        ]
        if not runs:
            return None
        first, last = runs[0], runs[-1]
        start = window.starts[first.b] - self.starts[first.a]
        end = window.ends[last.b + last.size - 1] + len(self.text) - self.ends[last.a + last.size - 1]
        return max(0, start), min(len(window.text), end)


def _refine(text: str, old: Selector, start: int, end: int, slack: int) -> tuple[int, int]:
    """Move the edges to where the remembered context ends and begins, when it is found nearby."""
    tail = old.prefix[-_CONTEXT_PIECE:]
    head = old.suffix[:_CONTEXT_PIECE]
    refined_start, refined_end = start, end
    if len(tail) >= _MIN_CONTEXT_PIECE:
        found = _nearest(text, tail, start - len(tail), slack)
        if found is not None:
            refined_start = found + len(tail)
    if len(head) >= _MIN_CONTEXT_PIECE:
        found = _nearest(text, head, end, slack)
        if found is not None:
            refined_end = found
    return (refined_start, refined_end) if refined_start < refined_end else (start, end)


def _nearest(text: str, piece: str, around: int, slack: int) -> int | None:
    """The occurrence of `piece` starting nearest `around`, at most `slack` away."""
    low = max(0, around - slack)
    hits = []
    found = text.find(piece, low, around + slack + len(piece))
    while found >= 0:
        hits.append(found)
        found = text.find(piece, found + 1, around + slack + len(piece))
    return min(hits, key=lambda hit: abs(hit - around)) if hits else None


def _snap(text: str, old: Selector, start: int, end: int) -> tuple[int, int]:
    """Widen a match to whole words where the original passage began and ended on word edges."""
    if old.exact[:1].isalnum() and not old.prefix[-1:].isalnum():
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    if old.exact[-1:].isalnum() and not old.suffix[:1].isalnum():
        while end < len(text) and text[end].isalnum():
            end += 1
    return start, end
