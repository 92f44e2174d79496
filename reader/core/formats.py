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
    """Markdown, prose or program output, recognised by `reader.core.sniffing` (imported
    only here: a file with a suffix never pays for its patterns)."""
    from reader.core.sniffing import sniffed

    return Format(sniffed(text))


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
