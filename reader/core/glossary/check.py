"""Validating a vault as a whole: what loading each file found, plus what only shows
across entries (links to nothing, names claimed twice) and, given a document,
entries it never mentions."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from reader.core.document import Document
from reader.core.glossary.linker import Mention, find_mentions, linkable
from reader.core.glossary.model import Entry, Glossary, Problem, Severity
from reader.core.names import name_key


def _did_you_mean(name: str, glossary: Glossary) -> str:
    names = [name for entry in glossary.entries for name in entry.names]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.7)
    return f" (did you mean [[{close[0]}]]?)" if close else ""


def _broken_links(glossary: Glossary) -> list[Problem]:
    return [
        Problem(
            Severity.ERROR,
            entry.path,
            f"wiki-link [[{link.target}]] matches no entry{_did_you_mean(link.target, glossary)}",
            link.line,
        )
        for entry in glossary.entries
        for link in entry.links
        if glossary.resolve(link) is None
    ]


def _claimed_twice(glossary: Glossary) -> list[Problem]:
    """A title or alias (compared as lookups compare them) owned by two entries."""
    owner: dict[str, Entry] = {}
    problems = []
    for entry in glossary.entries:
        for name in entry.names:
            key = name_key(name)
            first = owner.setdefault(key, entry)
            if first is entry:
                continue
            what = "title" if name == entry.title else "alias"
            line = 0 if name == entry.title else entry.line_of("aliases")
            message = f"{what} {name!r} is already a name of {first.title!r}"
            problems.append(Problem(Severity.ERROR, entry.path, message, line))
    return problems


def _unlinkable(glossary: Glossary) -> list[Problem]:
    return [
        Problem(
            Severity.WARNING, entry.path, f"{name!r} never links: names must start with a letter or digit"
        )
        for entry in glossary.entries
        for name in entry.names
        if not linkable(name)
    ]


def _never_mentioned(
    glossary: Glossary, document: Document | None, mentions: Sequence[Mention]
) -> list[Problem]:
    named = {mention.title for mention in mentions}
    where = document.source.name if document is not None and document.source else "the document"
    return [
        Problem(Severity.WARNING, entry.path, f"never mentioned in {where} (by title or alias)")
        for entry in glossary.entries
        if entry.title not in named
    ]


def check_vault(
    glossary: Glossary, document: Document | None = None, mentions: Sequence[Mention] | None = None
) -> list[Problem]:
    """Every problem of the vault, by file and line; coverage too when a document is given."""
    problems = [
        *glossary.problems,
        *_broken_links(glossary),
        *_claimed_twice(glossary),
        *_unlinkable(glossary),
    ]
    if mentions is None and document is not None:
        mentions = find_mentions(document, glossary)
    if mentions is not None:
        problems.extend(_never_mentioned(glossary, document, mentions))
    return sorted(problems, key=lambda problem: (str(problem.path), problem.line))
