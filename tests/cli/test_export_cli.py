"""`reader export` through the real entry point: files written, bookmarks, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.bookmarks import BookmarkStore
from reader.core.loading import load_document


def test_the_essay_exports_with_its_glossary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "essay.html"
    assert main(["export", "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'class="m k-' in page and "Mohammad Mosaddegh" in page
    assert "KiB" in capsys.readouterr().err


def test_bookmarks_and_notes_are_in_the_margin_unless_left_out(tmp_path: Path, essay_path: Path) -> None:
    document = load_document(essay_path)
    with BookmarkStore.open() as store:
        store.add(document, document.blocks[1].start, document.blocks[1].end, note="the <two> allies")
    out = tmp_path / "page.html"
    assert main(["export", str(essay_path), "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert '<mark class="bm"' in page and "the &lt;two&gt; allies" in page
    assert main(["export", str(essay_path), "--html", str(out), "--no-bookmarks"]) == 0
    assert '<mark class="bm"' not in out.read_text(encoding="utf-8")


def test_a_markdown_file_keeps_its_structure(tmp_path: Path) -> None:
    source = tmp_path / "notes.md"
    source.write_text(
        "# Notes\n\nSome *emphasis* and a [link](https://example.org) and a note[^a].\n\n"
        "> A quote\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[^a]: The note.\n",
        encoding="utf-8",
    )
    out = tmp_path / "notes.html"
    assert main(["export", str(source), "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    for fragment in (
        "<em>emphasis</em>",
        'href="https://example.org"',
        "<blockquote",
        'class="table"',
        'class="fn"',
    ):
        assert fragment in page


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["export", "{tmp}/missing.txt", "--html", "{tmp}/out.html"], "missing.txt: no such file"),
        (["export", "--html", "{tmp}"], "is a directory"),
        (["export", "--html", "{tmp}/no/such/dir/out.html"], "cannot write"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    assert main([argument.format(tmp=tmp_path) for argument in arguments]) == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1
    assert not list(tmp_path.glob("**/*.html"))
