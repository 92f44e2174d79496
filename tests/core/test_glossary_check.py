"""`check_vault`: each kind of problem, on small vaults written to a temporary folder."""

from __future__ import annotations

from pathlib import Path

from reader.core.document import BlockKind, Document, DocumentBuilder
from reader.core.glossary.check import check_vault
from reader.core.glossary.linker import find_mentions
from reader.core.glossary.model import Problem
from reader.core.glossary.vault import load_glossary


def write(root: Path, name: str, text: str) -> None:
    (root / name).write_text(text, encoding="utf-8")


def lines(problems: list[Problem]) -> list[str]:
    return [f"{p.path.name}:{p.line}: {p.severity.value}: {p.message}" for p in problems]


def essay(text: str) -> Document:
    builder = DocumentBuilder()
    builder.add(BlockKind.PARAGRAPH, text)
    return builder.build("essay", source=Path("essay.txt"))


def test_clean_vault_has_no_problems(tmp_path: Path) -> None:
    write(
        tmp_path, "Iran.md", "---\naliases: [Persia]\ntags: [place]\n---\nNext to [[Iraq|its neighbour]].\n"
    )
    write(tmp_path, "Iraq.md", "---\ntags: [place]\n---\nNext to [[persia]].\n")
    glossary = load_glossary(tmp_path)
    assert check_vault(glossary) == []
    assert check_vault(glossary, essay("Iran and Iraq.")) == []


def test_broken_link_with_file_line_and_suggestion(tmp_path: Path) -> None:
    write(tmp_path, "Iran.md", "---\ntags: [place]\n---\nOne.\n\nNext to [[Irak]] and [[Atlantis]].\n")
    write(tmp_path, "Iraq.md", "---\ntags: [place]\n---\nx\n")
    assert lines(check_vault(load_glossary(tmp_path))) == [
        "Iran.md:6: error: wiki-link [[Irak]] matches no entry (did you mean [[Iraq]]?)",
        "Iran.md:6: error: wiki-link [[Atlantis]] matches no entry",
    ]


def test_alias_claimed_by_two_entries(tmp_path: Path) -> None:
    write(tmp_path, "Georgia (country).md", "---\ntags: [place]\naliases: [Georgia]\n---\nx\n")
    write(tmp_path, "Georgia (state).md", "---\ntags: [place]\n\naliases: [georgia]\n---\nx\n")
    write(tmp_path, "Tbilisi.md", "---\ntags: [place]\naliases: [Georgia (country)]\n---\nx\n")
    assert lines(check_vault(load_glossary(tmp_path))) == [
        "Georgia (state).md:4: error: alias 'georgia' is already a name of 'Georgia (country)'",
        # A name written in lower case, and a frequent word: it would link in "georgia pine".
        "Georgia (state).md:4: warning: alias 'georgia' is an ordinary word: "
        "it links wherever prose uses it (drop it or be specific)",
        "Tbilisi.md:3: error: alias 'Georgia (country)' is already a name of 'Georgia (country)'",
    ]


