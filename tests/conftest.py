"""Fixtures every test shares: the shipped essay, the benchmark book, a private data dir."""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ESSAY = ROOT / "seeds" / "000_fa68ee161d232009.txt"
WAR_AND_PEACE_GZ = ROOT / "tests" / "data" / "war-and-peace.txt.gz"
"""Project Gutenberg #2600 with its licence, byte for byte, gzipped: tests need no `../shared`."""
GLOSSARY = ROOT / "glossary"


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test stores bookmarks, positions and settings in its own temporary directory."""
    path = tmp_path_factory.mktemp("reader-data")
    monkeypatch.setenv("READER_DATA_DIR", str(path))
    yield path


@pytest.fixture
def essay_path() -> Path:
    return ESSAY


@pytest.fixture(scope="session")
def war_and_peace_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """War and Peace as a plain file, unpacked once per test session."""
    path = tmp_path_factory.mktemp("corpus") / "war-and-peace.txt"
    with gzip.open(WAR_AND_PEACE_GZ) as packed, path.open("wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    return path
