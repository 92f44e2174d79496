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
