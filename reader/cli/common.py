"""What every subcommand shares: opening the document and the glossary vault, errors,
and printing.

Everything a subcommand prints goes through `echo`, `warn`, `print_rich` or
`print_json`, which make text from a document, a vault, a note or a file name inert
on the terminal (`reader.core.sanitize`): a control sequence in any of them is
shown (`␛]0;…`), never obeyed.  JSON stays JSON: the few characters it would carry
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
from reader.core.sanitize import inert, is_inert, one_line, printable

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


def styled_console() -> Console:
    """Styled on a terminal; plain text when piped or when NO_COLOR is set."""
    from rich.console import Console

    plain = bool(os.environ.get("NO_COLOR")) or not sys.stdout.isatty()
    return Console(
        file=sys.stdout,
        color_system=None if plain else "auto",
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=True,
    )


def print_rich(renderable: RenderableType, console: Console | None = None) -> None:
    """Print a Rich renderable: Rich writes its own styles, and every piece of text in
    it, and every link target it writes into an OSC 8 hyperlink, is made inert first
    (Rich itself strips only BEL, BS, VT, FF and CR)."""
    from rich.segment import Segment, Segments
    from rich.text import Text

    console = console if console is not None else styled_console()
    if isinstance(renderable, Text) and not any(_has_link(span.style) for span in renderable.spans):
        # One line of a listing, printed thousands of times: `inert` keeps every offset,
        # so the spans still style the same characters, and Rich renders it once.
        if not is_inert(renderable.plain):
            renderable = renderable.copy()
            renderable.plain = inert(renderable.plain)
        console.print(renderable)
        return
    segments = [
        segment if segment.control else Segment(printable(segment.text), _inert_link(segment.style))
        for segment in console.render(renderable, console.options)
    ]
    console.print(Segments(segments))


def _has_link(style: str | Style) -> bool:
    return not isinstance(style, str) and bool(style.link)


def _inert_link(style: Style | None) -> Style | None:
    if style is None or not style.link:
        return style
    return style.update_link(one_line(style.link))
