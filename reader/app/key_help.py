"""Every key, read from the bindings themselves: the help screen shows this, and the
README's key tables are checked against it (`markdown_tables`), so neither can drift.

A binding's section is its `group` (the reading screen groups its keys: Search,
Glossary, ...), else the `HELP_SECTION` of the class that owns it.  Keys a class
reads without a binding (digits before a motion, the mouse, `enter` in a prompt)
are its `HELP_EXTRAS`.  Keys rebound in the settings file are shown as rebound.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from textual.binding import Binding
from textual.keys import format_key

_NAMES = {
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "space": "space",
    "escape": "escape",
    "backspace": "backspace",
    "enter": "enter",
    "tab": "tab",
    "delete": "delete",
}
SECTION_ORDER = (
    "Reading",
    "Search",
    "Search bar",
    "Match list",
    "Glossary",
    "Glossary pane",
    "Bookmarks",
    "Bookmark note",
    "Bookmark list",
    "Go to",
    "Contents",
    "Wide table",
    "Library",
    "App",
)


class KeyRow(NamedTuple):
    keys: str
    description: str
    binding_id: str
    """Empty for keys that are not bindings (`HELP_EXTRAS`)."""


class Section(NamedTuple):
    title: str
    rows: list[KeyRow]


def key_name(key: str) -> str:
    """How a Textual key name is written for a person: `question_mark` is `?`,
    `ctrl+f` stays `ctrl+f`, `pagedown` is `PgDn`."""
    *modifiers, base = key.split("+")
    shown = _NAMES.get(base) or (base.upper() if len(base) == 2 and base[0] == "f" else format_key(base))
    return "+".join([*modifiers, shown])


def _keys(binding: Binding, keymap: Mapping[str, str]) -> list[str]:
    keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
    return [key.strip() for key in keys.split(",") if key.strip()]


def help_sections(owners: Iterable[type[object]], keymap: Mapping[str, str]) -> list[Section]:
    """Every binding (one row per binding id) and help extra of `owners`, by section."""
    sections: dict[str, list[KeyRow]] = {}
    seen: set[str] = set()
    for owner in owners:
        default_section = getattr(owner, "HELP_SECTION", "App")
        for binding in getattr(owner, "BINDINGS", []):
            if not isinstance(binding, Binding) or binding.id is None or binding.id in seen:
                continue
            seen.add(binding.id)
            title = binding.group.description if binding.group is not None else default_section
            keys = " / ".join(key_name(key) for key in _keys(binding, keymap))
            sections.setdefault(title, []).append(KeyRow(keys, binding.description, binding.id))
        for keys, description in getattr(owner, "HELP_EXTRAS", []):
            sections.setdefault(default_section, []).append(KeyRow(keys, description, ""))
    order = {title: index for index, title in enumerate(SECTION_ORDER)}
    return [
        Section(title, rows)
        for title, rows in sorted(sections.items(), key=lambda item: order.get(item[0], 99))
    ]


def binding_ids(owners: Iterable[type[object]]) -> set[str]:
    """Every binding id the owners declare (what the settings file's `[keys]` may name)."""
    return {
        binding.id
        for owner in owners
        for binding in getattr(owner, "BINDINGS", [])
        if isinstance(binding, Binding) and binding.id is not None
    }


def markdown_tables(sections: Sequence[Section]) -> str:
    """The sections as the README writes them: a heading and a table each."""
    lines: list[str] = []
    for section in sections:
        lines += [f"**{section.title}**", "", "| keys | action | id |", "| --- | --- | --- |"]
        for row in section.rows:
            keys = row.keys.replace("|", "\\|")
            binding_id = f"`{row.binding_id}`" if row.binding_id else ""
            lines.append(f"| `{keys}` | {row.description} | {binding_id} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def reader_key_owners() -> list[type[object]]:
    """Every class of the reader's shell that declares keys, in the order help shows them
    (the app and the help screen are added by the caller, which knows them)."""
    from reader.app.bookmarks.list_screen import BookmarkList
    from reader.app.bookmarks.prompt import NotePrompt
    from reader.app.glossary.entry_view import EntryView
    from reader.app.glossary.lists import IndexView, PaneList, TimelineView
    from reader.app.glossary.mention_strip import MentionStrip
    from reader.app.library.forget import ForgetPrompt
    from reader.app.library.screen import LibraryScreen
    from reader.app.reading.contents_screen import ContentsScreen
    from reader.app.reading.document_view import DocumentView
    from reader.app.reading.go_to import GoToPrompt
    from reader.app.reading.screen import ReadingScreen
    from reader.app.reading.wide_block import WideBlockScreen
    from reader.app.search.bar import SearchBar
    from reader.app.search.results import ResultList, SearchResultsScreen

    return [
        DocumentView,
        ReadingScreen,
        SearchBar,
        ResultList,
        SearchResultsScreen,
        IndexView,
        TimelineView,
        PaneList,
        EntryView,
        MentionStrip,
        NotePrompt,
        BookmarkList,
        GoToPrompt,
        ContentsScreen,
        WideBlockScreen,
        LibraryScreen,
        ForgetPrompt,
    ]
