"""Searching War and Peace: a rare name, the commonest word, and typing a name key by key.

Each figure stands beside `grep -c` of the same word over the same file, run
as a subprocess in the same run (so it includes starting grep, as a shell user
would).  The book is folded once per document; the first figure is that
first, cold search, the others reuse the folded copy, as the app does.
"""

from __future__ import annotations

import dataclasses
import subprocess
import time
from collections.abc import Iterator

from benchmarks.common import WAR_AND_PEACE, Figure, median_ms
from reader.core.document import Document
from reader.core.loading import load_document
from reader.core.search import search

NAME = "Napoleon"
COMMON_WORD = "the"


def _grep_count(*flags_and_word: str) -> None:
    subprocess.run(["grep", "-c", *flags_and_word, str(WAR_AND_PEACE)], stdout=subprocess.DEVNULL, check=True)


def _slowest_keystroke(document: Document, word: str) -> float:
    """The longest single search while `word` is typed one letter at a time, in ms."""
    slowest = 0.0
    for length in range(1, len(word) + 1):
        start = time.perf_counter()
        search(document, word[:length])
        slowest = max(slowest, (time.perf_counter() - start) * 1000)
    return slowest


def _median_slowest_keystroke(document: Document, word: str, runs: int) -> float:
    return sorted(_slowest_keystroke(document, word) for _ in range(runs))[runs // 2]


def figures(runs: int) -> list[Figure]:
    document = load_document(WAR_AND_PEACE)
    # Fresh copies of the document: each finds no folded text cached and folds the book.
    fresh: Iterator[Document] = iter([dataclasses.replace(document) for _ in range(runs)])
    grep_name = median_ms(lambda: _grep_count(NAME), runs)
    cold = median_ms(lambda: search(next(fresh), NAME), runs)
    return [
        Figure(
            name=f"first search of {NAME!r} (folds the book)",
            value=cold,
            baseline_name=f"grep -c {NAME}",
            baseline=grep_name,
        ),
        Figure(
            name=f"all {len(search(document, NAME))} matches of {NAME!r}",
            value=median_ms(lambda: search(document, NAME), runs),
            baseline_name=f"grep -c {NAME}",
            baseline=grep_name,
            target="< 50 ms",
        ),
        Figure(
            name=f"all {len(search(document, COMMON_WORD))} matches of {COMMON_WORD!r} (any case)",
            value=median_ms(lambda: search(document, COMMON_WORD), runs),
            baseline_name=f"grep -c -i {COMMON_WORD}",
            baseline=median_ms(lambda: _grep_count("-i", COMMON_WORD), runs),
            target="< 50 ms",
        ),
        Figure(
            name=f"slowest keystroke typing {NAME!r}",
            value=_median_slowest_keystroke(document, NAME, runs),
            baseline_name=f"grep -c {NAME}",
            baseline=grep_name,
            target="< 30 ms",
        ),
    ]
