"""Hostile text through every command-line output path: nothing reaches the terminal raw.

A document, a glossary vault, a bookmark note and a file name all carry control
sequences that set the window title, write the clipboard (OSC 52), clear the
screen, leave the alternate screen, a C1 CSI, NUL, DEL, BEL and bidi overrides.
The raw bytes each command writes to stdout and stderr are checked.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.bookmarks import BookmarkStore
from reader.core.loading import load_document

ROOT = Path(__file__).resolve().parents[2]
TITLE = "\x1b]0;PWNED\x1b\\"
CLIPBOARD = "\x1b]52;c;cHduZWQ=\x1b\\"
CLEAR = "\x1b[2J"
LEAVE = "\x1b[?1049l"
C1_CSI = "\x9b31m"
BIDI = "\u202egnp.exe\u202c \u2066isolated\u2069"
PAYLOAD = f"{TITLE}{CLIPBOARD}{CLEAR}{LEAVE}{C1_CSI}\x07\x7f{BIDI}"
# In the bytes written: any C0 control but newline, DEL, C1 controls (UTF-8: C2 80 to C2 9F),
# and the bidi embeddings, overrides and isolates (E2 80 AA-AE, E2 81 A6-A9).
ACTIVE = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
# Rich's own sequences: colours, and OSC 8 hyperlinks for Markdown links.
STYLES = re.compile(rb"\x1b\[[0-9;]*m|\x1b\]8;[^\x00-\x1f]*\x1b\\")


def assert_inert(output: bytes, *, styled: bool = False) -> None:
    if styled:  # Rich's own styles are the only sequences allowed
        output = STYLES.sub(b"", output)
    found = ACTIVE.search(output)
    assert found is None, (
        f"{found.group()!r} at {found.start()}: {output[max(0, found.start() - 40) :][:80]!r}"
    )


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / f"book{TITLE}.txt"
    path.write_bytes(
        (
            f"Napoleon {PAYLOAD} crossed the Niemen.\n\n"
            + "Filler to pass the first 8 KiB, where a NUL would mean a binary file. " * 120
            + "\n\n"
            f"Kutuzov waited.\tHe {CLEAR} slept \x00 and Napoleon did not.\n\n"
            "Moscow burned.\n"
        ).encode()
    )
    return path


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    root.mkdir()
    (root / "Napoleon.md").write_bytes(
        (
            '---\naliases: ["Bonaparte\\e]0;PWNED\\a", "Boney\\x9b2J"]\ntags: [person]\n'
            'summary: "Emperor \\e]52;c;cHduZWQ=\\e\\\\ of the French \\u202eevil"\n---\n'
            f"Body {PAYLOAD} with a link to [[Kutuzov]] and [[Missing{CLEAR}]].\n"
        ).encode()
    )
    (root / "Kutuzov.md").write_bytes(f"---\ntags: [person]\n---\nThe general {LEAVE} who waited.\n".encode())
    (root / f"Moscow{CLEAR}.md").write_bytes(b"---\ntags: [place]\n---\nA city.\n")
    return root


def reader(*arguments: str) -> subprocess.CompletedProcess[bytes]:
    environment = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    return subprocess.run(
        [sys.executable, "-m", "reader", *arguments],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=environment,
        timeout=60,
        check=False,
    )


def test_search_and_glossary_output_is_inert(document: Path, vault: Path) -> None:
    runs = {
        "search": reader("search", "Napoleon", str(document), "--glossary", str(vault)),
        "search payload": reader("search", "PWNED", str(document), "--glossary", str(vault)),
        "search regex": reader("search", "N.+on", str(document), "--regex", "--glossary", str(vault)),
        "search entries": reader("search", "Emperor", str(document), "--glossary", str(vault)),
        "list": reader("glossary", "list", str(document), "--glossary", str(vault)),
        "show": reader("glossary", "show", "Napoleon", str(document), "--glossary", str(vault)),
        "show alias": reader("glossary", "show", "Bonaparte", str(document), "--glossary", str(vault)),
        "mentions": reader("glossary", "mentions", str(document), "--glossary", str(vault)),
        "check": reader("glossary", "check", str(document), "--glossary", str(vault)),
        "suggest": reader("glossary", "suggest", str(document), "--glossary", str(vault)),
    }
    for name, result in runs.items():
        assert b"Traceback" not in result.stderr, (name, result.stderr)
        assert_inert(result.stdout)
        assert_inert(result.stderr)
    assert runs["search"].returncode == 0 and b"Napoleon" in runs["search"].stdout
    assert "␛]0;PWNED␛\\".encode() in runs["search payload"].stdout
    assert runs["show"].returncode == 0 and "␛]52;c;cHduZWQ=".encode() in runs["show"].stdout
    assert runs["list"].returncode == 0 and b"Kutuzov" in runs["list"].stdout


def test_json_output_is_inert_and_keeps_the_data(document: Path, vault: Path) -> None:
    shown = reader("glossary", "show", "Napoleon", str(document), "--glossary", str(vault), "--json")
    assert shown.returncode == 0, shown.stderr
    assert_inert(shown.stdout)
    entry = json.loads(shown.stdout)
    assert "]52;c;cHduZWQ=" in entry["summary"]  # the data, escaped in the bytes
    for arguments in (
        ("search", "Napoleon", str(document), "--glossary", str(vault), "--json"),
        ("glossary", "list", str(document), "--glossary", str(vault), "--json"),
        ("glossary", "mentions", str(document), "--glossary", str(vault), "--json"),
        ("glossary", "check", str(document), "--glossary", str(vault), "--json"),
    ):
        result = reader(*arguments)
        assert_inert(result.stdout)
        assert_inert(result.stderr)
        json.loads(result.stdout)


def test_bookmark_output_is_inert(document: Path) -> None:
    added = reader("bookmarks", "add", str(document), "--quote", "Kutuzov waited.", "--note", PAYLOAD)
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith(b"Bookmarked #1 in ")
    # A note can hold what a command line cannot: NUL, written through the store.
    with BookmarkStore.open() as store:
        store.add(load_document(document), 0, 8, f"nul\x00{PAYLOAD}")
    runs = [
        added,
        reader("bookmarks", "list"),
        reader("bookmarks", "list", str(document)),
        reader("bookmarks", "export", "--format", "md"),
        reader("bookmarks", "export", str(document), "--format", "md"),
        reader("bookmarks", "remove", "2"),
    ]
    for result in runs:
        assert result.returncode == 0, result.stderr
        assert_inert(result.stdout)
        assert_inert(result.stderr)
    assert "Note: ␛]0;PWNED␛\\".encode() in runs[1].stdout
    assert "nul␀␛]0;PWNED".encode() in runs[3].stdout
    listed = reader("bookmarks", "list", "--json")
    exported = reader("bookmarks", "export", "--format", "json")
    assert_inert(listed.stdout)
    assert_inert(exported.stdout)
    assert [bookmark["note"] for bookmark in json.loads(listed.stdout)] == [PAYLOAD]
    items = json.loads(exported.stdout)["first"]["items"]
    assert [item["body"]["value"] for item in items] == [PAYLOAD]


def test_json_keeps_the_note_exactly(document: Path) -> None:
    assert reader("bookmarks", "add", str(document), "--block", "1", "--note", PAYLOAD).returncode == 0
    listed = reader("bookmarks", "list", "--json")
    assert_inert(listed.stdout)
    (bookmark,) = json.loads(listed.stdout)
    assert bookmark["note"] == PAYLOAD


def test_error_lines_with_file_names_are_inert(tmp_path: Path, vault: Path) -> None:
    missing = tmp_path / f"missing{TITLE}{C1_CSI}\n.txt"
    runs = [
        reader("search", "x", str(missing)),
        reader(str(missing)),
        reader("glossary", "list", str(missing), "--glossary", str(vault)),
        reader("glossary", "show", f"No{TITLE}such", "--glossary", str(vault)),
        reader("bookmarks", "add", str(missing), "--block", "0"),
    ]
    for result in runs:
        assert result.returncode != 0
        assert result.stdout == b""
        assert_inert(result.stderr)
        assert result.stderr.count(b"\n") == 1, result.stderr
        assert b"Traceback" not in result.stderr


def test_argument_errors_echo_what_was_given_inert(tmp_path: Path) -> None:
    runs = [
        reader("one.txt", f"two{TITLE}.txt"),  # argparse: "unrecognized arguments: …"
        reader("search", "x", "--context", f"ten{CLEAR}"),
        reader("bookmarks", "list", "extra", f"more{C1_CSI}"),
        reader("glossary", f"nope{LEAVE}"),
    ]
    for result in runs:
        assert result.returncode == 2 and result.stdout == b""
        assert b"error:" in result.stderr
        assert_inert(result.stderr)
    assert "two␛]0;PWNED␛\\.txt".encode() in runs[0].stderr


def test_the_decoding_notice_is_printed_inert(tmp_path: Path) -> None:
    path = tmp_path / f"latin{CLEAR}.txt"
    path.write_bytes(b"Caf\xe9 au lait.\n")
    result = reader("search", "au", str(path))
    assert result.returncode == 0
    assert_inert(result.stderr)
    assert result.stderr.decode() == (
        f"reader: {tmp_path}/latin␛[2J.txt is not valid UTF-8 (byte 0xE9 at byte 3, line 1); "
        "shown decoded as Windows-1252\n"
    )


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "arguments",
    [
        ["search", "Napoleon"],
        ["search", "Emperor"],
        ["glossary", "show", "Napoleon"],
    ],
)
def test_styled_output_on_a_terminal_has_only_colours(
    document: Path, vault: Path, monkeypatch: pytest.MonkeyPatch, arguments: list[str]
) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main([*arguments, str(document), "--glossary", str(vault)]) == 0
    written = terminal.getvalue().encode()
    assert STYLES.search(written) is not None  # styled indeed
    assert_inert(written, styled=True)
