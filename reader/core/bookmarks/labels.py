"""How a bookmark reads on screen: its paragraph, its date, a short quote of its passage."""

from __future__ import annotations

from datetime import datetime

from reader.core.sanitize import one_line


def excerpt(text: str, limit: int) -> str:
    """`text` on one line in curly quotes, cut at a word to at most `limit` characters, and
    inert (a quote or note can come from another program's hands)."""
    flat = one_line(" ".join(text.split()))
    if len(flat) > limit - 2:
        cut = flat[: limit - 3]
        flat = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:—– ") + "…"
    return f"“{flat}”"


def paragraph_label(block: int | None) -> str:
    """`¶ 12` (counted from 1, as in the status bar), or `orphan` for a lost passage."""
    return "orphan" if block is None else f"¶ {block + 1}"


def local_date(timestamp: str) -> str:
    """The reader's own calendar date of an ISO 8601 UTC time (`2026-01-20T23:10:00.000Z`)."""
    return datetime.fromisoformat(timestamp).astimezone().date().isoformat()
