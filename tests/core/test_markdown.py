"""The Markdown parser: blocks, inline spans, tables, front matter, typography and robustness."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.core.document import Block, BlockKind, Document, InlineStyle
from reader.core.loading import load_document
from reader.core.markdown import parse_markdown

DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLE = DATA / "sample.md"


def shown(document: Document) -> list[tuple[BlockKind, int, str, str]]:
    """Each block as (kind, level, marker, text), the text read back through its offsets."""
    return [(b.kind, b.level, b.marker, document.text[b.start : b.end]) for b in document.blocks]


def styled(document: Document, block: Block) -> list[tuple[InlineStyle, str, str]]:
    """A block's spans as (style, covered text, href)."""
    return [(s.style, document.text[s.start : s.end], s.href) for s in block.spans]


def only_block(source: str) -> tuple[Document, Block]:
    document = parse_markdown(source)
    assert len(document.blocks) == 1, shown(document)
    return document, document.blocks[0]


H, P, Q, LI, C, V, T = (
    BlockKind.HEADING,
    BlockKind.PARAGRAPH,
    BlockKind.QUOTE,
    BlockKind.LIST_ITEM,
    BlockKind.CODE,
    BlockKind.VERSE,
    BlockKind.TABLE,
)

SAMPLE_TABLE = (
    "┌────────────┬───────┬───────┐\n"
    "│ Name       │ Pages │ Note  │\n"
    "├────────────┼───────┼───────┤\n"
    "│ Essay      │    12 │ short │\n"
    "│ 戦争と平和 │  1225 │ long  │\n"
    "└────────────┴───────┴───────┘"
)


def test_sample_document_round_trips_through_offsets() -> None:
    document = parse_markdown(SAMPLE.read_text(encoding="utf-8"), source=SAMPLE)
    assert shown(document) == [
        (H, 1, "", "On Reading – Slowly"),
        (
            P,
            0,
            "",
            "Reading is slow by design; it’s meant to be — or so “they” say. A soft break joins lines, "
            "and a hard one\nkeeps them apart. See the guide or read --slowly.",
        ),
        (H, 2, "", "Quotations"),
        (Q, 1, "", "The first quoted paragraph."),
        (Q, 1, "", "The second one."),
        (Q, 2, "", "A reply, nested."),
        (H, 2, "", "Lists"),
        (LI, 0, "•", "Bullets come first."),
        (LI, 0, "•", "Then a nested list:"),
        (LI, 1, "1.", "one"),
        (LI, 1, "2.", "two"),
        (LI, 0, "3.", "Ordered from three."),
        (LI, 0, "", "With a second paragraph."),
        (LI, 0, "4.", "And four."),
        (H, 2, "", "Code"),
        (C, 0, "", 'print("---")  # "verbatim" -- untouched'),
        (C, 0, "", "indented code"),
        (P, 0, "", "raw html"),
        (H, 2, "", "Table"),
        (T, 0, "", SAMPLE_TABLE),
        (V, 0, "", "⁂"),
        (P, 0, "", "[image: A lighthouse] ends it, with no Esc."),
    ]
    tight = [document.text[b.start : b.end] for b in document.blocks if b.tight]
    assert tight == ["Then a nested list:", "one", "two"]
    assert document.title == "A “Sample” Essay"
    assert document.date == "2024-03-01"
    assert document.source == SAMPLE
    assert styled(document, document.blocks[1]) == [
        (InlineStyle.EMPHASIS, "slow", ""),
        (InlineStyle.STRONG, "meant", ""),
        (InlineStyle.LINK, "the guide", "https://example.com/guide"),
        (InlineStyle.EMPHASIS, "guide", ""),
        (InlineStyle.CODE, "read --slowly", ""),
    ]


def test_blocks_are_joined_by_a_blank_line() -> None:
    document = parse_markdown("## One\n\nTwo\n\n- three\n")
    assert document.text == "One\n\nTwo\n\nthree"
    assert [block.index for block in document.blocks] == [0, 1, 2]


def test_loading_a_markdown_file_uses_this_parser() -> None:
    document = load_document(SAMPLE)
    assert document.title == "A “Sample” Essay"
    assert any(block.kind is BlockKind.TABLE for block in document.blocks)
    assert document.text == parse_markdown(SAMPLE.read_text(encoding="utf-8")).text


# Front matter


