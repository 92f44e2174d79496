"""Which plain-text headings name a division of a book, and how a contents shows them.

A plain-text file marks its chapters with short lines in capitals, and so it marks
much else: a letter's signature (`JULIE`), a proclamation, a date line.  What tells a
chapter is its first word: `CHAPTER IV`, `BOOK NINE: 1812`, `PART 2`, `VOLUME I—FANTINE`,
`FIRST EPILOGUE`, `PREFACE`.  The word also says how they nest: a volume holds parts,
a part books, a book chapters (Les Misérables, The Brothers Karamazov, War and Peace).
"""

from __future__ import annotations

import re

_RANKS = {"VOLUME": 1, "PART": 2, "BOOK": 3, "CHAPTER": 4, "STAVE": 4}
"""Divisions that are numbered, outermost first."""
STANDALONE = -1
"""The rank of a division that is not numbered (a preface, an epilogue): the caller puts
it beside the outermost divisions of the book."""
_STANDALONE = "PROLOGUE|EPILOGUE|PREFACE|INTRODUCTION|FOREWORD|AFTERWORD|APPENDIX|CONCLUSION"
_ORDINAL = "FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH|ELEVENTH|TWELFTH|LAST|FINAL"
_WORD_NUMBER = (
    "ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|ELEVEN|TWELVE|THIRTEEN|FOURTEEN|FIFTEEN|"
    "SIXTEEN|SEVENTEEN|EIGHTEEN|NINETEEN|TWENTY|THIRTY|FORTY|FIFTY|SIXTY|SEVENTY|EIGHTY|NINETY"
)
_NUMBER = rf"(?:[IVXLCDM]+|\d+|(?:{_WORD_NUMBER})(?:[- ](?:{_WORD_NUMBER}))?|{_ORDINAL})"
_END = r"(?=$|[\s.:,;—–-])"
_NUMBERED = re.compile(rf"^({'|'.join(_RANKS)})\s+{_NUMBER}{_END}", re.IGNORECASE)
_ORDINAL_FIRST = re.compile(
    rf"^(?:THE\s+)?(?:{_ORDINAL})\s+({'|'.join(_RANKS)}|{_STANDALONE}){_END}", re.IGNORECASE
)
_ALONE = re.compile(rf"^(?:{_STANDALONE}){_END}", re.IGNORECASE)
_ROMAN = re.compile(r"^M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def division_rank(heading: str) -> int:
    """1 for a volume, 2 a part, 3 a book, 4 a chapter; `STANDALONE` for a preface or an
    epilogue; 0 for a heading that names no division."""
    numbered = _NUMBERED.match(heading) or _ORDINAL_FIRST.match(heading)
    if numbered is not None:
        return _RANKS.get(numbered.group(1).upper(), STANDALONE)
    return STANDALONE if _ALONE.match(heading) else 0


def readable(heading: str) -> str:
    """A heading in capitals as a contents shows it: `BOOK NINE: 1812` is `Book Nine: 1812`,
    `CHAPTER IV` is `Chapter IV` (a numeral stays one); a heading in mixed case is kept."""
    if heading.upper() != heading:
        return heading
    previous = ""

    def word(match: re.Match[str]) -> str:
        nonlocal previous
        text = match.group()
        numeral = previous.upper() in _RANKS and _ROMAN.match(text) is not None
        previous = text
        return text if numeral else text.capitalize()

    return _WORD.sub(word, heading)
