"""Standard input shown as it arrives, as `less` shows it.

`(echo a; sleep 4; echo b) | reader -` shows `a` at once and `b` four seconds
later; `git log | reader -` paints its first screen while git is still writing.
`ArrivingInput` reads the pipe a piece at a time, with the same checks as a file
(binary, too large: `check_piece`), and makes a document of the complete lines
received so far; the shell's worker asks for one whenever the input pauses or enough
time has passed, and a last, complete one when the input ends.
"""

from __future__ import annotations

import os
import select

from reader.core.document import Document
from reader.core.formats import Format, format_for
from reader.core.loading import DocumentError, SourceText, check_piece, decode, parse_source, wide_codec

_PIECE = 1 << 16
"""Bytes read at a time: small enough that the first lines show before a fast writer fills
a larger buffer."""
_STDIN = "<stdin>"
_UNITS = {"utf-32": 4, "utf-16": 2}
"""Code unit sizes of the wide codecs: their text is cut at a whole unit, not at a newline byte."""


class ArrivingInput:
    """The bytes a pipe has delivered so far, and the document they make.

    Owned by one thread at a time: the command line waits for the first lines, then
    hands it to the app's worker, which reads the rest.
    """

    def __init__(self, fd: int, *, format: str | None = None) -> None:
        self._fd = fd
        self._asked = format
        self._format: Format | None = None
        self._data = bytearray()
        self.ended = False
        """True once the writer has closed the pipe: the document is then complete."""

    def wait(self, timeout: float | None) -> bool:
        """Wait up to `timeout` seconds (None: as long as it takes) for input and read what
        has come: True if something arrived or the input ended, False on a pause.  A
        `DocumentError` if the input turns out binary or too large."""
        if self.ended:
            return False
        ready, _, _ = select.select([self._fd], [], [], timeout)
        if not ready:
            return False
        piece = os.read(self._fd, _PIECE)
        if not piece:
            self.close()
            return True
        check_piece(self._data, piece, _STDIN)
        self._data += piece
        return True

    def wait_for_first_lines(self) -> None:
        """Block until a complete line (or the whole input) has arrived: the first screen
        needs something to show.  A `DocumentError` for input that ends empty."""
        while not self.ended and not self._has_a_line():
            self.wait(None)
        if not self._has_a_line():
            raise DocumentError(f"{_STDIN}: is empty")

    def close(self) -> None:
        """Stop reading: the input ended, or the reader quit while it was still arriving."""
        if not self.ended:
            self.ended = True
            os.close(self._fd)

    def document(self) -> Document:
        """The document the input makes so far: its complete lines while it is still
        arriving (not `complete`), all of it once it has ended."""
        return parse_source(self._source(), partial=not self.ended)

    def _source(self) -> SourceText:
        data = self._data if self.ended else self._complete_part()
        text, codec, notice = decode(data, _STDIN)
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if self._format is None:
            # Decided on the first lines and kept: a document that changed format as it grew
            # would jump under the reader's eyes.
            self._format = format_for(None, text, self._asked)
        return SourceText(text, None, notice, codec, self._format)

    def _has_a_line(self) -> bool:
        """Whether what has arrived holds a complete line with something on it."""
        text = decode(self._data if self.ended else self._complete_part(), _STDIN)[0]
        if not self.ended:
            text = text[: text.rfind("\n") + 1]  # as parsing will cut it
        return bool(text.strip())

    def _complete_part(self) -> bytearray:
        """The data up to a boundary no character crosses: the last newline, or for UTF-16
        and UTF-32 the last whole code unit (the partial last line is dropped in parsing)."""
        wide = wide_codec(self._data[:4])
        if wide is not None:
            unit = _UNITS[wide[0]]
            return self._data[: len(self._data) - len(self._data) % unit]
        return self._data[: self._data.rfind(b"\n") + 1]
