"""The HTML export: nesting, escaping, the policy, contrast; no browser needed here."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.contrast import AA, contrast_ratio
from reader.core.export.inline import Mark, render
from reader.core.export.page import export_html
from reader.core.export.palette import BACKGROUNDS, DARK, FOREGROUNDS, LIGHT
from reader.core.glossary.linker import find_mentions
from reader.core.glossary.vault import load_glossary
from reader.core.loading import load_document
from tests.hostile import write_hostile

GLOSSARY = Path(__file__).resolve().parent.parent.parent / "glossary"


class _Page(HTMLParser):
    """Every element's tag and attributes, the text of each script and style, and nesting errors."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._open: list[str] = []
        self.misnested = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in {"meta", "input", "br", "img", "link"}:
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()
        else:
            self.misnested += 1

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1] in self.raw:
            self.raw[self._open[-1]].append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def _essay_page() -> str:
    document = load_document()
    glossary = load_glossary(GLOSSARY)
    return export_html(document, glossary, find_mentions(document, glossary))


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20), st.integers(0, 2)), max_size=8))
def test_overlapping_marks_nest_and_keep_the_text(ranges: list[tuple[int, int, int]]) -> None:
    source = "abcdefghij<&>klmnopqrst"
    marks = [
        Mark(min(a, b), max(a, b), depth, f'<x{depth} data-d="{depth}">', f"</x{depth}>")
        for a, b, depth in ranges
        if a != b
    ]
    html = render(source, 0, len(source), marks)
    parser = _parse(html)
    assert parser.misnested == 0
    assert re.sub(r"<[^>]*>", "", html) == "abcdefghij&lt;&amp;&gt;klmnopqrst"


def test_a_split_element_keeps_its_id_once() -> None:
    marks = [Mark(0, 6, 1, '<a id="m1">', "</a>", "<a>"), Mark(3, 9, 0, "<mark>", "</mark>")]
    html = render("abcdefghij", 0, 10, marks)
    assert html.count('id="m1"') == 1
    assert _parse(html).misnested == 0


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_every_text_colour_reaches_aa_on_every_background(palette: dict[str, tuple[int, int, int]]) -> None:
    for foreground in FOREGROUNDS:
        for background in BACKGROUNDS:
            assert contrast_ratio(palette[foreground], palette[background]) >= AA, (foreground, background)


def test_the_policy_allows_exactly_the_page_s_own_style_and_script() -> None:
    page = _essay_page()
    parser = _parse(page)
    (policy,) = [attrs["content"] for tag, attrs in parser.elements if attrs.get("http-equiv")]
    assert policy is not None
    assert "default-src 'none'" in policy
    for kind, directive in (("style", "style-src"), ("script", "script-src")):
        (source,) = parser.raw[kind]
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}';" in policy
    assert "unsafe-inline" not in policy


def test_the_essay_has_its_mentions_entries_and_landmarks() -> None:
    page = _essay_page()
    parser = _parse(page)
    assert parser.misnested == 0
    tags = [tag for tag, _ in parser.elements]
    assert {"header", "main", "aside", "nav"} <= set(tags)
    mentions = [
        attrs for tag, attrs in parser.elements if tag == "a" and (attrs.get("class") or "").startswith("m ")
    ]
    assert len(mentions) > 100
    ids = [attrs["id"] for _, attrs in parser.elements if attrs.get("id")]
    assert len(ids) == len(set(ids))
    assert all(f"g{attrs['data-e']}" in ids for attrs in mentions)
    code = "".join(parser.raw["style"]) + "".join(parser.raw["script"])
    assert not re.search(r"url\(|@import|https?://|fetch\(|XMLHttpRequest", code)


def test_nothing_hostile_becomes_markup(tmp_path: Path) -> None:
    document_path, vault = write_hostile(tmp_path)
    document = load_document(document_path)
    glossary = load_glossary(vault)
    page = export_html(document, glossary, find_mentions(document, glossary))
    parser = _parse(page)
    tags = [tag for tag, _ in parser.elements]
    assert (tags.count("script"), tags.count("style"), tags.count("title")) == (1, 1, 1)
    assert not {"img", "svg", "iframe", "object"} & set(tags)
    for tag, attrs in parser.elements:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, attrs)
    assert "window.pwned" not in "".join(parser.raw["script"])
    assert "window.pwned" in page  # shown, as text
