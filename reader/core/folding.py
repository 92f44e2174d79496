"""Folding text so a search ignores accents, quote styles and dash styles.

Every fold maps one character to exactly one character, so an offset into the
folded copy of a text is the same offset into the original: a hit found in the
folded copy highlights the right characters of the document unchanged.

The typesetter (`reader.core.typography`) also makes substitutions that change
lengths: `---` → `—`, `--` → `–`, `...` → `…`.  Those are undone on the query's
side instead (`query_word_pattern`): each run of hyphens or dots in a query, and
each ellipsis, matches both what the file has and what the reader shows, while
the text keeps its one-to-one fold and its offsets.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, cached_property

# Typographic punctuation folds to its plain ASCII form:
# curly, low and reversed single quotes and the prime; the same double quotes;
# hyphen, non-breaking hyphen, figure, en, em and quotation dashes and minus.
_PUNCTUATION = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
}
# Letters with a stroke or bar have no Unicode decomposition to strip.
_UNDECOMPOSABLE = {
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "ħ": "h",
    "Ħ": "H",
    "\u0131": "i",  # dotless i
}
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")
# How many hyphens a typeset dash in a query may stand for in the file.
_DASH_LENGTHS = str.maketrans({"\u2013": "--", "\u2014": "---"})
_TYPESET_RUNS = re.compile(r"-+|\.+|\u2026")
_ELLIPSIS = "\u2026"
_FINAL_SIGMA = "\u03c2"
_SIGMA = "\u03c3"


@cache
def _fold_char(char: str) -> str:
    """One character without its accents (or its plain punctuation form)."""
    if char in _PUNCTUATION:
        return _PUNCTUATION[char]
    if char in _UNDECOMPOSABLE:
        return _UNDECOMPOSABLE[char]
    base = "".join(part for part in unicodedata.normalize("NFD", char) if not unicodedata.combining(part))
    return base if len(base) == 1 else char


def fold(text: str) -> str:
    """`text` with accents stripped and curly quotes and dashes made plain; same length.

    Only the distinct non-ASCII characters are looked at, and each is replaced
    in one C-level pass: a 3 MB book folds in a few milliseconds.
    """
    if text.isascii():
        return text
    for char in set(_ASCII_RUNS.sub("", text)):
        plain = _fold_char(char)
        if plain != char:
            text = text.replace(char, plain)
    return text


def fold_case(folded: str) -> str:
    """Lower-case a text already passed through `fold`, keeping its length.

    `fold` has turned the one character whose lower case is two characters
    (`İ`) into `I`; a final sigma becomes an ordinary one, so that a sigma
    typed in a query finds it wherever it stands in a word.
    """
    lowered = folded.lower()
    return lowered.replace(_FINAL_SIGMA, _SIGMA) if _FINAL_SIGMA in lowered else lowered


class FoldedText:
    """A text with its folded copies, each made once, when first needed."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    @cached_property
    def lowered(self) -> str:
        return fold_case(self.folded)


def fold_query(term: str) -> str:
    """`fold` for a query: a typed en or em dash first becomes the hyphens it is typeset
    from, so that `query_word_pattern` lets it match those too."""
    return fold(term.translate(_DASH_LENGTHS)) if "\u2013" in term or "\u2014" in term else fold(term)


def query_word_pattern(word: str, *, first: bool = True, last: bool = True) -> tuple[str, bool]:
    """A regular expression for one whitespace-free word of a folded literal query,
    and whether it is more than `re.escape(word)` (its hits may differ in length).

    The text searched is typeset, except where it is not (code, `?...`, `----`), so
    each run the typesetter shortens matches either form:

    - `k` hyphens (k > 1) match 1 to `k` dashes or hyphens: `--` finds `–` and `--`;
    - three dots find `...` and `…`, and an ellipsis finds both;
    - at either end of the query (`first`, `last`) a run of up to three dots may be
      part of an ellipsis cut by the query's edge, so it finds `…` as well:
      `see.` finds `see…`, as a piece copied from `see...` must.
    """
    if "-" not in word and "." not in word and _ELLIPSIS not in word:
        return re.escape(word), False
    pieces: list[str] = []
    position = 0
    widened = False
    for match in _TYPESET_RUNS.finditer(word):
        pieces.append(re.escape(word[position : match.start()]))
        position = match.end()
        run = match.group()
        count = len(run)
        at_edge = (first and match.start() == 0) or (last and match.end() == len(word))
        if run == _ELLIPSIS:
            pattern = rf"(?:{_ELLIPSIS}|\.\.\.)"
        elif run[0] == "-":
            pattern = re.escape(run) if count == 1 else f"-{{1,{count}}}"
        elif count == 3 or (at_edge and count < 3):
            pattern = rf"(?:{re.escape(run)}|{_ELLIPSIS})"
        else:
            pattern = re.escape(run)
        widened = widened or pattern != re.escape(run)
        pieces.append(pattern)
    pieces.append(re.escape(word[position:]))
    return "".join(pieces), widened
