"""Standard input as it arrives: the complete lines so far, then the whole once it ends."""

from __future__ import annotations

import codecs

import pytest

from reader.core.arriving import ArrivingInput
from reader.core.document import BlockKind
from reader.core.formats import Format
from reader.core.loading import DocumentError
from tests.stdin_pipe import Pipe


def until_ended(arriving: ArrivingInput) -> None:
    while not arriving.ended:
        arriving.wait(None)


def test_the_first_lines_are_a_document_before_the_input_ends(pipe: Pipe) -> None:
    read = pipe.read
    arriving = ArrivingInput(read)
    pipe.send(b"First words -- said early.\n\nSecond para")
    arriving.wait_for_first_lines()
    early = arriving.document()
    assert not early.complete
    assert "First words – said early." in early.text
    assert "Second" not in early.text  # a line still being written is not shown
    pipe.send(b"graph, now whole.\n")
    pipe.end()
    until_ended(arriving)
    whole = arriving.document()
    assert whole.complete
    assert [whole.block_text(block.index) for block in whole.blocks if block.kind is BlockKind.PARAGRAPH][
        -1
    ] == "Second paragraph, now whole."


def test_a_pause_is_reported_and_nothing_is_lost(pipe: Pipe) -> None:
    read = pipe.read
    arriving = ArrivingInput(read)
    pipe.send(b"one\n")
    assert arriving.wait(None)
    assert not arriving.wait(0)  # nothing more yet: a pause, not an end
    assert not arriving.ended
    pipe.send(b"two\n")
    pipe.end()
    until_ended(arriving)
    assert arriving.document().text.split() == ["one", "two"]


def test_the_format_is_told_by_the_first_lines_and_kept(pipe: Pipe) -> None:
    read = pipe.read
    arriving = ArrivingInput(read)
    pipe.send(b"---\ntitle: Notes\n---\n\n# Notes\n\nSome *text*.\n")
    arriving.wait_for_first_lines()
    document = arriving.document()
    assert document.format == Format.MARKDOWN
    assert document.title == "Notes"
    assert "title:" not in document.text  # front matter is not text
    pipe.send(b"\nplain words after\n")
    pipe.end()
    until_ended(arriving)
    assert arriving.document().format == Format.MARKDOWN


def test_format_asked_for_wins(pipe: Pipe) -> None:
    read = pipe.read
    arriving = ArrivingInput(read, format="raw")
    pipe.send(b"Some prose that would be joined\ninto one paragraph.\n")
    pipe.end()
    arriving.wait_for_first_lines()
    until_ended(arriving)
    assert arriving.document().format == Format.RAW


def test_utf16_split_inside_a_character_waits_for_the_rest(pipe: Pipe) -> None:
    read = pipe.read
    data = codecs.BOM_UTF16_LE + "Ça va\nbien\n".encode("utf-16-le")
    arriving = ArrivingInput(read)
    pipe.send(data[:9])  # the mark, three characters and half of the fourth
    arriving.wait(None)
    pipe.send(data[9:])
    arriving.wait_for_first_lines()
    assert "Ça va" in arriving.document().text
    pipe.end()
    until_ended(arriving)
    assert arriving.document().text.split() == ["Ça", "va", "bien"]


def test_an_input_that_ends_empty_is_refused(pipe: Pipe) -> None:
    read = pipe.read
    pipe.send(b"  \n\n")
    pipe.end()
    with pytest.raises(DocumentError, match=r"<stdin>: is empty"):
        ArrivingInput(read).wait_for_first_lines()


def test_binary_input_is_refused_at_its_first_piece(pipe: Pipe) -> None:
    read = pipe.read
    pipe.send(b"\0" * 4096)
    arriving = ArrivingInput(read)
    with pytest.raises(DocumentError, match="binary"):
        arriving.wait_for_first_lines()
    arriving.close()


def test_close_stops_reading_and_is_idempotent(pipe: Pipe) -> None:
    read = pipe.read
    arriving = ArrivingInput(read)
    pipe.send(b"text\n")
    arriving.wait_for_first_lines()
    arriving.close()
    arriving.close()
    assert arriving.ended
    assert not arriving.wait(0)


def test_an_epub_is_never_read_from_a_pipe(pipe: Pipe) -> None:
    read = pipe.read
    pipe.send(b"PK\x03\x04 not text\n")
    arriving = ArrivingInput(read, format="epub")
    with pytest.raises(DocumentError, match="EPUB cannot be read from standard input"):
        arriving.wait_for_first_lines()
    arriving.close()
