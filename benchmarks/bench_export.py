"""The HTML export: its size and how long Chromium takes to open it, for the essay and
War and Peace (linked to the essay's glossary), each beside the plain text itself.

The browser figures need Chromium (`/usr/bin/chromium`, driven by Playwright); the load
time is the page's own `loadEventEnd` (parsing, style, layout of what is on screen and
the script), median of the runs, in a fresh tab each time.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
from pathlib import Path

from benchmarks.common import ESSAY, ROOT, WAR_AND_PEACE, Figure, median_ms
from reader.core.export.page import export_html
from reader.core.glossary.linker import find_mentions
from reader.core.glossary.vault import load_glossary
from reader.core.loading import load_document

_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-crash-reporter",
]


def _page(source: Path) -> str:
    document = load_document(source)
    glossary = load_glossary(ROOT / "glossary")
    return export_html(document, glossary, find_mentions(document, glossary))


def _load_ms(urls: list[str], runs: int) -> list[float]:
    """Median `loadEventEnd` of each URL in Chromium."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    medians = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=_FLAGS)
        for url in urls:
            times = []
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(url)
                times.append(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"))
                page.close()
            medians.append(statistics.median(times))
        browser.close()
    return medians


def figures(runs: int) -> list[Figure]:
    directory = Path(tempfile.mkdtemp(prefix="reader-export-"))
    figures = []
    urls = []
    for name, source in (("essay", ESSAY), ("War and Peace", WAR_AND_PEACE)):
        page = _page(source)
        out = directory / f"{source.stem}.html"
        out.write_text(page, encoding="utf-8")
        urls += [out.as_uri(), source.as_uri()]
        figures.append(
            Figure(
                f"export size, {name}",
                len(page.encode()) / 1024,
                "the plain text",
                source.stat().st_size / 1024,
                unit="KiB",
                target="< 1.3 x the text" if source is WAR_AND_PEACE else "its 51-entry glossary",
            )
        )
    figures.append(
        Figure(
            "export War and Peace (parse, link, write HTML)",
            median_ms(lambda: _page(WAR_AND_PEACE), max(1, runs // 3)),
            "load_document",
            median_ms(lambda: load_document(WAR_AND_PEACE), max(1, runs // 3)),
        )
    )
    if shutil.which("chromium") or Path("/usr/bin/chromium").exists():
        loads = _load_ms(urls, runs)
        for name, page_ms, text_ms in zip(("essay", "War and Peace"), loads[::2], loads[1::2], strict=True):
            figures.append(
                Figure(f"Chromium opens the export, {name}", page_ms, "Chromium opens the text", text_ms)
            )
    return figures
