"""Entry point: `reader [PATH]` opens the reading app; `reader COMMAND ...` runs a subcommand."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__
from reader.cli.common import CommandError, add_glossary_option, resolve_vault, warn
from reader.core.arriving import ArrivingInput
from reader.core.loading import DocumentError, SourceText, read_source

if TYPE_CHECKING:
    import argparse

# Subcommand modules are imported only when used: opening the app stays fast.
COMMANDS: dict[str, str] = {
    "glossary": "entries of the glossary: list, show, mentions, check, suggest",
    "search": "search a document (and its glossary) from the command line",
    "bookmarks": "bookmarks and notes: list, add, remove, export",
    "export": "the document, glossary and bookmarks as one HTML page",
    "serve": "the reading room in a web browser (needs reader[serve])",
    "toc": "the table of contents: chapters in their nesting and where each starts",
    "library": "every document read before: progress, last read, bookmarks, time left",
}


def _command_parser(command: str) -> argparse.ArgumentParser:
    from reader.cli.parser import Parser

    parser = Parser(prog="reader")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    module = importlib.import_module(f"reader.cli.{command}_cmd")
    module.register(subparsers)
    return parser


def _open_parser() -> argparse.ArgumentParser:
    import argparse

    from reader.cli.parser import Parser

    lines = [f"  reader {name:<10} {summary}" for name, summary in COMMANDS.items()]
    parser = Parser(
        prog="reader",
        description="A terminal reading room: read a document beside its glossary.",
        epilog="commands (each has --help):\n" + "\n".join(lines),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path", metavar="PATH", nargs="?", help="document to open (default: the shipped essay; `-`: stdin)"
    )
    add_glossary_option(parser)
    parser.add_argument(
        "--format",
        choices=("md", "text", "raw", "html", "epub"),
        help="read the document as Markdown, prose, program output, HTML or EPUB (default: by suffix, "
        "else content)",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def _keyboard_from_terminal() -> None:
    """After the document came in on stdin, take keys from the terminal, as `less` does."""
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise CommandError("-: the document came on stdin and no terminal is left for keys") from None
    os.dup2(terminal, sys.stdin.fileno())
    os.close(terminal)


def _standard_input() -> int:
    """A descriptor of its own for the document on standard input (fd 0 becomes the
    terminal's, for keys), or a `CommandError` if there is no document there."""
    try:
        if os.isatty(sys.stdin.fileno()):
            raise CommandError("-: standard input is the terminal; pipe a document in (`command | reader -`)")
        return os.dup(sys.stdin.fileno())
    except (OSError, ValueError):
        raise CommandError("-: standard input is closed") from None


def _open(path: str | None, glossary: Path | None, format: str | None = None) -> int:
    source: SourceText | ArrivingInput
    try:
        if path == "-":
            # Shown as it arrives, as `less` does: the first lines now, the rest behind them.
            source = ArrivingInput(_standard_input(), format=format)
            source.wait_for_first_lines()
        else:
            source = read_source(path, format=format)
    except DocumentError as error:
        raise CommandError(str(error)) from None
    vault = resolve_vault(path, glossary)
    if path == "-":
        _keyboard_from_terminal()
    from reader.app.app import ReaderApp
    from reader.core.settings import load_settings, settings_path

    app = ReaderApp(source, vault=vault, settings=load_settings(settings_path()))
    del source  # the app keeps what it needs; a large file's full text may go
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments and arguments[0] in COMMANDS:
            args = _command_parser(arguments[0]).parse_args(arguments)
            code: int = args.run(args)
            return code
        if len(arguments) <= 1 and not any(arg.startswith("-") and arg != "-" for arg in arguments):
            # `reader` or `reader PATH`: nothing for argparse to do, and the first paint is timed.
            return _open(arguments[0] if arguments else None, None)
        args = _open_parser().parse_args(arguments)
        return _open(args.path, args.glossary, args.format)
    except CommandError as error:
        warn(str(error))
        return error.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
