"""`reader search`: grep-like hits in a document, then the glossary entries the query finds."""

from __future__ import annotations

import argparse
from typing import Any

from rich.text import Text

from reader.cli.common import (
    EXIT_NO_MATCH,
    EXIT_OK,
    CommandError,
    add_document_argument,
    add_glossary_option,
    add_json_option,
    open_document,
    print_json,
    print_rich,
    resolve_vault,
    styled_console,
)
from reader.core.document import Document
from reader.core.glossary.model import Entry, Glossary
from reader.core.glossary.vault import VaultError, load_glossary
from reader.core.search import Match, SearchError, SearchOptions, match_entries, search
from reader.core.snippets import snippet

DEFAULT_CONTEXT = 80
_HIGHLIGHT = "bold reverse"
_LABEL = "cyan"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search a document (and its glossary) from the command line",
        description="Find QUERY in a document: case is ignored unless QUERY has a capital, "
        "accents, quote and dash styles always are, and any spacing matches any spacing.",
    )
    parser.add_argument("query", metavar="QUERY", help="text to find (a regular expression with --regex)")
    add_document_argument(parser)
    parser.add_argument("--regex", action="store_true", help="QUERY is a regular expression")
    case = parser.add_mutually_exclusive_group()
    case.add_argument(
        "--case-sensitive", dest="case_sensitive", action="store_true", default=None, help="always match case"
    )
    case.add_argument(
        "-i", "--ignore-case", dest="case_sensitive", action="store_false", help="never match case"
    )
    parser.add_argument("--word", action="store_true", help="match whole words only")
    parser.add_argument(
        "--context",
        metavar="N",
        type=_context_width,
        default=DEFAULT_CONTEXT,
        help=f"show about N characters around each hit (default {DEFAULT_CONTEXT})",
    )
    add_glossary_option(parser)
    add_json_option(parser)
    parser.set_defaults(run=run)


def _context_width(value: str) -> int:
    try:
        width = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if width < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {width}")
    return width


def _glossary(args: argparse.Namespace) -> Glossary:
    vault = resolve_vault(args.path, args.glossary)
    if vault is None:
        return Glossary.empty()
    try:
        return load_glossary(vault)
    except VaultError as error:
        raise CommandError(str(error)) from None


def _as_json(
    query: str, document: Document, matches: list[Match], entries: list[Entry], width: int
) -> dict[str, Any]:
    return {
        "query": query,
        "count": len(matches),
        "matches": [
            {
                "block": match.block,
                "start": match.start,
                "end": match.end,
                "text": document.text[match.start : match.end],
                "context": snippet(document, match, width).text,
            }
            for match in matches
        ],
        "entries": [
            {"title": entry.title, "kind": entry.kind, "summary": entry.summary} for entry in entries
        ],
    }


def _hit_line(document: Document, match: Match, width: int) -> Text:
    shown = snippet(document, match, width)
    return Text.assemble(
        (f"block {match.block}", _LABEL),
        ": ",
        shown.text[: shown.start],
        (shown.text[shown.start : shown.end], _HIGHLIGHT),
        shown.text[shown.end :],
    )


def _entry_line(entry: Entry) -> Text:
    summary = f" \u2014 {entry.summary}" if entry.summary else ""
    return Text.assemble("  ", (entry.title, "bold"), (f" ({entry.kind})", _LABEL), summary)


def _print_text(document: Document, matches: list[Match], entries: list[Entry], width: int) -> None:
    console = styled_console()
    for match in matches:
        print_rich(_hit_line(document, match, width), console)
    if entries:
        if matches:
            console.print()
        console.print(Text(f"glossary entries ({len(entries)}):", style=_LABEL))
        for entry in entries:
            print_rich(_entry_line(entry), console)


def run(args: argparse.Namespace) -> int:
    document = open_document(args.path)
    options = SearchOptions(regex=args.regex, whole_word=args.word, case_sensitive=args.case_sensitive)
    try:
        matches = list(search(document, args.query, options))
    except SearchError as error:
        raise CommandError(str(error)) from None
    entries = match_entries(_glossary(args), args.query, options)
    if args.json:
        print_json(_as_json(args.query, document, matches, entries, args.context))
    else:
        _print_text(document, matches, entries, args.context)
    return EXIT_OK if matches or entries else EXIT_NO_MATCH
