"""A vault from anywhere is read safely: YAML bombs refused, sizes bounded, symbolic links
kept inside the vault, and the cost of many aliases growing in step with their number."""

from __future__ import annotations

import os
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.document import BlockKind, Document, DocumentBuilder
from reader.core.glossary import frontmatter, vault
from reader.core.glossary.check import check_vault
from reader.core.glossary.linker import NameIndex, find_mentions
from reader.core.glossary.model import Entry, Glossary, Problem, Severity
from reader.core.glossary.vault import load_glossary


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def messages(problems: list[Problem]) -> list[str]:
    return [f"{p.path.name}:{p.line}: {p.severity.value}: {p.message}" for p in problems]


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """Front matter whose last key expands to width**levels strings (9**9: 387 million)."""
    lines = ["---", "tags: [idea]", f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * width)}]")
    lines += [f"aliases: *a{levels}", "---", "Boom.", ""]
    return "\n".join(lines)


def test_an_alias_bomb_is_refused_at_once_with_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "Bomb.md", alias_bomb())
    write(tmp_path, "Iran.md", "---\ntags: [place]\n---\nA country.\n")
    tracemalloc.start()
    started = time.perf_counter()
    glossary = load_glossary(tmp_path)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert seconds < 30  # a hang guard: the bomb ran for minutes (benchmarks time the rest)
    assert peak < 20 * 1024 * 1024
    assert messages(glossary.problems) == [
        "Bomb.md:3: error: front matter refused: YAML anchors and aliases (& and *) are not allowed"
    ]
    assert [entry.title for entry in glossary.entries] == ["Bomb", "Iran"]  # the rest still loads
    assert glossary.entries[0].aliases == ()


@pytest.mark.parametrize(
    ("yaml_text", "line"),
    [
        ("tags: &t [idea]\naliases: [a]", 2),  # an anchor alone
        ("tags: [idea]\nbase: &b {summary: x}\nother:\n  <<: *b", 3),  # a merge key
        ("tags: [idea]\naliases: *nothing", 3),  # an alias of nothing
    ],
)
def test_any_anchor_or_alias_is_refused(tmp_path: Path, yaml_text: str, line: int) -> None:
    write(tmp_path, "A.md", f"---\n{yaml_text}\n---\nx\n")
    [problem] = load_glossary(tmp_path).problems
    assert (problem.severity, problem.line) == (Severity.ERROR, line)
    assert problem.message.startswith("front matter ")


def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path: Path) -> None:
    write(tmp_path, "Deep.md", "---\ntags: [idea]\naliases: " + "[" * 20_000 + "]" * 20_000 + "\n---\nx\n")
    [problem] = load_glossary(tmp_path).problems
    assert problem.message == f"front matter refused: nested more than {frontmatter.MAX_DEPTH} levels deep"
    assert problem.line == 3


def test_front_matter_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frontmatter, "MAX_FRONT_MATTER_CHARS", 1000)
    write(tmp_path, "Long.md", "---\ntags: [idea]\naliases: [" + "x, " * 400 + "y]\n---\nx\n")
    assert messages(load_glossary(tmp_path).problems) == [
        "Long.md:2: error: front matter is too long (1,225 characters; the limit is 1,000)"
    ]


def test_an_entry_file_over_the_limit_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault, "MAX_ENTRY_BYTES", 2048)
    write(tmp_path, "Huge.md", "x" * 2049)
    write(tmp_path, "Fits.md", "x" * 2048)
    glossary = load_glossary(tmp_path)
    assert [entry.title for entry in glossary.entries] == ["Fits"]
    assert "Huge.md:0: error: too large (over 2 KiB): skipped" in messages(glossary.problems)


def test_the_number_of_entries_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault, "MAX_ENTRIES", 3)
    for name in "ABCDE":
        write(tmp_path, f"{name}.md", "---\ntags: [idea]\n---\nx\n")
    glossary = load_glossary(tmp_path)
    assert [entry.title for entry in glossary.entries] == ["A", "B", "C"]
    assert [(p.path, p.message) for p in glossary.problems] == [
        (tmp_path, "more than 3 entry files: only the first 3 were read")
    ]


