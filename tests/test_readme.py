"""README.md is the manual: its commands are the ones CI runs, its key table the app's."""

from __future__ import annotations

from pathlib import Path

from reader.app.keys import KEY_HELP

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _code_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_readme_opens_with_the_install_and_test_commands() -> None:
    first_block = README.split("```", 2)[1]
    commands = _code_lines(first_block.removeprefix("sh"))
    assert len(commands) == 2
    install, test = commands
    assert "pip install ." in install and install.endswith("reader")
    assert "'.[test]'" in test and "pytest" in test


def test_ci_runs_exactly_the_readme_test_command() -> None:
    test_command = _code_lines(README.split("```", 2)[1].removeprefix("sh"))[1]
    assert test_command in _code_lines((ROOT / ".ci" / "run").read_text(encoding="utf-8"))


def test_readme_documents_every_key() -> None:
    for _, rows in KEY_HELP:
        for keys, _ in rows:
            assert f"`{keys}`" in README, keys
