"""`reader search`: text and JSON output, the three exit codes, colour only on a terminal."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.main import main

ROOT = Path(__file__).resolve().parent.parent.parent


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["search", *args])
    out, err = capsys.readouterr()
    return code, out, err


def write_vault(root: Path) -> Path:
    vault = root / "vault"
    vault.mkdir()
    (vault / "Natasha Rostova.md").write_text(
        "---\naliases: [Natasha]\ntags: [person]\nsummary: The younger Rostov daughter.\n---\nShe sings.\n",
        encoding="utf-8",
    )
    (vault / "Moscow.md").write_text(
        "---\ntags: [place]\nsummary: Old capital.\n---\nWhere Natasha grew up.\n", encoding="utf-8"
    )
    return vault


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "book.txt"
    path.write_text(
        "CHAPTER I\n\nNatasha ran into the\nroom, laughing.\n\nThe old count smiled at Natásha.\n",
        encoding="utf-8",
    )
    return path


def test_text_output_lists_hits_by_paragraph_then_entries(
    capsys: pytest.CaptureFixture[str], book: Path
) -> None:
    code, out, _ = run(capsys, "natasha", str(book), "--glossary", str(write_vault(book.parent)))
    assert code == 0
    assert out.splitlines() == [
        "¶ 2: Natasha ran into the room, laughing.",
        "¶ 3: The old count smiled at Natásha.",
        "",
        "glossary entries (2):",
        "  Natasha Rostova (person) \u2014 The younger Rostov daughter.",
        "  Moscow (place) \u2014 Old capital.",
    ]
    assert "\x1b[" not in out


def test_json_output(capsys: pytest.CaptureFixture[str], book: Path) -> None:
    vault = str(write_vault(book.parent))
    code, out, _ = run(capsys, "into the room", str(book), "--glossary", vault, "--json", "--context", "20")
    assert code == 0
    assert json.loads(out) == {
        "query": "into the room",
        "count": 1,
        "matches": [
            {
                "block": 1,
                "start": 23,
                "end": 36,
                "text": "into the room",
                "context": "…into the room,…",
            }
        ],
        "entries": [],
    }


def test_json_lists_matching_entries_without_hits(capsys: pytest.CaptureFixture[str], book: Path) -> None:
    code, out, _ = run(capsys, "capital", str(book), "--glossary", str(write_vault(book.parent)), "--json")
    assert code == 0
    result = json.loads(out)
    assert result["count"] == 0
    assert result["entries"] == [{"title": "Moscow", "kind": "place", "summary": "Old capital."}]


def test_options_reach_the_matcher(capsys: pytest.CaptureFixture[str], book: Path) -> None:
    assert run(capsys, "natasha", str(book), "--case-sensitive")[0] == 1
    assert len(run(capsys, "NATASHA", str(book), "-i")[1].splitlines()) == 2
    assert run(capsys, "Nat", str(book), "--word")[0] == 1
    code, out, _ = run(capsys, r"count|ran", str(book), "--regex")
    assert code == 0
    assert [line.split(":")[0] for line in out.splitlines()] == ["¶ 2", "¶ 3"]


def test_nothing_found_exits_1(capsys: pytest.CaptureFixture[str], book: Path) -> None:
    code, out, err = run(capsys, "Pierre", str(book))
    assert (code, out, err) == (1, "", "")


def test_nothing_found_in_json_still_prints_the_empty_result(
    capsys: pytest.CaptureFixture[str], book: Path
) -> None:
    code, out, _ = run(capsys, "Pierre", str(book), "--json")
    assert code == 1
    assert json.loads(out) == {"query": "Pierre", "count": 0, "matches": [], "entries": []}


def test_bad_pattern_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], book: Path) -> None:
    code, out, err = run(capsys, "(unclosed", str(book), "--regex")
    assert code == 2
    assert out == ""
    assert err.startswith("reader: bad pattern: ")
    assert err.count("\n") == 1


def test_unreadable_document_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    code, _, err = run(capsys, "x", str(missing))
    assert code == 2
    assert err == f"reader: {missing}: no such file\n"


def test_missing_vault_exits_2(capsys: pytest.CaptureFixture[str], book: Path) -> None:
    code, _, err = run(capsys, "x", str(book), "--glossary", str(book.parent / "nowhere"))
    assert code == 2
    assert "glossary vault" in err and err.count("\n") == 1


def test_shipped_essay_and_its_glossary_are_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "moscow", "--json")
    result = json.loads(out)
    assert code == 0
    assert result["count"] > 0
    assert result["entries"][0]["title"] == "Moscow"


def test_text_counts_paragraphs_from_one_and_json_blocks_from_zero(
    capsys: pytest.CaptureFixture[str], book: Path
) -> None:
    _, out, _ = run(capsys, "count", str(book))
    _, data, _ = run(capsys, "count", str(book), "--json")
    assert out.startswith("¶ 3: ")
    assert json.loads(data)["matches"][0]["block"] == 2


@pytest.mark.parametrize("as_json", [False, True])
def test_only_glossary_entries_found_is_success_in_text_and_json(
    capsys: pytest.CaptureFixture[str], book: Path, as_json: bool
) -> None:
    # The rule the README states: 0 when the text or the glossary matched, 1 when neither did.
    vault = str(write_vault(book.parent))
    code, out, _ = run(capsys, "capital", str(book), "--glossary", vault, *(["--json"] if as_json else []))
    assert code == 0
    assert "Moscow" in out
    if not as_json:
        assert out.splitlines() == ["glossary entries (1):", "  Moscow (place) \u2014 Old capital."]
    assert run(capsys, "Pierre", str(book), "--glossary", vault, *(["--json"] if as_json else []))[0] == 1


def test_every_hit_of_a_common_word_is_printed_in_order(
    capsys: pytest.CaptureFixture[str], war_and_peace_path: Path
) -> None:
    # Thousands of lines, written in batches: none lost or repeated at a batch's edge.
    _, out, _ = run(capsys, "the", str(war_and_peace_path), "--word", "--case-sensitive")
    _, data, _ = run(capsys, "the", str(war_and_peace_path), "--word", "--case-sensitive", "--json")
    matches = json.loads(data)["matches"]
    assert len(matches) > 3000
    assert out.splitlines() == [f"¶ {match['block'] + 1:,}: {match['context']}" for match in matches]


def test_hits_are_highlighted_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, book: Path
) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["search", "count", str(book)]) == 0
    assert terminal.getvalue() == "\x1b[36m¶ 3\x1b[0m: The old \x1b[1;7mcount\x1b[0m smiled at Natásha.\n"


def test_no_color_keeps_a_terminal_plain(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, book: Path
) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["search", "count", str(book)]) == 0
    assert terminal.getvalue() == "¶ 3: The old count smiled at Natásha.\n"


def test_a_dumb_terminal_stays_plain(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, book: Path
) -> None:
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["search", "count", str(book)]) == 0
    assert terminal.getvalue() == "¶ 3: The old count smiled at Natásha.\n"


def test_glossary_entries_are_styled_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, book: Path
) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["search", "capital", str(book), "--glossary", str(write_vault(book.parent))]) == 0
    assert terminal.getvalue() == (
        "\x1b[36mglossary entries (1):\x1b[0m\n"
        "  \x1b[1mMoscow\x1b[0m\x1b[36m (place)\x1b[0m \u2014 Old capital.\n"
    )


def test_python_dash_m_reader_search_reads_stdin() -> None:
    environment = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "search", "the room", "-"],
        input=b"She walked into the\nroom.\n",
        capture_output=True,
        cwd=ROOT,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "¶ 1: She walked into the room.\n"
