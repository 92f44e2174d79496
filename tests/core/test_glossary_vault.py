"""Loading a vault: every front-matter form, and bad entries reported rather than raised."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.glossary.model import Problem, Severity, WikiLink
from reader.core.glossary.vault import VaultError, load_glossary


def write(root: Path, name: str, text: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def messages(problems: list[Problem]) -> list[str]:
    return [f"{p.path.name}:{p.line}: {p.severity.value}: {p.message}" for p in problems]


def test_full_entry(tmp_path: Path) -> None:
    write(
        tmp_path,
        "Mohammad Mosaddegh.md",
        "---\n"
        "aliases: [Mossadegh, Mohammed Mossadegh]\n"
        "tags: [person, politics/iran]\n"
        "start: 1951-04\n"
        "end: 1953-08-19\n"
        "summary: Prime Minister of Iran.\n"
        "ignore_case: [Mossadegh]\n"
        "---\n"
        "Led [[Iran]] until the [[1953 Iranian coup|coup]].\n",
    )
    glossary = load_glossary(tmp_path)
    [entry] = glossary.entries
    assert entry.title == "Mohammad Mosaddegh"
    assert entry.aliases == ("Mossadegh", "Mohammed Mossadegh")
    assert entry.tags == ("person", "politics/iran")
    assert entry.kind == "person"
    assert (entry.start, entry.end, entry.date) == ("1951-04", "1953-08-19", None)
    assert entry.summary == "Prime Minister of Iran."
    assert entry.ignore_case == ("Mossadegh",)
    assert entry.body == "Led [[Iran]] until the [[1953 Iranian coup|coup]]."
    assert entry.links == (WikiLink("Iran", line=9), WikiLink("1953 Iranian coup", label="coup", line=9))
    assert entry.line_of("end") == 5
    assert glossary.problems == []


def test_single_string_aliases_and_tags(tmp_path: Path) -> None:
    write(tmp_path, "Kyiv.md", "---\naliases: Kiev\ntags: '#place, #capital'\n---\nA city.\n")
    [entry] = load_glossary(tmp_path).entries
    assert entry.aliases == ("Kiev",)
    assert entry.tags == ("place", "capital")
    assert entry.kind == "place"


def test_kind_is_first_tag_that_is_a_kind_even_nested(tmp_path: Path) -> None:
    write(tmp_path, "A.md", "---\ntags: [history/soviet, event/war, place]\n---\nx\n")
    [entry] = load_glossary(tmp_path).entries
    assert entry.kind == "event"


def test_no_kind_is_other_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "A.md", "---\ntags: [history]\n---\nx\n")
    glossary = load_glossary(tmp_path)
    assert glossary.entries[0].kind == "other"
    assert messages(glossary.problems) == [
        "A.md:2: warning: no kind: give a tag that is one of person, place, event, organisation, idea, quote"
    ]


def test_file_without_front_matter_is_an_entry(tmp_path: Path) -> None:
    write(tmp_path, "Plain.md", "Just a body. Second sentence.\n")
    glossary = load_glossary(tmp_path)
    [entry] = glossary.entries
    assert (entry.kind, entry.summary, entry.body) == (
        "other",
        "Just a body.",
        "Just a body. Second sentence.",
    )
    assert [p.severity for p in glossary.problems] == [Severity.WARNING]


@pytest.mark.parametrize(
    ("yaml_line", "expected"),
    [
        ("date: 1953", ("1953", None, None)),
        ("date: '1953'", ("1953", None, None)),
        ("date: 1953-08", ("1953-08", None, None)),
        ("date: 1953-08-19", ("1953-08-19", None, None)),
        ("start: 1918\nend: 1920-03", (None, "1918", "1920-03")),
    ],
)
def test_date_forms(tmp_path: Path, yaml_line: str, expected: tuple[str | None, ...]) -> None:
    write(tmp_path, "A.md", f"---\ntags: [event]\n{yaml_line}\n---\nx\n")
    glossary = load_glossary(tmp_path)
    entry = glossary.entries[0]
    assert (entry.date, entry.start, entry.end) == expected
    assert glossary.problems == []


@pytest.mark.parametrize("value", ["2024-13-45", "1920-21", "spring 1953", "[1953]", "1953-02-30"])
def test_malformed_date_is_an_error_with_its_line(tmp_path: Path, value: str) -> None:
    write(tmp_path, "A.md", f"---\ntags: [event]\naliases: [B]\ndate: {value}\n---\nx\n")
    glossary = load_glossary(tmp_path)
    assert glossary.entries[0].date is None
    [problem] = glossary.problems
    assert (problem.severity, problem.line) == (Severity.ERROR, 4)
    assert problem.message.startswith("date:") and "is not a date" in problem.message


def test_end_before_start(tmp_path: Path) -> None:
    write(tmp_path, "A.md", "---\ntags: [event]\nstart: 1953-08\nend: 1953-07-30\n---\nx\n")
    assert messages(load_glossary(tmp_path).problems) == [
        "A.md:4: error: end: 1953-07-30 is before start 1953-08"
    ]


def test_summary_defaults_to_first_sentence_as_plain_text(tmp_path: Path) -> None:
    write(tmp_path, "A.md", "---\ntags: [idea]\n---\n# Heading\n\nThe *idea* of [[B|bees]] and `c`. More.\n")
    assert load_glossary(tmp_path).entries[0].summary == "The idea of bees and c."


def test_summary_is_made_one_line(tmp_path: Path) -> None:
    write(tmp_path, "A.md", "---\ntags: [idea]\nsummary: >\n  one\n  two\n---\nx\n")
    assert load_glossary(tmp_path).entries[0].summary == "one two"


def test_ignore_case_true_covers_every_name(tmp_path: Path) -> None:
    write(
        tmp_path,
        "Regime change.md",
        "---\ntags: [idea]\naliases: [regime-change]\nignore_case: true\n---\nx\n",
    )
    assert load_glossary(tmp_path).entries[0].ignore_case == ("Regime change", "regime-change")


def test_ignore_case_naming_an_unknown_name_warns(tmp_path: Path) -> None:
    write(tmp_path, "A.md", "---\ntags: [idea]\naliases: [bee]\nignore_case: [BEE, wasp]\n---\nx\n")
    glossary = load_glossary(tmp_path)
    assert glossary.entries[0].ignore_case == ("bee",)
    assert messages(glossary.problems) == [
        "A.md:4: warning: ignore_case: 'wasp' is not the title or an alias"
    ]


def test_unknown_keys_warn_but_obsidian_keys_are_silent(tmp_path: Path) -> None:
    write(
        tmp_path,
        "A.md",
        "---\ntags: [idea]\nalias: [B]\ncssclasses: [wide]\npublish: true\npermalink: a\n---\nx\n",
    )
    assert messages(load_glossary(tmp_path).problems) == [
        "A.md:3: warning: unknown key 'alias' (did you mean 'aliases'?)"
    ]


def test_broken_yaml_is_reported_with_its_line_and_entry_still_loads(tmp_path: Path) -> None:
    write(tmp_path, "A.md", "---\ntags: [idea]\naliases: [B, C\nsummary: x\n---\nBody [[Z]].\n")
    glossary = load_glossary(tmp_path)
    [entry] = glossary.entries
    assert (entry.title, entry.body, entry.links) == ("A", "Body [[Z]].", (WikiLink("Z", line=6),))
    [problem] = glossary.problems
    assert (problem.severity, problem.line) == (Severity.ERROR, 4)
    assert problem.message.startswith("front matter is not valid YAML")


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    write(tmp_path, "A.md", "---\n- idea\n- b\n---\nx\n")
    glossary = load_glossary(tmp_path)
    assert glossary.entries[0].kind == "other"
    assert messages(glossary.problems) == [
        "A.md:2: error: front matter is a list, not a mapping of `key: value` lines"
    ]


def test_unclosed_front_matter(tmp_path: Path) -> None:
    write(tmp_path, "A.md", "---\ntags: [idea]\n")
    assert messages(load_glossary(tmp_path).problems) == [
        "A.md:1: error: front matter is never closed (no second `---` line)"
    ]


def test_wrong_value_types_are_errors(tmp_path: Path) -> None:
    write(tmp_path, "A.md", "---\ntags: {a: 1}\naliases: [B, {c: d}]\nsummary: [x]\n---\nx\n")
    glossary = load_glossary(tmp_path)
    assert glossary.entries[0].aliases == ("B",)
    assert sorted(p.line for p in glossary.problems if p.severity is Severity.ERROR) == [2, 3, 4]


def test_non_utf8_entry_loads_with_replacement_and_an_error(tmp_path: Path) -> None:
    write(tmp_path, "A.md", b"---\ntags: [idea]\n---\nline one\ncaf\xe9 [[B]]\n")
    glossary = load_glossary(tmp_path)
    [entry] = glossary.entries
    assert entry.body == "line one\ncaf\ufffd [[B]]"
    assert messages(glossary.problems) == [
        "A.md:5: error: not valid UTF-8 (byte b'\\xe9'); loaded with it replaced"
    ]


def test_crlf_bom_and_nfd_file_names(tmp_path: Path) -> None:
    write(tmp_path, "Nicola\u0301s Maduro.md", "\ufeff---\r\ntags: [person]\r\n---\r\nBody.\r\n".encode())
    [entry] = load_glossary(tmp_path).entries
    assert entry.title == "Nicol\u00e1s Maduro"
    assert entry.kind == "person"


def test_subfolders_sorted_by_title_hidden_folders_skipped(tmp_path: Path) -> None:
    write(tmp_path, "people/zeta.md", "---\ntags: [person]\n---\nx\n")
    write(tmp_path, "places/Alpha.md", "---\ntags: [place]\n---\nx\n")
    write(tmp_path, "Beta.md", "---\ntags: [idea]\n---\nx\n")
    write(tmp_path, ".obsidian/Hidden.md", "x\n")
    write(tmp_path, "notes.txt", "x\n")
    assert [entry.title for entry in load_glossary(tmp_path).entries] == ["Alpha", "Beta", "zeta"]


def test_missing_vault_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="no-such-vault: glossary vault not found"):
        load_glossary(tmp_path / "no-such-vault")


def test_not_phrases_are_read_and_checked(tmp_path: Path) -> None:
    write(
        tmp_path,
        "The West.md",
        "---\ntags: [place]\naliases: [West, Western]\n"
        "not: [West Bank, Western  Sahara, Eastern Bloc]\n---\nx\n",
    )
    glossary = load_glossary(tmp_path)
    assert glossary.entries[0].not_in == ("West Bank", "Western Sahara", "Eastern Bloc")
    assert messages(glossary.problems) == [
        "The West.md:4: warning: not: 'Eastern Bloc' shares no word with the title or an alias"
    ]


def test_a_single_not_phrase_may_be_a_string(tmp_path: Path) -> None:
    write(tmp_path, "Assad.md", "---\ntags: [person]\nnot: Hafez al-Assad\n---\nx\n")
    glossary = load_glossary(tmp_path)
    assert glossary.entries[0].not_in == ("Hafez al-Assad",)
    assert glossary.problems == []
