"""Reading a file (or stdin) into a `Document`, with one-line errors for bad input.

Input is read in bounded pieces, never all at once: a device (`/dev/zero`,
`/dev/urandom`) or an endless pipe is refused after its first piece, and nothing
larger than `MAX_DOCUMENT_BYTES` is held.  Reading in pieces also keeps ctrl+c
prompt while a large file loads.  What is read is decoded as UTF-8 (a few bad bytes
become U+FFFD, with a notice naming the first), as UTF-16 or UTF-32 when the file
starts with their byte-order mark, and else as Windows-1252 or Latin-1 (with a
notice).  The document built from it is inert on a terminal (see `document`).
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, NamedTuple

from reader.core.document import Document
from reader.core.formats import EPUB_SUFFIX, HEAD_CHARS, Format, format_for, parse_document
from reader.core.plaintext import TextStream, parse_plain_stream
from reader.core.resources import essay_path
from reader.core.sanitize import one_line

MAX_DOCUMENT_BYTES = 512 * 1024 * 1024
"""The largest document reader opens (512 MiB): 160 times War and Peace, so that any
real book opens, while `/dev/zero` or a runaway pipe is refused in bounded memory."""
_PIECE = 1 << 20
"""Bytes read at a time."""
_SNIFF = 8192
"""A NUL byte this early means a binary file, as for `grep` and `less`."""
_MAX_NUL_SHARE = 100
"""A later piece more than 1/100 NUL bytes is binary too (a few stray NULs are shown as ␀)."""
# Control characters that never occur in text (tab, newline, CR and form feed do).
_BINARY_CONTROLS = frozenset(range(0, 32)) - {9, 10, 12, 13}
# UTF-32's little-endian mark begins with UTF-16's: it is looked for first.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Lead bytes of UTF-8 sequences of two to four bytes; Latin-1 letters are among them too.
_NOT_LEAD_BYTES = bytes(byte for byte in range(256) if not 0xC2 <= byte <= 0xF4)
_REPLACED = "\ufffd"


class DocumentError(Exception):
    """A document that cannot be opened; the message is one line naming the file."""


def wide_codec(head: bytes | bytearray) -> tuple[str, str] | None:
    """The codec and name of UTF-16 or UTF-32 text, told by its byte-order mark."""
    for mark, codec, label in _BYTE_ORDER_MARKS:
        if head.startswith(mark):
            return codec, label
    return None


def _position(data: bytes | bytearray, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    return f"byte {offset}, line {line}"


def decode(data: bytearray, name: str) -> tuple[str, str, str | None]:
    """Text, the codec that decoded it, and a notice (None for clean UTF-8)."""
    wide = wide_codec(data[:4])
    if wide is not None:
        return _decode_replacing(data, name, *wide)
    try:
        return data.decode("utf-8-sig"), "utf-8-sig", None
    except UnicodeDecodeError as error:
        first_bad = error.start
    text = data.decode("utf-8-sig", errors="replace")
    # Invalid sequences, and the well-formed multi-byte characters around them: a UTF-8 file
    # with a stray byte has many more of the second; a Latin-1 file has next to none.
    bad = text.count(_REPLACED) - data.count("\ufffd".encode())
    good = len(data.translate(None, _NOT_LEAD_BYTES)) - bad
    if good > bad:
        plural = "s" if bad != 1 else ""
        notice = (
            f"{name} is not valid UTF-8: {bad} bad byte sequence{plural} shown as \ufffd, the first "
            f"(0x{data[first_bad]:02X}) at {_position(data, first_bad)}"
        )
        return text, "utf-8-sig", notice
    del text
    # Bytes 0x80-0x9F are printable in CP-1252 but control codes in Latin-1.
    try:
        text, codec, encoding = data.decode("cp1252"), "cp1252", "Windows-1252"
    except UnicodeDecodeError:
        text, codec, encoding = data.decode("latin-1"), "latin-1", "Latin-1"
    where = f"0x{data[first_bad]:02X} at {_position(data, first_bad)}"
    if any(ord(char) in _BINARY_CONTROLS for char in text[:_SNIFF]):
        raise DocumentError(f"{name}: not UTF-8 text (byte {where})")
    return text, codec, f"{name} is not valid UTF-8 (byte {where}); shown decoded as {encoding}"


def _decode_replacing(data: bytearray, name: str, codec: str, label: str) -> tuple[str, str, str | None]:
    try:
        return data.decode(codec), codec, None
    except UnicodeDecodeError as error:
        first_bad = error.start
    text = data.decode(codec, errors="replace")
    notice = f"{name} is not valid {label}: bad bytes shown as \ufffd, the first at byte {first_bad}"
    return text, codec, notice


def _read_bounded(stream: BinaryIO, name: str, size: int | None) -> bytearray:
    """Everything `stream` holds, read a piece at a time; a `DocumentError` as soon as it is
    known to be too large or binary (a device or pipe is refused after its first piece)."""
    if size is not None and size > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"{name}: too large ({_mib(size)}; reader opens {_limit()})")
    data = bytearray()
    while piece := stream.read(_PIECE):
        check_piece(data, piece, name)
        data += piece
    return data


def check_piece(data: bytes | bytearray, piece: bytes, name: str) -> None:
    """A `DocumentError` if `piece`, read after `data`, makes the input binary or too large."""
    wide = wide_codec((data or piece)[:4]) is not None
    if not data:
        if not wide and b"\0" in piece[:_SNIFF]:
            raise DocumentError(f"{name}: looks like a binary file, not text")
    elif not wide and piece.count(b"\0") * _MAX_NUL_SHARE > len(piece):
        raise DocumentError(f"{name}: looks like a binary file, not text (NUL bytes at byte {len(data)})")
    if len(data) + len(piece) > MAX_DOCUMENT_BYTES:
        raise DocumentError(
            f"{name}: too large (more than {_mib(MAX_DOCUMENT_BYTES)}; reader opens {_limit()})"
        )


def _mib(size: int) -> str:
    return f"{size / (1 << 20):.0f} MiB" if size >= 1 << 20 else f"{size} bytes"


def _limit() -> str:
    return f"at most {_mib(MAX_DOCUMENT_BYTES)}"


def _read(path: Path | None, stdin: BinaryIO | None) -> tuple[bytearray, str]:
    if path is None:
        stream = stdin if stdin is not None else sys.stdin.buffer
        return _read_bounded(stream, "<stdin>", None), "<stdin>"
    name = one_line(str(path))
    try:
        with path.open("rb") as stream:
            status = os.fstat(stream.fileno())
            # A regular file's size is known up front; a device or FIFO says 0 and is read until the limit.
            size = status.st_size if stat.S_ISREG(status.st_mode) else None
            return _read_bounded(stream, name, size), name
    except OSError as error:
        raise _unreadable(name, error) from None


def _unreadable(name: str, error: OSError) -> DocumentError:
    """The one line for a file that cannot be read, in the reader's words rather than errno's."""
    if isinstance(error, FileNotFoundError):
        return DocumentError(f"{name}: no such file")
    if isinstance(error, IsADirectoryError):
        return DocumentError(f"{name}: is a directory, not a document")
    if isinstance(error, PermissionError):
        return DocumentError(f"{name}: permission denied")
    return DocumentError(f"{name}: cannot read ({error.strerror or error})")


class SourceText(NamedTuple):
    """A document's decoded, newline-normalised text, before parsing."""

    text: str
    source: Path | None
    notice: str | None = None
    codec: str = "utf-8-sig"
    """How the file decoded, so that it can be read again in pieces (`parse_file`)."""
    format: Format = Format.TEXT
    """Markdown, plain text or program output: asked for, else by suffix, else by content."""

    @property
    def head_chars(self) -> int:
        """How much of it to parse for a first screen (the rest is parsed behind it)."""
        return HEAD_CHARS[self.format]


