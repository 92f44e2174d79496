"""`reader toc`: a document's chapters in their nesting, with the paragraph each starts at."""

from __future__ import annotations

import argparse
from typing import Any

from reader.cli.common import (
    EXIT_NO_MATCH,
    EXIT_OK,
    add_document_argument,
    add_json_option,
    echo,
    open_document,
    print_json,
    warn,
)
from reader.core.contents import Contents, contents_of
from reader.core.document import paragraph_label


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "toc",
        help="the table of contents: chapters in their nesting and where each starts",
        description="List a document's chapters: its own table of contents (EPUB), its headings "
        "(Markdown), or the chapter headings of a plain-text book, indented by nesting.",
    )
    add_document_argument(parser)
    add_json_option(parser)
    parser.set_defaults(run=run)


def _as_json(contents: Contents) -> dict[str, Any]:
    return {
        "title": contents.document.title,
        "chapters": [
            {
                "title": chapter.title,
                "name": chapter.name,
                "level": chapter.level,
                "block": chapter.block,
                "end": chapter.end,
            }
            for chapter in contents.chapters
        ],
    }


def _print_text(contents: Contents) -> None:
    """`¶    396  Book One: 1805`, then its chapters two spaces in: paragraphs count from 1."""
    width = len(f"{len(contents.document.blocks):,}")  # as wide as the last number, commas and all
    lines = [
        f"{paragraph_label(chapter.block, width=width)}  {'  ' * (chapter.level - 1)}{chapter.title}"
        for chapter in contents.chapters
    ]
    echo("\n".join(lines))


def run(args: argparse.Namespace) -> int:
    document = open_document(args.path)
    contents = contents_of(document)
    if args.json:
        print_json(_as_json(contents))
    elif contents.chapters:
        _print_text(contents)
    if not contents.chapters:
        warn(f"{document.title}: no chapters (no headings to make a contents of)")
        return EXIT_NO_MATCH
    return EXIT_OK
