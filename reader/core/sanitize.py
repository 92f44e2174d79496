"""Making text from outside (a document, a vault, a note, a file name) inert on a terminal.

A terminal acts on what it is sent: ESC starts a control sequence (set the window
title, write the clipboard with OSC 52, clear the screen, leave the alternate
screen), and so does a C1 control such as U+009B (CSI) on terminals that honour
them; the bidirectional overrides and isolates reorder what is shown, so a line can
read differently from what it holds ("Trojan Source").  Nothing read from outside
may reach the terminal with any of these in it.

`inert` replaces each such character by one visible character, so every offset
into the text stays valid (the reading view keeps offsets into the document for
mentions, matches and bookmarks):

- C0 controls by their Unicode control pictures (ESC is `␛`, NUL `␀`), DEL by `␡`;
- C1 controls (U+0080 to U+009F) by `�`, the replacement character;
- the bidi embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069)
  by `�` as well: shown, never obeyed;
- lone surrogates (a file name that is not UTF-8) by `�`, so printing cannot fail.

Newline and tab are kept unless the caller says otherwise (`keep`): they carry the
structure of multi-line text.  The left-to-right and right-to-left marks (U+200E,
U+200F, U+061C) are kept: they are ordinary in Arabic and Hebrew text and cannot
reorder a run of letters, only the neutral characters beside them.

`printable` is for text printed by the command line: newlines kept, tabs expanded
to spaces, everything else as `inert` does it.
"""

from __future__ import annotations

import re
from functools import cache

REPLACEMENT = "\ufffd"
"""The stand-in for a character that has no picture of its own."""

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides, their pop, and the isolates: the characters that reorder text."""

_STRUCTURE = "\n\t"
_HIGH = re.compile("[\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""The bidi controls and lone surrogates: a separate class, as one class holding both
ranges is scanned several times slower (47 ms instead of 15 for War and Peace)."""


def _picture(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return REPLACEMENT


@cache
def _patterns(keep: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The controls `inert` replaces less those in `keep` (newline, tab or both), and
    everything it replaces."""
    low = "".join(f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0)) if chr(code) not in keep)
    return re.compile(f"[{low}]"), re.compile(f"[{low}]|{_HIGH.pattern}")


def _replace(match: re.Match[str]) -> str:
    return _picture(match.group())


def is_inert(text: str, *, keep: str = _STRUCTURE) -> bool:
    """True when `inert(text, keep=keep)` would change nothing."""
    low, _ = _patterns(keep)
    if low.search(text) is not None:
        return False
    return text.isascii() or _HIGH.search(text) is None


def inert(text: str, *, keep: str = _STRUCTURE) -> str:
    """`text` with every character a terminal could act on shown by one visible character.

    Same length as `text`, character for character.  `keep` lists the structural
    characters left alone: newline and tab by default, `""` for text that must stay on
    one line (a file name in an error message, a title).
    """
    if is_inert(text, keep=keep):  # the usual case: a scan or two in C, no copy
        return text
    return _patterns(keep)[1].sub(_replace, text)


def printable(text: str) -> str:
    """Text for the command line's output: newlines kept, tabs expanded (to 8-column
    stops, counted from the start of each line), every other control made visible."""
    if "\t" in text:
        text = "\n".join(line.expandtabs() for line in text.split("\n"))
    return inert(text, keep="\n")


def one_line(text: str) -> str:
    """Text that must stay on one line (a file name in an error, a title): newlines and
    tabs are shown too."""
    return inert(text, keep="")
