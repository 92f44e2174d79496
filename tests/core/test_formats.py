"""Formats: Markdown, prose and program output told apart; one entry point parses each;
standard input shown as it arrives stays consistent with the finished document."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.document import BlockKind, Document
from reader.core.formats import HEAD_CHARS, Format, format_for, parse_document, sniff_format
from reader.core.layout import layout_document
from reader.core.rawtext import BLOCK_LINES, clean_raw, parse_raw
from reader.core.sniffing import SNIFF_CHARS

ROOT = Path(__file__).resolve().parent.parent.parent

GIT_LOG_STAT = """\
commit c233024a15f9576646305290f353f18f5b77f315
Author: A Maintainer <maintainer@example.org>
Date:   Wed Dec 2 14:10:08 2026 +0000

    Where a link leads: reader.core.links for enter on a link and OSC 8 hyperlinks

    A link looked like a mention and did nothing. link_target tells the app whether an href
    is a web address (system opener), a .md/.txt to open in the reader, another local file,
    or a place in this document, resolving relative paths against the document's folder.

 reader/core/links.py     | 91 ++++++++++++++++++++++++++++++++++++++++++++++++
 tests/core/test_links.py | 60 +++++++++++++++++++++++++++++++
 2 files changed, 151 insertions(+)
"""
LS_L = """\
total 80
lrwxrwxrwx  1 root root     7 May 20  2025 bin -> usr/bin
drwxr-xr-x  2 root root  4096 May  9  2025 boot
-rw-r--r--  1 root root   512 Dec  2 11:14 container_info.json
drwxr-xr-x 79 root root  4096 Dec  2 13:59 etc
"""
GCC = """\
/tmp/t.c: In function ‘main’:
/tmp/t.c:1:21: error: ‘x’ undeclared (first use in this function)
    1 | int main() { return x; }
      |                     ^
/tmp/t.c:1:21: note: each undeclared identifier is reported only once for each function
"""
TRACEBACK = """\
Traceback (most recent call last):
  File "x.py", line 3, in <module>
    main()
