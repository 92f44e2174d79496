"""HTML pages (`.html`, `.htm`) read into the same model as Markdown."""

from __future__ import annotations

from pathlib import Path

from reader.core.document import BlockKind, InlineStyle
from reader.core.formats import Format, format_for
from reader.core.html import MAX_DEPTH, expand_self_closing, parse_html
from reader.core.links import anchor_block, link_target
from reader.core.loading import load_document, parse_source, read_source

PAGE = """<!DOCTYPE html><html lang="fr"><head><title>Une page</title><style>p {color: red}</style>
<script>alert("no")</script></head><body>
<h1>Le début</h1><p>Du <b>gras</b>, de l'<i>italique</i>,   des   espaces
et <code>x = 1</code>, H<sub>2</sub>O, x<sup>2</sup>, <del>non</del>.<br>Ligne deux.</p>
<p>Voir <a href="#fin">la fin</a> et <a href="other.html#s">l'autre</a>.</p>
<ol><li>un</li><li>deux<ul><li>deux et demi</li></ul></li></ol>
<aside epub:type="footnote" id="n">Une note.</aside>
<h2 id="fin">La fin</h2><p>Fin<a href="#n">*</a>.</p>
</body></html>"""


def blocks(text: str) -> list[tuple[BlockKind, int, str]]:
    document = parse_html(text)
    return [(b.kind, b.level, document.block_text(b.index)) for b in document.blocks]


def test_suffixes_make_html() -> None:
    for name in ("page.html", "page.HTM", "page.xhtml"):
        assert format_for(Path(name), "plain words") is Format.HTML
    assert format_for(Path("book.epub"), "") is Format.EPUB


def test_a_page_reads_as_blocks_with_styles(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    document = load_document(path)
    assert (document.title, document.language, document.format) == ("Une page", "fr", "html")
    found = [(b.kind, b.level, document.block_text(b.index)) for b in document.blocks]
    assert found[0] == (BlockKind.HEADING, 1, "Le début")
    assert found[1][2] == "Du gras, de l'italique, des espaces et x = 1, H2O, x2, non.\nLigne deux."
    assert [text for kind, _, text in found if kind is BlockKind.LIST_ITEM] == ["un", "deux", "deux et demi"]
    assert "alert" not in document.text and "color" not in document.text
    styles = [(document.text[s.start : s.end], s.style) for s in document.blocks[1].spans]
    assert styles == [
        ("gras", InlineStyle.STRONG),
        ("italique", InlineStyle.EMPHASIS),
        ("x = 1", InlineStyle.CODE),
        ("2", InlineStyle.SUBSCRIPT),
        ("2", InlineStyle.SUPERSCRIPT),
        ("non", InlineStyle.STRIKE),
    ]


def test_links_to_ids_land_on_their_block_and_plain_links_to_notes_are_references(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    document = load_document(path)
    link = next(s for b in document.blocks for s in b.spans if s.style is InlineStyle.LINK)
    target = link_target(link.href, path)
    assert target is not None
    block = anchor_block(document, target.fragment)
    assert block is not None and document.block_text(block) == "La fin"
    other = link_target("other.html#s", path)
    assert other is not None and other.kind == "document"
    note = document.notes["n"]
    assert document.blocks[note.first].kind is BlockKind.NOTE and len(note.references) == 1


def test_xhtml_empty_elements_do_not_swallow_what_follows() -> None:
    assert expand_self_closing('<a id="x"/><br/><title/>') == '<a id="x"></a><br/><title></title>'
    assert blocks(
        "<html><head><title/></head><body><p>one<a id='p1'/> two</p><p>three</p></body></html>"
    ) == [
        (BlockKind.PARAGRAPH, 0, "one two"),
        (BlockKind.PARAGRAPH, 0, "three"),
    ]


def test_malformed_markup_is_read_as_a_browser_reads_it() -> None:
    found = blocks("<p>unclosed <em>emphasis<p>next</div></span><li>stray item<table><td>cell")
    assert [text for _, _, text in found][:2] == ["unclosed emphasis", "next"]
    assert "stray item" in [text for _, _, text in found]


def test_deep_nesting_is_read_as_text() -> None:
    depth = MAX_DEPTH * 20
    found = blocks("<div>" * depth + "deep" + "</div>" * depth)
    assert found == [(BlockKind.PARAGRAPH, 0, "deep")]


def test_the_head_of_a_long_page_is_the_start_of_the_whole(tmp_path: Path) -> None:
    path = tmp_path / "long.htm"
    path.write_text("<html><body>" + "".join(f"<p>Paragraph {i} of many words.</p>" for i in range(5000)))
    source = read_source(path)
    head = parse_source(source, head=source.head_chars)
    whole = parse_source(source)
    assert not head.complete and whole.complete
    assert 0 < len(head.blocks) < len(whole.blocks)
    assert head.text == whole.text[: len(head.text)]


def test_the_lines_of_a_poem_are_drawn_tight_under_each_other() -> None:
    document = parse_html(
        '<div class="linegroup"><div>April is the cruellest month,</div><div id="l2">breeding</div></div>'
        "<div><div>a block</div><div><p>not a line</p></div></div>"
    )
    assert [(document.block_text(b.index), b.tight) for b in document.blocks] == [
        ("April is the cruellest month,", False),
        ("breeding", True),
        ("a block", False),
        ("not a line", False),
    ]
    assert document.anchors == {"l2": 1}


def test_a_long_tag_is_read_in_one_pass() -> None:
    """A lazy pattern backtracked for the square of a tag's length: this tag took minutes."""
    spaces = " " * 200_000
    assert expand_self_closing(f"<a{spaces}x/ >/>") == f"<a{spaces}x/ >/>"
    assert expand_self_closing(f"<p{spaces}/>") == f"<p{spaces}></p>"


def test_dpub_aria_roles_mark_notes_as_epub_type_does() -> None:
    document = parse_html(
        '<p>Said<a role="doc-noteref" href="#e1">1</a>.</p>'
        '<section role="doc-endnotes"><ol><li id="e1"><p>Where.</p></li></ol></section>'
    )
    assert document.blocks[0].spans[0].style is InlineStyle.FOOTNOTE
    note = document.notes["e1"]
    assert document.blocks[note.first].marker == "[1]" and note.references == (4,)


def test_a_first_heading_that_repeats_the_title_is_not_shown_twice() -> None:
    document = parse_html("<title>The Waste Land</title><h1 id='t'>The  Waste Land</h1><p>April</p>")
    assert (document.title, [document.block_text(b.index) for b in document.blocks]) == (
        "The Waste Land",
        ["April"],
    )
    assert document.anchors == {"t": 0}
    kept = parse_html("<title>A page</title><h1>Another heading</h1><p>text</p><h1>A page</h1>")
    assert [kept.block_text(b.index) for b in kept.blocks] == ["Another heading", "text", "A page"]
