"""The glossary's queries: lookup by title or alias, links, backlinks, kinds, timeline."""

from __future__ import annotations

from pathlib import Path

from reader.core.glossary.model import Entry, Glossary, Problem, Severity, WikiLink


def make(title: str, kind: str = "place", **fields: object) -> Entry:
    return Entry(title, Path(f"{title}.md"), kind, **fields)  # type: ignore[arg-type]


IRAN = make("Iran", aliases=("Persia", "Iranian"), start="1979", links=(WikiLink("Russia"),))
RUSSIA = make("Russia", aliases=("Russia\u2019s Federation",), links=(WikiLink("persia"), WikiLink("Russia")))
COUP = make("1953 Iranian coup", "event", date="1953-08-19", links=(WikiLink("IRAN", label="x"),))
TROTSKY = make("Leon Trotsky", "person", start="1917-11", end="1925")
ODD = make("Odd", "other", aliases=("Iran",))
GLOSSARY = Glossary(Path("vault"), [COUP, IRAN, TROTSKY, ODD, RUSSIA])


def test_lookup_by_title_or_alias_ignoring_case_and_apostrophes() -> None:
    assert GLOSSARY.lookup("iran") is IRAN
    assert GLOSSARY.lookup(" PERSIA ") is IRAN
    assert GLOSSARY.lookup("Russia's federation") is RUSSIA
    assert GLOSSARY.lookup("Atlantis") is None


def test_a_title_wins_over_another_entrys_alias() -> None:
    assert GLOSSARY.lookup("Iran") is IRAN


def test_resolve() -> None:
    assert GLOSSARY.resolve(WikiLink("persia", heading="History")) is IRAN
    assert GLOSSARY.resolve(WikiLink("Nowhere")) is None


def test_backlinks_exclude_self_links() -> None:
    assert GLOSSARY.backlinks(IRAN) == [COUP, RUSSIA]
    assert GLOSSARY.backlinks(RUSSIA) == [IRAN]
    assert GLOSSARY.backlinks(TROTSKY) == []


def test_by_kind_in_kind_order() -> None:
    assert GLOSSARY.by_kind() == {
        "person": [TROTSKY],
        "place": [IRAN, RUSSIA],
        "event": [COUP],
        "other": [ODD],
    }


def test_timeline_orders_dated_entries() -> None:
    assert GLOSSARY.timeline() == [TROTSKY, COUP, IRAN]


def test_names_and_sort_date() -> None:
    assert IRAN.names == ("Iran", "Persia", "Iranian")
    assert (COUP.sort_date, TROTSKY.sort_date, RUSSIA.sort_date) == ("1953-08-19", "1917-11", None)
    assert WikiLink("Iran", label="the country").text == "the country"
    assert WikiLink("Iran").text == "Iran"


def test_empty() -> None:
    empty = Glossary.empty()
    assert (empty.root, len(empty), empty.lookup("Iran"), empty.timeline()) == (None, 0, None, [])


def test_problem_reads_like_a_compiler_message() -> None:
    assert str(Problem(Severity.ERROR, Path("g/A.md"), "bad", 3)) == "g/A.md:3: error: bad"
    assert str(Problem(Severity.WARNING, Path("g/A.md"), "meh")) == "g/A.md: warning: meh"
