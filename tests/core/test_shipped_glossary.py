"""The vault we ship with the essay: it checks clean and covers the essay."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.glossary.check import check_vault
from reader.core.glossary.linker import find_mentions, mentions_by_title
from reader.core.glossary.model import Glossary
from reader.core.glossary.vault import load_glossary
from reader.core.loading import load_document
from reader.core.resources import shipped_glossary_dir


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_glossary(shipped_glossary_dir())


def test_checks_clean_with_the_essay(shipped: Glossary, essay_path: Path) -> None:
    problems = check_vault(shipped, load_document(essay_path))
    assert [str(problem) for problem in problems] == []


def test_every_entry_is_mentioned_in_the_essay(shipped: Glossary, essay_path: Path) -> None:
    mentioned = mentions_by_title(find_mentions(load_document(essay_path), shipped))
    assert [entry.title for entry in shipped.entries if entry.title not in mentioned] == []


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Mossadegh", "Mohammad Mosaddegh"),
        ("Mohammed Mossadegh", "Mohammad Mosaddegh"),
        ("Maidan", "Euromaidan"),
        ("Maidan uprising", "Euromaidan"),
        ("Soviet Republic of Gilan", "Persian Socialist Soviet Republic"),
        ("Persian Soviet Socialist Republic", "Persian Socialist Soviet Republic"),
        ("Russo\u2013Ukrainian War", "Russo-Ukrainian War"),
        ("iran\u2013iraq war", "Iran-Iraq War"),
        ("Tsar Alexander III", "Alexander III of Russia"),
        ("Nicolas Maduro", "Nicolás Maduro"),
    ],
)
def test_essay_names_resolve(shipped: Glossary, name: str, title: str) -> None:
    entry = shipped.lookup(name)
    assert entry is not None and entry.title == title


def test_every_entry_has_a_kind_and_links_to_two_others(shipped: Glossary) -> None:
    assert [e.title for e in shipped.entries if e.kind == "other"] == []
    assert [e.title for e in shipped.entries if len({link.target for link in e.links}) < 2] == []
