"""`reader serve` before any browser: the missing extra, bad input, the address warning."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.main import main


def test_without_textual_serve_one_line_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    monkeypatch.delitem(sys.modules, "reader.cli.web_server", raising=False)
    assert main(["serve", "--port", "0"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "pip install 'reader[serve]'" in error


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["serve", "{tmp}/missing.txt"], "missing.txt: no such file"),
        (["serve", "-"], "not standard input"),
        (["serve", "--port", "70000"], "not a port"),
        (["serve", "--glossary", "{tmp}/nowhere"], "not a directory"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    assert main([argument.format(tmp=tmp_path) for argument in arguments]) == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1


def test_another_address_is_warned_about_and_port_0_prints_the_url() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "serve", "--host", "0.0.0.0", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stderr is not None
        url = process.stdout.readline()
        warning = process.stderr.readline()
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)
    assert re.match(r"reader serve: http://0\.0\.0\.0:[1-9]\d*/ ", url)
    assert warning.startswith("reader: listening on 0.0.0.0: anyone who can reach this address")
    assert process.returncode == 0


def test_only_its_own_address_and_pages_are_answered() -> None:
    """No DNS rebinding (a foreign `Host`) and no tab driven from another site (`Origin`)."""
    import http.client

    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "serve", "--port", "0"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        found = re.search(r"127\.0\.0\.1:(\d+)", process.stdout.readline())
        assert found
        port = int(found.group(1))

        def status(path: str, headers: dict[str, str]) -> int:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
            connection.request("GET", path, headers=headers)
            code = connection.getresponse().status
            connection.close()
            return code

        own = f"127.0.0.1:{port}"
        assert status("/", {"Host": own}) == 200
        assert status("/", {"Host": f"localhost:{port}"}) == 200
        assert status("/", {"Host": f"attacker.example:{port}"}) == 421
        upgrade = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13"}
        upgrade["Sec-WebSocket-Key"] = "dGhlIHNhbXBsZSBub25jZQ=="
        assert status("/ws", {"Host": own, "Origin": "http://attacker.example", **upgrade}) == 403
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)
