"""Building the app on a document for Pilot tests."""

from __future__ import annotations

from pathlib import Path

from reader.app.app import ReaderApp
from reader.core.loading import read_source

ROOT = Path(__file__).resolve().parents[2]
ESSAY = ROOT / "seeds" / "000_fa68ee161d232009.txt"
GLOSSARY = ROOT / "glossary"


def essay_app(*, vault: Path | None = None) -> ReaderApp:
    """The app on the shipped essay (with no glossary unless one is given)."""
    return ReaderApp(read_source(ESSAY), vault=vault)


def text_app(path: Path) -> ReaderApp:
    return ReaderApp(read_source(path))
