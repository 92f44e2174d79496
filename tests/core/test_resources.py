"""The shipped essay is known by its bytes, wherever a copy of it lies."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from reader.core.resources import (
    ESSAY_SHA256,
    ESSAY_SIZE,
    essay_path,
    find_vault,
    is_shipped_essay,
    is_shipped_essay_bytes,
    shipped_glossary_dir,
)


def test_the_constants_describe_the_shipped_seed() -> None:
    data = essay_path().read_bytes()
    assert len(data) == ESSAY_SIZE
    assert hashlib.sha256(data).hexdigest() == ESSAY_SHA256


@pytest.mark.parametrize("document", [None, "seed", "relative"])
def test_the_essay_by_any_path_gets_the_shipped_glossary(
    document: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = essay_path()
    if document == "relative":
        monkeypatch.chdir(seed.parent.parent)
        path: Path | None = Path(seed.parent.name) / seed.name
    else:
        path = None if document is None else seed
    assert find_vault(path, None) == shipped_glossary_dir()


def test_a_copy_elsewhere_gets_the_shipped_glossary(tmp_path: Path) -> None:
    copy = tmp_path / "renamed essay.txt"
    copy.write_bytes(essay_path().read_bytes())
    assert find_vault(copy, None) == shipped_glossary_dir()
    assert find_vault(str(copy), None) == shipped_glossary_dir()
    link = tmp_path / "link.txt"
    os.symlink(copy, link)
    assert find_vault(link, None) == shipped_glossary_dir()


def test_an_edited_copy_of_the_same_size_is_another_document(tmp_path: Path) -> None:
    data = bytearray(essay_path().read_bytes())
    data[100] = ord("X") if data[100] != ord("X") else ord("Y")
    edited = tmp_path / "edited.txt"
    edited.write_bytes(bytes(data))
    assert not is_shipped_essay(edited)
    assert find_vault(edited, None) is None


def test_a_file_of_another_size_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "other.txt"
    other.write_bytes(essay_path().read_bytes() + b"\n")

    def no_reading(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    assert not is_shipped_essay(other)
    assert find_vault(other, None) is None


def test_a_glossary_beside_the_copy_or_named_explicitly_wins(tmp_path: Path) -> None:
    copy = tmp_path / "essay.txt"
    copy.write_bytes(essay_path().read_bytes())
    beside = tmp_path / "essay.glossary"
    beside.mkdir()
    assert find_vault(copy, None) == beside
    explicit = tmp_path / "mine"
    explicit.mkdir()
    assert find_vault(copy, explicit) == explicit


def test_missing_files_directories_and_stdin_are_not_the_essay(tmp_path: Path) -> None:
    assert not is_shipped_essay(tmp_path / "missing.txt")
    assert not is_shipped_essay(tmp_path)
    assert find_vault("-", None) is None
    assert find_vault(tmp_path / "missing.txt", None) is None


def test_bytes_from_standard_input_can_be_recognised() -> None:
    data = essay_path().read_bytes()
    assert is_shipped_essay_bytes(data)
    assert not is_shipped_essay_bytes(data[:-1] + b"?")
    assert not is_shipped_essay_bytes(b"")
