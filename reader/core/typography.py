"""Typographic replacements for plain text, with markdown-it-py's own rules.

Markdown documents get these from markdown-it-py's typographer.  Plain text
uses the very same regular expressions and quote-pairing code, applied to the
paragraphs directly (a full Markdown parse would misread `*` and `_` in prose
and is far too slow for a 3 MB book).
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import replacements as rules
from markdown_it.rules_core.smartquotes import process_inlines
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token

_QUOTES = ("'", '"')


def _replace(text: str) -> str:
    """markdown-it-py's `replace_scoped` and `replace_rare`, on one paragraph."""
    if "(" in text:
        text = rules.SCOPED_ABBR_RE.sub(rules.replaceFn, text)
    if not rules.RARE_RE.search(text):
        return text
    # Each rule runs only where its literal trigger occurs: same result, far faster.
    if "+-" in text:
        text = rules.PLUS_MINUS_RE.sub("±", text)
    if ".." in text:
        text = rules.ELLIPSIS_RE.sub("…", text)
        text = rules.ELLIPSIS_QUESTION_EXCLAMATION_RE.sub("\\1..", text)
    if any(pair in text for pair in ("??", "!!", "?!", "!?")):
        text = rules.QUESTION_EXCLAMATION_RE.sub("\\1\\1\\1", text)
    if ",," in text:
        text = rules.COMMA_RE.sub(",", text)
    if "--" in text:
        text = rules.EM_DASH_RE.sub("\\1\u2014", text)
        text = rules.EN_DASH_RE.sub("\\1\u2013", text)
        text = rules.EN_DASH_INDENT_RE.sub("\\1\u2013", text)
    return text


def typeset(paragraphs: list[str]) -> list[str]:
    """Dashes, ellipses and curly quotes, paragraph by paragraph (quotes pair within one)."""
    result = [_replace(paragraph) for paragraph in paragraphs]
    if not any(q in paragraph for paragraph in result for q in _QUOTES):
        return result
    state = StateCore("", _typographer(), {})
    for index, paragraph in enumerate(result):
        if "'" in paragraph or '"' in paragraph:
            token = Token("text", "", 0)
            token.content = paragraph
            process_inlines([token], state)
            result[index] = token.content
    return result


_MD: MarkdownIt | None = None


def _typographer() -> MarkdownIt:
    global _MD
    if _MD is None:
        _MD = MarkdownIt("commonmark", {"typographer": True})
    return _MD
