"""An EPUB's zip archive, opened only if it is safe to read.

Nothing is ever extracted to disk, and nothing is read that the archive does not
declare: Python's `zipfile` stops each member at its declared size, so a member
cannot inflate past what the central directory says.  Before anything is read the
central directory itself is checked: a name that is absolute or climbs out of the
archive (`../`), more members than any book has, a declared total larger than any
book is, or a member that inflates more than `MAX_RATIO` times (a zip bomb) refuse
the whole file with one line.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from types import TracebackType

MAX_MEMBERS = 20_000
"""More files than a book with thousands of illustrations has."""
MAX_TOTAL_BYTES = 1 << 30
"""1 GiB uncompressed in all: a long illustrated book is a few hundred MiB."""
MAX_MEMBER_BYTES = 256 << 20
"""One chapter, package or contents file: War and Peace as one file is 3.5 MB."""
MAX_RATIO = 100
"""Text inflates 3 to 10 times; a member larger than `_RATIO_FLOOR` inflating more than
this is a zip bomb."""
_RATIO_FLOOR = 1 << 20
_DRIVE = re.compile(r"[A-Za-z]:")


class EpubError(Exception):
    """A book that cannot be opened; the message says why, without the file's name."""


def unsafe_name(name: str) -> bool:
    """A member name that is absolute, names a drive, or climbs out of the archive."""
    return (
        name.startswith(("/", "\\"))
        or "\\" in name
        or bool(_DRIVE.match(name))
        or ".." in name.split("/")
        or "\0" in name
    )


def resolve(base: str, href: str) -> str | None:
    """The archive path `href` (already percent-decoded) names, relative to the member
    `base`; None for a path that leaves the archive."""
    if href.startswith("/") or _DRIVE.match(href):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), href))
    if joined == ".." or joined.startswith("../") or joined.startswith("/"):
        return None
    return "" if joined == "." else joined


class Archive:
    """The members of an EPUB, read one at a time within the limits."""

    def __init__(self, path: Path) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            raise EpubError("not an EPUB (not a zip archive)") from None
        except (OSError, ValueError, EOFError) as error:
            raise EpubError(f"not an EPUB (a damaged zip archive: {error})") from None
        try:
            self._members = self._check(self._zip.infolist())
        except EpubError:
            self._zip.close()
            raise
        self.read_bytes = 0

    @staticmethod
    def _check(infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        if len(infos) > MAX_MEMBERS:
            raise EpubError(f"refused: {len(infos)} files in the archive (a book has at most {MAX_MEMBERS})")
        total = 0
        members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if unsafe_name(info.filename):
                raise EpubError(f"refused: a path outside the archive ({info.filename!r})")
            total += info.file_size
            if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise EpubError(
                    f"refused: {info.filename!r} inflates {info.file_size // max(info.compress_size, 1)} "
                    f"times (a zip bomb?)"
                )
            members.setdefault(info.filename, info)
        if total > MAX_TOTAL_BYTES:
            raise EpubError(
                f"refused: {total >> 20} MiB uncompressed (reader opens at most {MAX_TOTAL_BYTES >> 20} MiB)"
            )
        return members

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._zip.close()

    def __contains__(self, name: object) -> bool:
        return name in self._members

    def read(self, name: str) -> bytes:
        """The member `name`'s bytes; `EpubError` if it is too large or cannot be read."""
        info = self._members.get(name)
        if info is None:
            raise EpubError(f"{name} is missing from the archive")
        if info.file_size > MAX_MEMBER_BYTES:
            raise EpubError(f"refused: {name} is {info.file_size >> 20} MiB")
        if self.read_bytes + info.file_size > MAX_TOTAL_BYTES:  # a spine naming one file 1,000 times
            raise EpubError(f"refused: more than {MAX_TOTAL_BYTES >> 20} MiB to read")
        try:
            with self._zip.open(info) as member:
                data = member.read(MAX_MEMBER_BYTES + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            NotImplementedError,
            RuntimeError,
        ) as error:
            raise EpubError(f"{name} cannot be read ({error})") from None
        self.read_bytes += len(data)
        return data
