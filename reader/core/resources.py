"""Where the documents and glossary we ship live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_ESSAY_NAME = "000_fa68ee161d232009.txt"
ESSAY_SHA256 = "a14105c5eb1154c30ed404e5654b94ac7161ea3686ceaa6a9393d4dab864459a"
"""The shipped essay is known by its bytes, wherever a copy of it lies."""
ESSAY_SIZE = 5196
"""Its size in bytes: a file of any other size is not hashed at all."""


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
    the shipped vault for the shipped essay, known by its content (`is_shipped_essay`), so
    that any copy of it gets its glossary; else none.  `document_path` None means the essay."""
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
    if is_shipped_essay(path):
        return shipped_glossary_dir()
    return None


def is_shipped_essay(path: Path) -> bool:
    """Whether `path` holds the shipped essay byte for byte (a copy, a link, the seed itself).

    Only a file of exactly the essay's size is read and hashed: any other costs one `stat`.
    """
    try:
        if path.stat().st_size != ESSAY_SIZE:
            return False
        data = path.read_bytes()
    except (OSError, ValueError):  # ValueError: a path holding a NUL byte
        return False
    return is_shipped_essay_bytes(data)


def is_shipped_essay_bytes(data: bytes) -> bool:
    """Whether `data` (a file's or standard input's bytes) is the shipped essay."""
    if len(data) != ESSAY_SIZE:
        return False
    import hashlib  # not at start-up: only a file of the essay's size is ever hashed

    return hashlib.sha256(data).hexdigest() == ESSAY_SHA256
