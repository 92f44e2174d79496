"""What kind of text a document is, and the one entry point that parses it.

Five formats: `md` (Markdown), `text` (prose: paragraphs reflowed, see
`reader.core.plaintext`), `raw` (program output: every line a row, see
`reader.core.rawtext`), `html` (`reader.core.html`) and `epub` (a zip archive of
XHTML, read by `reader.core.epub`).  A file is known by its suffix; standard input,
or a file whose suffix says nothing, is recognised by its content (`sniff_format`:
the first three only); `--format` overrides both.

Standard input can be shown as it arrives: `parse_document(text_so_far, ...,
partial=True)` parses the complete lines received so far.  For `text` and `raw`
every block but the last is then already a block of the finished document (and
for `raw` the last holds its first lines), so the view keeps its place when the
document is replaced by a longer one.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

from reader.core.document import Document
from reader.core.plaintext import parse_plain_text
from reader.core.rawtext import parse_raw


class Format(StrEnum):
    MARKDOWN = "md"
    TEXT = "text"
    RAW = "raw"
    HTML = "html"
    EPUB = "epub"
    """A zip archive, not text: read by `reader.core.epub`, never by `parse_document`."""


MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
EPUB_SUFFIX = ".epub"
HEAD_CHARS = {
    Format.MARKDOWN: 16 * 1024,
    Format.TEXT: 64 * 1024,
    Format.RAW: 64 * 1024,
    Format.HTML: 32 * 1024,
    Format.EPUB: 32 * 1024,
}
"""How much of a large document to parse for its first screen (the rest is parsed behind
it): Markdown costs about seven times as much per character as plain text, HTML (in
markup) about three times."""

SNIFF_CHARS = 16 * 1024
"""`sniff_format` looks at this much of a text, so its answer is final once it has arrived."""
_SNIFF_LINES = 300
_RAW_SHARE = 0.3
"""Program output: at least this share of the lines are not prose."""

_FRONT_MATTER = re.compile(r"---[ \t]*\n(?:[^\n]*\n){0,100}?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_YAML_KEY = re.compile(r"^[A-Za-z_][\w -]*:(?:[ \t]|$)", re.MULTILINE)
# Markdown, line by line.
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r" {0,3}#{1,6}[ \t]+\S")
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_QUOTE = re.compile(r" {0,3}>[ \t]?\S")
_TABLE_RULE = re.compile(r" {0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$")
_INLINE = re.compile(r"\[[^\]\n]+\]\([^)\s]+\)|\*\*\S[^*\n]*\*\*|`[^`\n]+`")
# Program output: a line any of these match is no prose.
_PROGRAM_FIRST_LINES = re.compile(
    r"(?:commit [0-9a-f]{7,40}\b"  # git log
    r"|diff --git |diff -[a-zA-Z]+ |--- \S|Index: "  # diffs
    r"|total \d+$"  # ls -l
    r"|[-dlcbps][-rwxsStT]{9}[.+@]?\s+\d"  # ls -l
    r"|Traceback \(most recent call last\):"  # Python
    r"|On branch |\$ "  # git status, a shell session
    r"|[\w./\\-]+:\d+(?::\d+)?:\s)"  # file:line: compiler errors, grep -n
)
_PROGRAM_LINE = re.compile(
    r"(?:commit [0-9a-f]{7,40}\b|(?:Author|Date|Merge|Commit|AuthorDate|CommitDate):\s"
    r"|diff --git |index [0-9a-f]+\.\.|@@ -\d|\+\+\+ |--- a/"
    r"| ?\S.*\s\|\s+\d+ ?[-+]*$| \d+ files? changed"  # diffstat
    r"|total \d+$|[-dlcbps][-rwxsStT]{9}[.+@]?\s+\d"
    r"|[\w./\\-]+:\d+(?::\d+)?:|\s*\d*\s+\|\s|\s+\^"  # compilers: location, source, caret
    r"|Traceback |\s+File \".*\", line \d+|\s+at [\w.$<>]+\(.*\)$"  # stack traces
    r")"
)
_COLUMNS = re.compile(r"[^\s.!?:;,\"'”’)]  +\S")
_CODE = re.compile(
    r"[;{}\[\]]\s*$|^\s*[}\])]|[A-Za-z_]\w*\([^)]*\)\s*[{:;=]|\"\s*:\s|=>|->|::|==|!=|&&|\|\|"
    r"|^\s*[\w.\[\]\"']+\s*[-+*/|&]?=\s"  # assignment
    r"|^\s*(?:def |class |import |from [\w.]+ import |#include|#!/|package |func |fn |@\w)"
)
_LETTERS = re.compile(r"[^\W\d_]")


def format_for(path: str | Path | None, text: str, requested: str | None = None) -> Format:
    """The format to read `text` in: `requested` (`--format md|text|raw`) if given; else by
    the suffix of `path` (`.md`, `.markdown`; `.txt`, `.text`; `.html`, `.htm`, `.xhtml`;
    `.epub`); else, for standard input
    (`None` or `-`) or any other file, what `sniff_format` recognises.

    Raises `ValueError` for a requested format that is none of these.
    """
    if requested is not None:
        try:
            return Format(requested.lower())
        except ValueError:
            raise ValueError(f"unknown format {requested!r}: md, text, raw, html or epub") from None
    if path is not None and str(path) != "-":
        suffix = Path(path).suffix.lower()
        if suffix in MARKDOWN_SUFFIXES:
            return Format.MARKDOWN
        if suffix in TEXT_SUFFIXES:
            return Format.TEXT
        if suffix in HTML_SUFFIXES:
            return Format.HTML
        if suffix == EPUB_SUFFIX:
            return Format.EPUB
    return sniff_format(text)


def sniff_format(text: str) -> Format:
    """Markdown, prose or program output, from the first `SNIFF_CHARS` of `text`.

    Markdown: front matter, or headings, lists, quotes, fences, tables and inline
    links or code making up its lines.  Program output (`git log --stat`, `ls -l`,
    a compiler's or a traceback's lines, a diff, columns, code, one word a line): a
    first line only a program writes, or lines that are not prose making up at least
    `_RAW_SHARE` of them.  Anything else is prose.
    """
    sample = text[:SNIFF_CHARS].lstrip("\n")
    if not sample.strip():
        return Format.TEXT
    front = _FRONT_MATTER.match(sample)
    if front and _YAML_KEY.search(front.group()):
        return Format.MARKDOWN
    lines = [line for line in sample.split("\n")[:_SNIFF_LINES] if line.strip()]
    if _PROGRAM_FIRST_LINES.match(lines[0]):
        return Format.RAW
    markdown = program = 0
    headings = fences = 0
    fence: str | None = None
    for line in lines:
        opened = _FENCE.match(line)
        if fence is not None:  # a fenced block is Markdown, whatever it holds
            if opened and opened.group(1).startswith(fence):
                fence = None
            markdown += 1
            continue
        if opened:
            fence = opened.group(1)[:3]
            fences += 1
            markdown += 1
        elif _HEADING.match(line):
            headings += 1
            markdown += 1
        elif _LIST_ITEM.match(line) or _QUOTE.match(line) or _TABLE_RULE.match(line):
            markdown += 1
        elif _is_program_line(line):
            program += 1
        elif _INLINE.search(line):
            markdown += 1
    if program >= _RAW_SHARE * len(lines):
        return Format.RAW
    if fences or (headings and markdown >= 2) or markdown >= max(2, len(lines) // 10):
        return Format.MARKDOWN
    return Format.TEXT


def _is_program_line(line: str) -> bool:
    """A line no prose has: what programs print, columns, code, tabs, or one word alone."""
    if "\t" in line or "\x1b" in line or _PROGRAM_LINE.match(line) or _COLUMNS.search(line.strip()):
        return True
    words = line.split()
    if len(words) == 1 and not line.strip().endswith((".", "!", "?", ":", '"', "”")):
        return True
    if _CODE.search(line):
        return True
    visible = len(line) - line.count(" ")
    return visible > 0 and len(_LETTERS.findall(line)) < 0.5 * visible


def parse_document(
    text: str,
    *,
    format: Format | str,
    source: Path | None = None,
    fallback_title: str = "Untitled",
    head: int | None = None,
    partial: bool = False,
) -> Document:
    """Parse normalised text (no BOM, `\\n` line ends) as `format`.

    `head`: parse only the first blocks, up to a safe boundary at or after `head`
    characters (`HEAD_CHARS[format]` for a first screen); the result is not `complete`.
    `partial`: `text` is what has arrived so far of standard input; only its complete
    lines are parsed, and the result is not `complete`.
    """
    format = Format(format)
    complete = True
    if partial:
        end = text.rfind("\n") + 1
        text, complete = text[:end], False
    if format is Format.MARKDOWN:
        from reader.core.markdown import parse_markdown

        document = parse_markdown(text, source=source, fallback_title=fallback_title, head=head)
    elif format is Format.HTML:
        from reader.core.html import parse_html

        document = parse_html(text, source=source, fallback_title=fallback_title, head=head)
    elif format is Format.EPUB:
        raise ValueError("an EPUB is an archive, not text: see reader.core.epub")
    elif format is Format.RAW:
        document = parse_raw(text, source=source, fallback_title=fallback_title, head=head)
    else:
        document = parse_plain_text(text, source=source, fallback_title=fallback_title, head=head)
    document.complete = document.complete and complete
    return document
