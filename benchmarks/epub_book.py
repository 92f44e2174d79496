"""War and Peace built as an EPUB 3, as a publisher would split it: one chapter file per
book and epilogue (18 files of 120 to 390 KB), a `<p>` per paragraph, headings for the
books and chapters, and a `nav` listing them."""

from __future__ import annotations

import re
import tempfile
from html import escape
from pathlib import Path

from tests.epub_builder import Chapter, build_epub

_PART = re.compile(r"(?:BOOK [A-Z]+|[A-Z]+ EPILOGUE)\b.*")
_CHAPTER = re.compile(r"CHAPTER [IVXLC]+")


def war_and_peace_epub(text_path: Path) -> Path:
    """The EPUB built from the plain text at `text_path`, in a temporary directory."""
    text = text_path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    lines = [" ".join(paragraph.split()) for paragraph in text.split("\n\n")]
    lines = [line for line in lines if line]
    parts: list[tuple[str, list[str]]] = [("", [])]
    for index, line in enumerate(lines):
        following = lines[index + 1 : index + 3]
        # A book's heading, not its line in the contents at the front (where CHAPTER I is
        # followed by CHAPTER II, not by prose).
        if _PART.fullmatch(line) and following[:1] == ["CHAPTER I"] and not _CHAPTER.match(following[-1]):
            parts.append((line, [f"<h1>{escape(line)}</h1>"]))
        elif _CHAPTER.fullmatch(line):
            parts[-1][1].append(f"<h2>{escape(line)}</h2>")
        else:
            parts[-1][1].append(f"<p>{escape(line)}</p>")
    chapters = [
        Chapter(f"part{index:02}.xhtml", "\n".join(body), title or "War and Peace")
        for index, (title, body) in enumerate(parts)
    ]
    path = Path(tempfile.mkdtemp(prefix="reader-epub-")) / "war-and-peace.epub"
    return build_epub(path, chapters, title="War and Peace", author="Leo Tolstoy")
