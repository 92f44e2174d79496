"""An entry's YAML front matter: parsed with the line of every key, and each value
checked and normalised (names, tags and kind, ISO dates, summary, ignore_case, not).

Bad values never raise: they are reported, with the file line, and left out.  Front
matter is data from anywhere, so it is parsed safely and boundedly: YAML anchors and
aliases (`&x`, `*x`), with which a few lines expand to gigabytes, are refused, and so
are front matter over `MAX_FRONT_MATTER_CHARS` and nesting deeper than `MAX_DEPTH`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from reader.core.glossary.model import KINDS, OTHER_KIND, Problem, Severity

KNOWN_KEYS = ("aliases", "tags", "date", "start", "end", "summary", "ignore_case", "not")
MAX_FRONT_MATTER_CHARS = 256 * 1024
"""A generous bound: a front matter with a thousand aliases is about 20 KB."""
MAX_DEPTH = 50
"""Lists and mappings nested deeper than this are refused (an entry needs two levels)."""
OBSIDIAN_KEYS = frozenset({"cssclasses", "publish", "permalink"})
"""Obsidian's own keys: accepted and ignored, so a real vault checks clean."""

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_TAG_SEPARATORS = re.compile(r"[,\s]+")
_DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"


@dataclass(slots=True)
class ProblemLog:
    """Collects the problems of one file."""

    path: Path
    problems: list[Problem] = field(default_factory=list)

    def error(self, message: str, line: int = 0) -> None:
        self.problems.append(Problem(Severity.ERROR, self.path, message, line))

    def warning(self, message: str, line: int = 0) -> None:
        self.problems.append(Problem(Severity.WARNING, self.path, message, line))


class _Refused(yaml.composer.ComposerError):
    """Valid YAML that reader will not expand: anchors and aliases, or too deep a nesting."""


class _FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader, but timestamps stay strings: we validate dates ourselves,
    so `2024-13-45` is a reported error with its line rather than a ValueError.

    Anchors and aliases are refused as soon as they are met, before anything is
    expanded (nine nested levels of `&x [*y, *y, ...]` would otherwise build 10^9
    nodes), and so is nesting deeper than `MAX_DEPTH`.
    """

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Refused(None, None, "YAML anchors and aliases (& and *) are not allowed", event.start_mark)
        if self._depth >= MAX_DEPTH:
            raise _Refused(None, None, f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _timestamp_as_text(loader: _FrontMatterLoader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


@dataclass(slots=True)
class FrontMatter:
    """The mapping of a front matter and the file line of each key."""

    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

    def line(self, key: str) -> int:
        return self.lines.get(key, 0)


def parse_front_matter(text: str, first_line: int, log: ProblemLog) -> FrontMatter | None:
    """Parse YAML whose first line is file line `first_line`; None (logged) if it is broken."""
    if len(text) > MAX_FRONT_MATTER_CHARS:
        log.error(
            f"front matter is too long ({len(text):,} characters; the limit is {MAX_FRONT_MATTER_CHARS:,})",
            first_line,
        )
        return None
    loader = _FrontMatterLoader(text)
    try:
        node = loader.get_single_node()
        values = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        line = first_line + error.problem_mark.line if error.problem_mark else first_line
        what = "refused" if isinstance(error, _Refused) else "is not valid YAML"
        log.error(f"front matter {what}: {error.problem or error.context}", line)
        return None
    except yaml.YAMLError as error:
        log.error(f"front matter is not valid YAML: {error}", first_line)
        return None
    finally:
        loader.dispose()
    if values is None:
        return FrontMatter()
    if not isinstance(values, dict) or not isinstance(node, yaml.MappingNode):
        kind = type(values).__name__
        log.error(f"front matter is a {kind}, not a mapping of `key: value` lines", first_line)
        return None
    lines = {str(key.value): first_line + key.start_mark.line for key, _ in node.value}
    return FrontMatter({str(key): value for key, value in values.items()}, lines)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the front matter says about an entry, checked and normalised."""

    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    kind: str = OTHER_KIND
    date: str | None = None
    start: str | None = None
    end: str | None = None
    summary: str = ""
    ignore_case: tuple[str, ...] = ()
    not_in: tuple[str, ...] = ()


