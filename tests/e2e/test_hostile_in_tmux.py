"""A hostile document in a real terminal: its control sequences are shown, never obeyed.

The file tries to set the window title (OSC 0), write the clipboard (OSC 52), clear the
screen, leave the alternate screen and reorder text (a bidi override).  tmux tells what
reached it: the pane's title, whether the alternate screen is still on, what is shown.
"""

from __future__ import annotations

from pathlib import Path

from tests.e2e.tmux import reader_command, terminal

HOSTILE = (
    "Hostile\n\n"
    "Title \x1b]0;PWNED\x07, clipboard \x1b]52;c;aGVsbG8=\x1b\\, clear \x1b[2J, "
    "leave \x1b[?1049l, C1 \x9b31m, bidi \u202edesrever\u202c, bell \x07 and DEL \x7f end.\n"
)


def test_control_sequences_in_a_document_never_reach_the_terminal(data_dir: Path, tmp_path: Path) -> None:
    document = tmp_path / "hostile.txt"
    document.write_text(HOSTILE, encoding="utf-8")
    env = {"READER_DATA_DIR": str(data_dir)}
    with terminal(f"{reader_command()} {document}", width=100, height=20, env=env) as term:
        screen = term.wait_for("DEL")
        assert "␛]0;PWNED␇" in screen  # shown, as control pictures
        assert "␛[2J" in screen and "␛[?1049l" in screen
        assert "␡ end." in screen
        shown = term.tmux("display-message", "-p", "-t", term.name, "#{pane_title}|#{alternate_on}")
        title, alternate = shown.stdout.strip().split("|")
        assert "PWNED" not in title
        assert alternate == "1"  # still on the alternate screen
        term.keys("q")
        term.wait_until_gone()
