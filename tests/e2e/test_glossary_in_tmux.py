"""The installed `reader` in a real terminal: entries opened from the keyboard alone,
with keys typed as fast as tmux can send them."""

from __future__ import annotations

import re
from pathlib import Path

from tests.e2e.tmux import reader_command, terminal

SUMMARY = "Prime Minister of Iran from 1951 to 1953"
REVERSED = r"\x1b\[(?:\d+;)*7(?:;\d+)*m(?:\x1b\[[\d;]*m)*"
BOLD = r"\x1b\[(?:\d+;)*1(?:;\d+)*m(?:\x1b\[[\d;]*m)*"


def test_tab_and_enter_open_an_entry_beside_the_essay(data_dir: Path) -> None:
    env = {"READER_DATA_DIR": str(data_dir)}
    with terminal(reader_command(), width=140, height=40, env=env) as term:
        # Sent at once, before the glossary has loaded: the first mention's entry opens.
        term.keys("Tab", "Enter")
        screen = term.wait_for("Glossary · The West")
        assert any(
            row.rstrip().endswith("The West") and row.index("The West") > 90 for row in screen.splitlines()
        )
        assert "The loud cheers" in screen  # ... beside the essay, which stays in view
        term.keys("imoss", "Enter")  # one burst: the index, its filter, the entry
        term.wait_for(SUMMARY)
        screen = term.wait_for("Mohammad Mosaddegh")  # the title and summary may draw apart
        assert "Bookmark ¶" not in screen
        term.keys("BSpace")
        term.wait_for("Glossary · index")
        term.keys("Escape")  # escape closes the side pane too
        term.wait_for_absence("Glossary ·")
        term.keys("BSpace")  # back: the entry before the index, in the pane again
        term.wait_for("Glossary · The West")
        term.keys("BSpace")  # back to before the first jump: the pane closes
        term.wait_for_absence("Glossary ·")
        term.keys("x")
        term.wait_for("Glossary · index")
        term.keys("Escape")
        term.wait_for_absence("Glossary ·")
        term.keys("q")
        term.wait_until_gone()


def test_the_pane_opens_over_the_essay_on_a_narrow_terminal_without_colour(data_dir: Path) -> None:
    env = {"READER_DATA_DIR": str(data_dir), "NO_COLOR": "1"}
    with terminal(reader_command(), width=80, height=24, env=env) as term:
        term.wait_for("The loud cheers")
        term.keys("imossadeq", "Enter")
        screen = term.wait_for(SUMMARY)
        assert "▌ The loud" not in screen  # the essay is covered
        # Structure without colour: the entry's title is bold, the focused header reversed.
        styled = term.screen(escapes=True)
        assert re.search(BOLD + "Mohammad Mosaddegh", styled)
        assert re.search(REVERSED + r"▶ Glossary", styled)
        term.keys("Escape")
        term.wait_for("▌ The loud cheers")
        before = term.screen(escapes=True)
        assert not re.search(REVERSED + r"the West", before)
        term.keys("Tab")
        # The focus ring shows without colour, as reverse video, on the first mention.
        term.wait_for_pattern(REVERSED + r"the West", escapes=True)
        term.keys("Escape")
        term.wait_for_pattern(REVERSED + r"the West", escapes=True, present=False)
        term.keys("q")
        term.wait_until_gone()
