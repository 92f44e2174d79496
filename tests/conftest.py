"""Fixtures every test shares: the shipped essay, the benchmark book, a private data dir."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.stdin_pipe import Pipe

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
def pipe() -> Iterator[Pipe]:
    """A pipe standing in for standard input; its write end is closed after the test."""
    stdin = Pipe()
    yield stdin
    stdin.end()


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


def _writable(path: Path) -> bool:
    try:
        if path.is_dir():
            with tempfile.TemporaryFile(dir=path):
                return True
        with path.open("ab"):
            return True
    except OSError:
        return False


MakeReadOnly = Callable[[Path], None]


@pytest.fixture
def make_read_only() -> Iterator[MakeReadOnly]:
    """Makes a file or directory unwritable for real.  chmod does not stop root, so as root
    it is made immutable (chattr +i) instead; undone after the test."""
    changed: list[Path] = []

    def make(path: Path) -> None:
        changed.append(path)
        path.chmod(0o500 if path.is_dir() else 0o400)
        if _writable(path):
            subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        if _writable(path):
            pytest.skip(
                "cannot make a path unwritable here (running as root, and chattr +i is not supported)"
            )

    yield make
    for path in changed:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
        path.chmod(0o700 if path.is_dir() else 0o600)


@pytest.fixture(autouse=True)
def no_settings_file(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the settings file of whoever runs it."""
    monkeypatch.setenv("READER_CONFIG", str(tmp_path_factory.mktemp("config") / "absent.toml"))
