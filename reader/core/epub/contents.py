"""An EPUB's own table of contents: EPUB 3's `nav` document (`epub:type="toc"`), else
EPUB 2's NCX, as titles, depths and the archive place (`file#id`) each leads to."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from reader.core.epub.archive import Archive, EpubError
from reader.core.epub.package import Package, href_path, parse_xml

if TYPE_CHECKING:
    import xml.etree.ElementTree as ElementTree

    from selectolax.lexbor import LexborNode

MAX_ENTRIES = 10_000
"""A contents longer than this is cut: no book has so many chapters."""


class Place(NamedTuple):
    title: str
    level: int
    """Its depth in the contents, from 1."""
    key: str
    """`file` or `file#id`: a key of `Document.anchors`."""


def _key(base: str, href: str) -> str | None:
    path, fragment = href_path(base, href)
    if path is None:
        return None
    return f"{path}#{fragment}" if fragment else path


def read_contents(archive: Archive, package: Package) -> tuple[list[Place], str | None]:
    """The book's contents and a problem to tell (a contents file that cannot be read
    costs the contents, not the book)."""
    try:
        if package.nav is not None:
            places = _nav(archive.read(package.nav).decode("utf-8", "replace"), package.nav)
            if places:
                return places, None
        if package.ncx is not None:
            return _ncx(parse_xml(archive.read(package.ncx), package.ncx), package.ncx), None
    except EpubError as error:
        return [], f"no table of contents: {error}"
    return [], None


def _nav(markup: str, base: str) -> list[Place]:
    from selectolax.lexbor import LexborHTMLParser

    from reader.core.html import expand_self_closing

    tree = LexborHTMLParser(expand_self_closing(markup))
    navs = tree.css("nav")
    toc = next((nav for nav in navs if "toc" in (nav.attributes.get("epub:type") or "").split()), None)
    if toc is None and navs:
        toc = navs[0]
    places: list[Place] = []
    if toc is not None:
        top = next((child for child in toc.iter() if child.tag == "ol"), None)
        if top is not None:
            _nav_list(top, base, 1, places)
    return places


def _nav_list(ordered: LexborNode, base: str, level: int, places: list[Place]) -> None:
    for item in ordered.iter():
        if item.tag != "li" or len(places) >= MAX_ENTRIES:
            continue
        for child in item.iter():
            if child.tag in ("a", "span"):
                title = " ".join((child.text(deep=True) or "").split())
                key = _key(base, child.attributes.get("href") or "") if child.tag == "a" else None
                if title and key is not None:
                    places.append(Place(title, level, key))
            elif child.tag == "ol" and level < 20:
                _nav_list(child, base, level + 1, places)


def _ncx(root: ElementTree.Element, base: str) -> list[Place]:
    places: list[Place] = []
    nav_map = root.find("{*}navMap")
    if nav_map is not None:
        _nav_points(nav_map, base, 1, places)
    return places


def _nav_points(parent: ElementTree.Element, base: str, level: int, places: list[Place]) -> None:
    for point in parent.iterfind("{*}navPoint"):
        if len(places) >= MAX_ENTRIES:
            return
        label = point.find("{*}navLabel/{*}text")
        title = " ".join("".join(label.itertext()).split()) if label is not None else ""
        content = point.find("{*}content")
        key = _key(base, content.get("src", "")) if content is not None else None
        if title and key is not None:
            places.append(Place(title, level, key))
        if level < 20:
            _nav_points(point, base, level + 1, places)
