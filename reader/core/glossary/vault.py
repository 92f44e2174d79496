"""Loading an Obsidian-style vault: every `*.md` file under the root is an entry whose
title is the file's stem.  A bad entry is reported, never raised: one broken file
must not hide the rest of the glossary.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

from markdown_it.token import Token

from reader.core.glossary.frontmatter import (
    FrontMatter,
    Metadata,
    ProblemLog,
    parse_front_matter,
    read_metadata,
)
from reader.core.glossary.model import Entry, Glossary
from reader.core.glossary.wikilinks import TOKEN_TYPE, link_sites, markdown_parser

_FENCE = re.compile(r"-{3,}[ \t]*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"\u201d\u2019)]*\s")


class VaultError(Exception):
    """A vault that cannot be read at all; the message is one line naming the directory."""


def _entry_files(root: Path) -> Iterator[Path]:
    """Markdown files under `root`, skipping hidden ones (`.obsidian/`, `.trash/`)."""
    for path in sorted(root.rglob("*.md")):
        relative = path.relative_to(root).parts
        if path.is_file() and not any(part.startswith(".") for part in relative):
            yield path


def _read_text(path: Path, log: ProblemLog) -> str | None:
    """The file as text with `\\n` line ends; undecodable bytes become U+FFFD, reported."""
    try:
        data = path.read_bytes()
    except OSError as error:
        log.error(f"cannot read ({error.strerror or error})")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start : error.start + 1]
        log.error(f"not valid UTF-8 (byte {byte!r}); loaded with it replaced", line)
        text = data.decode("utf-8-sig", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _plain_text(inline: Token) -> str:
    """What a reader sees of an inline token: text, code and wiki-link labels."""
    parts = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == TOKEN_TYPE:
            parts.append(child.meta["label"] or child.meta["target"])
    return " ".join("".join(parts).split())


def first_sentence(tokens: Sequence[Token]) -> str:
    """The first sentence of the first paragraph: the summary an entry did not give."""
    for index, token in enumerate(tokens):
        if token.type == "inline" and index > 0 and tokens[index - 1].type == "paragraph_open":
            text = _plain_text(token)
            match = _SENTENCE_END.search(text)
            return text[: match.start()].rstrip() if match else text
    return ""


def load_entry(path: Path, log: ProblemLog) -> Entry | None:
    """One entry from its file; None (with the reason logged) if it cannot be read."""
    text = _read_text(path, log)
    if text is None:
        return None
    title = unicodedata.normalize("NFC", path.stem)
    tokens = markdown_parser(front_matter=True).parse(text)
    lines = text.split("\n")
    metadata = Metadata()
    key_lines: tuple[tuple[str, int], ...] = ()
    body_start = 0
    if tokens and tokens[0].type == "front_matter" and tokens[0].map is not None:
        body_start = tokens[0].map[1]
        front = parse_front_matter(tokens[0].content, tokens[0].map[0] + 2, log)
        if front is not None:
            metadata = read_metadata(front, title, log)
            key_lines = tuple(front.lines.items())
    elif _FENCE.fullmatch(lines[0]):
        log.error("front matter is never closed (no second `---` line)", 1)
    else:
        metadata = read_metadata(FrontMatter(), title, log)
    links = tuple(site.link for site in link_sites(tokens, text))
    return Entry(
        title=title,
        path=path,
        kind=metadata.kind,
        tags=metadata.tags,
        aliases=metadata.aliases,
        date=metadata.date,
        start=metadata.start,
        end=metadata.end,
        summary=metadata.summary or first_sentence(tokens),
        body="\n".join(lines[body_start:]).strip(),
        links=links,
        ignore_case=metadata.ignore_case,
        key_lines=key_lines,
    )


def load_glossary(root: Path) -> Glossary:
    """Every entry under `root`, sorted by title, with the problems found loading them."""
    if not root.is_dir():
        raise VaultError(f"{root}: glossary vault not found (not a directory)")
    entries: list[Entry] = []
    problems = []
    for path in _entry_files(root):
        log = ProblemLog(path)
        entry = load_entry(path, log)
        if entry is not None:
            entries.append(entry)
        problems.extend(log.problems)
    entries.sort(key=lambda entry: (entry.title.casefold(), entry.title))
    return Glossary(root=root, entries=entries, problems=problems)
