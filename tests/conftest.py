"""Fixtures every test shares: the shipped essay, the benchmark book, a private data dir."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ESSAY = ROOT / "seeds" / "000_fa68ee161d232009.txt"
WAR_AND_PEACE = ROOT.parent / "shared" / "corpus" / "war-and-peace.txt"
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


@pytest.fixture
def war_and_peace_path() -> Path:
    if not WAR_AND_PEACE.exists():
        pytest.skip("../shared/corpus/war-and-peace.txt is not present")
    return WAR_AND_PEACE
