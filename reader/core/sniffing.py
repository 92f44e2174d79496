"""What a text with no telling name is (standard input, an odd suffix), from its first lines.

Apart from `reader.core.formats` so that its patterns are compiled only when a text
needs them: a file with a suffix is known by it.
"""

from __future__ import annotations

import re

SNIFF_CHARS = 16 * 1024
"""`sniffed` looks at this much of a text, so its answer is final once it has arrived."""
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


def sniffed(text: str) -> str:
    """`md` (Markdown), `text` (prose) or `raw` (program output), from the first
    `SNIFF_CHARS` of `text`.

    Markdown: front matter, or headings, lists, quotes, fences, tables and inline
    links or code making up its lines.  Program output (`git log --stat`, `ls -l`,
    a compiler's or a traceback's lines, a diff, columns, code, one word a line): a
    first line only a program writes, or lines that are not prose making up at least
    `_RAW_SHARE` of them.  Anything else is prose.
    """
    sample = text[:SNIFF_CHARS].lstrip("\n")
    if not sample.strip():
        return "text"
    front = _FRONT_MATTER.match(sample)
    if front and _YAML_KEY.search(front.group()):
        return "md"
    lines = [line for line in sample.split("\n")[:_SNIFF_LINES] if line.strip()]
    if _PROGRAM_FIRST_LINES.match(lines[0]):
        return "raw"
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
        return "raw"
    if fences or (headings and markdown >= 2) or markdown >= max(2, len(lines) // 10):
        return "md"
    return "text"


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
