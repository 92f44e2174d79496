"""Search that cannot freeze: a time limit, cancellation, the GIL released, a safe cache."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader.core.document import Document
from reader.core.glossary.model import Entry, Glossary
from reader.core.loading import load_document
from reader.core.plaintext import parse_plain_text
from reader.core.search import (
    DEFAULT_TIMEOUT,
    SearchCancelled,
    SearchError,
    SearchOptions,
    SearchTimeout,
    match_entries,
    search,
)

ROOT = Path(__file__).resolve().parents[2]
REGEX = SearchOptions(regex=True)
CATASTROPHIC = "(a+)+$"


@pytest.fixture(scope="module")
def aaaa() -> Document:
    """A line of 5,000 a's and a b: `(a+)+$` backtracks through every split of the a's."""
    return parse_plain_text("Intro.\n\n" + "a" * 5000 + "b\n\nOutro.")


def test_a_catastrophic_pattern_gives_up_within_its_limit(aaaa: Document) -> None:
    with pytest.raises(SearchTimeout) as caught:
        search(aaaa, CATASTROPHIC, REGEX, timeout=0.5)
    assert str(caught.value) == "pattern too slow: gave up after 0.5 s"
    assert isinstance(caught.value, SearchError)


def test_the_default_limit_is_two_seconds() -> None:
    assert DEFAULT_TIMEOUT == 2.0


def test_the_cli_says_pattern_too_slow_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "aaaa.txt"
    path.write_text("a" * 5000 + "b\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "search", CATASTROPHIC, str(path), "--regex"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "reader: pattern too slow: gave up after 2 s\n"


def test_the_gil_is_released_while_a_pattern_runs(aaaa: Document) -> None:
    started = threading.Event()
    outcome: list[BaseException] = []

    def slow() -> None:
        started.set()
        try:
            # A limit far beyond the few milliseconds of work below, even on a loaded machine.
            search(aaaa, CATASTROPHIC, REGEX, timeout=3.0)
        except SearchTimeout as error:
            outcome.append(error)

    worker = threading.Thread(target=slow)
    worker.start()
    started.wait()
    # Python work on this thread: were the GIL held while the pattern runs, none of it
    # could happen before the worker gave up.
    total = sum(range(200_000))
    for _ in range(20):
        time.sleep(0.001)
    still_running = worker.is_alive()
    worker.join()
    assert total > 0 and still_running
    assert isinstance(outcome[0], SearchTimeout)


def test_a_cancelled_search_stops(war_and_peace: Document) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(SearchCancelled):
        search(war_and_peace, r"\w+", REGEX, cancel=cancel)
    with pytest.raises(SearchCancelled):
        search(war_and_peace, "zzzz-no-such-text", REGEX, cancel=cancel)


def test_a_search_not_cancelled_finds_everything(war_and_peace: Document) -> None:
    found = search(war_and_peace, r"Napoleon\b", REGEX, cancel=threading.Event())
    assert len(found) == len(search(war_and_peace, "Napoleon", SearchOptions(whole_word=True)))


def test_entries_are_searched_within_the_limit() -> None:
    entry = Entry(title="Zed", path=Path("Zed.md"), kind="idea", summary="a" * 5000 + "b")
    glossary = Glossary(None, [entry])
    with pytest.raises(SearchTimeout):
        match_entries(glossary, CATASTROPHIC, REGEX, timeout=0.3)


def test_a_literal_phrase_over_long_runs_of_spaces_is_linear() -> None:
    """`(?=\\s)[^\\S\\n]*\\n?[^\\S\\n]*` between words was quadratic in a run of spaces:
    three runs of 50,000 took about 12 s."""
    document = parse_plain_text("Intro.\n\n" + ("word" + " " * 50_000 + "other ") * 3)
    started = time.monotonic()
    assert len(search(document, "word next")) == 0
    assert len(search(document, "word other")) == 3
    assert time.monotonic() - started < 1


def test_the_folded_cache_is_safe_across_threads() -> None:
    # More documents than the cache holds, searched from several threads at once.
    essay = load_document()
    documents = [dataclasses.replace(essay) for _ in range(6)]
    expected = len(search(essay, "Iran"))
    assert expected > 10
    errors: list[BaseException] = []
    counts: list[int] = []
    go = threading.Barrier(8)

    def work(offset: int) -> None:
        go.wait()
        try:
            for step in range(60):
                counts.append(len(search(documents[(offset + step) % len(documents)], "Iran")))
        except BaseException as error:  # any exception here is the failure being tested for
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert counts == [expected] * (8 * 60)


@pytest.fixture(scope="module")
def war_and_peace(war_and_peace_path: Path) -> Document:
    return load_document(war_and_peace_path)
