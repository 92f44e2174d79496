"""`name_key`, the one comparison of names, and `rank_entries`, the index's order."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.glossary.model import Entry, Glossary, rank_entries
from reader.core.names import name_key
from reader.core.search import entry_named


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Russo-Ukrainian War", "Russo\u2013Ukrainian War"),  # en dash
        ("Russo-Ukrainian War", "Russo\u2014Ukrainian War"),  # em dash
        ("Russo-Ukrainian War", "Russo\u2010Ukrainian War"),  # Unicode hyphen
        ("Russo-Ukrainian War", "Russo\u2212Ukrainian War"),  # minus sign
        ("Russo-Ukrainian War", "Russo\u2011Ukrainian War"),  # non-breaking hyphen
        ("People's Republic", "People\u2019s Republic"),
        ("People's Republic", "People\u02bcs Republic"),
        ("People's Republic", "People`s Republic"),
        ("People's Republic", "People\u00b4s Republic"),
        ('"Red" Army', "\u201cRed\u201d Army"),
        ("Nicolas Maduro", "Nicolás Maduro"),
        ("Nicolas Maduro", "Nicola\u0301s Maduro"),  # decomposed accent (macOS file names)
        ("Lodz", "Łódź"),
        ("USA", "ＵＳＡ"),  # full-width letters
        ("Strasse", "Straße"),
        ("Iran", "  IRAN\t"),
        ("Red Army", "red \n  army"),
    ],
)
def test_spellings_of_one_name_have_one_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(("one", "other"), [("Iran", "Iraq"), ("Red Army", "RedArmy"), ("US", "USA")])
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


def test_key_is_trimmed_single_spaced_and_case_folded() -> None:
    assert name_key("  The   Kremlin \n") == "the kremlin"


def entry(title: str, *aliases: str) -> Entry:
    return Entry(title, Path(f"{title}.md"), "place", aliases=aliases)


def vault(*entries: Entry) -> Glossary:
    return Glossary(root=None, entries=sorted(entries, key=lambda e: e.title.casefold()))


def test_lookup_and_entry_named_agree_on_every_dash_and_quote() -> None:
    glossary = vault(entry("Russo-Ukrainian War", "Russia-Ukraine war"), entry("People's Republic of China"))
    war, china = glossary.entries[1], glossary.entries[0]
    for query, expected in [
        ("Russo\u2013Ukrainian War", war),
        ("russia\u2014ukraine  WAR", war),
        ("People\u2019s Republic of China", china),
        ("peoples republic of china", None),
    ]:
        assert glossary.lookup(query) is expected, query
        assert entry_named(glossary, query) is expected, query


def titles(entries: list[Entry]) -> list[str]:
    return [e.title for e in entries]


def test_an_exact_title_ranks_before_an_alias_that_starts_with_it() -> None:
    glossary = vault(
        entry("Alexander III of Russia", "Tsar Alexander III"),
        entry("Russia", "Russian Federation"),
        entry("Russian invasion of Ukraine"),
        entry("Soviet Russia"),
    )
    assert titles(rank_entries(glossary, "russia")) == [
        "Russia",
        "Russian invasion of Ukraine",
        "Alexander III of Russia",
        "Soviet Russia",
    ]


def test_ranks_exact_title_then_exact_alias_then_prefix_then_word_then_substring() -> None:
    glossary = vault(
        entry("Kyiv", "Kiev"),
        entry("Kievan Rus"),
        entry("Kiev Pechersk Lavra"),
        entry("Battle of Kiev"),
        entry("Makiev"),
        entry("Ukraine"),
        entry("Ki", "Kiev"),  # two entries share the alias: glossary order between them
    )
    assert titles(rank_entries(glossary, "kiev")) == [
        "Ki",
        "Kyiv",
        "Kiev Pechersk Lavra",
        "Kievan Rus",
        "Battle of Kiev",
        "Makiev",
    ]
    assert titles(rank_entries(glossary, "KI")) == [
        "Ki",
        "Kiev Pechersk Lavra",
        "Kievan Rus",
        "Kyiv",
        "Battle of Kiev",
        "Makiev",
    ]


def test_ranking_ignores_accents_dashes_and_spacing() -> None:
    glossary = vault(entry("Nicolás Maduro"), entry("Iran-Iraq War", "Imposed War"))
    assert titles(rank_entries(glossary, "nicolas")) == ["Nicolás Maduro"]
    assert titles(rank_entries(glossary, "iran\u2013iraq   war")) == ["Iran-Iraq War"]
    assert titles(rank_entries(glossary, "war")) == ["Iran-Iraq War"]


def test_empty_query_ranks_every_entry_in_order_and_no_match_ranks_none() -> None:
    glossary = vault(entry("Iran"), entry("Iraq"))
    assert titles(rank_entries(glossary, "")) == ["Iran", "Iraq"]
    assert rank_entries(glossary, "Atlantis") == []
