"""An EPUB on the command line, as a text file is: its glossary beside it links over its
text, search finds in it, and bookmarks are kept on its text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main
from tests.epub_builder import Chapter, build_epub

CHAPTERS = [
    Chapter("one.xhtml", "<h1>One</h1><p>Natasha ran into the room, laughing.</p>", "One"),
    Chapter("two.xhtml", "<h1>Two</h1><p>The old count smiled at <em>Natasha</em> in Moscow.</p>", "Two"),
]


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = build_epub(tmp_path / "war.epub", CHAPTERS)
    vault = tmp_path / "war.glossary"  # `<stem>.glossary/` beside the book
    vault.mkdir()
    (vault / "Natasha Rostova.md").write_text(
        "---\naliases: [Natasha]\ntags: [person]\n---\n", encoding="utf-8"
    )
    (vault / "Moscow.md").write_text("---\ntags: [place]\n---\n", encoding="utf-8")
    return path


def run_json(capsys: pytest.CaptureFixture[str], *arguments: str) -> object:
    assert main([*arguments, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_glossary_beside_the_book_links_over_its_text(
    capsys: pytest.CaptureFixture[str], book: Path
) -> None:
    found = run_json(capsys, "glossary", "mentions", str(book))
    assert isinstance(found, list)
    blocks = {entry["title"]: [mention["block"] for mention in entry["mentions"]] for entry in found}
    assert blocks == {"Moscow": [3], "Natasha Rostova": [1, 3]}


def test_search_finds_in_every_chapter(capsys: pytest.CaptureFixture[str], book: Path) -> None:
    found = run_json(capsys, "search", "Natasha", str(book))
    assert isinstance(found, dict) and [match["block"] for match in found["matches"]] == [1, 3]


def test_a_bookmark_on_the_books_text(capsys: pytest.CaptureFixture[str], book: Path) -> None:
    assert main(["bookmarks", "add", str(book), "--quote", "smiled at Natasha", "--note", "here"]) == 0
    capsys.readouterr()
    listed = run_json(capsys, "bookmarks", "list", str(book))
    assert isinstance(listed, list)
    assert [(b["block"], b["exact"], b["note"], b["status"]) for b in listed] == [
        (3, "smiled at Natasha", "here", "found")
    ]
