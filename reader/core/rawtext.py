"""Program output into a `Document`: every line is a row, kept as it is, never reflowed.

`git log --stat`, `ls -l`, a compiler's errors: their lines are not prose, and joining
them into paragraphs (as plain text is) scrambles them.  A raw document is made of
`RAW` blocks, each a run of lines: a blank line separates two blocks (further blank
lines stay, as empty rows at the top of the next), and a long run is cut every
`BLOCK_LINES` lines into blocks that follow each other with no blank row (`tight`), so
that a paragraph, a bookmark or a search hit never spans thousands of lines.

Terminal control sequences (colours from `ls --color=always`, `git log --color`) are
removed and tabs expanded, so that what is drawn is text and columns line up.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.document import BlockKind, Document, DocumentBuilder

BLOCK_LINES = 64
"""The most lines in one block: a longer run goes on in the next, tight block."""
TAB_WIDTH = 8
# CSI and OSC sequences (colours, titles, hyperlinks), other escapes, overstrikes (`x\bx`,
# `_\bx`) and every other control character but tab and newline.
_CONTROLS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|[^\n]\x08|"
    r"[\x00-\x08\x0b-\x1f\x7f]"
)
_SEPARATOR = re.compile(r"(?<=[^\n])\n\n")


def clean_raw(text: str) -> str:
    """`text` without control sequences, tabs expanded to columns of `TAB_WIDTH`."""
    text = _CONTROLS.sub("", text)
    if "\t" in text:
        text = "\n".join(line.expandtabs(TAB_WIDTH) for line in text.split("\n"))
    return text


def parse_raw(
    text: str,
    *,
    source: Path | None = None,
    fallback_title: str = "Untitled",
    head: int | None = None,
    complete: bool = True,
) -> Document:
    """Parse program output (normalised newlines) into a document of `RAW` blocks.

    With `head`, parse only up to the first line end at or after `head` characters: every
    block but the last is a block of the whole document, and the last holds the first
    lines of its block.  The same holds of any prefix of a text that ends at a line end,
    which is how standard input is shown as it arrives (`complete=False`).
    """
    if head is not None and head < len(text):
        cut = text.find("\n", head)
        if cut != -1:
            text, complete = text[:cut], False
    builder = DocumentBuilder()
    body = clean_raw(text.rstrip("\n"))
    if body.strip():
        for chunk in _SEPARATOR.split(body):
            lines = chunk.split("\n")
            for first in range(0, len(lines), BLOCK_LINES):
                piece = "\n".join(lines[first : first + BLOCK_LINES])
                builder.add(BlockKind.RAW, piece, tight=first > 0)
    return builder.build(fallback_title, source=source, complete=complete, format="raw")