def test_a_link_to_a_file_outside_the_vault_is_not_an_entry(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    write(root, "Iran.md", "---\ntags: [place]\n---\nA country.\n")
    (root / "Passwd.md").symlink_to("/etc/passwd")
    outside = write(tmp_path, "secret.md", "---\ntags: [idea]\n---\nNot for the vault.\n")
    (root / "Secret.md").symlink_to(outside)
    glossary = load_glossary(root)
    assert [entry.title for entry in glossary.entries] == ["Iran"]
    passwd = Path("/etc/passwd").resolve()
    assert messages(glossary.problems) == [
        f"Passwd.md:0: warning: symbolic link to a file outside the vault ({passwd}): skipped",
        f"Secret.md:0: warning: symbolic link to a file outside the vault ({outside}): skipped",
    ]
    # `reader glossary check` reports them, file and why.
    assert [p.path.name for p in check_vault(glossary)] == ["Passwd.md", "Secret.md"]


def test_links_inside_the_vault_are_followed_and_folders_read_once(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    target = write(root, "people/Leon Trotsky.md", "---\ntags: [person]\n---\nA revolutionary.\n")
    (root / "Trotsky.md").symlink_to(target)
    (root / "also people").symlink_to(root / "people", target_is_directory=True)
    (root / "people" / "loop").symlink_to(root, target_is_directory=True)
    outside = tmp_path / "elsewhere"
    write(outside, "Other.md", "x\n")
    (root / "elsewhere").symlink_to(outside, target_is_directory=True)
    (root / "Broken.md").symlink_to(root / "missing.md")
    glossary = load_glossary(root)
    assert sorted(entry.title for entry in glossary.entries) == ["Leon Trotsky", "Trotsky"]
    assert messages(glossary.problems) == [
        "Broken.md:0: warning: symbolic link to nothing (broken, or a loop): skipped",
        f"elsewhere:0: warning: symbolic link to a folder outside the vault ({outside}): skipped",
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_skipped_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "Pipe.md")
    glossary = load_glossary(tmp_path)  # reading the pipe would block for ever
    assert glossary.entries == []
    assert messages(glossary.problems) == ["Pipe.md:0: warning: not a regular file: skipped"]


def _fastest(action: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def test_twenty_thousand_aliases_load_and_check(tmp_path: Path) -> None:
    """Every alias kept once, in order, and checked (how long it takes, 200,000 of them,
    is `benchmarks/bench_linker.py`'s to measure: no test here times anything)."""
    root = tmp_path / "vault"
    aliases = "".join(f"  - Z{index}\n" for index in range(20_000))
    write(root, "Many.md", f"---\ntags: [idea]\naliases:\n{aliases}  - Z7\n---\nx\n")
    glossary = load_glossary(root)
    (entry,) = glossary.entries
    assert entry.aliases == tuple(f"Z{index}" for index in range(20_000))  # the repeated Z7 once
    document = _document("Z1 and Z200 and Z1999 but not Z.")
    assert [m.title for m in find_mentions(document, glossary)] == ["Many"] * 3
    check_vault(glossary, document)


def _document(text: str) -> Document:
    builder = DocumentBuilder()
    builder.add(BlockKind.PARAGRAPH, text)
    return builder.build("test")


def test_linking_many_aliases_with_one_first_word_grows_linearly() -> None:
    """Each candidate word costs one look-up per length of name, not one per name: what a
    candidate is checked against does not grow with the number of names (counted, not
    timed; `benchmarks/bench_linker.py` times 200,000 aliases)."""
    document = _document(" ".join(["Pierre said so."] * 2_000 + ["Pierre Z1999 came."]))

    def glossary_of(count: int) -> Glossary:
        aliases = tuple(f"Pierre Z{index}" for index in range(count))
        return Glossary(root=None, entries=[Entry("Bezukhov", Path("B.md"), "person", aliases=aliases)])

    small, large = glossary_of(1_000), glossary_of(50_000)
    assert [m.title for m in find_mentions(document, large)] == ["Bezukhov"]
    checks_small = len(NameIndex(small).lengths_for("Pierre"))
    checks_large = len(NameIndex(large).lengths_for("Pierre"))
    assert checks_large <= checks_small + 2  # one more per extra digit, not 49,000 more
    assert checks_large <= 8
