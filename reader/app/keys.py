"""The documented keys, by section: shown by the help screen and mirrored in README.md.

A test checks that every binding of the app and its widgets appears here.
"""

from __future__ import annotations

KEY_HELP: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Reading",
        [
            ("j / k / ↓ / ↑", "one line down / up"),
            ("space / PgDn", "one page down"),
            ("b / PgUp", "one page up"),
            ("g / Home", "top of the document"),
            ("G / End", "end of the document"),
            ("{ / }", "previous / next paragraph (moves the reading cursor)"),
            ("- / + / =", "narrower / wider text column / reset to 76"),
            ("mouse wheel", "scroll"),
        ],
    ),
    (
        "Glossary",
        [
            ("tab / shift+tab", "next / previous mention in the essay (focus ring)"),
            ("enter / click", "open the mention's entry in the pane"),
            ("mouse over", "a mention shows its entry's summary"),
            ("x", "show / hide the glossary pane"),
            ("i", "index: type to filter, ↑ / ↓ to choose, enter opens"),
            ("t", "timeline: the dated entries in date order"),
            ("F6 / ctrl+o", "focus the essay / the pane"),
            ("tab / enter", "in the pane: next link or list / follow it"),
            ("← / →", "on the mention strip: previous / next mention"),
            ("backspace / alt+left", "back: the entry and the essay's place before"),
            ("alt+right", "forward again"),
            ("escape", "close the pane over the essay, or leave the pane"),
        ],
    ),
    (
        "Search",
        [
            ("/", "search: matches highlight as you type"),
            ("n / N", "next / previous match (wraps around)"),
            ("ctrl+f", "list every match and entry found"),
            ("enter", "bar: keep the search, close the bar"),
            ("escape", "bar: clear the search and go back"),
            ("ctrl+r / ctrl+w", "bar: regex / whole words on or off"),
            ("↑ / ↓", "bar: earlier / later queries"),
            ("tab", "bar: open the entry the query names"),
            ("alt+enter / ctrl+g", "bar: find every name of that entry"),
        ],
    ),
    (
        "Bookmarks",
        [
            ("m", "bookmark the cursor's paragraph, or the mouse selection"),
            ("mouse drag", "select text (ctrl+c copies it)"),
            ("' / B", "list bookmarks: enter jumps to one, e edits its note, d deletes it"),
            ("u", "undo the last delete (for a few seconds)"),
            ("escape", "in the note prompt: save without a note; in the list: close"),
        ],
    ),
    (
        "App",
        [
            ("? / F1", "this help"),
            ("ctrl+p", "command palette: every action, themes"),
            ("q", "quit"),
        ],
    ),
]
