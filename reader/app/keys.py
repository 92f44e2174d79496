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
        "App",
        [
            ("? / F1", "this help"),
            ("ctrl+p", "command palette: every action, themes"),
            ("q", "quit"),
        ],
    ),
]