@pytest.mark.parametrize(
    ("front_matter", "date"),
    [
        ("date: 2023-11-05", "2023-11-05"),
        ("date: 2023-11-05 14:30:00", "2023-11-05"),
        ("date: '5 November 2023'", "5 November 2023"),
        ("date: 2023", "2023"),
        ("date: [2023]", None),
        ("date: 2023-02-30", None),
        ("title: only", None),
    ],
)
def test_front_matter_date_is_an_iso_string(front_matter: str, date: str | None) -> None:
    document = parse_markdown(f"---\n{front_matter}\n---\n\nText.\n")
    assert document.date == date
    assert document.text == "Text."


def test_front_matter_title_wins_over_the_first_heading() -> None:
    document = parse_markdown("---\ntitle: Don't Panic\n---\n# Heading\n")
    assert document.title == "Don’t Panic"
    assert shown(document) == [(H, 1, "", "Heading")]


def test_numeric_front_matter_title_is_text() -> None:
    assert parse_markdown("---\ntitle: 1984\n---\nText\n").title == "1984"


@pytest.mark.parametrize(
    "front_matter",
    [
        "title: [unclosed\ndate: 2020-01-01",
        "title: 'a\n  : : :",
        "- just\n- a list",
        "plain words",
        "title:\ndate:",
        "title: {nested: map}",
    ],
)
def test_broken_or_useless_front_matter_is_ignored(front_matter: str) -> None:
    document = parse_markdown(f"---\n{front_matter}\n---\n# From Heading\n\nBody.\n", fallback_title="stem")
    assert document.title == "From Heading"
    assert shown(document) == [(P, 0, "", "Body.")]


def test_broken_front_matter_sets_no_date_either() -> None:
    document = parse_markdown("---\ntitle: [unclosed\ndate: 2020-01-01\n---\nBody.\n", fallback_title="stem")
    assert (document.title, document.date) == ("stem", None)


def test_without_front_matter_the_first_level_one_heading_is_the_title() -> None:
    document = parse_markdown("## Not this\n\n# But this\n\n# Nor this\n")
    assert (document.title, document.date) == ("But this", None)


def test_without_any_title_the_fallback_is_used() -> None:
    assert parse_markdown("## Sub\n\nText.\n", fallback_title="notes").title == "notes"
    assert parse_markdown("Text.\n").title == "Untitled"


# Blocks


def test_heading_levels_including_setext() -> None:
    source = "".join(f"{'#' * level} Level {level}\n\n" for level in range(1, 7)) + "Big\n===\n\nSmall\n---\n"
    document = parse_markdown("Intro.\n\n" + source)
    assert shown(document)[0] == (P, 0, "", "Intro.")
    assert shown(document)[1:] == [(H, level, "", f"Level {level}") for level in range(1, 7)] + [
        (H, 1, "", "Big"),
        (H, 2, "", "Small"),
    ]


def test_empty_heading_is_dropped() -> None:
    assert shown(parse_markdown("#\n\nText\n")) == [(P, 0, "", "Text")]


def test_soft_break_is_a_space_and_hard_break_a_newline() -> None:
    document, _ = only_block("one\ntwo  \nthree\\\nfour\n")
    assert document.text == "one two\nthree\nfour"


def test_each_paragraph_in_a_quote_is_a_quote_block_at_its_depth() -> None:
    document = parse_markdown("> a\n> b\n>\n> > c\n> >\n> > > d\n>\n> e\n")
    assert shown(document) == [(Q, 1, "", "a b"), (Q, 2, "", "c"), (Q, 3, "", "d"), (Q, 1, "", "e")]


def test_bullets_nest_with_levels_from_zero() -> None:
    document = parse_markdown("- a\n  - b\n    - c\n- d\n* e\n")
    assert shown(document) == [
        (LI, 0, "•", "a"),
        (LI, 1, "•", "b"),
        (LI, 2, "•", "c"),
        (LI, 0, "•", "d"),
        (LI, 0, "•", "e"),
    ]


def test_ordered_lists_number_from_their_start() -> None:
    document = parse_markdown("7. seven\n1. eight\n1. nine\n\n0) zero\n")
    assert shown(document) == [
        (LI, 0, "7.", "seven"),
        (LI, 0, "8.", "eight"),
        (LI, 0, "9.", "nine"),
        (LI, 0, "0)", "zero"),
    ]


def test_only_the_first_paragraph_of_an_item_gets_the_marker() -> None:
    document = parse_markdown("1. first\n\n   more\n\n   last\n2. second\n")
    assert shown(document) == [
        (LI, 0, "1.", "first"),
        (LI, 0, "", "more"),
        (LI, 0, "", "last"),
        (LI, 0, "2.", "second"),
    ]


