"""Bad books: one line naming the file (a `DocumentError`, exit status 2 on the command
line), or the book opened with a notice where it can be read."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.core.epub import archive
from reader.core.loading import DocumentError, load_document
from tests.epub_builder import Chapter, epub_files, write_epub

CHAPTERS = [
    Chapter("one.xhtml", "<h1>One</h1><p>First words.</p>", "One"),
    Chapter("two.xhtml", "<p>Two.</p>"),
]
DRM = (
    '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
    'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
    '<enc:EncryptionMethod Algorithm="{algorithm}"/>'
    '<enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData></enc:EncryptedData></encryption>'
)


def refused(path: Path) -> str:
    with pytest.raises(DocumentError) as error:
        load_document(path)
    message = str(error.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def book(tmp_path: Path, **changes: bytes | None) -> Path:
    files = epub_files(CHAPTERS)
    for name, data in changes.items():
        name = name.replace("__", "/").replace("_dot_", ".")
        if data is None:
            del files[name]
        else:
            files[name] = data
    return write_epub(tmp_path / "book.epub", files)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "book.epub"
    path.write_text("just words, not an archive")
    assert "not a zip archive" in refused(path)


def test_no_container(tmp_path: Path) -> None:
    assert "no META-INF/container.xml" in refused(book(tmp_path, **{"META-INF__container_dot_xml": None}))


def test_a_container_naming_no_package(tmp_path: Path) -> None:
    assert "no package file" in refused(book(tmp_path, **{"OEBPS__content_dot_opf": None}))


def test_a_package_that_is_not_xml(tmp_path: Path) -> None:
    assert "not well-formed XML" in refused(book(tmp_path, **{"OEBPS__content_dot_opf": b"<package><oops"}))


def test_xml_entities_are_refused(tmp_path: Path) -> None:
    laughs = b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;">]><c>&b;</c>'
    assert "declares XML entities" in refused(book(tmp_path, **{"META-INF__container_dot_xml": laughs}))


def test_a_missing_chapter_opens_with_a_notice(tmp_path: Path) -> None:
    document = load_document(book(tmp_path, **{"OEBPS__two_dot_xhtml": None}))
    assert document.notice is not None and "OEBPS/two.xhtml is missing" in document.notice
    assert "First words." in document.text


def test_every_chapter_missing_is_refused(tmp_path: Path) -> None:
    path = book(tmp_path, **{"OEBPS__one_dot_xhtml": None, "OEBPS__two_dot_xhtml": None})
    assert "no chapter to read" in refused(path)


def test_malformed_xhtml_opens(tmp_path: Path) -> None:
    broken = b"<html><body><p>Unclosed <em>emphasis<p>Second & third <b>bold</i></div></body>"
    document = load_document(book(tmp_path, **{"OEBPS__two_dot_xhtml": broken}))
    assert "Unclosed emphasis" in document.text and "Second & third bold" in document.text


def test_a_chapter_in_another_encoding_or_with_bad_bytes(tmp_path: Path) -> None:
    latin = '<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>Café</p></body></html>'
    document = load_document(book(tmp_path, **{"OEBPS__two_dot_xhtml": latin.encode("latin-1")}))
    assert "Café" in document.text and document.notice is None
    bad = b"<html><body><p>caf\xe9 \xff</p></body></html>"
    document = load_document(book(tmp_path, **{"OEBPS__two_dot_xhtml": bad}))
    assert document.notice is not None and "not valid UTF-8" in document.notice


def test_drm_on_the_text_is_refused(tmp_path: Path) -> None:
    drm = DRM.format(algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc", uri="OEBPS/one.xhtml")
    assert "encrypted (DRM)" in refused(book(tmp_path, **{"META-INF__encryption_dot_xml": drm.encode()}))


def test_obfuscated_fonts_are_no_drm(tmp_path: Path) -> None:
    fonts = DRM.format(algorithm="http://www.idpf.org/2008/embedding", uri="OEBPS/font.otf")
    document = load_document(book(tmp_path, **{"META-INF__encryption_dot_xml": fonts.encode()}))
    assert "First words." in document.text


@pytest.mark.parametrize("name", ["../evil.xhtml", "/etc/passwd", "OEBPS/../../up.txt", "C:/windows.txt"])
def test_paths_outside_the_archive_are_refused(tmp_path: Path, name: str) -> None:
    assert "a path outside the archive" in refused(book(tmp_path, **{name: b"x"}))


def test_a_package_pointing_outside_the_archive_skips_that_chapter(tmp_path: Path) -> None:
    opf = epub_files(CHAPTERS)["OEBPS/content.opf"].replace(b'href="two.xhtml"', b'href="../../etc/passwd"')
    document = load_document(book(tmp_path, **{"OEBPS__content_dot_opf": opf}))
    assert document.notice is not None and "outside the archive" in document.notice


def test_a_zip_bomb_is_refused_before_it_inflates(tmp_path: Path) -> None:
    path = book(tmp_path)
    with zipfile.ZipFile(path, "a") as bomb:
        bomb.writestr("OEBPS/zeros.xhtml", b"\0" * (8 << 20), compress_type=zipfile.ZIP_DEFLATED)
    assert "zip bomb" in refused(path)


def test_too_much_in_all_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 1000)
    assert "uncompressed" in refused(book(tmp_path))


def test_the_command_line_says_one_line_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "book.epub"
    path.write_bytes(b"PK\x03\x04 broken")
    result = subprocess.run(
        [sys.executable, "-m", "reader", str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "book.epub" in result.stderr


def test_a_spine_naming_one_chapter_over_and_over_reads_it_within_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = epub_files(CHAPTERS)
    refs = '<itemref idref="c0"/>' * 2000
    files["OEBPS/content.opf"] = files["OEBPS/content.opf"].replace(b"<spine>", f"<spine>{refs}".encode())
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 100_000)
    document = load_document(write_epub(tmp_path / "book.epub", files))
    assert document.notice is not None and "more than 0 MiB to read" in document.notice
    assert document.notice.endswith("more") and document.notice.count(";") == 3
