"""The text of one block as an HTML reader collects it: whitespace collapsed as a browser
collapses it, and the inline styles over it (nested styles overlap, and a style still open
when the block ends goes on in the next one: a `p` inside an `em`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.document import InlineStyle
from reader.core.tables import RawSpan

_WHITESPACE = re.compile(r"[\t\n\r\f][ \t\n\r\f]*| [ \t\n\r\f]+")
"""HTML whitespace to collapse (not U+00A0, a no-break space): what is not one space
already, so the single spaces of prose cost nothing (a quarter of the time)."""


@dataclass(slots=True)
class InlineText:
    """The text of the block being read, and its style spans (nested styles overlap)."""

    pieces: list[str] = field(default_factory=list)
    length: int = 0
    spans: list[RawSpan] = field(default_factory=list)
    space: bool = True
    """The text so far ends in a space (or nothing): collapsed whitespace adds none."""
    opened: list[_Open] = field(default_factory=list)

    def text(self, text: str) -> None:
        if not text:
            return
        text = _WHITESPACE.sub(" ", text)
        if self.space and text.startswith(" "):
            text = text[1:]
        if text:
            self.pieces.append(text)
            self.length += len(text)
            self.space = text.endswith(" ")

    def literal(self, text: str) -> None:
        """Text as it is: a line break, an image's stand-in, a note's number."""
        self.pieces.append(text)
        self.length += len(text)
        self.space = text.endswith((" ", "\n"))

    def open(self, style: InlineStyle, href: str = "") -> _Open:
        opened = _Open(style, href, len(self.spans))
        self.spans.append((self.length, self.length, style, href))
        self.opened.append(opened)
        return opened

    def close(self, opened: _Open) -> None:
        start, _, style, href = self.spans[opened.index]
        self.spans[opened.index] = (start, self.length, style, href)
        self.opened.remove(opened)

    @property
    def empty(self) -> bool:
        return not self.pieces

    def take(self) -> tuple[str, list[RawSpan]]:
        """The text (without a trailing space) and its non-empty spans; empties the buffer.

        A style still open (a block inside an `em`) goes on in the next block."""
        text = "".join(self.pieces)
        stripped = text.rstrip(" ")
        end = len(stripped)
        still_open = {opened.index for opened in self.opened}
        spans = [
            (s, end if i in still_open else min(e, end), style, href)
            for i, (s, e, style, href) in enumerate(self.spans)
        ]
        spans = [span for span in spans if span[1] > span[0]]
        self.pieces, self.length, self.spans, self.space = [], 0, [], True
        for opened in self.opened:
            opened.index = len(self.spans)
            self.spans.append((0, 0, opened.style, opened.href))
        return stripped, spans


@dataclass(slots=True)
class _Open:
    """A style opened and not yet closed: where its span is in `InlineText.spans`."""

    style: InlineStyle
    href: str
    index: int
