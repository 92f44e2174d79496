"""`reader toc`: the nesting as indentation, ¶ numbers from 1 in text, 0-based blocks in JSON,
exit 1 for a document with no chapters, and headings printed inert."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["toc", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "book.md"
    path.write_text("# Book\n\n# One\n\nText.\n\n## A\n\nMore.\n\n# Two\n\nEnd.\n", encoding="utf-8")
    return path


def test_text_shows_paragraphs_from_one_and_nesting(capsys: pytest.CaptureFixture[str], book: Path) -> None:
    code, out, err = run(capsys, str(book))
    assert (code, err) == (0, "")
    assert out.splitlines() == ["¶ 1  One", "¶ 3    A", "¶ 5  Two"]


def test_json_keeps_0_based_blocks(capsys: pytest.CaptureFixture[str], book: Path) -> None:
    code, out, _ = run(capsys, str(book), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "Book"
    assert data["chapters"][1] == {"title": "A", "name": "A", "level": 2, "block": 2, "end": 4}


def test_war_and_peace(capsys: pytest.CaptureFixture[str], war_and_peace_path: Path) -> None:
    code, out, _ = run(capsys, str(war_and_peace_path))
    lines = out.splitlines()
    assert code == 0
    assert lines[:2] == ["¶    396  Book One: 1805", "¶    397    Chapter I"]
    assert "¶  6,515  Book Nine: 1812" in lines
    assert len(lines) == 382
    assert lines[-1].endswith("    Chapter XII")


def test_no_chapters_is_exit_1_with_a_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Only a paragraph.\n", encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert (code, out) == (1, "")
    assert err.startswith("reader: ") and "no chapters" in err
    code, out, _ = run(capsys, str(path), "--json")
    assert code == 1 and json.loads(out)["chapters"] == []


def test_hostile_headings_are_printed_inert(tmp_path: Path) -> None:
    path = tmp_path / "hostile.md"
    path.write_bytes(b"# T\n\n# Evil \x1b]0;PWNED\x07 \xe2\x80\xae title\n\nText.\n")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "toc", str(path)],
        cwd=ROOT,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"\x1b" not in result.stdout and b"\x07" not in result.stdout
    assert b"\xe2\x80\xae" not in result.stdout
    assert b"PWNED" in result.stdout
