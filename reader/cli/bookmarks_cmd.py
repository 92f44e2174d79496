"""`reader bookmarks`: list, add, remove and export the passages a reader bookmarked.

What a person reads names paragraphs as the app does, `¶ 1` for the first, and
`--paragraph 1` bookmarks it; `--block 0` names the same one by the 0-based
index that the JSON's `block` field (and a script reading it) uses.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from reader.cli.common import (
    EXIT_ERROR,
    EXIT_NO_MATCH,
    EXIT_OK,
    CommandError,
    add_document_argument,
    add_json_option,
    echo,
    open_document,
    print_json,
    warn,
)
from reader.core.bookmarks import Bookmark, BookmarkStore, StoreError, UnknownBookmarkError
from reader.core.bookmarks.export import Section, annotation_collection, link, reading_notes
from reader.core.bookmarks.labels import excerpt, place
from reader.core.document import Document, block_of_paragraph, paragraph_label
from reader.core.typography import typeset

_EXCERPT = 100
_NUMBERING = (
    "Paragraphs are numbered from 1, as the app shows them (¶ 1 is the first); "
    "--block N and the JSON's block field count from 0."
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "bookmarks",
        help="list, add, remove and export bookmarks",
        description="Bookmarks kept across sessions; they follow a file that is moved or edited. "
        + _NUMBERING,
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="list bookmarks", epilog=_NUMBERING)
    _add_optional_document(listing, "list only this document's bookmarks, found again in its current text")
    add_json_option(listing)
    listing.set_defaults(run=_reporting(_list))

    adding = actions.add_parser("add", help="bookmark a paragraph or a quoted passage", epilog=_NUMBERING)
    add_document_argument(adding)
    target = adding.add_mutually_exclusive_group(required=True)
    paragraph_help = "bookmark ¶ N, counted from 1 as the app shows it"
    target.add_argument("-p", "--paragraph", metavar="N", type=_paragraph, help=paragraph_help)
    block_help = "bookmark block N, counted from 0 as in the JSON"
    target.add_argument("--block", metavar="N", type=int, help=block_help)
    target.add_argument("--quote", metavar="TEXT", help="bookmark the first occurrence of TEXT")
    adding.add_argument("--note", metavar="TEXT", default="", help="a note to keep with the bookmark")
    add_json_option(adding)
    adding.set_defaults(run=_reporting(_add))

    removing = actions.add_parser("remove", help="remove a bookmark by its id")
    removing.add_argument("id", metavar="ID", type=int, help="the id shown by `reader bookmarks list`")
    add_json_option(removing)
    removing.set_defaults(run=_reporting(_remove))

    exporting = actions.add_parser(
        "export",
        help="export bookmarks as Markdown notes or W3C Web Annotations",
        epilog=_NUMBERING,
    )
    _add_optional_document(exporting, "export only this document's bookmarks")
    formats = exporting.add_mutually_exclusive_group()
    formats.add_argument("--format", choices=("md", "json"), default="md", help="md (default) or json")
    formats.add_argument(
        "--json", dest="format", action="store_const", const="json", help="same as --format json"
    )
    exporting.set_defaults(run=_reporting(_export))


def _paragraph(value: str) -> int:
    """The block index of the paragraph a person names (`9`, `¶ 9`), for argparse."""
    try:
        return block_of_paragraph(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _add_optional_document(parser: argparse.ArgumentParser, purpose: str) -> None:
    parser.add_argument(
        "path", metavar="PATH", nargs="?", help=f"{purpose} (`-`: stdin; default: every document's bookmarks)"
    )


def _reporting(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """`command`, with a change the store could not save (a full disk, a lock held too long)
    reported as one line and exit status 2."""

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except StoreError as error:
            raise CommandError(str(error), EXIT_ERROR) from None

    return run


def _open_store(*, writing: bool = False) -> BookmarkStore:
    """The store, or a one-line `CommandError` when it cannot do what is asked: a change
    needs the store on disk (one kept in memory would be lost on exit, a false success),
    and a listing needs what was saved to be readable."""
    store = BookmarkStore.open()
    if writing and not store.persistent:
        store.close()
        raise CommandError(f"nothing saved: {store.problem}", EXIT_ERROR)
    if not store.shows_saved:
        store.close()
        raise CommandError(f"cannot read the bookmarks: {store.problem}", EXIT_ERROR)
    if store.notice:
        warn(store.notice)
    return store


def _list(args: argparse.Namespace) -> int:
    with _open_store() as store:
        bookmarks = store.bookmarks(open_document(args.path) if args.path is not None else None)
    if args.json:
        print_json([_summary(bookmark) for bookmark in bookmarks])
    elif not bookmarks:
        echo("No bookmarks yet.")
    else:
        for bookmark in bookmarks:
            echo(_describe(bookmark))
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    document = open_document(args.path)
    start, end = _passage(document, args.paragraph, args.block, args.quote)
    with _open_store(writing=True) as store:
        bookmark = store.add(document, start, end, args.note)
    if args.json:
        print_json(_summary(bookmark))
    else:
        where = f"{document.title}, {place(bookmark.block)}"
        echo(f"Bookmarked #{bookmark.id} in {where}: {excerpt(bookmark.exact, _EXCERPT)}")
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    with _open_store(writing=True) as store:
        try:
            bookmark = store.remove(args.id)
        except UnknownBookmarkError as error:
            raise CommandError(str(error), EXIT_NO_MATCH) from None
    if args.json:
        print_json(_summary(bookmark))
    else:
        echo(f"Removed #{bookmark.id}: {excerpt(bookmark.exact, _EXCERPT)}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    with _open_store() as store:
        if args.path is not None:
            document = open_document(args.path)
            title = f"Reading notes: {document.title}"
            sections = [Section(None, store.bookmarks(document))]
        else:
            title = "Reading notes"
            titles = {known.sha256: known.title for known in store.documents()}
            sections = _by_document(store.bookmarks(), titles)
    if args.format == "json":
        print_json(annotation_collection(title, [b for section in sections for b in section.bookmarks]))
    else:
        echo(reading_notes(title, sections), end="")
    return EXIT_OK


def _passage(
    document: Document, paragraph: int | None, block: int | None, quote: str | None
) -> tuple[int, int]:
    """The range to bookmark: a whole block (named by `--paragraph` or `--block`, both
    given here as the block's index), or the first occurrence of a quote."""
    count = len(document.blocks)
    if paragraph is not None and paragraph >= count:
        raise CommandError(
            f"{_name(document)}: no {paragraph_label(paragraph)}: "
            f"the paragraphs are {paragraph_label(0)} to {paragraph_label(count - 1)}",
            EXIT_ERROR,
        )
    if block is not None and not 0 <= block < count:
        raise CommandError(
            f"{_name(document)}: no block {block}: --block counts from 0, "
            f"so the blocks are 0 to {count - 1} ({paragraph_label(0)} to {paragraph_label(count - 1)})",
            EXIT_ERROR,
        )
    index = paragraph if paragraph is not None else block
    if index is not None:
        return document.blocks[index].start, document.blocks[index].end
    assert quote is not None  # argparse requires one of the three
    # The text is shown typeset (curly quotes, dashes) and reflowed: accept the quote as typed too.
    collapsed = " ".join(quote.split())
    for candidate in dict.fromkeys((quote, collapsed, *typeset([collapsed]))):
        found = document.text.find(candidate) if candidate else -1
        if found >= 0:
            return found, found + len(candidate)
    raise CommandError(f"{_name(document)}: quote not found: {quote!r}", EXIT_NO_MATCH)


def _by_document(bookmarks: list[Bookmark], titles: dict[str, str]) -> list[Section]:
    """Newest-first bookmarks grouped per document (most recently bookmarked first), each
    group in reading order with orphans last."""
    groups: dict[str, list[Bookmark]] = {}
    for bookmark in bookmarks:
        groups.setdefault(bookmark.document, []).append(bookmark)
    return [
        Section(
            titles.get(sha) or _fallback_title(group[0]),
            sorted(group, key=lambda b: (b.orphan, b.start, b.id)),
        )
        for sha, group in groups.items()
    ]


def _fallback_title(bookmark: Bookmark) -> str:
    return bookmark.path.name if bookmark.path is not None else f"text {bookmark.document[:12]}"


def _name(document: Document) -> str:
    return str(document.source) if document.source is not None else "<stdin>"


def _summary(bookmark: Bookmark) -> dict[str, Any]:
    return {
        "id": bookmark.id,
        "document": bookmark.document,
        "path": str(bookmark.path) if bookmark.path is not None else None,
        "block": bookmark.block,
        "start": bookmark.start,
        "end": bookmark.end,
        "exact": bookmark.exact,
        "note": bookmark.note,
        "created": bookmark.created,
        "orphan": bookmark.orphan,
        "changed": bookmark.changed,
        "status": bookmark.status,
    }


def _describe(bookmark: Bookmark) -> str:
    where = link(bookmark)[0]
    if bookmark.orphan:
        where += " (orphan: the passage is no longer in the document)"
    elif bookmark.changed:
        where += " (moved, text changed: the quote below is the passage as it was bookmarked)"
    lines = [f"#{bookmark.id}  {where}  {bookmark.created[:10]}", f"    {excerpt(bookmark.exact, _EXCERPT)}"]
    if bookmark.note:
        lines.append(f"    Note: {bookmark.note}")
    return "\n".join(lines)
