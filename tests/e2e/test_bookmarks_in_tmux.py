"""The installed `reader` in tmux: a bookmark with a note outlives the session, and so does
the reading position; a note typed in the same burst as `m` is kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.e2e.tmux import reader_command, terminal


def listed(env: dict[str, str]) -> list[dict[str, Any]]:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "bookmarks", "list", "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=True,
    )
    bookmarks: list[dict[str, Any]] = json.loads(result.stdout)
    return bookmarks


def test_a_bookmark_made_in_the_app_is_listed_by_the_cli(data_dir: Path) -> None:
    env = {"READER_DATA_DIR": str(data_dir)}
    with terminal(reader_command(), width=100, height=30, env=env) as term:
        term.wait_for("The loud cheers")
        term.keys("}", "}", "m")
        term.wait_for("Bookmark ¶ 3")
        term.keys("-l", "Trotsky's export of revolution")
        term.keys("Enter")
        term.wait_for("Bookmarked ¶ 3")
        term.wait_for("◆▌ That policy was famously pursued")  # the mark, drawn by the view
        term.keys("'")
        screen = term.wait_for("✎ Trotsky's export of revolution")
        assert "¶ 3" in screen
        term.keys("Escape")
        term.wait_for_absence("✎ Trotsky's export of revolution")
        term.keys("q")
        term.wait_until_gone()
    (bookmark,) = listed(env)
    assert bookmark["note"] == "Trotsky's export of revolution"
    assert bookmark["block"] == 2
    assert bookmark["exact"].startswith("That policy was famously pursued by Soviet Russia")


def test_m_and_a_note_in_one_burst_keep_the_note(data_dir: Path) -> None:
    env = {"READER_DATA_DIR": str(data_dir)}
    with terminal(reader_command(), width=100, height=30, env=env) as term:
        term.keys("mhello", "Enter")  # sent at once, as the app starts
        term.wait_for("Bookmarked ¶ 1")
        term.keys("q")
        term.wait_until_gone()
    (bookmark,) = listed(env)
    assert (bookmark["note"], bookmark["block"]) == ("hello", 0)


def test_the_app_resumes_where_the_reader_left(data_dir: Path) -> None:
    env = {"READER_DATA_DIR": str(data_dir)}
    with terminal(reader_command(), width=100, height=30, env=env) as term:
        term.wait_for("The loud cheers")
        term.keys("Space", "Space")
        term.wait_for_pattern(r"\b[1-9]\d*%  ¶ ")
        term.keys("q")
        term.wait_until_gone()
    with terminal(reader_command(), width=100, height=30, env=env) as term:
        screen = term.wait_for("Resumed at ¶ ")
        assert "The loud cheers in parts of the West over upheavals in countries" not in screen
        term.keys("q")
        term.wait_until_gone()