def test_an_item_not_starting_with_a_paragraph_keeps_its_marker() -> None:
    document = parse_markdown("- - inner\n-\n- ```\n  code\n  ```\n")
    assert shown(document) == [
        (LI, 0, "•", ""),
        (LI, 1, "•", "inner"),
        (LI, 0, "•", ""),
        (LI, 0, "•", ""),
        (C, 0, "", "code"),
    ]


def test_quote_inside_a_list_and_list_inside_a_quote() -> None:
    document = parse_markdown("- item\n\n  > quoted\n\n> - listed\n")
    assert shown(document) == [(LI, 0, "•", "item"), (Q, 1, "", "quoted"), (LI, 0, "•", "listed")]


def test_code_is_verbatim_without_the_trailing_newline() -> None:
    source = '```\n  "quotes" -- and --- dashes...\n\ttab\n\n```\n\n    indented\n      more\n'
    document = parse_markdown(source)
    # Verbatim, but a tab is expanded to the next 8-column stop, as a terminal would show it:
    # a document holds no control character but the newline.
    assert shown(document) == [
        (C, 0, "", '  "quotes" -- and --- dashes...\n        tab\n'),
        (C, 0, "", "indented\n  more"),
    ]


def test_empty_fence_is_dropped() -> None:
    assert shown(parse_markdown("```\n```\n\nText\n")) == [(P, 0, "", "Text")]


def test_html_block_is_reduced_to_its_text_and_unknown_inline_tags_dropped() -> None:
    document = parse_markdown("<table>\n<tr><td>x</td></tr>\n</table>\n\nPress <kbd>q</kbd>.\n")
    assert shown(document) == [(P, 0, "", "x"), (P, 0, "", "Press q.")]
    assert document.blocks[1].spans == ()


@pytest.mark.parametrize("rule", ["---", "***", "___", "- - -"])
def test_thematic_break_is_a_centred_section_mark(rule: str) -> None:
    document = parse_markdown(f"Before\n\n{rule}\n\nAfter\n")
    assert shown(document) == [(P, 0, "", "Before"), (V, 0, "", "⁂"), (P, 0, "", "After")]


def test_images_become_bracketed_alt_text() -> None:
    document, _ = only_block("![A *red* `door`](door.png) ![](blank.png)\n")
    assert document.text == "[image: A red door] [image]"


# Inline styles


def test_inline_styles_and_their_offsets() -> None:
    document, block = only_block("a *em* b **strong** c `co--de` d ~~gone~~ e [text](http://x.y/z)\n")
    assert document.text == "a em b strong c co--de d gone e text"
    assert styled(document, block) == [
        (InlineStyle.EMPHASIS, "em", ""),
        (InlineStyle.STRONG, "strong", ""),
        (InlineStyle.CODE, "co--de", ""),
        (InlineStyle.STRIKE, "gone", ""),
        (InlineStyle.LINK, "text", "http://x.y/z"),
    ]


def test_nested_styles_overlap() -> None:
    document, block = only_block("***both** em* and [**bold *link***](u)\n")
    assert document.text == "both em and bold link"
    assert styled(document, block) == [
        (InlineStyle.EMPHASIS, "both em", ""),
        (InlineStyle.STRONG, "both", ""),
        (InlineStyle.LINK, "bold link", "u"),
        (InlineStyle.STRONG, "bold link", ""),
        (InlineStyle.EMPHASIS, "link", ""),
    ]


def test_autolink_shows_its_address() -> None:
    document, block = only_block("See <https://example.org/a--b>.\n")
    assert document.text == "See https://example.org/a--b."
    assert styled(document, block) == [
        (InlineStyle.LINK, "https://example.org/a--b", "https://example.org/a--b")
    ]


def test_spans_in_headings_and_list_items() -> None:
    document = parse_markdown("## A *b*\n\n- c **d**\n")
    heading, item = document.blocks
    assert styled(document, heading) == [(InlineStyle.EMPHASIS, "b", "")]
    assert styled(document, item) == [(InlineStyle.STRONG, "d", "")]


# Typography


def test_typographer_makes_dashes_quotes_and_ellipses() -> None:
    document, _ = only_block("\"Well\" -- she said --- 'it's fine'...\n")
    assert document.text == "“Well” – she said — ‘it’s fine’…"


def test_typographer_replaces_nothing_else() -> None:
    source = "(c) relations, (r), (tm), +-1, see?... no!... wait.... a,,b what????\n"
    document, _ = only_block(source)
    assert document.text == source.strip()


