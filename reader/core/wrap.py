"""Greedy word wrapping into character ranges, measured in terminal cells.

Rows are returned as `(start, end)` offsets into the wrapped string, so every
decoration (mention, search hit, bookmark) maps onto rows by arithmetic alone.
Text made only of single-cell characters (almost all prose) is wrapped by one
compiled regular expression per width, in C; anything else (CJK, combining
marks, emoji) goes through a slower path that asks Rich for cell widths.
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache
from operator import itemgetter

from rich.cells import cell_len, chop_cells

# Characters that are certainly one cell wide: printable ASCII, Latin-1 and the Latin,
# Greek and Cyrillic letters (without their combining marks), and common punctuation.
_SINGLE_CELL = re.compile(
    r"[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1fff"
    r"\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2100-\u214f\u2190-\u21ff\u2500-\u257f]*"
)
_SINGLE_CELL_LINES = re.compile(_SINGLE_CELL.pattern.replace("[", "[\n", 1))
_WORD = re.compile(r"[^ \n]+ *| +")
_WIDE = 2

Row = tuple[int, int]


@lru_cache(maxsize=32)
def _row_pattern(width: int) -> re.Pattern[str]:
    """One row: up to `width` characters from a non-space to a non-space followed by a
    space (or the end); failing that, a hard cut of `width` characters."""
    if width == 1:
        return re.compile(r"[^ ]")
    return re.compile(rf"[^ ](?:.{{0,{width - 2}}}[^ ])?(?= |$)|[^ ].{{0,{width - 1}}}")


def wrap_all(text: str, width: int) -> tuple[array[int], array[int]]:
    """Wrap a whole single-cell text at once: row starts and ends, newlines forcing breaks.

    One `finditer` pass whose spans go straight into two int arrays: a 3 MB book
    wraps in ~20 ms, and its 50,000 rows cost 0.8 MB rather than lists of objects.
    Blank lines yield no rows (the caller lays out blank rows itself).
    """
    spans = list(map(re.Match.span, _line_row_pattern(max(1, width)).finditer(text)))
    return array("l", map(itemgetter(0), spans)), array("l", map(itemgetter(1), spans))


@lru_cache(maxsize=32)
def _line_row_pattern(width: int) -> re.Pattern[str]:
    """`_row_pattern` for text holding newlines: a row never crosses one."""
    if width == 1:
        return re.compile(r"[^ \n]")
    return re.compile(rf"[^ \n](?:[^\n]{{0,{width - 2}}}[^ \n])?(?=[ \n]|\Z)|[^ \n][^\n]{{0,{width - 1}}}")


def is_single_cell(text: str) -> bool:
    """True when every character of `text` takes exactly one terminal cell."""
    match = _SINGLE_CELL.match(text)
    return match is not None and match.end() == len(text)


def all_single_cell(text: str) -> bool:
    """True when every line of `text` is single-cell: wrapping may skip the per-line check."""
    match = _SINGLE_CELL_LINES.match(text)
    return match is not None and match.end() == len(text)


def wrap(text: str, width: int, *, offset: int = 0, single_cell: bool = False) -> list[Row]:
    """Wrap `text` (which may hold `\\n` for forced breaks) to `width` cells.

    Rows are offsets into `text` plus `offset`; trailing spaces are left out of each
    row; an empty line is one empty row.  `single_cell` promises `is_single_cell`.
    """
    width = max(1, width)
    rows: list[Row] = []
    for line in text.split("\n") if "\n" in text else (text,):
        count = len(rows)
        if single_cell or is_single_cell(line):
            _wrap_fast(line, width, offset, rows)
        else:
            _wrap_cells(line, width, offset, rows)
        if len(rows) == count:
            rows.append((offset, offset))
        offset += len(line) + 1
    return rows


def _wrap_fast(line: str, width: int, offset: int, rows: list[Row]) -> None:
    if len(line) <= width:
        end = len(line.rstrip(" "))
        if end:
            rows.append((offset, offset + end))
        return
    if offset:
        rows.extend((offset + s, offset + e) for s, e in map(_span, _row_pattern(width).finditer(line)))
    else:
        rows.extend(map(_span, _row_pattern(width).finditer(line)))


def _span(match: re.Match[str]) -> Row:
    return match.span()


def _wrap_cells(line: str, width: int, offset: int, rows: list[Row]) -> None:
    """Greedy wrap by cell width; wide (CJK) characters may break anywhere."""
    if cell_len(line) <= width:  # a line that fits keeps its indentation, as in _wrap_fast
        if line.strip(" "):
            rows.append((offset, offset + len(line.rstrip(" "))))
        return
    row_start = row_end = len(line) - len(line.lstrip(" "))
    used = 0
    for match in _WORD.finditer(line):
        word = match.group().rstrip(" ")
        if not word:
            continue
        start = match.start()
        size = cell_len(word)
        pieces = _split_breakable(word, size, width)
        for piece_start, piece in pieces:
            piece_size = cell_len(piece)
            begin = start + piece_start
            filled = row_end > row_start
            if filled and used + (begin - row_end) + piece_size > width:
                rows.append((offset + row_start, offset + row_end))
                row_start, used, filled = begin, 0, False
            used += (begin - row_end if filled else 0) + piece_size
            row_end = begin + len(piece)
    rows.append((offset + row_start, offset + row_end))


def _split_breakable(word: str, size: int, width: int) -> list[tuple[int, str]]:
    """A word as pieces that may go on separate rows: wide characters, or cuts of an
    over-long word; `(offset in word, piece)`."""
    if size <= width and not any(cell_len(ch) == _WIDE for ch in word):
        return [(0, word)]
    pieces: list[tuple[int, str]] = []
    position = 0
    buffer = ""
    for chunk in chop_cells(word, 1):
        if cell_len(chunk) == _WIDE or cell_len(buffer + chunk) > width:
            if buffer:
                pieces.append((position - len(buffer), buffer))
                buffer = ""
            if cell_len(chunk) == _WIDE:
                pieces.append((position, chunk))
                position += len(chunk)
                continue
        buffer += chunk
        position += len(chunk)
    if buffer:
        pieces.append((position - len(buffer), buffer))
    return pieces