def read_source(
    path: str | Path | None = None, *, stdin: BinaryIO | None = None, format: str | None = None
) -> SourceText:
    """Read `path` (`None`: the shipped essay; `"-"`: standard input), or a `DocumentError`;
    `format` (`md`, `text`, `raw`, `html`, `epub`) overrides what the suffix or the content
    says.  An EPUB is checked here and read from its archive when parsed (`parse_source`)."""
    if path is None:
        path = essay_path()
    source = None if str(path) == "-" else Path(path)
    if source is not None and source.is_dir():
        raise DocumentError(f"{one_line(str(source))}: is a directory, not a document")
    if source is not None and _is_epub(source, format):
        return _epub_source(source)
    data, name = _read(source, stdin)
    text, codec, notice = decode(data, name)
    del data
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():  # isspace: no copy of a 3 MB text, as strip() would make
        raise DocumentError(f"{name}: is empty")
    return SourceText(text, source, notice, codec, format_for(source, text, format))


def _is_epub(path: Path, format: str | None) -> bool:
    if format is not None:
        return format.lower() == Format.EPUB
    return path.suffix.lower() == EPUB_SUFFIX


def _epub_source(path: Path) -> SourceText:
    """An EPUB, checked (a zip, with a container, a package, chapters, no DRM) but not yet
    read: its text is read from the archive when it is parsed."""
    from reader.core.epub.archive import EpubError
    from reader.core.epub.book import check_epub

    name = one_line(str(path))
    try:
        check_epub(path)
    except EpubError as error:
        raise DocumentError(f"{name}: {one_line(str(error))}") from None
    except OSError as error:
        raise _unreadable(name, error) from None
    return SourceText("", path, None, "", Format.EPUB)


