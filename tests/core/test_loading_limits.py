"""Hostile and odd input: documents are inert, bounded, and decoded as what they are."""

from __future__ import annotations

import io
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core import loading
from reader.core.document import Document
from reader.core.loading import DocumentError, load_document, parse_file, parse_source, read_source

ROOT = Path(__file__).resolve().parents[2]
# Every character a terminal acts on, but the newline.
ACTIVE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
HOSTILE = (
    "Title \x1b]0;PWNED\x1b\\ here.\n\n"
    "A paragraph \x1b]52;c;cHduZWQ=\x1b\\ that writes the clipboard, \x1b[2J clears, "
    "\x1b[?1049l leaves the screen, \x9b31m is a C1 CSI, \u202eevil\u202c is reversed.\n\n"
    "    verse\twith a tab\n    and\x07 a bell\n"
)


def _inert(document: Document) -> None:
    assert ACTIVE.search(document.text) is None, repr(ACTIVE.search(document.text))
    assert ACTIVE.search(document.title) is None and "\n" not in document.title
    for block in document.blocks:
        for span in block.spans:
            assert ACTIVE.search(span.href) is None


@pytest.mark.parametrize("name", ["hostile.txt", "hostile.md"])
def test_a_hostile_document_is_inert_wherever_it_is_shown(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(HOSTILE, encoding="utf-8")
    document = load_document(path)
    _inert(document)
    assert "␛]52;c;cHduZWQ=␛\\" in document.text
    assert "\ufffdevil\ufffd" in document.text


def test_the_text_read_in_pieces_is_as_inert(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE * 2000, encoding="utf-8")
    whole = parse_source(read_source(path))
    pieces = parse_file(path, "utf-8-sig")
    _inert(pieces)
    assert (pieces.text, pieces.blocks, pieces.title) == (whole.text, whole.blocks, whole.title)


def test_markdown_link_targets_title_and_date_from_yaml_escapes_are_inert(tmp_path: Path) -> None:
    path = tmp_path / "escapes.md"
    path.write_text(
        '---\ntitle: "Pwned \\e]0;title\\a now"\ndate: "\\e[2J2024"\n---\n'
        "See [this](http://x/\x1b[2J) and `code\twith tab`.\n\n```\n\tindented\x1b[0m\n```\n",
        encoding="utf-8",
    )
    document = load_document(path)
    _inert(document)
    assert document.title == "Pwned ␛]0;title␇ now"
    assert document.date == "␛[2J2024"
    assert "        indented␛[0m" in document.text


def test_nul_bytes_after_the_first_8_kib_are_shown_not_sent(tmp_path: Path) -> None:
    path = tmp_path / "late-nul.txt"
    path.write_bytes(b"word " * 2000 + b"\n\nafter\x00the\x00first piece\n")
    document = load_document(path)
    _inert(document)
    assert "after␀the␀first piece" in document.text


def test_a_tab_in_prose_is_a_space_and_in_verse_is_expanded(tmp_path: Path) -> None:
    path = tmp_path / "tabs.txt"
    path.write_text("Prose\twith a tab.\n\n    one\ttab\n    two\n", encoding="utf-8")
    document = load_document(path)
    assert document.block_text(0) == "Prose with a tab."
    assert document.block_text(1) == "one     tab\ntwo"


# --- bounds ---------------------------------------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_after_its_first_piece(device: str) -> None:
    with pytest.raises(DocumentError, match=rf"^{device}: looks like a binary file, not text$"):
        load_document(device)


class EndlessText(io.RawIOBase):
    """A pipe that never ends, counting what is read from it."""

    def __init__(self, line: bytes = b"all work and no play\n") -> None:
        self.line = line
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        size = len(buffer)
        chunk = (self.line * (size // len(self.line) + 1))[:size]
        buffer[:size] = chunk
        self.given += size
        return size


def test_an_endless_pipe_is_refused_at_the_limit_in_bounded_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_DOCUMENT_BYTES", 3 * (1 << 20))
    stream = EndlessText()
    with pytest.raises(DocumentError, match=r"^<stdin>: too large \(more than 3 MiB; reader opens at most"):
        read_source("-", stdin=io.BufferedReader(stream))
    assert stream.given <= 4 * (1 << 20) + io.DEFAULT_BUFFER_SIZE


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "MAX_DOCUMENT_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300)
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert str(caught.value) == f"{path}: too large (1500 bytes; reader opens at most 1000 bytes)"


def test_the_limit_is_generous() -> None:
    assert loading.MAX_DOCUMENT_BYTES >= 512 * (1 << 20)


def test_zeros_after_text_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "sparse.txt"
    path.write_bytes(b"A text that goes on.\n" * 60_000 + b"\0" * (1 << 20))
    with pytest.raises(DocumentError, match="looks like a binary file, not text"):
        load_document(path)


def test_the_cli_refuses_dev_zero_at_once_in_bounded_memory() -> None:
    """`reader search x /dev/zero` reached 4.25 GB in 12 s; `reader - < /dev/zero` likewise."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.monotonic()\n"
        "with open('/dev/zero', 'rb') as zero:\n"
        "    result = subprocess.run(sys.argv[1:], stdin=zero, capture_output=True, timeout=60)\n"
        "print(result.returncode, round(time.monotonic() - start, 3),"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.stdout.write(result.stdout.decode() + result.stderr.decode())\n"
    )
    reader = [sys.executable, "-m", "reader"]
    for arguments in (["search", "x", "/dev/zero"], ["search", "x", "-"], ["-"]):
        result = subprocess.run(
            [sys.executable, "-c", probe, *reader, *arguments],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        figures, *output = result.stdout.splitlines()
        code, seconds, peak_kib = figures.split()
        assert code == "2"
        name = "<stdin>" if arguments[-1] == "-" else "/dev/zero"
        assert output == [f"reader: {name}: looks like a binary file, not text"]
        assert float(seconds) < 60  # a hang guard only: the figures are the benchmarks'
        assert int(peak_kib) < 150_000


def test_ctrl_c_while_reading_stdin_exits_130_promptly() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "search", "x", "-"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # A test runner's worker may ignore SIGINT, and an ignored SIGINT is inherited (and
        # then never becomes KeyboardInterrupt): give the child the default, as a shell does.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stdin is not None
    # Once 4 MiB have gone into the pipe, whose buffer holds 64 KiB, reader is reading.
    process.stdin.write(b"more and more text\n" * ((4 << 20) // 19))
    process.stdin.flush()
    interrupted = time.monotonic()
    process.send_signal(signal.SIGINT)
    _, errors = process.communicate(timeout=30)
    assert process.returncode == 130, errors
    assert time.monotonic() - interrupted < 30  # a hang guard only
    assert b"Traceback" not in errors


# --- decoding -------------------------------------------------------------------------------


def test_utf8_with_a_few_bad_bytes_stays_utf8(tmp_path: Path) -> None:
    path = tmp_path / "mostly.txt"
    path.write_bytes("Café au lait.\n\nNaïve ".encode() + b"\xff" + " and ‘quoted’ text.\n".encode())
    document = load_document(path)
    assert document.text == "Café au lait.\n\nNaïve \ufffd and ‘quoted’ text."
    assert document.notice == (
        f"{path} is not valid UTF-8: 1 bad byte sequence shown as \ufffd, the first (0xFF) at byte 23, line 3"
    )


def test_utf8_with_bad_bytes_reads_the_same_in_pieces(tmp_path: Path) -> None:
    path = tmp_path / "mostly.txt"
    path.write_bytes(("Café au lait, naïve, “quoted”.\n\n".encode() + b"bad \xff byte.\n\n") * 20_000)
    source = read_source(path)
    assert source.notice is not None and "20000 bad byte sequences" in source.notice
    whole = parse_source(source)
    pieces = parse_file(path, source.codec, notice=source.notice)
    assert (pieces.text, pieces.blocks, pieces.notice) == (whole.text, whole.blocks, whole.notice)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_decode(tmp_path: Path, codec: str) -> None:
    path = tmp_path / f"{codec}.txt"
    text = "Café in UTF, “quoted”.\r\n\r\nA second paragraph."
    data = text.encode(codec)
    if not codec.endswith("-be"):
        assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    else:
        data = ("\ufeff" + text).encode(codec)
    path.write_bytes(data)
    document = load_document(path)
    assert document.text == "Café in UTF, “quoted”.\n\nA second paragraph."
    assert document.notice is None


def test_a_latin1_notice_names_the_byte_in_hex(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(b"First line.\n\nCaf\xe9 au lait.\n")
    document = load_document(path)
    assert document.notice == (
        f"{path} is not valid UTF-8 (byte 0xE9 at byte 16, line 3); shown decoded as Windows-1252"
    )


def test_a_file_name_with_controls_is_shown_inert_in_errors(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b]0;x\x07.txt"
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert str(caught.value) == f"{tmp_path}/evil␛]0;x␇.txt: no such file"


# --- front matter ---------------------------------------------------------------------------


def test_front_matter_aliases_are_refused_with_a_notice(tmp_path: Path) -> None:
    bomb = "".join(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 10))
    path = tmp_path / "bomb.md"
    path.write_text(f"---\nl0: &l0 [lol]\n{bomb}title: Boom\n---\n# Heading\n\nText.\n", encoding="utf-8")
    started = time.monotonic()
    document = load_document(path)
    assert time.monotonic() - started < 30  # a hang guard: the bomb ran for minutes
    assert document.title == "Heading"
    assert document.notice == f"{path}: front matter ignored (YAML anchors and aliases are not allowed)"


def test_python_tags_in_front_matter_are_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "tagged.md"
    path.write_text(
        f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\n# Heading\n',
        encoding="utf-8",
    )
    document = load_document(path)
    assert document.title == "Heading"
    assert not marker.exists()


def test_oversized_front_matter_is_ignored_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "large.md"
    path.write_text("---\ntitle: Big\nfiller: " + "x" * 70_000 + "\n---\n# Heading\n", encoding="utf-8")
    document = load_document(path)
    assert document.title == "Heading"
    assert document.notice == f"{path}: front matter ignored (larger than 64 KiB)"


def test_a_decoding_notice_and_a_front_matter_notice_both_survive(tmp_path: Path) -> None:
    path = tmp_path / "both.md"
    path.write_bytes(b"---\na: &x 1\nb: *x\n---\n# Caf\xe9\n")
    notice = load_document(path).notice
    assert notice is not None
    assert "shown decoded as Windows-1252" in notice and "front matter ignored" in notice