ZeroDivisionError: division by zero
"""
PYTHON = '''\
"""A module."""

from __future__ import annotations

import re

LIMIT = 3


def twice(value: int) -> int:
    """Twice `value`, as the `LIMIT` says."""
    return 2 * value
'''
JSON = '{\n  "name": "reader",\n  "deps": {\n    "x": 1,\n    "y": "z"\n  },\n  "list": [1, 2]\n}\n'
LS = "README.md\nbenchmarks\nglossary\npyproject.toml\nreader\nseeds\ntests\n"
LOG = (
    "2026-12-02 13:52:18,123 INFO server: started on port 8080\n"
    "2026-12-02 13:52:19,001 WARNING db: slow query (1.2 s)\n"
)
NOTES_MD = "---\ntitle: Notes\ndate: 2026-01-02\n---\nPlain words here.\n"
README_MD = "# Tool\n\nIt does things.\n\n## Use\n\n```sh\ntool --help\n```\n"
LIST_MD = "Shopping\n\n- milk\n- bread\n- eggs\n\nCall Anna about the trip.\n"
EMAIL = (
    "Hi Sam,\n\nThanks for the notes. I read them over the weekend and I think the second\n"
    "chapter needs more work, but the first is fine as it is.\n\nSee you Tuesday,\nAnna\n"
)
POEM = (
    "Because I could not stop for Death –\nHe kindly stopped for me –\n"
    "The Carriage held but just Ourselves –\nAnd Immortality.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GIT_LOG_STAT, Format.RAW),
        (LS_L, Format.RAW),
        (GCC, Format.RAW),
        (TRACEBACK, Format.RAW),
        (PYTHON, Format.RAW),
        (JSON, Format.RAW),
        (LS, Format.RAW),
        (LOG, Format.RAW),
        ("\x1b[31mred\x1b[0m text in colour\nmore\n", Format.RAW),
        (NOTES_MD, Format.MARKDOWN),
        (README_MD, Format.MARKDOWN),
        (LIST_MD, Format.MARKDOWN),
        ("Text with a [link](https://example.org) and **bold**.\nAnd `code`.\nMore.\n", Format.MARKDOWN),
        (EMAIL, Format.TEXT),
        (POEM, Format.TEXT),
        ("", Format.TEXT),
        ("\n\n  \n", Format.TEXT),
    ],
)
def test_sniffing(text: str, expected: Format) -> None:
    assert sniff_format(text) is expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (ROOT / "seeds" / "000_fa68ee161d232009.txt", Format.TEXT),
        (ROOT / "README.md", Format.MARKDOWN),
        (ROOT / "CHANGELOG.md", Format.MARKDOWN),
        (ROOT / "tests" / "data" / "sample.md", Format.MARKDOWN),
        (ROOT / "reader" / "core" / "formats.py", Format.RAW),
        (ROOT / "pyproject.toml", Format.RAW),
    ],
)
def test_sniffing_the_checkout_s_own_files(path: Path, expected: Format) -> None:
    assert sniff_format(path.read_text(encoding="utf-8")) is expected


def test_war_and_peace_is_prose(war_and_peace_path: Path) -> None:
    text = war_and_peace_path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert sniff_format(text) is Format.TEXT
    assert sniff_format(text[1_000_000:]) is Format.TEXT


def test_only_the_first_sniff_chars_count() -> None:
    prose = EMAIL * (SNIFF_CHARS // len(EMAIL) + 1)
    assert sniff_format(prose + LS_L * 100) is Format.TEXT


def test_a_markdown_fence_holding_program_output_is_markdown() -> None:
    text = "Run it:\n\n```\n" + LS_L + GCC + "```\n\nThat is all.\n"
    assert sniff_format(text) is Format.MARKDOWN


@pytest.mark.parametrize(
    ("path", "requested", "expected"),
    [
        ("book.md", None, Format.MARKDOWN),
        ("book.MARKDOWN", None, Format.MARKDOWN),
        ("book.txt", None, Format.TEXT),
        ("book.md", "raw", Format.RAW),
        ("book.txt", "MD", Format.MARKDOWN),
        (None, None, Format.RAW),
        ("-", None, Format.RAW),
        ("build.log", None, Format.RAW),
        ("-", "text", Format.TEXT),
    ],
)
def test_format_for(path: str | None, requested: str | None, expected: Format) -> None:
    assert format_for(path, LS_L, requested) is expected


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="md, text, raw, html or epub"):
        format_for("a.txt", "x", "pdf")


# ---------------------------------------------------------------- raw documents


def shown(document: Document) -> list[tuple[str, bool]]:
    return [(document.block_text(block.index), block.tight) for block in document.blocks]


def test_raw_lines_are_kept_as_they_are() -> None:
    document = parse_document(GIT_LOG_STAT, format="raw", fallback_title="stdin")
    assert document.format == "raw" and document.title == "stdin"
    assert all(block.kind is BlockKind.RAW for block in document.blocks)
    assert document.text == GIT_LOG_STAT.rstrip("\n")
    assert shown(document)[0] == (GIT_LOG_STAT.split("\n\n")[0], False)
    layout = layout_document(document, 40)
    rows = [
        document.text[layout.row_start[info.text_row] : layout.row_end[info.text_row]]
        if info.text_row >= 0
        else ""
        for info in map(layout.info, range(len(layout.header), layout.height))
    ]
    assert rows == [line.rstrip() for line in GIT_LOG_STAT.rstrip("\n").split("\n")]
    assert layout.clipped == {block.index for block in document.blocks if block.width > 40} == {0, 1, 2, 3}


def test_extra_blank_lines_stay_as_empty_rows() -> None:
    document = parse_raw("a\n\n\n\nb\n\n\n")
    assert shown(document) == [("a", False), ("\n\nb", False)]
    assert document.text == "a\n\n\n\nb"


def test_long_runs_are_cut_into_tight_blocks() -> None:
    lines = [f"line {n}" for n in range(BLOCK_LINES * 2 + 5)]
    document = parse_raw("\n".join(lines) + "\n")
    assert [(len(text.split("\n")), tight) for text, tight in shown(document)] == [
        (BLOCK_LINES, False),
        (BLOCK_LINES, True),
        (5, True),
    ]
    layout = layout_document(document, 80)
    assert layout.height == len(layout.header) + len(lines)


def test_control_sequences_go_and_tabs_become_columns() -> None:
    coloured = "\x1b[01;34mbin\x1b[0m\tlink\x1b]8;;http://x\x07text\x1b]8;;\x07 b\x08bold _\x08u \x07bell\x00"
    assert clean_raw(coloured) == "bin     linktext bold u bell"
    assert clean_raw("a\tb\n12345678\tc") == "a       b\n12345678        c"


@pytest.mark.parametrize("text", ["", "\n\n", "\x1b[0m\n"])
def test_nothing_to_show_is_an_empty_document(text: str) -> None:
    assert parse_raw(text).blocks == []


# ---------------------------------------------------------------- the entry point


def test_parse_document_dispatches_on_the_format() -> None:
    assert parse_document(README_MD, format=Format.MARKDOWN).format == "md"
    assert parse_document(EMAIL, format="text").format == "text"
    assert parse_document(EMAIL, format="raw").text == EMAIL.rstrip("\n")
    text = parse_document(EMAIL, format="text")
    assert "I think the second chapter needs" in text.block_text(1)  # reflowed


def test_a_head_of_each_format_is_marked_incomplete(war_and_peace_path: Path) -> None:
    text = war_and_peace_path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    for format in (Format.MARKDOWN, Format.TEXT, Format.RAW):  # HTML and EPUB: test_html, test_epub
        head = parse_document(text, format=format, head=HEAD_CHARS[format])
        assert not head.complete
        assert 0 < len(head.text) < len(text) // 10


_LINES = st.lists(
    st.one_of(st.just(""), st.just("  "), st.text("ab -.'\"", min_size=1, max_size=12), st.just("CHAPTER I")),
    min_size=1,
    max_size=200,
)


@settings(max_examples=200, deadline=None)
@given(_LINES, st.sampled_from([Format.TEXT, Format.RAW]), st.data())
def test_text_as_it_arrives_is_the_finished_document_but_for_its_last_block(
    lines: list[str], format: Format, data: st.DataObject
) -> None:
    """Standard input, parsed each time more has arrived: the blocks shown stay put."""
    text = "\n".join(lines) + "\n"
    final = parse_document(text, format=format)
    cut = data.draw(st.integers(0, len(text)), label="arrived")
    so_far = parse_document(text[:cut], format=format, partial=True)
    assert not so_far.complete
    shown_blocks = so_far.blocks
    if not shown_blocks:
        return
    assert shown_blocks[:-1] == final.blocks[: len(shown_blocks) - 1]
    last = shown_blocks[-1]
    whole = final.blocks[last.index]
    assert last.start == whole.start
    if format is Format.RAW:  # the last block holds the first lines of its block
        assert (last.kind, last.tight) == (whole.kind, whole.tight)
        assert final.block_text(last.index).startswith(so_far.block_text(last.index))
    assert final.text.startswith(so_far.text[: last.start])


def test_only_complete_lines_are_shown() -> None:
    assert parse_document("a\nhalf a li", format="raw", partial=True).text == "a"
    assert parse_document("half a li", format="text", partial=True).blocks == []
    assert parse_document("a\n", format="raw", partial=True).text == "a"
