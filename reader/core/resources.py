"""Where the documents and glossary we ship live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_ESSAY_NAME = "000_fa68ee161d232009.txt"


def _data_dir(name: str) -> Path:
    """`reader/_data/NAME` in a wheel; the checkout's top-level `NAME/` otherwise."""
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def seeds_dir() -> Path:
    return _data_dir("seeds")


def essay_path() -> Path:
    """The essay `reader` opens when given no file."""
    return seeds_dir() / _ESSAY_NAME


def shipped_glossary_dir() -> Path:
    """The glossary vault written for the essay."""
    return _data_dir("glossary")


def find_vault(document_path: str | Path | None, explicit: Path | None) -> Path | None:
    """The glossary for a document: `explicit`; else `<stem>.glossary/` beside it; else
    the shipped vault for the shipped essay; else none.  `document_path` None means the essay."""
    if explicit is not None:
        if not explicit.is_dir():
            raise NotADirectoryError(f"{explicit}: glossary vault is not a directory")
        return explicit
    if document_path is None:
        return shipped_glossary_dir()
    if str(document_path) == "-":
        return None
    path = Path(document_path)
    beside = path.with_name(f"{path.stem}.glossary")
    if beside.is_dir():
        return beside
    if path.resolve() == essay_path().resolve():
        return shipped_glossary_dir()
    return None