def test_loading_problems_are_included(tmp_path: Path) -> None:
    write(tmp_path, "A.md", "---\ntags: [idea]\nwhen: 1953\ndate: 19533\n---\nx\n")
    assert lines(check_vault(load_glossary(tmp_path))) == [
        "A.md:3: warning: unknown key 'when'",
        "A.md:4: error: date: 19533 is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    ]


def test_entries_never_mentioned_are_warnings(tmp_path: Path) -> None:
    write(tmp_path, "Iran.md", "---\ntags: [place]\n---\nx\n")
    write(tmp_path, "Chad.md", "---\ntags: [place]\n---\nx\n")
    glossary = load_glossary(tmp_path)
    document = essay("Only Iran here.")
    expected = ["Chad.md:0: warning: never mentioned in essay.txt (by title or alias)"]
    assert lines(check_vault(glossary, document)) == expected
    assert lines(check_vault(glossary, document, find_mentions(document, glossary))) == expected


def test_names_the_linker_cannot_find(tmp_path: Path) -> None:
    write(tmp_path, "MeToo.md", "---\ntags: [event]\naliases: ['#MeToo', Me Too]\n---\nx\n")
    assert lines(check_vault(load_glossary(tmp_path))) == [
        "MeToo.md:0: warning: '#MeToo' never links: names must start with a letter or digit"
    ]


def test_aliases_of_ordinary_words_warn(tmp_path: Path) -> None:
    write(
        tmp_path,
        "Attacks.md",
        "---\ntags: [event]\n"
        "aliases: [energy infrastructure, Energy Strikes, 1953 coup, regime-change]\n---\nx\n",
    )
    write(tmp_path, "Quote.md", "---\ntags: [quote]\naliases: [two allies, Two Allies]\n---\nx\n")
    write(tmp_path, "Proxy war.md", "---\ntags: [idea]\naliases: [proxy conflict, war]\n---\nx\n")
    assert lines(check_vault(load_glossary(tmp_path))) == [
        "Attacks.md:3: warning: alias 'energy infrastructure' is a phrase of ordinary words: "
        "it links wherever prose uses it (drop it or be specific)",
        "Attacks.md:3: warning: alias 'regime-change' is a phrase of ordinary words: "
        "it links wherever prose uses it (drop it or be specific)",
        "Proxy war.md:3: warning: alias 'war' is an ordinary word: "
        "it links wherever prose uses it (drop it or be specific)",
        "Quote.md:3: warning: alias 'two allies' is a phrase of ordinary words: "
        "it links wherever prose uses it (drop it or be specific)",
    ]


def test_names_linking_inside_longer_capitalised_names_warn(tmp_path: Path) -> None:
    write(tmp_path, "Bashar al-Assad.md", "---\ntags: [person]\naliases: [Assad]\n---\nx\n")
    write(
        tmp_path,
        "The West.md",
        "---\ntags: [place]\naliases: [the West, Western]\nnot: [West Bank]\n---\nx\n",
    )
    write(tmp_path, "United States.md", "---\ntags: [place]\naliases: [US, America]\n---\nx\n")
    write(tmp_path, "Donald Trump.md", "---\ntags: [person]\naliases: [Trump]\n---\nx\n")
    write(tmp_path, "Kremlin.md", "---\ntags: [place]\n---\nx\n")
    document = essay(
        "Bashar al-Assad followed Hafez al-Assad. In the West Bank and Western Sahara, and in South "
        "America, US President Donald Trump and Western-backed groups; Assad again. For the Kremlin. "
        "From Kremlin walls; Western Sahara."
    )
    assert lines(check_vault(load_glossary(tmp_path), document)) == [
        "Bashar al-Assad.md:3: warning: 'Assad' links inside the longer name 'Hafez al-Assad' (\u00b6 0): "
        "add the longer name to `not:`, or make the alias more specific",
        "The West.md:3: warning: 'Western' links inside the longer name 'Western Sahara' (\u00b6 0): "
        "add the longer name to `not:`, or make the alias more specific",
        "United States.md:3: warning: 'America' links inside the longer name 'South America' (\u00b6 0): "
        "add the longer name to `not:`, or make the alias more specific",
    ]


def test_a_summary_of_more_than_one_sentence_warns(tmp_path: Path) -> None:
    write(tmp_path, "A.md", "---\ntags: [idea]\nsummary: One thing. Another thing.\n---\nx\n")
    write(
        tmp_path, "B.md", "---\ntags: [idea]\nsummary: Founded by J. R. Smith in St. Louis in 1901.\n---\nx\n"
    )
    write(tmp_path, "C.md", "---\ntags: [idea]\n---\nNo summary given. So the body's first sentence.\n")
    assert lines(check_vault(load_glossary(tmp_path))) == [
        "A.md:3: warning: summary is 2 sentences: it is shown on every hover, so give one"
    ]


def test_recent_dates_must_be_attributed(tmp_path: Path) -> None:
    write(
        tmp_path,
        "Israel.md",
        "---\ntags: [place]\n---\nFounded in May 1948. In June 2025 a war was fought.\n\n"
        "The essay, written in January 2026, says hardliners hope for change. In March 2025 a thing.\n",
    )
    write(tmp_path, "Maduro.md", "---\ntags: [person]\nstart: 2013-03\nend: 2026-01\n---\nA president.\n")
    write(
        tmp_path, "Trump.md", "---\ntags: [person]\nstart: 2025-01-20\n---\nThe essay says he is president.\n"
    )
    assert lines(check_vault(load_glossary(tmp_path))) == [
        "Israel.md:4: warning: 'June 2025' is after early 2025 and the sentence does not say who says so "
        "(\u201cthe essay says\u2026\u201d): attribute it or leave it out",
        "Maduro.md:4: warning: end: 2026-01 is after early 2025 and no sentence of the body attributes it",
    ]


def test_one_idea_with_two_tag_spellings_warns(tmp_path: Path) -> None:
    write(tmp_path, "A.md", "---\ntags: [place, politics/united-states]\n---\nx\n")
    write(tmp_path, "B.md", "---\ntags: [person, politics/us]\n---\nx\n")
    write(tmp_path, "C.md", "---\ntags: [person, Politics/United_States, history/cold-war]\n---\nx\n")
    write(tmp_path, "D.md", "---\ntags: [event, history/cold-war, politics/uk]\n---\nx\n")
    assert lines(check_vault(load_glossary(tmp_path))) == [
        "B.md:2: warning: tag 'politics/us' is spelled 'politics/united-states' elsewhere: "
        "use one spelling for one idea",
        "C.md:2: warning: tag 'Politics/United_States' is spelled 'politics/united-states' elsewhere: "
        "use one spelling for one idea",
    ]
