"""Markdown as a reader expects it, in the model: heading levels, tight lists, one title,
footnotes to follow and come back from, simple inline HTML, links with their targets,
tables that never wrap, and a head that paints a large file's first screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import markdown
from reader.core.document import BlockKind, Document, InlineStyle
from reader.core.layout import layout_document
from reader.core.markdown import parse_markdown

H, P, LI, NOTE, T, V = (
    BlockKind.HEADING,
    BlockKind.PARAGRAPH,
    BlockKind.LIST_ITEM,
    BlockKind.NOTE,
    BlockKind.TABLE,
    BlockKind.VERSE,
)


def texts(document: Document) -> list[str]:
    return [document.block_text(block.index) for block in document.blocks]


def styled(document: Document, index: int) -> list[tuple[InlineStyle, str, str]]:
    return [(s.style, document.text[s.start : s.end], s.href) for s in document.blocks[index].spans]


# ---------------------------------------------------------------- headings


def test_heading_levels_are_in_the_model() -> None:
    source = "Intro\n\n" + "".join(f"{'#' * level} Level {level}\n\n" for level in range(1, 7))
    document = parse_markdown(source)
    assert [(b.kind, b.level) for b in document.blocks[1:]] == [(H, level) for level in range(1, 7)]


# ---------------------------------------------------------------- tight lists


def tight_flags(document: Document) -> list[tuple[str, bool]]:
    return [(document.block_text(b.index), b.tight) for b in document.blocks]


def test_items_of_a_tight_list_follow_each_other_without_a_blank_row() -> None:
    document = parse_markdown("Intro:\n\n- one\n- two\n  - nested\n- three\n\nAfter.\n")
    assert tight_flags(document) == [
        ("Intro:", False),
        ("one", False),
        ("two", True),
        ("nested", True),
        ("three", True),
        ("After.", False),
    ]
    layout = layout_document(document, 40)
    rows = [layout.info(row).text_row for row in range(len(layout.header), layout.height)]
    assert rows.count(-1) == 2  # after "Intro:" and before "After." only


def test_a_loose_list_keeps_its_blank_rows() -> None:
    document = parse_markdown("- one\n\n- two\n\n  more of two\n- three\n")
    assert [tight for _, tight in tight_flags(document)] == [False, False, False, False]


def test_a_tight_list_inside_a_loose_one() -> None:
    document = parse_markdown("- a\n\n  - b\n  - c\n\n- d\n")
    assert tight_flags(document) == [("a", False), ("b", False), ("c", True), ("d", False)]


def test_a_tight_ordered_list_and_an_item_with_code() -> None:
    document = parse_markdown("1. one\n2. two\n   ```\n   code\n   ```\n3. three\n")
    assert tight_flags(document) == [("one", False), ("two", True), ("code", True), ("three", True)]


# ---------------------------------------------------------------- the title, once


@pytest.mark.parametrize(
    "source",
    [
        "---\ntitle: Don't Panic\n---\n# Don’t  Panic\n\nText.\n",
        "---\ntitle: Don't Panic\n---\n\n# don't panic\n\nText.\n",
        "# Don't Panic\n\nText.\n",
        "Don't Panic\n===\n\nText.\n",
    ],
)
def test_a_first_heading_that_repeats_the_title_is_not_shown_twice(source: str) -> None:
    document = parse_markdown(source)
    assert document.title.casefold() in {"don’t panic"}
    assert texts(document) == ["Text."]


def test_a_first_heading_other_than_the_title_stays() -> None:
    document = parse_markdown("---\ntitle: The Book\n---\n# Chapter One\n\nText.\n")
    assert (document.title, texts(document)) == ("The Book", ["Chapter One", "Text."])


def test_a_title_heading_further_down_stays_where_it_is() -> None:
    document = parse_markdown("Preface.\n\n# The Book\n\nText.\n")
    assert (document.title, texts(document)) == ("The Book", ["Preface.", "The Book", "Text."])


def test_only_the_first_heading_is_dropped() -> None:
    document = parse_markdown("# Title\n\n# Title\n\nText.\n")
    assert texts(document) == ["Title", "Text."]


# ---------------------------------------------------------------- footnotes

FOOTNOTES = """\
A claim[^source] and a second[^2], the first again[^source]; inline too^[Short *note*.]

Undefined [^nowhere] stays as written.

[^source]: Where it comes from.

    A second paragraph of the note.

