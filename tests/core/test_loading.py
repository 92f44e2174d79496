"""Opening files and stdin: decoding, the parser chosen, and one-line errors naming the file."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.document import BlockKind, InlineStyle
from reader.core.formats import Format
from reader.core.loading import (
    DocumentError,
    LoadCancelled,
    SourceText,
    load_document,
    parse_file,
    parse_source,
    read_source,
)

ROOT = Path(__file__).resolve().parents[2]


def missing(tmp_path: Path) -> Path:
    return tmp_path / "no-such-file.txt"


def directory(tmp_path: Path) -> Path:
    path = tmp_path / "a-folder.txt"
    path.mkdir()
    return path


def binary(tmp_path: Path) -> Path:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    return path


def empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path


def blank(tmp_path: Path) -> Path:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\t\r\n\n   ")
    return path


BAD_FILES: list[tuple[Callable[[Path], Path], str]] = [
    (missing, "no such file"),
    (directory, "directory"),
    (binary, "binary"),
    (empty, "empty"),
    (blank, "empty"),
]


@pytest.mark.parametrize(("make", "reason"), BAD_FILES, ids=[make.__name__ for make, _ in BAD_FILES])
def test_bad_file_is_a_one_line_error_naming_it(
    tmp_path: Path, make: Callable[[Path], Path], reason: str
) -> None:
    path = make(tmp_path)
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert reason in message


@pytest.mark.parametrize(("make", "reason"), BAD_FILES, ids=[make.__name__ for make, _ in BAD_FILES])
def test_cli_reports_a_bad_file_in_one_line(
    tmp_path: Path, make: Callable[[Path], Path], reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make(tmp_path)
    assert main([str(path)]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert str(path) in captured.err and reason in captured.err


@pytest.mark.parametrize(("make", "reason"), BAD_FILES[:4], ids=[make.__name__ for make, _ in BAD_FILES[:4]])
def test_python_dash_m_reader_reports_a_bad_file_in_one_line(
    tmp_path: Path, make: Callable[[Path], Path], reason: str
) -> None:
    path = make(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "reader", str(path)],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode != 0
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and reason in lines[0]


def test_python_dash_m_reader_on_nonexistent_root_path() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "/nonexistent"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode != 0
    assert result.stderr.splitlines() == ["reader: /nonexistent: no such file"]


def test_latin1_file_decodes_with_a_notice_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(b"First line.\n\nCaf\xe9 au lait, \x93bien s\xfbr\x94.\n")
    document = load_document(path)
    assert "Café au lait, “bien sûr”." in document.text
    assert document.notice is not None
    assert "\n" not in document.notice
    assert str(path) in document.notice
    assert "line 3" in document.notice
    assert "Windows-1252" in document.notice


def test_byte_undefined_in_cp1252_falls_back_to_latin1(tmp_path: Path) -> None:
    path = tmp_path / "older.txt"
    path.write_bytes(b"Na\xefve \x81 text.")
    document = load_document(path)
    assert document.text.startswith("Naïve")
    assert document.notice is not None
    assert "Latin-1" in document.notice and "line 1" in document.notice


def test_invalid_utf8_with_control_characters_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(b"ok\nstill ok\n\x01\x02\xff\xfe")
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "line 3" in message and "\n" not in message


def test_utf8_file_has_no_notice(tmp_path: Path) -> None:
    path = tmp_path / "modern.txt"
    path.write_text("Café — “fine”.\n", encoding="utf-8")
    document = load_document(path)
    assert document.notice is None
    assert document.text == "Café — “fine”."
    assert document.source == path


def test_stdin() -> None:
    document = load_document("-", stdin=io.BytesIO(b"Hello from a pipe.\r\n\r\nSecond 'part'."))
    assert document.source is None
    assert document.title == "Hello from a pipe."
    assert [document.block_text(i) for i in range(2)] == ["Hello from a pipe.", "Second ‘part’."]


def test_empty_stdin_is_an_error_naming_stdin() -> None:
    with pytest.raises(DocumentError, match=r"^<stdin>: is empty$"):
        load_document("-", stdin=io.BytesIO(b"\n \n"))


def test_untitled_stdin_falls_back_to_stdin() -> None:
    assert load_document("-", stdin=io.BytesIO(b"date 2026-01-20")).title == "stdin"


def test_untitled_file_falls_back_to_its_stem(tmp_path: Path) -> None:
    path = tmp_path / "my-notes.txt"
    path.write_text("date 2026-01-20\n", encoding="utf-8")
    assert load_document(path).title == "my-notes"


@pytest.mark.parametrize("name", ["notes.md", "notes.MD", "notes.markdown"])
def test_markdown_suffix_uses_the_markdown_parser(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("## A Title\n\nSome *emphasis* here.\n", encoding="utf-8")
    assert read_source(path).format is Format.MARKDOWN
    document = load_document(path)
    assert [block.kind for block in document.blocks] == [BlockKind.HEADING, BlockKind.PARAGRAPH]
    spans = document.blocks[1].spans
    assert [(span.style, document.text[span.start : span.end]) for span in spans] == [
        (InlineStyle.EMPHASIS, "emphasis")
    ]


def test_same_text_as_txt_is_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("# A Title\n\nSome *emphasis* here.\n", encoding="utf-8")
    assert read_source(path).format is Format.TEXT
    document = load_document(path)
    assert [document.block_text(i) for i in range(2)] == ["# A Title", "Some *emphasis* here."]
    assert all(not block.spans for block in document.blocks)


def test_read_source_then_parse_source_is_load_document(tmp_path: Path) -> None:
    path = tmp_path / "round.txt"
    path.write_bytes(b'\xef\xbb\xbfdate 2026-01\r\n\r\nCHAPTER I\r\n\r\nIt was -- he said -- "late".\r\n')
    source = read_source(path)
    assert source == SourceText('date 2026-01\n\nCHAPTER I\n\nIt was -- he said -- "late".\n', path, None)
    parsed, loaded = parse_source(source), load_document(path)
    assert (parsed.title, parsed.date, parsed.text, parsed.blocks) == (
        loaded.title,
        loaded.date,
        loaded.text,
        loaded.blocks,
    )
    assert parsed.text == "CHAPTER I\n\nIt was – he said – “late”."


def test_notice_survives_parse_source(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Caf\xe9.")
    source = read_source(path)
    assert source.notice is not None
    assert parse_source(source).notice == source.notice


def test_a_load_cancelled_midway_stops_at_the_next_piece(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("A paragraph of some length, repeated.\n\n" * 50_000, encoding="utf-8")
    pieces = 0

    def cancelled() -> bool:
        nonlocal pieces
        pieces += 1
        return pieces > 3  # the reader quits while the fourth piece is asked for

    with pytest.raises(LoadCancelled):
        parse_file(path, "utf-8-sig", cancelled=cancelled)
    assert pieces == 4
    assert len(parse_file(path, "utf-8-sig").blocks) == 50_000  # not cancelled: all of it
