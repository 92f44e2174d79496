"""Typesetting prose: curly quotes, dashes and ellipses, and nothing else.

The rules are markdown-it-py's typographer (`replacements` and `smartquotes`) cut
down to what only sets type: `---` an em dash and `--` an en dash (in the contexts
markdown-it uses), exactly three dots an ellipsis, straight quotes curly ones.
Every other replacement markdown-it makes would change what the author wrote
(`(c)` to `©`, `+-` to `±`, `?...` to `?..`, `,,` to `,`), so none is made:
search must find the text as it is in the file (`reader.core.folding`
undoes each of these substitutions for a query).

Plain text is typeset here one paragraph at a time (importing markdown-it-py costs
~25 ms at start-up, and a Markdown parse would misread `*` and `_` in prose);
Markdown runs `replace` in place of markdown-it's own `replacements` rule, and
markdown-it's `smartquotes`, which a test checks `smartquotes` against.
"""

from __future__ import annotations

import re
import unicodedata

# Dashes: the patterns of markdown_it/rules_core/replacements.py.
_EM_DASH = re.compile(r"(^|[^-])---(?=[^-]|$)", flags=re.MULTILINE)
_EN_DASH = re.compile(r"(^|\s)--(?=\s|$)", flags=re.MULTILINE)
_EN_DASH_INDENT = re.compile(r"(^|[^-\s])--(?=[^-\s]|$)", flags=re.MULTILINE)
# Exactly three dots, not after `?` or `!` (`?...` is the author's, as are `..` and `....`).
_ELLIPSIS = re.compile(r"(?<![.?!])\.\.\.(?!\.)")
ELLIPSIS = "\u2026"

_QUOTE = re.compile(r"['\"]")
_APOSTROPHE = "\u2019"
_DOUBLE = ("\u201c", "\u201d")
_SINGLE = ("\u2018", "\u2019")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_WHITESPACE = frozenset("\t\n\x0b\x0c\r \xa0\u1680\u202f\u205f\u3000") | frozenset(
    map(chr, range(0x2000, 0x200B))
)


def replace(text: str) -> str:
    """Dashes and ellipses in one paragraph (or one text token of Markdown)."""
    if "..." in text:
        text = _ELLIPSIS.sub(ELLIPSIS, text)
    if "--" in text:
        text = _EM_DASH.sub("\\1\u2014", text)
        text = _EN_DASH.sub("\\1\u2013", text)
        text = _EN_DASH_INDENT.sub("\\1\u2013", text)
    return text


def _is_punct(ch: str) -> bool:
    return ch in _ASCII_PUNCT or unicodedata.category(ch).startswith(("P", "S"))


def smartquotes(text: str) -> str:
    """markdown-it-py's `smartquotes` for a paragraph that is one text token.

    Quotes pair within the paragraph; a quote inside a word is an apostrophe.
    """
    chars = list(text)
    stack: list[tuple[int, bool]] = []  # (position of an opening quote, is single)
    for match in _QUOTE.finditer(text):
        index = match.start()
        single = match.group() == "'"
        last = text[index - 1] if index > 0 else " "
        following = text[index + 1] if index + 1 < len(text) else " "
        last_punct, next_punct = _is_punct(last), _is_punct(following)
        last_space, next_space = last in _WHITESPACE, following in _WHITESPACE
        can_open = not next_space and not (next_punct and not (last_space or last_punct))
        can_close = not last_space and not (last_punct and not (next_space or next_punct))
        if following == '"' and not single and "0" <= last <= "9":
            can_open = can_close = False  # 1"" : an inch mark
        if can_open and can_close:
            can_open, can_close = last_punct, next_punct
        if not can_open and not can_close:
            if single:
                chars[index] = _APOSTROPHE
            continue
        if can_close:
            for depth in range(len(stack) - 1, -1, -1):
                opening, opening_single = stack[depth]
                if opening_single == single:
                    quotes = _SINGLE if single else _DOUBLE
                    chars[opening], chars[index] = quotes
                    del stack[depth:]
                    break
            else:
                if can_open:
                    stack.append((index, single))
                elif single:
                    chars[index] = _APOSTROPHE
                continue
            continue
        stack.append((index, single))
    return "".join(chars)


def typeset_paragraph(paragraph: str) -> str:
    """Dashes, ellipses and curly quotes for one paragraph (quotes pair within it)."""
    paragraph = replace(paragraph)
    if "'" in paragraph or '"' in paragraph:
        paragraph = smartquotes(paragraph)
    return paragraph


def typeset(paragraphs: list[str]) -> list[str]:
    """`typeset_paragraph` for each paragraph."""
    return [typeset_paragraph(paragraph) for paragraph in paragraphs]
