"""Reading a file (or stdin) into a `Document`, with one-line errors for bad input."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, NamedTuple

from reader.core.document import Document
from reader.core.plaintext import parse_plain_stream, parse_plain_text
from reader.core.resources import essay_path

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_SNIFF = 8192
# Control characters that never occur in text (tab, newline, CR and form feed do).
_BINARY_CONTROLS = frozenset(range(0, 32)) - {9, 10, 12, 13}


class DocumentError(Exception):
    """A document that cannot be opened; the message is one line naming the file."""


def _decode(data: bytes, name: str) -> tuple[str, str, str | None]:
    """Text, the codec that decoded it, and a notice: UTF-8 (with or without BOM);
    Latin-1/CP-1252 text decoded with a notice."""
    try:
        return data.decode("utf-8-sig"), "utf-8-sig", None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        bad = data[error.start : error.start + 1]
    # Bytes 0x80-0x9F are printable in CP-1252 but control codes in Latin-1.
    try:
        text, codec, encoding = data.decode("cp1252"), "cp1252", "Windows-1252"
    except UnicodeDecodeError:
        text, codec, encoding = data.decode("latin-1"), "latin-1", "Latin-1"
    if sum(1 for ch in text[:_SNIFF] if ord(ch) < 32 and ord(ch) in _BINARY_CONTROLS) > 0:
        raise DocumentError(f"{name}: not UTF-8 text (byte {bad!r} at line {line})")
    notice = f"{name} is not valid UTF-8 (byte {bad!r} at line {line}); shown decoded as {encoding}"
    return text, codec, notice


def _read(path: Path | None, stdin: BinaryIO | None) -> tuple[bytes, str]:
    if path is None:
        stream = stdin if stdin is not None else sys.stdin.buffer
        return stream.read(), "<stdin>"
    name = str(path)
    try:
        return path.read_bytes(), name
    except FileNotFoundError:
        raise DocumentError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise DocumentError(f"{name}: is a directory, not a document") from None
    except PermissionError:
        raise DocumentError(f"{name}: permission denied") from None
    except OSError as error:
        raise DocumentError(f"{name}: cannot read ({error.strerror or error})") from None


class SourceText(NamedTuple):
    """A document's decoded, newline-normalised text, before parsing."""

    text: str
    source: Path | None
    notice: str | None = None
    codec: str = "utf-8-sig"
    """How the file decoded, so that it can be read again in pieces (`parse_file`)."""

    @property
    def is_markdown(self) -> bool:
        return self.source is not None and self.source.suffix.lower() in MARKDOWN_SUFFIXES


def read_source(path: str | Path | None = None, *, stdin: BinaryIO | None = None) -> SourceText:
    """Read `path` (`None`: the shipped essay; `"-"`: standard input), or a `DocumentError`."""
    if path is None:
        path = essay_path()
    source = None if str(path) == "-" else Path(path)
    if source is not None and source.is_dir():
        raise DocumentError(f"{source}: is a directory, not a document")
    data, name = _read(source, stdin)
    if b"\0" in data[:_SNIFF]:
        raise DocumentError(f"{name}: looks like a binary file, not text")
    text, codec, notice = _decode(data, name)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():  # isspace: no copy of a 3 MB text, as strip() would make
        raise DocumentError(f"{name}: is empty")
    return SourceText(text, source, notice, codec)


def parse_source(source: SourceText, *, head: int | None = None) -> Document:
    """Parse a source; `head` asks for its first blocks only (plain text; see `parse_plain_text`)."""
    stem = source.source.stem if source.source is not None else "stdin"
    if source.is_markdown:
        from reader.core.markdown import parse_markdown

        document = parse_markdown(source.text, source=source.source, fallback_title=stem)
    else:
        document = parse_plain_text(source.text, source=source.source, fallback_title=stem, head=head)
    document.notice = source.notice
    return document


def parse_file(path: Path, codec: str, *, notice: str | None = None) -> Document:
    """The whole plain-text file `path` (already read once as `codec`), parsed as it is
    read in pieces: the same document as `parse_source`, without a second full copy of
    the text in memory.  Markdown files are read whole."""
    try:
        if path.suffix.lower() in MARKDOWN_SUFFIXES:
            return parse_source(SourceText(path.read_text(encoding=codec), path, notice, codec))
        with path.open(encoding=codec, newline=None) as stream:
            document = parse_plain_stream(stream, source=path, fallback_title=path.stem)
    except (OSError, UnicodeDecodeError) as error:
        raise DocumentError(f"{path}: changed or vanished while loading ({error})") from None
    document.notice = notice
    return document


def load_document(path: str | Path | None = None, *, stdin: BinaryIO | None = None) -> Document:
    """Open and parse `path` (`None`: the shipped essay; `"-"`: standard input)."""
    return parse_source(read_source(path, stdin=stdin))
