"""Parsing before the first paint: War and Peace as Markdown, whole and by its head.

The app parsed a `.md` file whole on the UI thread before drawing anything (684 ms
when issue 10 was filed); `parse_document(..., head=HEAD_CHARS["md"])` parses only
the blocks a first screen needs.  Beside it, in the same run: that whole parse, and
the head of the same text read as plain text (what a `.txt` costs), in-process.
Importing the Markdown parser is timed in a fresh interpreter that has imported
Textual already, as the app has when it opens a document.
"""

from __future__ import annotations

import subprocess
import sys

from benchmarks.common import WAR_AND_PEACE, Figure, median_ms
from reader.core.formats import HEAD_CHARS, Format, parse_document

_IMPORT = (
    "import time, textual.app, reader.core.formats\n"
    "start = time.perf_counter()\n"
    "import reader.core.markdown\n"
    "print((time.perf_counter() - start) * 1000)\n"
)


def _import_ms() -> float:
    output = subprocess.run([sys.executable, "-c", _IMPORT], capture_output=True, text=True, check=True)
    return float(output.stdout)


def figures(runs: int) -> list[Figure]:
    text = WAR_AND_PEACE.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    md_head = HEAD_CHARS[Format.MARKDOWN]
    parse_document(text[:4096], format=Format.MARKDOWN)  # the parser built once, as in the app

    def head_md() -> object:
        return parse_document(text, format=Format.MARKDOWN, head=md_head)

    def whole_md() -> object:
        return parse_document(text, format=Format.MARKDOWN)

    def head_txt() -> object:
        return parse_document(text, format=Format.TEXT, head=HEAD_CHARS[Format.TEXT])

    head = median_ms(head_md, runs)
    whole = median_ms(whole_md, max(1, runs // 2))
    plain = median_ms(head_txt, runs)
    imports = sorted(_import_ms() for _ in range(runs))[runs // 2]
    name = "parse before first paint: W&P as .md (head)"
    return [
        Figure(name, head, "the whole .md, as the app did", whole),
        Figure(name, head, "the head of the same text as .txt", plain),
        Figure("import the Markdown parser (after Textual)", imports, "parse the .md head", head),
    ]
