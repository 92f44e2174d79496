"""Loading an Obsidian-style vault: every `*.md` file under the root is an entry whose
title is the file's stem.  A bad entry is reported, never raised: one broken file
must not hide the rest of the glossary.

A vault may come from anywhere, so reading it is bounded: a symbolic link is followed
only when its target is inside the vault (`Passwd.md -> /etc/passwd` is skipped and
reported), only regular files are read, an entry file may hold `MAX_ENTRY_BYTES`,
and a vault `MAX_ENTRIES` files.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from markdown_it.token import Token

from reader.core.glossary.frontmatter import (
    FrontMatter,
    Metadata,
    ProblemLog,
    parse_front_matter,
    read_metadata,
)
from reader.core.glossary.model import Entry, Glossary, Problem, Severity
from reader.core.glossary.wikilinks import TOKEN_TYPE, link_sites, markdown_parser
from reader.core.sanitize import inert, one_line

_FENCE = re.compile(r"-{3,}[ \t]*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"\u201d\u2019)]*\s")


MAX_ENTRY_BYTES = 1024 * 1024
"""An entry file larger than this is skipped (the essay's longest entry is under 2 KB)."""
MAX_ENTRIES = 20_000
"""Entry files read from one vault; the rest are skipped, with one problem saying so."""
_EXTENSION = ".md"


class VaultError(Exception):
    """A vault that cannot be read at all; the message is one line naming the directory."""


class _Walk:
    """The entry files of a vault, in path order, and what was skipped and why.

    Hidden files and folders (`.obsidian/`, `.trash/`) are not entries.  A symbolic
    link, to a file or a folder, is followed only when its target lies inside the
    vault; each folder is read once, so a link cannot make a loop.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.files: list[Path] = []
        self.problems: list[Problem] = []
        self._seen: set[Path] = set()
        self._full = False
        self._folder(root, self.real_root)

    def _skip(self, path: Path, why: str, severity: Severity = Severity.WARNING) -> None:
        self.problems.append(Problem(severity, path, why))

    def _folder(self, folder: Path, real: Path) -> None:
        if real in self._seen:
            return
        self._seen.add(real)
        try:
            with os.scandir(folder) as scan:
                children = sorted(scan, key=lambda child: child.name)
        except OSError as error:
            self._skip(folder, f"cannot read this folder ({error.strerror or error}): skipped")
            return
        for child in children:
            if self._full:
                return
            if child.name.startswith("."):
                continue
            path = Path(child.path)
            try:
                if child.is_symlink():
                    self._link(path, child.name.endswith(_EXTENSION))
                elif child.is_dir(follow_symlinks=False):
                    self._folder(path, real / child.name)
                elif child.name.endswith(_EXTENSION):
                    self._file(path, child.is_file(follow_symlinks=False))
            except OSError as error:
                self._skip(path, f"cannot read ({error.strerror or error}): skipped")

    def _link(self, path: Path, named_as_entry: bool) -> None:
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # RuntimeError: a loop of links, before Python 3.13
            if named_as_entry:
                self._skip(path, "symbolic link to nothing (broken, or a loop): skipped")
            return
        is_dir = target.is_dir()
        if not (is_dir or named_as_entry):
            return
        if not target.is_relative_to(self.real_root):
            what = "folder" if is_dir else "file"
            self._skip(path, f"symbolic link to a {what} outside the vault ({target}): skipped")
        elif is_dir:
            self._folder(path, target)
        else:
            self._file(path, target.is_file())

    def _file(self, path: Path, regular: bool) -> None:
        if not regular:
            self._skip(path, "not a regular file: skipped")
        elif len(self.files) == MAX_ENTRIES:
            self._full = True
            message = f"more than {MAX_ENTRIES:,} entry files: only the first {MAX_ENTRIES:,} were read"
            self._skip(self.root, message, Severity.ERROR)
        else:
            self.files.append(path)


def _read_text(path: Path, log: ProblemLog) -> str | None:
    """The file as text with `\\n` line ends; undecodable bytes become U+FFFD, reported."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_ENTRY_BYTES + 1)
    except OSError as error:
        log.error(f"cannot read ({error.strerror or error})")
        return None
    if len(data) > MAX_ENTRY_BYTES:
        log.error(f"too large (over {MAX_ENTRY_BYTES // 1024:,} KiB): skipped")
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
    # Inert from here on: a vault's text reaches terminals (the pane, every glossary
    # command) and must not drive them.  One character for one: line numbers hold.
    text = inert(text, keep="\n\t")
    title = one_line(unicodedata.normalize("NFC", path.stem))
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
        body_line=body_start + 1 + next((i for i, line in enumerate(lines[body_start:]) if line.strip()), 0),
        links=links,
        ignore_case=metadata.ignore_case,
        not_in=metadata.not_in,
        key_lines=key_lines,
    )


def load_glossary(root: Path) -> Glossary:
    """Every entry under `root`, sorted by title, with the problems found loading them."""
    if not root.is_dir():
        raise VaultError(f"{root}: glossary vault not found (not a directory)")
    walk = _Walk(root)
    entries: list[Entry] = []
    problems = walk.problems
    for path in walk.files:
        log = ProblemLog(path)
        entry = load_entry(path, log)
        if entry is not None:
            entries.append(entry)
        problems.extend(log.problems)
    entries.sort(key=lambda entry: (entry.title.casefold(), entry.title))
    return Glossary(root=root, entries=entries, problems=problems)
