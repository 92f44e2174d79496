"""`reader glossary`: list, show, mentions, check and suggest, for a document's glossary vault."""

from __future__ import annotations

import argparse
import difflib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.markdown import Markdown
from rich.text import Text

from reader.cli.common import (
    EXIT_NO_MATCH,
    EXIT_OK,
    CommandError,
    add_document_argument,
    add_glossary_option,
    add_json_option,
    echo,
    open_document,
    print_json,
    print_rich,
    resolve_vault,
)
from reader.core.document import Document, paragraph_label
from reader.core.glossary.check import check_vault
from reader.core.glossary.linker import Mention, find_mentions, mentioned_with, mentions_by_title
from reader.core.glossary.model import Entry, Glossary, Severity, entry_dates
from reader.core.glossary.suggest import suggest_names
from reader.core.glossary.vault import VaultError, load_glossary
from reader.core.glossary.wikilinks import to_markdown
from reader.core.snippets import snippet

_SNIPPET = 72
_MENTIONED_WITH = 8
_HIGHLIGHT = "bold reverse"


@dataclass(frozen=True, slots=True)
class _Context:
    """What every subcommand works on: the document, its glossary and the mentions."""

    document: Document
    glossary: Glossary
    mentions: list[Mention]

    def mentions_of(self, entry: Entry) -> list[Mention]:
        return [mention for mention in self.mentions if mention.title == entry.title]


