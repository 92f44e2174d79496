"""`reader library`: the documents read before, in text and JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.bookmarks import BookmarkStore
from reader.core.loading import load_document


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(["library", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_an_empty_library_says_how_it_fills(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys) == (0, "The library is empty: every document you open is kept here.\n", "")


def test_lists_documents_in_text_and_json(
    capsys: pytest.CaptureFixture[str], essay_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "essay\x1b]0;owned\x07.txt"
    shutil.copy(essay_path, copy)
    with BookmarkStore.open() as store:
        document = load_document(copy)
        store.add(document, 0, 10, "note")
        store.save_position(document, len(document.text) // 4)
    code, out, err = run(capsys)
    assert (code, err) == (0, "")
    assert "\x1b" not in out and "␛" in out
    assert "25% read" in out and "1 bookmark · 3 min left" in out
    assert "typical speed, 1,400 characters a minute" in out
    code, out, err = run(capsys, "--json")
    listing = json.loads(out)
    (entry,) = listing["documents"]
    assert listing["speed"] == {"characters_per_minute": 1400, "measured": False}
    assert (entry["progress"], entry["bookmarks"], entry["state"], entry["author"]) == (25, 1, "here", None)
    assert set(entry) == {
        "document", "path", "state", "title", "author", "progress", "last_read", "bookmarks", "minutes_left"
    }  # fmt: skip


def test_a_file_moved_into_the_current_folder_is_found_again(
    capsys: pytest.CaptureFixture[str], essay_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "a" / "essay.txt"
    old.parent.mkdir()
    shutil.copy(essay_path, old)
    with BookmarkStore.open() as store:
        store.bookmarks(load_document(old))
    here = tmp_path / "b"
    here.mkdir()
    old.rename(here / "moved.txt")
    _, out, _ = run(capsys)
    assert "(missing)" in out
    monkeypatch.chdir(here)
    _, out, _ = run(capsys, "--json")
    (entry,) = json.loads(out)["documents"]
    assert (entry["state"], entry["path"]) == ("moved", str(here / "moved.txt"))
