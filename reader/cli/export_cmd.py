"""`reader export PATH --html OUT`: the document, its glossary and bookmarks as one HTML page."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from reader.cli.common import (
    EXIT_OK,
    CommandError,
    add_document_argument,
    add_glossary_option,
    echo,
    open_document,
    resolve_vault,
    warn,
)
from reader.core.bookmarks import Bookmark, BookmarkStore, StoreError
from reader.core.document import Document
from reader.core.export.page import export_html
from reader.core.glossary.linker import find_mentions
from reader.core.glossary.model import Glossary
from reader.core.glossary.vault import VaultError, load_glossary
from reader.core.sanitize import one_line


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the document, its glossary and bookmarks as one self-contained HTML page",
        description="One HTML file that works offline: the text as the app sets it, every mention "
        "a link to its glossary entry, bookmarks and notes, search.",
    )
    add_document_argument(parser)
    add_glossary_option(parser)
    parser.add_argument("--html", metavar="OUT", type=Path, required=True, help="the HTML file to write")
    parser.add_argument("--no-bookmarks", action="store_true", help="leave bookmarks and notes out")
    parser.set_defaults(run=_run)


def _glossary(path: str | None, explicit: Path | None) -> Glossary:
    vault = resolve_vault(path, explicit)
    if vault is None:
        return Glossary.empty()
    try:
        return load_glossary(vault)
    except VaultError as error:
        raise CommandError(str(error)) from None


def _bookmarks(document: Document) -> list[Bookmark]:
    """The reader's bookmarks of this text; none, with a warning, if the store cannot be read."""
    try:
        with BookmarkStore.open() as store:
            return store.bookmarks(document)
    except StoreError as error:
        warn(f"bookmarks left out: {error}")
        return []


def _write(out: Path, page: str) -> None:
    """Written beside `out` and renamed over it: a failed export leaves no half page."""
    name = one_line(str(out))
    if out.is_dir():
        raise CommandError(f"{name}: is a directory")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent or Path("."))
    except OSError as error:
        raise CommandError(f"{name}: cannot write ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(page)
        os.chmod(temporary, 0o644)
        os.replace(temporary, out)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise CommandError(f"{name}: cannot write ({error.strerror or error})") from None


def _run(args: argparse.Namespace) -> int:
    document = open_document(args.path)
    glossary = _glossary(args.path, args.glossary)
    mentions = find_mentions(document, glossary)
    bookmarks = [] if args.no_bookmarks else _bookmarks(document)
    page = export_html(document, glossary, mentions, bookmarks)
    _write(args.html, page)
    size = len(page.encode("utf-8"))
    echo(
        f"{args.html}: {size / 1024:,.0f} KiB, {len(mentions)} mentions, {len(bookmarks)} bookmarks", err=True
    )
    return EXIT_OK