[^2]: Another, with a [link](other.md).
"""


def test_references_are_spans_pointing_at_notes_at_the_end() -> None:
    document = parse_markdown(FOOTNOTES)
    assert texts(document) == [
        "A claim[1] and a second[2], the first again[1]; inline too[3]",
        "Undefined [^nowhere] stays as written.",
        "⁂",
        "Where it comes from.",
        "A second paragraph of the note.",
        "Another, with a link.",
        "Short note.",
    ]
    assert [(b.kind, b.marker) for b in document.blocks[3:]] == [
        (NOTE, "[1]"),
        (NOTE, ""),
        (NOTE, "[2]"),
        (NOTE, "[3]"),
    ]
    assert styled(document, 0) == [
        (InlineStyle.FOOTNOTE, "[1]", "1"),
        (InlineStyle.FOOTNOTE, "[2]", "2"),
        (InlineStyle.FOOTNOTE, "[1]", "1"),
        (InlineStyle.FOOTNOTE, "[3]", "3"),
    ]
    assert styled(document, 5) == [(InlineStyle.LINK, "link", "other.md")]


def test_a_reference_leads_to_its_note_and_the_note_back_to_each_reference() -> None:
    document = parse_markdown(FOOTNOTES)
    first, second, again, inline = document.blocks[0].spans
    note = document.note_for(first)
    assert note is not None and note == document.note_for(again)
    assert (note.first, note.last) == (3, 4)
    assert note.references == (first.start, again.start)
    assert document.note_at(4) == note
    other = document.note_for(second)
    assert other is not None and (other.first, other.last, other.references) == (5, 5, (second.start,))
    assert document.note_at(0) is None
    assert document.note_for(document.blocks[5].spans[0]) is None  # a link is no footnote
    assert set(document.notes) == {"1", "2", "3"}
    assert document.notes["3"].references == (inline.start,)


def test_a_document_without_footnotes_has_no_notes() -> None:
    document = parse_markdown("Plain [^x] text.\n")
    assert document.notes == {}
    assert texts(document) == ["Plain [^x] text."]


# ---------------------------------------------------------------- inline HTML


def test_simple_inline_html_becomes_styles_and_line_breaks() -> None:
    document = parse_markdown(
        "<b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <code>c</code> H<sub>2</sub>O x<sup>2</sup>"
        " <s>gone</s><br>next<br/>last <BR />end\n"
    )
    assert document.text == "b s i e c H2O x2 gone\nnext\nlast \nend"
    assert styled(document, 0) == [
        (InlineStyle.STRONG, "b", ""),
        (InlineStyle.STRONG, "s", ""),
        (InlineStyle.EMPHASIS, "i", ""),
        (InlineStyle.EMPHASIS, "e", ""),
        (InlineStyle.CODE, "c", ""),
        (InlineStyle.SUBSCRIPT, "2", ""),
        (InlineStyle.SUPERSCRIPT, "2", ""),
        (InlineStyle.STRIKE, "gone", ""),
    ]


def test_other_tags_and_comments_are_dropped_never_shown() -> None:
    document = parse_markdown(
        'Press <kbd>q</kbd>, <span class="x">kept</span> <!-- hidden --> <a href="u">a</a> <?pi?>.\n'
    )
    assert document.text == "Press q, kept  a ."
    assert "<" not in document.text


def test_unclosed_and_stray_tags() -> None:
    document = parse_markdown("<b>bold to the end</i> and more\n")
    assert document.text == "bold to the end and more"
    assert styled(document, 0) == [(InlineStyle.STRONG, "bold to the end and more", "")]


def test_inline_html_nests_with_markdown_styles() -> None:
    document = parse_markdown("*a <b>b</b>* and <i>**c**</i>\n")
    assert styled(document, 0) == [
        (InlineStyle.EMPHASIS, "a b", ""),
        (InlineStyle.STRONG, "b", ""),
        (InlineStyle.EMPHASIS, "c", ""),
        (InlineStyle.STRONG, "c", ""),
    ]


def test_inline_html_in_headings_cells_and_image_text() -> None:
    source = "## A <sup>1</sup>\n\n| <b>h</b> |\n|---|\n| a<br>b |\n\n![<b>alt</b>](x.png)\n"
    document = parse_markdown(source)
    assert texts(document)[0] == "A 1"
    assert styled(document, 0) == [(InlineStyle.SUPERSCRIPT, "1", "")]
    assert "│ a b │" in texts(document)[1]
    assert texts(document)[2] == "[image: alt]"


@pytest.mark.parametrize(
    ("html", "shown"),
    [
        ('<div class="aside">\nraw <b>html</b> &amp; more\n</div>', ["raw html & more"]),
        ("<!-- a comment\n\nover lines -->", []),
        ("<script>\nalert('x')\n</script>", []),
        ("<style>\np { color: red }\n</style>", []),
        ("<table>\n<tr><td>one</td><td>two</td></tr>\n</table>", ["one", "two"]),
        ('<p>First "para"</p>\n<p>Second -- para</p>', ["First “para”", "Second – para"]),
        ("<div><![(malformed <b>x</b></div>", ["x"]),
    ],
)
def test_html_blocks_are_reduced_to_their_text(html: str, shown: list[str]) -> None:
    document = parse_markdown(f"Before.\n\n{html}\n\nAfter.\n")
    assert texts(document) == ["Before.", *shown, "After."]


def test_details_and_summary_keep_their_markdown() -> None:
    source = "<details>\n<summary>More</summary>\n\nInside *it*.\n\n</details>\n"
    document = parse_markdown(source)
    assert texts(document) == ["More", "Inside it."]
    assert styled(document, 1) == [(InlineStyle.EMPHASIS, "it", "")]


def test_html_inside_a_list_item_is_the_item_s_text() -> None:
    document = parse_markdown("- <div>in a list</div>\n- next\n")
    assert [(b.kind, b.marker, document.block_text(b.index)) for b in document.blocks] == [
        (LI, "•", "in a list"),
        (LI, "•", "next"),
    ]


# ---------------------------------------------------------------- links


def test_links_carry_their_destinations_and_are_not_mentions() -> None:
    document = parse_markdown(
        "[next](chapter%202.md#start), [site](https://example.org/a?b=c), <mailto:a@b.c>,"
        " [ref][r] and [bad](javascript:alert(1)).\n\n[r]: ./notes.txt 'Notes'\n"
    )
    assert styled(document, 0) == [
        (InlineStyle.LINK, "next", "chapter%202.md#start"),
        (InlineStyle.LINK, "site", "https://example.org/a?b=c"),
        (InlineStyle.LINK, "mailto:a@b.c", "mailto:a@b.c"),
        (InlineStyle.LINK, "ref", "./notes.txt"),
    ]
    assert "[bad](javascript:alert(1))" in document.text  # markdown-it refuses the destination


# ---------------------------------------------------------------- tables


def test_a_table_is_one_unwrapped_block_as_wide_as_its_rows() -> None:
    source = "Intro.\n\n| Name | A rather long column heading |\n|---|---|\n| x | " + "y" * 60 + " |\n"
    document = parse_markdown(source)
    table = document.blocks[1]
    assert table.kind is T and not table.kind.wraps
    lines = document.block_text(1).split("\n")
    assert table.width == len(lines[0]) == 71
    narrow = layout_document(document, 40)
    assert narrow.clipped == {1}
    first, last = narrow.first_row_of_block(1), narrow.last_row_of_block(1)
    assert last - first + 1 == len(lines) == 5
    assert layout_document(document, 76).clipped == frozenset()


# ---------------------------------------------------------------- the head of a large file


def assert_head_is_a_prefix(text: str, at: int) -> Document:
    """The head of `text` at `at` begins the whole; the prefix it is cut from is kept short,
    as it is in a large file, so that short texts are cut too."""
    full = parse_markdown(text, fallback_title="f")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdown, "_HEAD_SLACK", 0)
        head = parse_markdown(text, fallback_title="f", head=at)
    assert head.blocks == full.blocks[: len(head.blocks)]
    assert full.text.startswith(head.text)
    assert (head.date, head.format) == (full.date, full.format)
    if head.complete:
        assert head.blocks == full.blocks and head.notes == full.notes
    else:
        assert head.notes == {}
        assert head.title in (full.title, "f")
    return head


HEADISH = [
    *"ab \n#>-*+`~|:=.)1![]^(<>/\"'",
    "\n\n",
    "\n\n",
    "    ",
    "```",
    "~~~",
    "| --- |",
    "- ",
    "1. ",
    "> ",
    "<!--",
    "-->",
    "<div>",
    "<script>",
    "</script>",
    "[^1]",
    "[^1]: note",
    "[r]",
    "[r]: /url",
    "# H",
    "---\n",
    "title: x\n",
]
MARKDOWNISH = st.lists(st.sampled_from(HEADISH), max_size=120).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKDOWNISH, st.integers(0, 400))
def test_a_head_parses_into_the_first_blocks_of_the_whole(text: str, at: int) -> None:
    assert_head_is_a_prefix(text, at)


@pytest.mark.parametrize(
    "source",
    [
        "Para one.\n\n```\ncode\n\nmore code\n```\n\nPara two.\n\nPara three.\n",
        "- item\n\n- item two\n\n  continued\n\nAfter the list.\n\nMore.\n",
        "<!-- comment\n\nstill comment -->\n\nText.\n\nMore.\n",
        "---\ntitle: T\n\nstill: front matter\n---\n\nText.\n\nMore.\n",
        "Para.\n\n    indented code\n\n    more code\n\nText.\n\nMore.\n",
        "> quote\n\n> another quote\n\nText.\n\nMore.\n",
    ],
)
def test_a_head_never_cuts_inside_an_open_block(source: str) -> None:
    for at in range(len(source) + 1):
        assert_head_is_a_prefix(source, at)


def test_links_and_notes_defined_after_the_head_are_known_to_it() -> None:
    body = "See [the site][site], [this][] and a note[^n].\n\n" + "Filler paragraph.\n\n" * 50
    source = body + "[site]: https://example.org\n[this]: this.md\n\n[^n]: The note.\n"
    head = assert_head_is_a_prefix(source, 10)
    assert not head.complete
    assert texts(head)[0] == "See the site, this and a note[1]."
    assert styled(head, 0) == [
        (InlineStyle.LINK, "the site", "https://example.org"),
        (InlineStyle.LINK, "this", "this.md"),
        (InlineStyle.FOOTNOTE, "[1]", "1"),
    ]
    full = parse_markdown(source)
    assert full.notes["1"].references == (head.blocks[0].spans[2].start,)


def test_a_definition_in_the_head_wins_over_a_later_one() -> None:
    source = "[a]\n\n[a]: first.md\n\n" + "Filler.\n\n" * 20 + "[a]: second.md\n"
    head = assert_head_is_a_prefix(source, 5)
    assert styled(head, 0) == [(InlineStyle.LINK, "a", "first.md")]


def test_a_head_ends_with_a_block_before_a_blank_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markdown, "_HEAD_SLACK", 0)
    text = "# Title\n\nOne.\n\n\n  \nTwo.\n\n- three\n\n- four\n" + "\n" * 60
    assert texts(parse_markdown(text, head=0)) == []  # the title's heading is not a block
    assert parse_markdown(text, head=0).title == "Title"
    assert texts(parse_markdown(text, head=len("# Title\n\nO"))) == ["One."]
    assert texts(parse_markdown(text, head=len("# Title\n\nOne.\n"))) == ["One."]
    assert texts(parse_markdown(text, head=len("# Title\n\nOne.\n\n\n  \nT"))) == ["One.", "Two."]
    whole = parse_markdown(text, head=len("# Title\n\nOne.\n\n\n  \nTwo.\n\n- t"))
    assert whole.complete and texts(whole) == ["One.", "Two.", "three", "four"]
    assert parse_markdown(text, head=1000).complete


def test_a_short_text_is_parsed_whole() -> None:
    text = "One.\n\nTwo.\n\nThree.\n"
    document = parse_markdown(text, head=2)
    assert document.complete and texts(document) == ["One.", "Two.", "Three."]


@pytest.fixture(scope="module")
def war_and_peace_md(war_and_peace_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("md") / "war-and-peace.md"
    path.write_text(war_and_peace_path.read_text(encoding="utf-8-sig"), encoding="utf-8")
    return path


def test_war_and_peace_as_markdown_has_a_head_of_its_first_blocks(war_and_peace_md: Path) -> None:
    text = war_and_peace_md.read_text(encoding="utf-8").replace("\r\n", "\n")
    head = parse_markdown(text, head=64 * 1024)
    full = parse_markdown(text)
    assert not head.complete and full.complete
    assert 100 < len(head.blocks) < len(full.blocks) // 10
    assert head.blocks == full.blocks[: len(head.blocks)]
    assert head.title == full.title
    assert re.search("Well, Prince, so Genoa and Lucca", full.text)
