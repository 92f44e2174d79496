"""README.md is the manual: its commands are the ones CI runs, its key tables the app's own."""

from __future__ import annotations

from pathlib import Path

from reader.app.app import ReaderApp
from reader.app.help_screen import HelpScreen
from reader.app.key_help import help_sections, markdown_tables, reader_key_owners

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
KEYS_START = "<!-- keys: generated from the bindings by tests/test_readme.py; do not edit by hand -->"
KEYS_END = "<!-- end of keys -->"


def _code_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def key_tables() -> str:
    """The README's key tables, as the bindings declare them."""
    return markdown_tables(help_sections([*reader_key_owners(), HelpScreen, ReaderApp], {}))


def test_readme_opens_with_the_install_and_test_commands() -> None:
    first_block = README.split("```", 2)[1]
    commands = _code_lines(first_block.removeprefix("sh"))
    assert len(commands) == 2
    install, test = commands
    assert "pip install" in install and install.endswith("reader")
    assert "'.[test]'" in test and "pytest" in test


def test_ci_runs_exactly_the_readme_test_command() -> None:
    test_command = _code_lines(README.split("```", 2)[1].removeprefix("sh"))[1]
    assert test_command in _code_lines((ROOT / ".ci" / "run").read_text(encoding="utf-8"))


def test_readme_key_tables_are_the_bindings() -> None:
    """Regenerate with: python -c 'from tests.test_readme import key_tables; print(key_tables())'."""
    start = README.index(KEYS_START) + len(KEYS_START)
    end = README.index(KEYS_END)
    assert README[start:end].strip() == key_tables().strip()


def test_every_binding_has_an_id_and_a_description() -> None:
    for section in help_sections([*reader_key_owners(), HelpScreen, ReaderApp], {}):
        for row in section.rows:
            assert row.description, row
            assert row.keys, row