def test_autolinks_are_not_typeset() -> None:
    document, _ = only_block("<https://example.org/a--b...c> a--b...\n")
    assert document.text == "https://example.org/a--b...c a–b…"


def test_triple_hyphens_only_survive_in_code() -> None:
    source = (
        "A --- b\n\n> q --- r\n\n- i --- j\n\n# h --- k\n\n| x --- y |\n|---|\n| z --- w |\n\n"
        "`c --- d`\n\n```\ne --- f\n```\n"
    )
    document = parse_markdown(source)
    code = [block for block in document.blocks if block.kind is BlockKind.CODE]
    outside_code = [
        document.text[block.start : block.end]
        for block in document.blocks
        if block.kind is not BlockKind.CODE
    ]
    assert outside_code[-1] == "c --- d"
    assert all("---" not in text for text in outside_code[:-1])
    assert [document.text[block.start : block.end] for block in code] == ["e --- f"]


# Tables


def test_table_is_box_drawn_with_aligned_columns() -> None:
    source = "| L | R | C |\n|:--|--:|:-:|\n| a | 1 | x |\n| long | 100 | wide |\n"
    document, block = only_block(source)
    assert block.kind is BlockKind.TABLE
    assert document.text == (
        "┌──────┬─────┬──────┐\n"
        "│ L    │   R │  C   │\n"
        "├──────┼─────┼──────┤\n"
        "│ a    │   1 │  x   │\n"
        "│ long │ 100 │ wide │\n"
        "└──────┴─────┴──────┘"
    )
    assert styled(document, block) == [
        (InlineStyle.STRONG, "L", ""),
        (InlineStyle.STRONG, "R", ""),
        (InlineStyle.STRONG, "C", ""),
    ]


def test_table_widths_are_terminal_cells() -> None:
    document, _ = only_block("| 名前 | x |\n|---|---|\n| é | 日本語 |\n")
    lines = document.text.split("\n")
    assert len({cell_len(line) for line in lines}) == 1
    assert lines[3] == "│ é    │ 日本語 │"


def test_table_cells_keep_their_inline_styles() -> None:
    document, block = only_block("| *h* | [l](u) |\n|---|---|\n| `c` | **s** |\n| short |\n")
    assert styled(document, block) == [
        (InlineStyle.STRONG, "h", ""),
        (InlineStyle.EMPHASIS, "h", ""),
        (InlineStyle.STRONG, "l", ""),
        (InlineStyle.LINK, "l", "u"),
        (InlineStyle.CODE, "c", ""),
        (InlineStyle.STRONG, "s", ""),
    ]
    assert document.text.split("\n")[4] == "│ short │   │"


def test_header_only_table() -> None:
    document, _ = only_block("| a | b |\n|---|---|\n")
    assert document.text == "┌───┬───┐\n│ a │ b │\n└───┴───┘"


# Robustness


def check_invariants(document: Document) -> None:
    """Blocks in order, inside the text, apart by the separator; spans inside their block."""
    position = 0
    for index, block in enumerate(document.blocks):
        assert block.index == index
        assert position <= block.start <= block.end <= len(document.text)
        if index:
            assert document.text[position : block.start] == "\n\n"
        for span in block.spans:
            assert block.start <= span.start < span.end <= block.end
        position = block.end
    assert position == len(document.text)


MARKDOWN_PIECES = [
    *"ab é日 \n\t#>-*_+`~|:=.)1![](<>/\"'\\&;^",
    *("---", "```", "\n\n", "    ", "| --- |", "[^1]", "[^1]:", "^[", "<b>", "</i>", "<!--", "-->", "<div>"),
]
MARKDOWNISH = st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=200).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(MARKDOWNISH, st.text(max_size=200), MARKDOWNISH.map(lambda body: f"---\n{body}\n---\n{body}"))
)
def test_any_text_parses_into_a_consistent_document(text: str) -> None:
    document = parse_markdown(text, fallback_title="fallback")
    check_invariants(document)
    assert document.title


@pytest.mark.parametrize(
    "source",
    [
        ">" * 5000 + " deep",
        "- " * 3000 + "deep",
        "[" * 5000 + "x" + "]" * 5000,
        "![" * 2000 + "a" + "](b)" * 2000,
        "*" * 10000 + "x" + "*" * 10000,
        "| a |\n|---|\n" + "| " + "|" * 1000 + "\n",
    ],
)
def test_pathological_nesting_does_not_raise(source: str) -> None:
    check_invariants(parse_markdown(source))