def _parse_epub(path: Path, head: int | None, before_chapter: Callable[[], None] = lambda: None) -> Document:
    from reader.core.epub.archive import EpubError
    from reader.core.epub.book import read_epub

    try:
        return read_epub(path, head=head, fallback_title=path.stem, before_chapter=before_chapter)
    except EpubError as error:
        raise DocumentError(f"{one_line(str(path))}: {one_line(str(error))}") from None
    except OSError as error:
        raise DocumentError(f"{one_line(str(path))}: changed or vanished while loading ({error})") from None


def parse_source(source: SourceText, *, head: int | None = None, partial: bool = False) -> Document:
    """Parse a source in its format; `head` asks for its first blocks only (those before a
    safe boundary at or after `head` characters; `source.head_chars` for a first screen);
    `partial` says the source is standard input still arriving (see `parse_document`)."""
    if source.format is Format.EPUB and source.source is not None:
        return _parse_epub(source.source, head)
    stem = source.source.stem if source.source is not None else "stdin"
    document = parse_document(
        source.text,
        format=source.format,
        source=source.source,
        fallback_title=stem,
        head=head,
        partial=partial,
    )
    document.notice = _joined(source.notice, document.notice)
    return document


def _joined(*notices: str | None) -> str | None:
    present = [notice for notice in notices if notice]
    return "; ".join(present) if present else None


class LoadCancelled(Exception):
    """The reader quit (or asked for another document) while this one was still loading."""


class _BoundedText:
    """A text stream that raises `DocumentError` once more than the limit has been read
    (a file that grew past it between the first read and this one), and `LoadCancelled`
    at the next piece once `cancelled()` says so."""

    def __init__(self, stream: TextStream, name: str, cancelled: Callable[[], bool]) -> None:
        self._stream = stream
        self._name = name
        self._read = 0
        self._cancelled = cancelled

    def read(self, size: int = -1) -> str:
        if self._cancelled():
            raise LoadCancelled(self._name)
        piece = self._stream.read(size)
        self._read += len(piece)
        if self._read > MAX_DOCUMENT_BYTES:
            raise DocumentError(f"{self._name}: grew too large while loading (reader opens {_limit()})")
        return piece


def parse_file(
    path: Path,
    codec: str,
    *,
    notice: str | None = None,
    format: Format = Format.TEXT,
    cancelled: Callable[[], bool] = lambda: False,
) -> Document:
    """The whole file `path` (already read once as `codec`, found to be `format`): plain
    text is parsed as it is read in pieces, the same document as `parse_source` without a
    second full copy of the text in memory; other formats are read whole again."""
    name = one_line(str(path))
    if format is Format.EPUB:

        def before_chapter() -> None:
            if cancelled():
                raise LoadCancelled(name)

        return _parse_epub(path, None, before_chapter)
    try:
        if format is not Format.TEXT:
            return parse_source(read_source(path, format=format))
        # errors="replace": bytes that were replaced the first time are replaced again.
        with path.open(encoding=codec, errors="replace", newline=None) as stream:
            text = _BoundedText(stream, name, cancelled)
            document = parse_plain_stream(text, source=path, fallback_title=path.stem)
    except (OSError, UnicodeDecodeError) as error:
        raise DocumentError(f"{name}: changed or vanished while loading ({error})") from None
    document.notice = _joined(notice, document.notice)
    return document


def load_document(path: str | Path | None = None, *, stdin: BinaryIO | None = None) -> Document:
    """Open and parse `path` (`None`: the shipped essay; `"-"`: standard input)."""
    return parse_source(read_source(path, stdin=stdin))
