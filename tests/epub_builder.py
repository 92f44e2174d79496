"""Small EPUB 2 (NCX) and EPUB 3 (nav) books for tests and benchmarks, written from scratch.

`epub_files` gives every member of a book as bytes, so that a test can break it
(drop `META-INF/container.xml`, add an `encryption.xml`, a `../` name) before
`write_epub` zips it.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

XHTML = (
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
    'lang="{lang}" xml:lang="{lang}"><head><title>{title}</title></head>\n<body>\n{body}\n</body></html>\n'
)
CONTAINER = (
    '<?xml version="1.0"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
    '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>\n"
)


@dataclass(frozen=True)
class Chapter:
    name: str
    """Its file name under `OEBPS/`."""
    body: str
    """The XHTML inside `<body>`."""
    title: str = ""
    """Its entry in the table of contents (none if empty)."""
    level: int = 1


def _nav(chapters: list[Chapter], lang: str) -> str:
    items: list[str] = []
    depth = 0
    for chapter in (c for c in chapters if c.title):
        if chapter.level > depth:
            items.append("<ol>" * (chapter.level - depth))
        else:
            items.append("</li>" + "</ol></li>" * (depth - chapter.level))
        depth = chapter.level
        items.append(f'<li><a href="{chapter.name}">{escape(chapter.title)}</a>')
    items.append("</li></ol>" * depth)
    body = f'<nav epub:type="toc" id="toc"><h1>Contents</h1>{"".join(items)}</nav>'
    return XHTML.format(lang=lang, title="Contents", body=body)


def _ncx(chapters: list[Chapter], title: str) -> str:
    points: list[str] = []
    depth = 0
    for order, chapter in enumerate((c for c in chapters if c.title), 1):
        points.append("</navPoint>" * (depth - chapter.level + 1) if depth else "")
        depth = chapter.level
        points.append(
            f'<navPoint id="p{order}" playOrder="{order}"><navLabel><text>{escape(chapter.title)}</text>'
            f'</navLabel><content src="{chapter.name}"/>'
        )
    points.append("</navPoint>" * depth)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" '
        f'version="2005-1"><head/><docTitle><text>{escape(title)}</text></docTitle>'
        f"<navMap>{''.join(points)}</navMap></ncx>\n"
    )


def epub_files(
    chapters: list[Chapter],
    *,
    version: int = 3,
    title: str = "A Small Book",
    author: str = "A. Writer",
    language: str = "en",
) -> dict[str, bytes]:
    """Every member of an EPUB `version` 3 (with a `nav`) or 2 (with an NCX)."""
    manifest = [
        f'<item id="c{index}" href="{chapter.name}" media-type="application/xhtml+xml"/>'
        for index, chapter in enumerate(chapters)
    ]
    spine = "".join(f'<itemref idref="c{index}"/>' for index in range(len(chapters)))
    files = {"mimetype": b"application/epub+zip", "META-INF/container.xml": CONTAINER.encode()}
    if version == 3:
        manifest.append(
            '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        )
        files["OEBPS/nav.xhtml"] = _nav(chapters, language).encode()
        spine_open = "<spine>"
    else:
        manifest.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
        files["OEBPS/toc.ncx"] = _ncx(chapters, title).encode()
        spine_open = '<spine toc="ncx">'
    opf = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" '
        f'version="{version}.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="id">urn:uuid:12345</dc:identifier><dc:title>{escape(title)}</dc:title>'
        f"<dc:creator>{escape(author)}</dc:creator><dc:language>{language}</dc:language></metadata>"
        f"<manifest>{''.join(manifest)}</manifest>{spine_open}{spine}</spine></package>\n"
    )
    files["OEBPS/content.opf"] = opf.encode()
    for chapter in chapters:
        xhtml = XHTML.format(lang=language, title=escape(chapter.title or title), body=chapter.body)
        files[f"OEBPS/{chapter.name}"] = xhtml.encode()
    return files


def write_epub(path: Path, files: dict[str, bytes]) -> Path:
    """Zip `files` into `path`, `mimetype` first and stored, as EPUB asks."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data, compress_type=method)
    return path


def build_epub(
    path: Path,
    chapters: list[Chapter],
    *,
    version: int = 3,
    title: str = "A Small Book",
    author: str = "A. Writer",
    language: str = "en",
) -> Path:
    """An EPUB at `path` (see `epub_files`)."""
    files = epub_files(chapters, version=version, title=title, author=author, language=language)
    return write_epub(path, files)