def _shown(path: Path) -> str:
    """`path` relative to the working directory when it is beneath it (shorter to read)."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def _open(args: argparse.Namespace, *, need_vault: bool = True) -> _Context:
    document = open_document(args.path)
    vault = resolve_vault(args.path, args.glossary)
    if vault is None:
        if need_vault:
            raise CommandError(f"{args.path}: no glossary for this document (pass --glossary DIR)")
        glossary = Glossary.empty()
    else:
        try:
            glossary = load_glossary(vault)
        except VaultError as error:
            raise CommandError(str(error)) from None
    return _Context(document, glossary, find_mentions(document, glossary))


def _number_width(document: Document) -> int:
    """Room for the largest paragraph number, so that a column of `¶ N` lines up."""
    return len(f"{len(document.blocks):,}")


def _mention_json(context: _Context, mention: Mention) -> dict[str, Any]:
    return {
        "block": mention.block,
        "start": mention.start,
        "end": mention.end,
        "text": context.document.text[mention.start : mention.end],
    }


def _snippet(document: Document, mention: Mention) -> Text:
    """The mention with some of its paragraph either side, the mention highlighted."""
    shown = snippet(document, mention, _SNIPPET)
    text = Text(shown.text)
    text.stylize(_HIGHLIGHT, shown.start, shown.end)
    return text


# --- list -------------------------------------------------------------------------------------


def _run_list(args: argparse.Namespace) -> int:
    context = _open(args)
    counts = {title: len(found) for title, found in mentions_by_title(context.mentions).items()}
    entries = context.glossary.entries
    if args.json:
        print_json(
            [
                {
                    "title": entry.title,
                    "kind": entry.kind,
                    "aliases": list(entry.aliases),
                    "date": entry.date,
                    "start": entry.start,
                    "end": entry.end,
                    "mentions": counts.get(entry.title, 0),
                }
                for entry in entries
            ]
        )
        return EXIT_OK
    width = max((len(entry.title) for entry in entries), default=5)
    echo(f"{'TITLE':<{width}}  {'KIND':<12}  {'DATES':<23}  {'MENTIONS':>8}  ALIASES")
    for entry in entries:
        echo(
            f"{entry.title:<{width}}  {entry.kind:<12}  {entry_dates(entry):<23}  "
            f"{counts.get(entry.title, 0):>8}  {', '.join(entry.aliases)}".rstrip()
        )
    return EXIT_OK


# --- show -------------------------------------------------------------------------------------


def _find_entry(context: _Context, name: str) -> Entry:
    """The entry named `name`, or a one-line error suggesting the closest name."""
    entry = context.glossary.lookup(name)
    if entry is not None:
        return entry
    names = {known.casefold(): known for entry in context.glossary.entries for known in entry.names}
    close = difflib.get_close_matches(name.casefold(), names, n=1, cutoff=0.6)
    hint = f" (did you mean {names[close[0]]!r}?)" if close else ""
    raise CommandError(f"no glossary entry named {name!r}{hint}", EXIT_NO_MATCH)


def _show_json(context: _Context, entry: Entry) -> dict[str, Any]:
    glossary = context.glossary
    return {
        "title": entry.title,
        "kind": entry.kind,
        "tags": list(entry.tags),
        "aliases": list(entry.aliases),
        "date": entry.date,
        "start": entry.start,
        "end": entry.end,
        "summary": entry.summary,
        "body": entry.body,
        "path": str(entry.path),
        "ignore_case": list(entry.ignore_case),
        "links": [
            {
                "target": link.target,
                "heading": link.heading,
                "label": link.label,
                "line": link.line,
                "entry": resolved.title if (resolved := glossary.resolve(link)) else None,
            }
            for link in entry.links
        ],
        "backlinks": [other.title for other in glossary.backlinks(entry)],
        "mentions": [_mention_json(context, mention) for mention in context.mentions_of(entry)],
        "mentioned_with": [
            {"title": title, "blocks": shared}
            for title, shared in mentioned_with(entry.title, context.mentions)
        ],
    }


def _show_rich(context: _Context, entry: Entry) -> RenderableType:
    glossary = context.glossary
    heading = Text(entry.title, style="bold")
    heading.append(f"  {entry.kind}", style="dim")
    if dates := entry_dates(entry):
        heading.append(f"  {dates}", style="cyan")
    parts: list[RenderableType] = [heading]
    if entry.aliases:
        parts.append(Text(f"Also: {', '.join(entry.aliases)}", style="dim"))
    if entry.summary:
        parts.append(Text(entry.summary, style="italic"))
    parts += [Text(), Markdown(to_markdown(entry.body, glossary)), Text()]
    links = []
    for link in entry.links:
        target = glossary.resolve(link)
        links.append(target.title if target else f"{link.target} (unresolved)")
    if links:
        parts.append(Text(f"Links: {', '.join(dict.fromkeys(links))}"))
    if backlinks := glossary.backlinks(entry):
        parts.append(Text(f"Linked from: {', '.join(other.title for other in backlinks)}"))
    if company := mentioned_with(entry.title, context.mentions)[:_MENTIONED_WITH]:
        parts.append(Text("Mentioned with: " + ", ".join(f"{title} ({n})" for title, n in company)))
    mentions = context.mentions_of(entry)
    count = f"{len(mentions)} mention{'' if len(mentions) == 1 else 's'}"
    parts.append(Text(f"\n{count} in {context.document.title}", style="bold"))
    width = _number_width(context.document)
    for mention in mentions:
        line = Text(f"  {paragraph_label(mention.block, width=width)}  ", style="dim")
        line.append_text(_snippet(context.document, mention))
        parts.append(line)
    return Group(*parts)


def _run_show(args: argparse.Namespace) -> int:
    context = _open(args)
    entry = _find_entry(context, args.name)
    if args.json:
        print_json(_show_json(context, entry))
    else:
        print_rich(_show_rich(context, entry), Console())
    return EXIT_OK


# --- mentions ---------------------------------------------------------------------------------


def _run_mentions(args: argparse.Namespace) -> int:
    context = _open(args)
    grouped = mentions_by_title(context.mentions)
    if args.json:
        print_json(
            [
                {
                    "title": entry.title,
                    "mentions": [_mention_json(context, mention) for mention in grouped.get(entry.title, [])],
                }
                for entry in context.glossary.entries
            ]
        )
        return EXIT_OK
    width = _number_width(context.document)
    for entry in context.glossary.entries:
        found = grouped.get(entry.title, [])
        echo(f"{entry.title}: {len(found)} mention{'' if len(found) == 1 else 's'}")
        for mention in found:
            text = context.document.text[mention.start : mention.end]
            where = paragraph_label(mention.block, width=width)
            echo(f"  {where}  {mention.start}-{mention.end}  {text}")
    return EXIT_OK


# --- check ------------------------------------------------------------------------------------


def _run_check(args: argparse.Namespace) -> int:
    context = _open(args)
    problems = check_vault(context.glossary, context.document, context.mentions)
    errors = sum(1 for problem in problems if problem.severity is Severity.ERROR)
    if args.json:
        print_json(
            [
                {
                    "path": _shown(problem.path),
                    "line": problem.line,
                    "severity": problem.severity.value,
                    "message": problem.message,
                }
                for problem in problems
            ]
        )
    else:
        for problem in problems:
            where = f"{_shown(problem.path)}:{problem.line}" if problem.line else _shown(problem.path)
            echo(f"{where}: {problem.severity.value}: {problem.message}")
        warnings = len(problems) - errors
        echo(
            f"{_count(len(context.glossary), 'entry', 'entries')}: "
            f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
        )
    return EXIT_NO_MATCH if errors else EXIT_OK


def _count(number: int, one: str, many: str = "") -> str:
    """`1 error`, `2 errors`, `1 entry`, `3 entries`."""
    return f"{number} {one if number == 1 else many or one + 's'}"


# --- suggest ----------------------------------------------------------------------------------


def _positive(value: str) -> int:
    number = int(value) if value.isdigit() else 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


def _run_suggest(args: argparse.Namespace) -> int:
    context = _open(args, need_vault=False)
    names = suggest_names(context.document, context.glossary)[: args.limit]
    if args.json:
        print_json([{"name": name, "count": count} for name, count in names])
    else:
        for name, count in names:
            echo(f"{count:>6}  {name}")
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "glossary",
        help="list, show and check the glossary; suggest names for a new one",
        description="The document's glossary vault: one Markdown file per entry (Obsidian-compatible).",
    )
    commands = parser.add_subparsers(dest="glossary_command", required=True, metavar="SUBCOMMAND")

    def command(name: str, help: str, run: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.set_defaults(run=run)
        return sub

    subcommands = [
        command("list", "every entry: kind, aliases, dates and mention count", _run_list),
        command("show", "one entry: summary, body, links, backlinks and where it is mentioned", _run_show),
        command("mentions", "where each entry is mentioned: paragraph and character range", _run_mentions),
        command("check", "validate the vault and the document's coverage (status 1 on errors)", _run_check),
        command("suggest", "names the document uses that no entry covers, most frequent first", _run_suggest),
    ]
    subcommands[1].add_argument("name", metavar="TITLE-OR-ALIAS", help="the entry's title or an alias")
    for sub in subcommands:
        add_document_argument(sub)
        add_glossary_option(sub)
        add_json_option(sub)
    subcommands[-1].add_argument(
        "--limit", type=_positive, default=30, metavar="N", help="show at most N names (default 30)"
    )
