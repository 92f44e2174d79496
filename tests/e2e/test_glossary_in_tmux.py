"""The installed `reader` in a real terminal: entries opened from the keyboard alone."""

from __future__ import annotations

import time
from pathlib import Path

from tests.e2e.tmux import Terminal, reader_command, terminal

SUMMARY = "Prime Minister of Iran from 1951 to 1953"


def press(term: Terminal, *keys: str) -> None:
    """Send keys one at a time: an escape sent right before a key would read as alt+key."""
    for key in keys:
        term.keys(key)
        time.sleep(0.3 if key == "Escape" else 0.05)


def test_tab_and_enter_open_an_entry_beside_the_essay(data_dir: Path) -> None:
    env = {"READER_DATA_DIR": str(data_dir)}
    with terminal(reader_command(), width=140, height=40, env=env) as term:
        term.wait_for("The loud cheers")
        time.sleep(0.5)  # the glossary loads after the first paint
        press(term, "Tab", "Enter")  # the first mention: "West"
        screen = term.wait_for("Glossary · The West")
        rows = [row.partition("│") for row in screen.splitlines()]
        assert rows[2][2].strip() == "The West"  # the entry's title in the pane, right ...
        assert "The loud cheers" in rows[3][0]  # ... of the essay, which stays in view
        press(term, "i", *"moss", "Enter")
        screen = term.wait_for(SUMMARY)
        assert "Mohammad Mosaddegh" in screen
        press(term, "BSpace")
        term.wait_for("Glossary · index")
        press(term, "Escape", "BSpace")  # from the filter to the essay, then back
        term.wait_for("Glossary · The West")
        press(term, "BSpace")  # back to before the first jump: the pane closes
        deadline = time.monotonic() + 5
        while "Glossary ·" in term.screen() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "Glossary ·" not in term.screen()
        press(term, "x")
        term.wait_for("Glossary · index")
        press(term, "q")
        term.wait_until_gone()


def test_the_pane_opens_over_the_essay_on_a_narrow_terminal_without_colour(data_dir: Path) -> None:
    env = {"READER_DATA_DIR": str(data_dir), "NO_COLOR": "1"}
    with terminal(reader_command(), width=80, height=24, env=env) as term:
        term.wait_for("The loud cheers")
        time.sleep(0.5)
        press(term, "i", *"mossadeq", "Enter")
        screen = term.wait_for(SUMMARY)
        assert "▌ The loud" not in screen  # the essay is covered
        styled = term.screen(escapes=True)
        assert "\x1b[1m" in styled  # structure without colour: bold titles
        press(term, "Escape")
        term.wait_for("▌ The loud cheers")
        press(term, "Tab")
        time.sleep(0.3)
        # The focus ring shows without colour, as reverse video.
        assert "\x1b[7m" in term.screen(escapes=True) or "\x1b[1;7m" in term.screen(escapes=True)
        press(term, "q")
        term.wait_until_gone()
