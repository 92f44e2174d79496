"""A real browser for the tests: Debian's Chromium, driven by Playwright's Python package.

Playwright never downloads a browser here: it is pointed at `/usr/bin/chromium` (or
whatever `chromium` is on PATH).  The tests skip, saying why, only when there is no
Chromium; `.ci/run` installs it.  Screenshots go to `tests/artifacts/` (not committed)
so that a person can look at what the tests saw.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import ViewportSize

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-crash-reporter",
    "--disable-breakpad",
]
WIDE: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}


def chromium_path() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return (
        found if found is not None else ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[BrowserContext]:
    """One Chromium per test process, with a fresh, empty profile."""
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium); browser tests need one")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="reader-chromium-") as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield context
        context.close()


def screenshot_path(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"
