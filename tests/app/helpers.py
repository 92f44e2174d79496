"""Building the app for Pilot tests, pressing keys and waiting for what they do.

No test sleeps for a fixed time: `press` returns once the app's key gate has
handled every key it sent (a count, not a guess), and `wait_until` polls for a
visible signal with a generous deadline that only a broken app reaches.
"""

from __future__ import annotations

import asyncio
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.widget import Widget
from textual.widgets._toast import ToastRack

from reader.app.app import ReaderApp
from reader.app.glossary.pane import GlossaryPane
from reader.app.reading.document_view import DocumentView
from reader.app.reading.screen import ReadingScreen
from reader.core.loading import read_source
from reader.core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
ESSAY = ROOT / "seeds" / "000_fa68ee161d232009.txt"
GLOSSARY = ROOT / "glossary"
DEADLINE = 20.0
"""Seconds a wait may take before the test fails: far beyond any healthy run."""


def essay_app(
    *, vault: Path | None = None, settings: Settings | None = None, clock: Callable[[], float] | None = None
) -> ReaderApp:
    """The app on the shipped essay (with no glossary unless one is given)."""
    if clock is None:
        return ReaderApp(read_source(ESSAY), vault=vault, settings=settings)
    return ReaderApp(read_source(ESSAY), vault=vault, settings=settings, clock=clock)


def text_app(path: Path, *, vault: Path | None = None) -> ReaderApp:
    return ReaderApp(read_source(path), vault=vault)


def reading(app: ReaderApp) -> ReadingScreen:
    """The reading screen (at the bottom of the stack, whatever is open over it)."""
    screen = app.screen_stack[0]
    assert isinstance(screen, ReadingScreen)
    return screen


def view_of(app: ReaderApp) -> DocumentView:
    return reading(app).view


def key_event(key: str) -> events.Key:
    """The event a terminal sends for `key` (a Textual key name or a character), as Pilot makes it."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    try:
        character: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        character = key if len(key) == 1 else None
    return events.Key(key, character)


async def press(app: ReaderApp, *keys: str) -> None:
    """Send `keys` at once, as a fast typist or a paste would, and return when all are handled."""
    target = app.key_gate.handled + len(keys)
    for key in keys:
        app.post_message(key_event(key))
    handled = asyncio.ensure_future(app.key_gate.wait_handled(target))
    end = time.monotonic() + DEADLINE
    while not handled.done():
        if not app.is_running:  # a key quit the app: nothing more will be handled
            handled.cancel()
            return
        if time.monotonic() > end:
            handled.cancel()
            raise AssertionError(f"keys {keys} were not all handled")
        await asyncio.wait([handled], timeout=0.05)


async def type_text(app: ReaderApp, text: str) -> None:
    """Type `text`, one key per character, in one burst."""
    await press(app, *[" " if character == " " else character for character in text])


async def wait_until(condition: Callable[[], object], what: str, deadline: float = DEADLINE) -> None:
    """Return once `condition()` is true; fail, naming `what`, if it never becomes so."""
    end = time.monotonic() + deadline
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.005)


async def ready(app: ReaderApp) -> ReadingScreen:
    """The reading screen once it is laid out (keys typed before then wait for it anyway)."""
    await wait_until(lambda: app.screen_stack and reading(app).view.laid_out, "the first layout")
    return reading(app)


async def glossary_ready(app: ReaderApp) -> GlossaryPane:
    """The pane once the vault is loaded and the whole document linked."""

    def linked() -> bool:
        screen = reading(app)
        return screen.pane is not None and screen.linked is not None and screen.linked.linked

    await wait_until(linked, "the glossary to be linked")
    pane = reading(app).pane
    assert pane is not None
    await wait_until(lambda: pane.is_mounted and pane.linked is reading(app).linked, "the pane to show it")
    return pane


def focused_in(app: ReaderApp, widget: Widget) -> bool:
    focused = app.focused
    return focused is not None and (focused is widget or widget in focused.ancestors)


async def still(app: ReaderApp) -> None:
    """Nothing left to change the screen by itself: workers done, notices gone, no blinking
    cursor, nothing moving (what a snapshot needs to be the same at every run).

    Three calm looks in a row: a worker that ends can post a notice or lay out a body a
    moment later, and a focused widget scrolls itself into view.  A reading screen whose
    glossary has not come in yet is not calm: it will say so (or link) when it does.
    """
    calm = 0
    end = time.monotonic() + DEADLINE
    while calm < 3:
        await app.workers.wait_for_complete()
        await app.animator.wait_until_complete()
        app.clear_notifications()  # from the current screen's toasts only, so:
        for rack in (rack for screen in app.screen_stack for rack in screen.query(ToastRack)):
            rack.show(app._notifications)  # a notice under a dialog no longer waits to expire
        for screen in app.screen_stack:
            for node in screen.walk_children(with_self=False):
                if hasattr(node, "cursor_blink"):
                    node.cursor_blink = False
        await asyncio.sleep(0.01)
        screens = app.screen_stack
        waiting = any(isinstance(screen, ReadingScreen) and screen.linked is None for screen in screens)
        busy = waiting or any(worker.is_running for worker in app.workers) or app._notifications
        calm = 0 if busy or not app.key_gate.quiet else calm + 1
        if time.monotonic() > end:
            raise AssertionError("the app never came to rest")


def palette_hits(app: ReaderApp) -> int:
    """How many commands the open command palette lists."""
    from textual.command import CommandList

    return app.screen.query_one(CommandList).option_count
