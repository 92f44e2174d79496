"""`reader glossary ...` through the real entry point: text and JSON output, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.main import main

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    root.mkdir()
    (root / "Iran.md").write_text(
        "---\naliases: [Persia, Iranians]\ntags: [place]\nstart: 1979\n---\n"
        "A country beside [[Iraq]]; see also [[Russia|its ally]].\n",
        encoding="utf-8",
    )
    (root / "Iraq.md").write_text(
        "---\ntags: [place]\ndate: 1932-10-03\nsummary: A country.\n---\nFought [[Iran]].\n", encoding="utf-8"
    )
    (root / "Russia.md").write_text(
        "---\ntags: [place]\naliases: [Russian]\n---\nBig. [[Iran]].\n", encoding="utf-8"
    )
    return root


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "book.txt"
    path.write_text(
        "Iran and Russia met.\n\n"
        "Iranians and Persia; Russia again and Prince Andrew.\n\n"
        "Prince Andrew left.\n",
        encoding="utf-8",
    )
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["glossary", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_text(capsys: pytest.CaptureFixture[str], vault: Path, book: Path) -> None:
    code, out, _ = run(capsys, "list", str(book), "--glossary", str(vault))
    assert code == 0
    header, iran, iraq, russia = out.splitlines()
    assert header.split() == ["TITLE", "KIND", "DATES", "MENTIONS", "ALIASES"]
    # An open date as the app writes it.
    assert iran.split() == ["Iran", "place", "from", "1979", "3", "Persia,", "Iranians"]
    assert iraq.split() == ["Iraq", "place", "1932-10-03", "0"]
    assert russia.split() == ["Russia", "place", "2", "Russian"]


def test_list_json(capsys: pytest.CaptureFixture[str], vault: Path, book: Path) -> None:
    code, out, _ = run(capsys, "list", str(book), "--glossary", str(vault), "--json")
    assert code == 0
    assert json.loads(out)[0] == {
        "title": "Iran",
        "kind": "place",
        "aliases": ["Persia", "Iranians"],
        "date": None,
        "start": "1979",
        "end": None,
        "mentions": 3,
    }


def test_show_text(capsys: pytest.CaptureFixture[str], vault: Path, book: Path) -> None:
    code, out, _ = run(capsys, "show", "persia", str(book), "--glossary", str(vault))
    assert code == 0
    assert out.startswith(
        "Iran  place  from 1979\nAlso: Persia, Iranians\nA country beside Iraq; see also its ally."
    )
    assert "A country beside Iraq; see also its ally." in out
    assert "Links: Iraq, Russia" in out
    assert "Linked from: Iraq, Russia" in out
    assert "Mentioned with: Russia (2)" in out
    assert "3 mentions in" in out
    # Paragraphs as the app numbers them, from 1; the JSON keeps the 0-based block.
    assert "  ¶ 1  Iran and Russia met.\n" in out
    assert "  ¶ 2  Iranians and Persia; Russia again and Prince Andrew.\n" in out


def test_show_json(capsys: pytest.CaptureFixture[str], vault: Path, book: Path) -> None:
    code, out, _ = run(capsys, "show", "Iran", str(book), "--glossary", str(vault), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["title"] == "Iran" and data["summary"] == "A country beside Iraq; see also its ally."
    assert data["links"] == [
        {"target": "Iraq", "heading": "", "label": "", "line": 6, "entry": "Iraq"},
        {"target": "Russia", "heading": "", "label": "its ally", "line": 6, "entry": "Russia"},
    ]
    assert data["backlinks"] == ["Iraq", "Russia"]
    assert data["mentions"][0] == {"block": 0, "start": 0, "end": 4, "text": "Iran"}
    assert data["mentioned_with"] == [{"title": "Russia", "blocks": 2}]


def test_show_unknown_name_suggests(capsys: pytest.CaptureFixture[str], vault: Path, book: Path) -> None:
    code, out, err = run(capsys, "show", "Irak", str(book), "--glossary", str(vault))
    assert (code, out) == (1, "")
    assert err == "reader: no glossary entry named 'Irak' (did you mean 'Iraq'?)\n"


def test_mentions_text_and_json(capsys: pytest.CaptureFixture[str], vault: Path, book: Path) -> None:
    code, out, _ = run(capsys, "mentions", str(book), "--glossary", str(vault))
    assert code == 0
    assert out.splitlines()[:3] == [
        "Iran: 3 mentions",
        "  ¶ 1  0-4  Iran",
        "  ¶ 2  22-30  Iranians",
    ]
    assert "Iraq: 0 mentions" in out
    code, out, _ = run(capsys, "mentions", str(book), "--glossary", str(vault), "--json")
    data = json.loads(out)
    assert [item["title"] for item in data] == ["Iran", "Iraq", "Russia"]
    assert data[2]["mentions"][0] == {"block": 0, "start": 9, "end": 15, "text": "Russia"}


def test_check_warnings_only_exit_zero(capsys: pytest.CaptureFixture[str], vault: Path, book: Path) -> None:
    code, out, _ = run(capsys, "check", str(book), "--glossary", str(vault))
    assert code == 0
    assert out.splitlines() == [
        f"{vault / 'Iraq.md'}: warning: never mentioned in book.txt (by title or alias)",
        "3 entries: 0 errors, 1 warning",
    ]
    (vault / "Iraq.md").write_text("---\ntags: [place]\ndate: 1932-13\n---\nx\n", encoding="utf-8")
    (vault / "Iran.md").unlink()
    (vault / "Russia.md").unlink()
    code, out, _ = run(capsys, "check", str(book), "--glossary", str(vault))
    assert out.splitlines()[-1] == "1 entry: 1 error, 1 warning"


def test_check_errors_exit_one(capsys: pytest.CaptureFixture[str], vault: Path, book: Path) -> None:
    (vault / "Iraq.md").write_text(
        "---\ntags: [place]\ndate: 1932-13\n---\nNear [[Atlantis]].\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "check", str(book), "--glossary", str(vault))
    assert code == 1
    assert f"{vault / 'Iraq.md'}:3: error: date: '1932-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)" in out
    assert f"{vault / 'Iraq.md'}:5: error: wiki-link [[Atlantis]] matches no entry" in out
    code, out, _ = run(capsys, "check", str(book), "--glossary", str(vault), "--json")
    assert code == 1
    assert {
        "path": str(vault / "Iraq.md"),
        "line": 5,
        "severity": "error",
        "message": "wiki-link [[Atlantis]] matches no entry",
    } in json.loads(out)


def test_suggest(capsys: pytest.CaptureFixture[str], vault: Path, book: Path) -> None:
    code, out, _ = run(capsys, "suggest", str(book), "--glossary", str(vault))
    assert (code, out) == (0, "     2  Prince Andrew\n")
    code, out, _ = run(capsys, "suggest", str(book), "--json", "--limit", "1")
    assert json.loads(out) == [{"name": "Prince Andrew", "count": 2}]


def test_suggest_needs_no_glossary_but_other_commands_do(
    capsys: pytest.CaptureFixture[str], book: Path
) -> None:
    code, out, _ = run(capsys, "suggest", str(book), "--json", "--limit", "2")
    assert code == 0
    assert [item["name"] for item in json.loads(out)] == ["Prince Andrew", "Russia"]
    code, _, err = run(capsys, "list", str(book))
    assert code == 2
    assert err == f"reader: {book}: no glossary for this document (pass --glossary DIR)\n"


def test_bad_input_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path, book: Path) -> None:
    code, _, err = run(capsys, "list", str(book), "--glossary", str(tmp_path / "missing"))
    assert code == 2 and err.count("\n") == 1 and "missing" in err
    code, _, err = run(capsys, "list", str(tmp_path / "missing.txt"))
    assert code == 2 and err == f"reader: {tmp_path / 'missing.txt'}: no such file\n"
    with pytest.raises(SystemExit) as exit_info:
        main(["glossary", "suggest", "--limit", "0"])
    assert exit_info.value.code == 2


def test_shipped_vault_via_subprocess() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "glossary", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr == ""
    assert result.returncode == 0
    assert result.stdout.endswith(" entries: 0 errors, 0 warnings\n")
    shown = subprocess.run(
        [sys.executable, "-m", "reader", "glossary", "show", "Mossadegh", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert shown.returncode == 0
    assert json.loads(shown.stdout)["title"] == "Mohammad Mosaddegh"
