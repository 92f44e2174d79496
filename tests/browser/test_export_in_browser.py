"""The exported page in a real browser, wide and phone-width: popovers, the glossary,
back, search, bookmarks; and a hostile document that must do nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from reader.cli.main import main
from reader.core.bookmarks import BookmarkStore
from reader.core.loading import load_document
from tests.browser.conftest import PHONE, WIDE, screenshot_path
from tests.hostile import write_hostile

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, ViewportSize

SIZES = [pytest.param(WIDE, id="1280x800"), pytest.param(PHONE, id="390x844")]


def _open(browser: BrowserContext, path: Path, size: ViewportSize, errors: list[str]) -> Page:
    page = browser.new_page()
    page.set_default_timeout(15_000)
    page.set_viewport_size(size)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    page.goto(path.as_uri())
    return page


def _export(tmp_path: Path, *arguments: str) -> Path:
    out = tmp_path / "page.html"
    assert main(["export", *arguments, "--html", str(out)]) == 0
    return out


@pytest.mark.parametrize("size", SIZES)
def test_read_the_essay_in_a_browser(
    browser: BrowserContext, tmp_path: Path, essay_path: Path, size: ViewportSize
) -> None:
    from playwright.sync_api import expect

    document = load_document(essay_path)
    with BookmarkStore.open() as store:
        block = document.blocks[2]
        store.add(document, block.start, block.end, note="Worth rereading: the 1920s.")
    errors: list[str] = []
    page = _open(browser, _export(tmp_path, str(essay_path)), size, errors)
    name = f"export-{size['width']}x{size['height']}"

    # A bookmark is a highlight with its note beside it.
    expect(page.locator("mark.bm").first).to_be_visible()
    expect(page.locator("aside.mnote")).to_have_text("Worth rereading: the 1920s.")

    # Hover a mention: its popover shows the entry's kind and summary.
    mention = page.locator("a.m").first
    title = mention.get_attribute("data-e")
    mention.hover()
    popover = page.locator("#pop")
    expect(popover).to_be_visible()
    summary = page.locator(f"#g{title} .summary").text_content() or ""
    expect(popover.locator(".summary")).to_have_text(summary)
    page.screenshot(path=screenshot_path(f"{name}-popover"))

    # Keyboard: tab from the top reaches the first mention, which shows its popover too.
    page.mouse.move(0, size["height"] - 1)
    expect(popover).to_be_hidden()
    page.locator("body").focus()
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('m')"):
            break
    focused = page.locator("a.m:focus")
    expect(focused).to_have_attribute("aria-describedby", "pop")
    expect(popover).to_be_visible()
    opened = focused.get_attribute("data-e")

    # Enter opens the entry in the panel (a sheet on a phone).
    page.keyboard.press("Enter")
    entry = page.locator(f"#g{opened}")
    expect(entry).to_be_visible()
    expect(entry.locator("h3")).to_be_in_viewport()
    first_title = entry.locator("h3").text_content()

    # Follow one of its links, then go back.
    link = entry.locator(".body a[data-e], ul a[data-e]").first
    target = page.locator(f"#g{link.get_attribute('data-e')}")
    link.click()
    expect(target).to_be_visible()
    expect(entry).to_be_hidden()
    page.screenshot(path=screenshot_path(f"{name}-entry"))
    page.locator("#back").click()
    expect(entry).to_be_visible()
    expect(entry.locator("h3")).to_have_text(first_title or "")

    # Search: highlight as you type, step with enter and shift+enter.
    page.keyboard.press("Escape")
    page.locator("body").focus()
    page.keyboard.press("/")
    expect(page.locator("#q")).to_be_focused()
    page.keyboard.type("iran")
    found = f"{document.title}\n{document.text}".lower().count("iran")  # the title is the page's h1
    count = page.locator("#count")
    expect(count).to_have_text(f"1/{found}")
    assert page.evaluate("CSS.highlights.get('hit').size") == found
    page.keyboard.press("Enter")
    expect(count).to_have_text(f"2/{found}")
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("Shift+Enter")
    expect(count).to_have_text(f"{found}/{found}")
    page.screenshot(path=screenshot_path(f"{name}-search"))
    assert errors == []
    page.close()


def test_nothing_hostile_runs(browser: BrowserContext, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    document, _ = write_hostile(tmp_path)
    errors: list[str] = []
    page = _open(browser, _export(tmp_path, str(document)), WIDE, errors)
    page.evaluate(
        "window.violations = []; document.addEventListener('securitypolicyviolation',"
        " e => window.violations.push(e.violatedDirective))"
    )
    mention = page.locator("a.m").first
    mention.hover()
    expect(page.locator("#pop")).to_be_visible()
    mention.click()
    expect(page.locator("article.entry:visible .body")).to_contain_text("window.pwned")
    for link in page.locator("article.entry:visible a").all():
        link.hover()
    expect(page.locator("body")).to_be_visible()
    assert page.evaluate("window.pwned") is None
    assert page.evaluate("window.violations") == []
    assert page.evaluate("document.querySelectorAll('script, style, img, svg, iframe').length") == 2
    assert errors == []
    page.close()
