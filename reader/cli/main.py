"""Entry point: `reader [PATH]` opens the reading app; `reader COMMAND ...` runs a subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from reader import __version__
from reader.cli import bookmarks_cmd, glossary_cmd, search_cmd
from reader.cli.common import CommandError, add_glossary_option, open_document, resolve_vault

Register = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]
COMMANDS: dict[str, Register] = {
    "glossary": glossary_cmd.register,
    "search": search_cmd.register,
    "bookmarks": bookmarks_cmd.register,
}


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in COMMANDS.values():
        register(subparsers)
    return parser


def _open_parser() -> argparse.ArgumentParser:
    commands = _command_parser()._subparsers
    lines = []
    if commands is not None:
        for action in commands._group_actions:
            for choice in getattr(action, "_choices_actions", []):
                lines.append(f"  reader {choice.dest:<10} {choice.help}")
    parser = argparse.ArgumentParser(
        prog="reader",
        description="A terminal reading room: read a document beside its glossary.",
        epilog="commands (each has --help):\n" + "\n".join(lines),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", metavar="PATH", nargs="?", help="document to open (default: the shipped essay; `-`: stdin)")
    add_glossary_option(parser)
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def _open(args: argparse.Namespace) -> int:
    document = open_document(args.path)
    vault = resolve_vault(args.path, args.glossary)
    from reader.app.app import ReaderApp

    app = ReaderApp(document, vault=vault)
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments and arguments[0] in COMMANDS:
            args = _command_parser().parse_args(arguments)
            code: int = args.run(args)
            return code
        return _open(_open_parser().parse_args(arguments))
    except CommandError as error:
        print(f"reader: {error}", file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
