"""The installed `reader` in a real terminal: `/` highlights as you type, n/N, the results list."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.tmux import reader_command, terminal

REVERSED = r"\x1b\[(?:\d+;)*7m(?:\x1b\[[\d;]*m)*"
"""The escape sequences that begin reverse video (a search hit), then any colour ones."""


def test_slash_searches_the_essay_and_n_steps_through_the_hits(data_dir: Path) -> None:
    env = {"READER_DATA_DIR": str(data_dir)}
    with terminal(reader_command(), env=env) as term:
        term.wait_for("The loud cheers")
        term.keys("/")
        term.wait_for("^r regex")
        term.keys("-l", "Russia")
        # "1/15" shows while the word is half typed ("Russ" matches as often): wait for it whole.
        term.wait_for_pattern(r"(?m)^/ Russia +1/15")
        # The count and the highlights are drawn by different widgets: wait for both.
        term.wait_for_pattern(REVERSED + "Russia", escapes=True)
        term.keys("Enter")
        term.wait_for("/Russia 1/15")
        term.keys("n")
        term.wait_for("/Russia 2/15")
        term.keys("N", "N")
        term.wait_for("/Russia 15/15")
        term.wait_for("search wrapped")
        term.keys("&")
        term.wait_for("15 matches")  # the list opens on the current hit, the last
        term.keys("Up", "Enter")
        term.wait_for("/Russia 14/15")
        term.keys("q")
        term.wait_until_gone()


def test_a_bad_pattern_at_40x12_without_colour(data_dir: Path) -> None:
    env = {"READER_DATA_DIR": str(data_dir), "NO_COLOR": "1"}
    with terminal(reader_command(), width=40, height=12, env=env) as term:
        term.wait_for("The loud")
        term.keys("/")
        term.wait_for("^w word")
        term.keys("C-r")
        term.keys("-l", "(Iran")
        term.wait_for("bad pattern")
        term.keys("-l", ")")
        term.wait_for("1/15")
        # Without colour the hits still show, in reverse video.
        term.wait_for_pattern(REVERSED + "Iran", escapes=True)
        term.keys("Escape")
        term.wait_for_absence("(Iran)")  # escape and q at once would read as alt+q
        term.keys("q")
        term.wait_until_gone()
