"""What every subcommand shares: opening the document and the glossary vault, errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.document import Document
from reader.core.loading import DocumentError, load_document
from reader.core.resources import find_vault

if TYPE_CHECKING:
    import argparse

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
        return load_document(path)
    except DocumentError as error:
        raise CommandError(str(error)) from None


def resolve_vault(document_path: str | Path | None, explicit: Path | None) -> Path | None:
    """The vault for this document (see `reader.core.resources.find_vault`), or a `CommandError`."""
    try:
        return find_vault(document_path, explicit)
    except NotADirectoryError as error:
        raise CommandError(str(error)) from None


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
