"""The installed `reader` in a real terminal: it opens the essay, reads, quits."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

from tests.e2e.tmux import reader_command, terminal


def test_reader_opens_the_essay_with_typography(data_dir: Path) -> None:
    env = {"READER_DATA_DIR": str(data_dir)}
    with terminal(reader_command(), env=env) as term:
        screen = term.wait_for("The loud cheers")
        assert "---" not in screen
        assert "2026-01-20" in screen
        assert "‘weaken Russia’s partners" in screen
        term.keys("G")
        term.wait_for("friendship has clear limits")
        term.keys("5", "0", "%")  # less's keys: half way
        term.wait_for_pattern(r"\b(49|50|51)%")
        term.keys("q")
        term.wait_until_gone()


def test_reader_at_40x12_and_without_colour(data_dir: Path) -> None:
    env = {"READER_DATA_DIR": str(data_dir), "NO_COLOR": "1"}
    with terminal(reader_command(), width=40, height=12, env=env) as term:
        term.wait_for("The loud")
        # Without colour, structure still shows: the reading cursor beside the paragraph,
        # and it follows the reading (paging to the end puts it on the last paragraph).
        assert "▌ The loud cheers" in term.screen()
        term.keys("G")
        screen = term.wait_for("100%")
        assert "¶ 16/16" in screen
        # The status bar and the view draw apart: wait for the cursor to leave the first line.
        term.wait_for_pattern(r"▌ (?!The loud)")
        assert "▌ The loud" not in term.screen()
        term.keys("q")
        term.wait_until_gone()


def test_reader_reads_stdin_and_keys_from_the_terminal(data_dir: Path, tmp_path: Path) -> None:
    document = tmp_path / "piped.txt"
    document.write_text("Piped title\n\nA paragraph -- with a dash.\n\nAnother one.\n", encoding="utf-8")
    env = {"READER_DATA_DIR": str(data_dir)}
    with terminal(f"sh -c 'cat {document} | {reader_command()} -'", env=env) as term:
        screen = term.wait_for("A paragraph – with a dash.")
        assert "--" not in screen
        term.keys("q")
        term.wait_until_gone()


def _writer(fifo: Path, deadline: float = 15) -> int:
    """The FIFO's write end, once `reader` has opened it for reading (never a hang)."""
    end = time.monotonic() + deadline
    while True:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:
            if error.errno != errno.ENXIO or time.monotonic() > end:
                raise
            time.sleep(0.05)  # polling for the reader to start, not a wait for an effect
            continue
        os.set_blocking(fd, True)
        return fd


def test_stdin_shows_as_it_arrives_as_in_less(data_dir: Path, tmp_path: Path) -> None:
    """`slow-command | reader -`: what has arrived shows at once, the rest when it comes."""
    fifo = tmp_path / "input"
    os.mkfifo(fifo)
    env = {"READER_DATA_DIR": str(data_dir)}
    with terminal(f"sh -c '{reader_command()} - < {fifo}'", env=env) as term:
        writer = _writer(fifo)
        try:
            os.write(writer, b"First words arrive.\n\n")
            screen = term.wait_for("First words arrive.")
            assert "Later words" not in screen
            os.write(writer, b"Later words arrive.\n")
            term.wait_for("Later words arrive.")
        finally:
            os.close(writer)
        term.keys("q")
        term.wait_until_gone()
