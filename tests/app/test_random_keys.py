"""Thousands of random keys, seeded, across every screen, prompt, list and the palette, with
resizes between bursts: the app must stay alive and raise nothing.

The keys are every key the app binds, plus letters, digits and the keys people press
by accident; `q` and the other ways to quit are left out (quitting is not a crash), so
each run reaches deep into prompts, lists and the palette.  A failure names its seed;
rerun it with `pytest tests/app/test_random_keys.py -k <seed>`.
"""

from __future__ import annotations

import os
import random

import pytest
from textual.binding import Binding

from reader.app.app import ReaderApp
from reader.app.help_screen import HelpScreen
from reader.app.key_help import reader_key_owners
from tests.app.helpers import GLOSSARY, essay_app, glossary_ready, press, reading

QUITTING = {"q", "ctrl+q", "ctrl+c", "ctrl+z"}
SIZES = ((140, 40), (80, 24), (40, 12), (200, 60), (100, 30))
KEYS_PER_SEED = 1500
BURST = 25


def vocabulary() -> list[str]:
    """Every key bound anywhere in the shell, and the keys typed by accident."""
    keys: set[str] = set()
    for owner in [*reader_key_owners(), HelpScreen, ReaderApp]:
        for binding in getattr(owner, "BINDINGS", []):
            if isinstance(binding, Binding):
                keys.update(key.strip() for key in binding.key.split(","))
    keys.update("abcdefghijklmnoprstuvwxyz0123456789")
    keys.update(
        [
            "escape", "enter", "tab", "shift+tab", "backspace", "delete", "space", "up", "down",
            "left", "right", "home", "end", "pageup", "pagedown", "ctrl+p", "f6", "question_mark",
            "slash", "colon", "ampersand", "apostrophe", "percent_sign", "ctrl+a", "ctrl+k",
        ]
    )  # fmt: skip
    return sorted(keys - QUITTING)


@pytest.mark.parametrize("seed", [int(s) for s in os.environ.get("READER_KEY_SEEDS", "1,2,3").split(",")])
async def test_random_keys_never_crash_the_app(seed: int) -> None:
    """A crash surfaces from `run_test` as the exception it was; a quit (the palette finds
    "Quit" from a few typed letters) ends the session cleanly, and a new one goes on."""
    chooser = random.Random(seed)
    keys = vocabulary()
    sent = sessions = 0
    while sent < KEYS_PER_SEED:
        sessions += 1
        app = essay_app(vault=GLOSSARY)
        async with app.run_test(size=chooser.choice(SIZES)) as pilot:
            await glossary_ready(app)
            while sent < KEYS_PER_SEED and app.is_running:
                await press(app, *chooser.choices(keys, k=BURST))
                sent += BURST
                if app.is_running and chooser.random() < 0.15:
                    await pilot.resize_terminal(*chooser.choice(SIZES))
            if app.is_running:
                assert reading(app).view.document.blocks  # still reading the essay
    assert sessions < KEYS_PER_SEED // BURST  # most bursts ran in a live app