def _clean_name(name: str) -> str:
    """One spelling per name: NFC (macOS file names are NFD) and single spaces."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def _names(front: FrontMatter, key: str, log: ProblemLog) -> tuple[str, ...]:
    value = front.values.get(key)
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    names: dict[str, None] = {}  # a dict keeps the order and finds a repeat at once
    for item in items:
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            name = _clean_name(str(item))
            if name:
                names[name] = None
        else:
            expected = "expected text or a list of texts"
            log.error(f"{key}: {_shown(item)} is not a name ({expected})", front.line(key))
    return tuple(names)


def _shown(value: object, limit: int = 60) -> str:
    """`repr(value)`, cut to `limit` characters: a problem is one line."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _tags(front: FrontMatter, log: ProblemLog) -> tuple[str, ...]:
    value = front.values.get("tags")
    if isinstance(value, str):
        value = _TAG_SEPARATORS.split(value)
    elif value is not None and not isinstance(value, list):
        log.error(f"tags: expected a list of tags, got {_shown(value)}", front.line("tags"))
        return ()
    tags: dict[str, None] = {}
    for item in value or ():
        tag = str(item).strip().lstrip("#")
        if tag:
            tags[tag] = None
    return tuple(tags)


def kind_of(tags: tuple[str, ...]) -> str | None:
    """The first tag (or nested tag's root, `place/city`) that is one of `KINDS`."""
    for tag in tags:
        root = tag.split("/", 1)[0].casefold()
        if root in KINDS:
            return root
    return None


def normalise_date(value: object) -> str | None:
    """An ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD` string, or None if `value` is not one."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.fullmatch(value.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return match.group(0)


def _date(front: FrontMatter, key: str, log: ProblemLog) -> str | None:
    value = front.values.get(key)
    if value is None:
        return None
    iso = normalise_date(value)
    if iso is None:
        log.error(f"{key}: {_shown(value)} is not a date ({_DATE_FORMS})", front.line(key))
    return iso


def _summary(front: FrontMatter, log: ProblemLog) -> str:
    value = front.values.get("summary")
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        log.error("summary: expected one line of text", front.line("summary"))
        return ""
    return " ".join(str(value).split())


def _ignore_case(front: FrontMatter, names: tuple[str, ...], log: ProblemLog) -> tuple[str, ...]:
    value = front.values.get("ignore_case")
    if value is True:
        return names
    if value is None or value is False:
        return ()
    chosen = _names(front, "ignore_case", log)
    by_key = {name.casefold(): name for name in names}
    for name in chosen:
        if name.casefold() not in by_key:
            log.warning(f"ignore_case: {name!r} is not the title or an alias", front.line("ignore_case"))
    return tuple(by_key[name.casefold()] for name in chosen if name.casefold() in by_key)


_WORDS = re.compile(r"\w+")


def _not_in(front: FrontMatter, names: tuple[str, ...], log: ProblemLog) -> tuple[str, ...]:
    """`not:` phrases, each of which must share a word with one of the entry's names (a phrase
    that no name can overlap would stop nothing)."""
    phrases = _names(front, "not", log)
    words = {word for name in names for word in _WORDS.findall(name.casefold())}
    for phrase in phrases:
        if words.isdisjoint(_WORDS.findall(phrase.casefold())):
            log.warning(f"not: {phrase!r} shares no word with the title or an alias", front.line("not"))
    return phrases


def _check_keys(front: FrontMatter, log: ProblemLog) -> None:
    for key in front.values:
        if key in KNOWN_KEYS or key in OBSIDIAN_KEYS:
            continue
        close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        log.warning(f"unknown key {_shown(key)}{hint}", front.line(key))


def read_metadata(front: FrontMatter, title: str, log: ProblemLog) -> Metadata:
    """Every known key of `front`, validated; problems go to `log`."""
    _check_keys(front, log)
    aliases = tuple(alias for alias in _names(front, "aliases", log) if alias != title)
    tags = _tags(front, log)
    kind = kind_of(tags)
    if kind is None:
        log.warning(f"no kind: give a tag that is one of {', '.join(KINDS)}", front.line("tags") or 1)
    start, end = _date(front, "start", log), _date(front, "end", log)
    if start and end and end[: len(start)] < start[: len(end)]:
        log.error(f"end: {end} is before start {start}", front.line("end"))
    return Metadata(
        aliases=aliases,
        tags=tags,
        kind=kind or OTHER_KIND,
        date=_date(front, "date", log),
        start=start,
        end=end,
        summary=_summary(front, log),
        ignore_case=_ignore_case(front, (title, *aliases), log),
        not_in=_not_in(front, (title, *aliases), log),
    )
