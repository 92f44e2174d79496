"""What every subcommand shares: opening the document and the glossary vault, errors,
and printing.

Everything a subcommand prints goes through `echo`, `warn`, `Paint`, `print_rich`
or `print_json`, which make text from a document, a vault, a note or a file name
inert on the terminal (`reader.core.sanitize`): a control sequence in any of them
is shown (`␛]0;…`), never obeyed.  JSON stays JSON: the few characters it would carry
raw (DEL, C1 controls, bidi controls, lone surrogates) are written as `\\uXXXX`.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.document import Document
from reader.core.loading import DocumentError, load_document
from reader.core.resources import find_vault
from reader.core.sanitize import one_line, printable

if TYPE_CHECKING:
    import argparse

    from rich.console import Console, RenderableType
    from rich.style import Style

EXIT_OK = 0
EXIT_NO_MATCH = 1
EXIT_ERROR = 2


class CommandError(Exception):
    """A failure to report as one line on stderr with a non-zero exit."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


def add_document_argument(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    """The optional PATH (default: the shipped essay; `-`: standard input)."""
    if required:
        parser.add_argument("path", metavar="PATH", help="document to read (`-` for stdin)")
    else:
        parser.add_argument(
            "path",
            metavar="PATH",
            nargs="?",
            help="document to read (default: the shipped essay; `-`: stdin)",
        )


def add_glossary_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--glossary",
        metavar="DIR",
        type=Path,
        help="glossary vault (default: <document stem>.glossary/ beside it)",
    )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def open_document(path: str | None) -> Document:
    """The document named on the command line, or a `CommandError`."""
    try:
        document = load_document(path)
    except DocumentError as error:
        raise CommandError(str(error)) from None
    if document.notice:
        warn(document.notice)  # the same notice the app shows
    return document


def resolve_vault(document_path: str | Path | None, explicit: Path | None) -> Path | None:
    """The vault for this document (see `reader.core.resources.find_vault`), or a `CommandError`."""
    try:
        return find_vault(document_path, explicit)
    except NotADirectoryError as error:
        raise CommandError(str(error)) from None


# What JSON leaves raw that a terminal may act on; it can only stand inside a string.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def print_json(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    sys.stdout.write(_JSON_UNSAFE.sub(_json_escape, text) + "\n")


def echo(text: str = "", *, err: bool = False, end: str = "\n") -> None:
    """Print `text` (any number of lines) with every control made visible, tabs expanded."""
    (sys.stderr if err else sys.stdout).write(printable(text) + end)


def warn(message: str) -> None:
    """`reader: message` on stderr, on one line whatever the message holds."""
    sys.stderr.write(f"reader: {one_line(message)}\n")


# Select Graphic Rendition parameters, the few styles a listing uses.
BOLD = "1"
LABEL = "36"
"""Cyan: a paragraph number, an entry's kind."""
HIGHLIGHT = "1;7"
"""Bold reverse video: the hit itself, legible in any terminal's colours."""


class Paint:
    """Styles for listings printed by the thousand (`reader search the` prints 47,339 lines):
    a string format per piece, where Rich took 0.4 ms to render each line (20 s in all).

    On only when standard output is a terminal that is not `dumb` and NO_COLOR is unset;
    off, every piece is written as it is.  Each piece is made inert on one line before it
    is styled, so the only control sequences written are the ones added here.
    """

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    @classmethod
    def for_stdout(cls) -> Paint:
        colour = not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        return cls(colour and sys.stdout.isatty())

    def __call__(self, text: str, style: str = "") -> str:
        """`text`, inert, in the SGR `style` (none: plain)."""
        text = one_line(text)
        return f"\x1b[{style}m{text}\x1b[0m" if style and text and self.enabled else text

    def marked(self, text: str, start: int, end: int, style: str) -> str:
        """`text`, inert, with `[start, end)` of it in `style`: one scan of the line
        (`one_line` keeps every offset), where three pieces would take three."""
        text = one_line(text)
        if not self.enabled:
            return text
        return f"{text[:start]}\x1b[{style}m{text[start:end]}\x1b[0m{text[end:]}"


def print_rich(renderable: RenderableType, console: Console) -> None:
    """Print a Rich renderable: Rich writes its own styles, and every piece of text in
    it, and every link target it writes into an OSC 8 hyperlink, is made inert first
    (Rich itself strips only BEL, BS, VT, FF and CR)."""
    from rich.segment import Segment, Segments

    segments = [
        segment if segment.control else Segment(printable(segment.text), _inert_link(segment.style))
        for segment in console.render(renderable, console.options)
    ]
    console.print(Segments(segments))


def _inert_link(style: Style | None) -> Style | None:
    if style is None or not style.link:
        return style
    return style.update_link(one_line(style.link))
