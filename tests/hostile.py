"""A Markdown document and a glossary vault written to attack an HTML export.

Every payload, if it ran, would set `window.pwned` (a browser test looks), and each is
of a kind an export must neutralise: a raw `<script>`, an `onerror=` handler, a
`javascript:` link, a `</style>` or `</script>` that would close the page's own, and
attribute breakouts in a title, an alias, a summary and a file name.
"""

from __future__ import annotations

from pathlib import Path

PAYLOADS = (
    "<script>window.pwned=1</script>",
    '<img src=x onerror="window.pwned=2">',
    "</style><script>window.pwned=3</script>",
    "</script><script>window.pwned=4</script>",
    '"><svg onload="window.pwned=5">',
)

DOCUMENT = f"""---
title: "Hostile </title><script>window.pwned=6</script>"
---
# A hostile page

Zenobia met {PAYLOADS[0]} the Oracle in the first paragraph.

Raw HTML block follows.

<div onclick="window.pwned=7"><script>window.pwned=8</script></div>

A [javascript link](javascript:window.pwned=9) and [another](JAVASCRIPT:alert(1)) and
[data](data:text/html,<script>window.pwned=10</script>) beside Zenobia again.

An image ![x](x" onerror="window.pwned=11) and inline <img src=x onerror="window.pwned=12">.

A footnote[^1] with </style> and {PAYLOADS[3]} in it.

[^1]: The note says {PAYLOADS[1]} about the Oracle.
"""

ENTRIES = {
    "Zenobia": (
        "---\n"
        f"aliases: ['Zenobia{PAYLOADS[4]}', Queen]\n"
        "tags: [person]\n"
        f"summary: 'A queen {PAYLOADS[2]}'\n"
        "date: 0272\n"
        "---\n"
        f"Her body: {PAYLOADS[0]} {PAYLOADS[1]} [click](javascript:window.pwned=13) "
        "[[Oracle|the <b onmouseover=window.pwned=14>oracle</b>]].\n"
    ),
    '<img src=x onerror="window.pwned=15">': "---\ntags: [idea]\n---\nA file name that is markup.\n",
    "Oracle": (
        '---\ntags: [place]\nsummary: "</style><style>body{display:none}</style>"\n---\n'
        'Links to [[Zenobia]] and [[<img src=x onerror="window.pwned=16">]].\n'
    ),
}


def write_hostile(directory: Path) -> tuple[Path, Path]:
    """The hostile document and its vault (found beside it as `hostile.glossary/`)."""
    document = directory / "hostile.md"
    document.write_text(DOCUMENT, encoding="utf-8")
    vault = directory / "hostile.glossary"
    vault.mkdir()
    for title, source in ENTRIES.items():
        (vault / f"{title}.md").write_text(source, encoding="utf-8")
    return document, vault
