"""How a bookmark reads on screen: its paragraph, its date, a short quote of its passage."""

from __future__ import annotations

from datetime import datetime

from reader.core.document import paragraph_label
from reader.core.sanitize import one_line

_OPENING_QUOTES = ("“", '"', "„", "«")
"""Double quotation marks a passage may open with (dialogue, most often)."""


def excerpt(text: str, limit: int) -> str:
    """`text` on one line in curly quotes, cut at a word to at most `limit` characters, and
    inert (a quote or note can come from another program's hands).

    A passage that opens with its own quotation mark (`“How do you do…`) is shown as it
    stands: quotes of ours around it would read as a doubled mark (`““How`).
    """
    flat = one_line(" ".join(text.split()))
    own = flat.startswith(_OPENING_QUOTES)
    room = limit if own else limit - 2
    if len(flat) > room:
        cut = flat[: room - 1]
        flat = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:—– ") + "…"
    return flat if own else f"“{flat}”"


def place(block: int | None) -> str:
    """Where a bookmark is: its paragraph (`¶ 12`, as everywhere), or `orphan` for a lost passage."""
    return "orphan" if block is None else paragraph_label(block)


def local_date(timestamp: str) -> str:
    """The reader's own calendar date of an ISO 8601 UTC time (`2026-01-20T23:10:00.000Z`)."""
    return datetime.fromisoformat(timestamp).astimezone().date().isoformat()
