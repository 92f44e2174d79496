"""The reader's own settings file: a keymap and a few defaults, in TOML.

    # ~/.config/reader/config.toml (or $READER_CONFIG)
    theme = "textual-light"
    column_width = 72
    mentions = "first"      # which mentions are marked: all, first (in each paragraph), none
    spoilers = "hide"       # the glossary shows only what you have read (default: show)

    [keys]
    bookmark = "M"          # binding id = keys, comma-separated; replaces the default keys

A bad file never stops the reader: every problem is reported as one line naming
the file and the line, and the defaults stand for whatever could not be read.
Which binding ids exist is the app's knowledge, not this module's: it asks
`unknown_bindings` once it knows them (after the first paint: collecting them
means importing every widget).
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_config_dir

if TYPE_CHECKING:
    import tomllib

ENVIRONMENT_VARIABLE = "READER_CONFIG"
MAX_BYTES = 64 * 1024
"""A settings file is a few lines; anything larger is a mistake, not a keymap."""
MIN_COLUMN_WIDTH = 24
MAX_COLUMN_WIDTH = 240
_KEY = re.compile(r"^(?:(?:ctrl|alt|shift|super|meta)\+)*[^\s,+]+(?:\+[^\s,+]+)*$")
_TOP_LEVEL = {"theme", "column_width", "mentions", "spoilers", "keys"}
MENTION_MARKS = ("all", "first", "none")
SPOILER_MODES = ("show", "hide")


@dataclass(frozen=True)
class Settings:
    """What the settings file asks for; None and empty mean "the default"."""

    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> its keys (Textual key names, comma-separated)."""
    theme: str | None = None
    column_width: int | None = None
    mentions: str | None = None
    """`all`, `first` or `none`: which mentions are marked in the text."""
    spoilers: str | None = None
    """`hide`: the glossary shows only what the reader has read; `show` (the default): all."""
    problems: tuple[str, ...] = ()
    """One line per problem: `path:line: what is wrong`."""
    path: Path | None = None
    key_lines: dict[str, int] = field(default_factory=dict)
    """The line each `[keys]` entry is on, for problems found later."""


def settings_path() -> Path:
    """`$READER_CONFIG` when set, else `config.toml` in the platform's config directory
    (`~/.config/reader/config.toml` on Linux)."""
    override = os.environ.get(ENVIRONMENT_VARIABLE)
    if override:
        return Path(override).expanduser()
    return Path(user_config_dir("reader", appauthor=False)) / "config.toml"


def load_settings(path: Path) -> Settings:
    """The settings in `path` (none if it does not exist)."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return Settings()
    except OSError as error:
        return Settings(problems=(f"{path}: cannot be read ({error.strerror or error})",), path=path)
    if len(data) > MAX_BYTES:
        return Settings(problems=(f"{path}: larger than {MAX_BYTES // 1024} KiB, not read",), path=path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Settings(problems=(f"{path}:{line}: not UTF-8 text",), path=path)
    return parse_settings(text, path)


def unknown_bindings(settings: Settings, binding_ids: Collection[str]) -> list[str]:
    """A problem line for every `[keys]` entry that names no binding."""
    return [
        f"{settings.path}:{settings.key_lines.get(binding_id, 1)}: no action has the id {binding_id!r} "
        "(press ? in the app: the help lists every id)"
        for binding_id in settings.keys
        if binding_id not in binding_ids
    ]


def parse_settings(text: str, path: Path) -> Settings:
    """The settings in `text` (the contents of `path`, named in problems)."""
    import tomllib  # here, not at the top: only a reader with a settings file pays for it

    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Settings(problems=(_decode_problem(path, error),), path=path)
    problems: list[str] = []

    def problem(name: str, message: str, *, section: str | None = None) -> None:
        problems.append(f"{path}:{_line_of(text, name, section)}: {message}")

    for name in table:
        if name not in _TOP_LEVEL:
            problem(name, f"unknown setting {name!r} (known: {', '.join(sorted(_TOP_LEVEL))})")

    theme = table.get("theme")
    if theme is not None and not isinstance(theme, str):
        problem("theme", 'theme must be a string, such as "textual-light"')
        theme = None

    width = table.get("column_width")
    if width is not None and (
        not isinstance(width, int)
        or isinstance(width, bool)
        or not MIN_COLUMN_WIDTH <= width <= MAX_COLUMN_WIDTH
    ):
        problem(
            "column_width",
            f"column_width must be a whole number from {MIN_COLUMN_WIDTH} to {MAX_COLUMN_WIDTH}",
        )
        width = None

    mentions = table.get("mentions")
    if mentions is not None and mentions not in MENTION_MARKS:
        problem("mentions", f"mentions must be one of {', '.join(MENTION_MARKS)}")
        mentions = None

    spoilers = table.get("spoilers")
    if spoilers is not None and spoilers not in SPOILER_MODES:
        problem("spoilers", f"spoilers must be one of {', '.join(SPOILER_MODES)}")
        spoilers = None

    keys: dict[str, str] = {}
    key_lines: dict[str, int] = {}
    raw_keys = table.get("keys", {})
    if not isinstance(raw_keys, dict):
        problem("keys", 'keys must be a table: [keys] then lines such as bookmark = "M"')
        raw_keys = {}
    for binding_id, value in raw_keys.items():
        if not isinstance(value, str) or not value.strip():
            problem(
                binding_id, f'{binding_id} needs keys as a string, such as "M" or "ctrl+b,B"', section="keys"
            )
        else:
            names = [name.strip() for name in value.split(",")]
            bad = [name for name in names if not _KEY.match(name)]
            if bad:
                problem(binding_id, f"{binding_id}: {bad[0]!r} is not a key name", section="keys")
            else:
                keys[binding_id] = ",".join(names)
                key_lines[binding_id] = _line_of(text, binding_id, "keys")
    return Settings(keys, theme, width, mentions, spoilers, tuple(problems), path, key_lines)


def _decode_problem(path: Path, error: tomllib.TOMLDecodeError) -> str:
    """`path:line: message` from tomllib's `message (at line 3, column 5)`."""
    message = str(error)
    found = re.search(r"\(at line (\d+), column \d+\)$", message)
    if found is None:
        return f"{path}: {message}"
    return f"{path}:{found.group(1)}: {message[: found.start()].strip()}"


def _line_of(text: str, name: str, section: str | None) -> int:
    """The line on which `name` is set (inside `[section]` if given); 1 if not found."""
    in_section = section is None
    assignment = re.compile(rf"^\s*[\"']?{re.escape(name)}[\"']?\s*=")
    heading = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")
    for number, line in enumerate(text.splitlines(), start=1):
        found = heading.match(line)
        if found is not None:
            if section is None and found.group(1) == name:
                return number
            in_section = section is None or found.group(1) == section
            continue
        if in_section and assignment.match(line):
            return number
    return 1
