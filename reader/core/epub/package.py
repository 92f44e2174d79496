"""An EPUB's package: `META-INF/container.xml` names the OPF file, whose metadata gives
the title, author and language, whose manifest and spine give the chapters in reading
order, and which names the table of contents (EPUB 3's `nav`, EPUB 2's NCX).

These small XML files are read with the standard library's ElementTree (expat), after
refusing any that declares an entity: no entity expansion ("billion laughs"), and no
external entity is ever fetched.  A book whose content `META-INF/encryption.xml` says
is encrypted (DRM) is refused; font obfuscation, which only hides fonts, is not DRM.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from reader.core.epub.archive import Archive, EpubError, resolve

CONTAINER = "META-INF/container.xml"
ENCRYPTION = "META-INF/encryption.xml"
OPF_ROLE = "{http://www.idpf.org/2007/opf}role"
XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/x-dtbook+xml"})


def parse_xml(data: bytes, name: str) -> ElementTree.Element:
    """The root of a small XML file; `EpubError` if it is not XML or declares entities."""
    if b"<!ENTITY" in data:
        raise EpubError(f"refused: {name} declares XML entities")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise EpubError(f"{name} is not well-formed XML ({error})") from None


def _text(element: ElementTree.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _authors(metadata: ElementTree.Element) -> list[str]:
    """The creators whose role is author (EPUB 2's `opf:role`, EPUB 3's refining `meta`),
    or has none; every creator if none is an author (a translator is not the author)."""
    roles = {
        element.get("refines", ""): _text(element)
        for element in metadata.iterfind("{*}meta")
        if element.get("property") == "role"
    }
    creators = [
        (_text(creator), creator.get(OPF_ROLE) or roles.get(f"#{creator.get('id', '')}", ""))
        for creator in metadata.iterfind("{*}creator")
    ]
    authors = [name for name, role in creators if name and role in ("", "aut")]
    return authors or [name for name, _ in creators if name]


def href_path(base: str, href: str) -> tuple[str | None, str]:
    """The archive path and the fragment an `href` in the member `base` names (the path
    None when it leaves the archive, `base` itself for `#fragment`)."""
    parts = urlsplit(href)
    if not parts.path:
        return base, unquote(parts.fragment)
    return resolve(base, unquote(parts.path)), unquote(parts.fragment)


@dataclass(slots=True)
class Package:
    """What the OPF file says; `problems` are notices (a chapter missing, skipped)."""

    path: str
    title: str = ""
    authors: list[str] = field(default_factory=list)
    language: str = ""
    spine: list[str] = field(default_factory=list)
    """Archive paths of the chapters, in reading order."""
    nav: str | None = None
    ncx: str | None = None
    problems: list[str] = field(default_factory=list)


def read_package(archive: Archive) -> Package:
    """The package of the book in `archive`, or `EpubError` for one that cannot be read."""
    if CONTAINER not in archive:
        raise EpubError(f"not an EPUB (no {CONTAINER})")
    container = parse_xml(archive.read(CONTAINER), CONTAINER)
    rootfile = next(
        (
            element.get("full-path", "")
            for element in container.iterfind(".//{*}rootfile")
            if element.get("media-type", "application/oebps-package+xml") == "application/oebps-package+xml"
        ),
        "",
    )
    opf = resolve("", unquote(rootfile)) if rootfile else None
    if not opf or opf not in archive:
        raise EpubError(f"no package file: {CONTAINER} names {rootfile!r}, which is not in the archive")
    root = parse_xml(archive.read(opf), opf)
    package = Package(opf)
    metadata = root.find("{*}metadata")
    if metadata is not None:
        package.title = _text(metadata.find("{*}title"))
        package.authors = _authors(metadata)
        package.language = _text(metadata.find("{*}language"))
    manifest: dict[str, tuple[str | None, str, str]] = {}
    for item in root.iterfind("{*}manifest/{*}item"):
        path, _ = href_path(opf, item.get("href", ""))
        manifest[item.get("id", "")] = (path, item.get("media-type", ""), item.get("properties", ""))
        if "nav" in item.get("properties", "").split() and path in archive:
            package.nav = path
    spine = root.find("{*}spine")
    if spine is None:
        raise EpubError(f"{opf} has no spine (no reading order)")
    toc = manifest.get(spine.get("toc", ""))
    if toc is not None and toc[0] in archive:
        package.ncx = toc[0]
    elif package.nav is None:
        package.ncx = next(
            (p for p, kind, _ in manifest.values() if kind == "application/x-dtbncx+xml"), None
        )
    for itemref in spine.iterfind("{*}itemref"):
        idref = itemref.get("idref", "")
        path, kind, _ = manifest.get(idref, (None, "", ""))
        if path is None:
            where = (
                f"{idref!r} (outside the archive)"
                if idref in manifest
                else f"{idref!r} (not in the manifest)"
            )
            package.problems.append(f"chapter {where} skipped")
        elif path not in archive:
            package.problems.append(f"chapter {path} is missing, skipped")
        elif kind in XHTML_TYPES:
            package.spine.append(path)
    _refuse_drm(archive, package)
    if not package.spine:
        raise EpubError("no chapter to read (the spine names no XHTML in the archive)")
    return package


def _refuse_drm(archive: Archive, package: Package) -> None:
    """`EpubError` if `META-INF/encryption.xml` encrypts a chapter or the contents (with
    anything but font obfuscation, which is for fonts only)."""
    if ENCRYPTION not in archive:
        return
    text = {*package.spine, package.nav, package.ncx}
    root = parse_xml(archive.read(ENCRYPTION), ENCRYPTION)
    for encrypted in root.iterfind(".//{*}EncryptedData"):
        reference = encrypted.find("{*}CipherData/{*}CipherReference")
        uri = unquote(reference.get("URI", "")) if reference is not None else ""
        if resolve("", uri) in text:
            raise EpubError("encrypted (DRM): reader cannot read this book")
