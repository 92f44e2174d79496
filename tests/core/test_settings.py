"""The settings file: a keymap and defaults in TOML, every problem one line with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.settings import (
    ENVIRONMENT_VARIABLE,
    load_settings,
    parse_settings,
    settings_path,
    unknown_bindings,
)

PATH = Path("/home/reader/.config/reader/config.toml")


def test_a_missing_file_is_no_settings(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "absent.toml")
    assert settings.keys == {} and settings.theme is None and settings.problems == ()


def test_keys_theme_and_width_are_read() -> None:
    text = 'theme = "nord"\ncolumn_width = 64\n\n[keys]\nbookmark = "M"\nsearch = "slash, ctrl+s"\n'
    settings = parse_settings(text, PATH)
    assert settings.problems == ()
    assert settings.theme == "nord"
    assert settings.column_width == 64
    assert settings.keys == {"bookmark": "M", "search": "slash,ctrl+s"}
    assert settings.key_lines == {"bookmark": 5, "search": 6}


def test_broken_toml_names_the_file_and_line() -> None:
    settings = parse_settings('theme = "nord"\n\n[keys\nbookmark = "M"\n', PATH)
    (problem,) = settings.problems
    assert problem.startswith(f"{PATH}:3: ")
    assert settings.keys == {}


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("colour = 3\n", 1, "unknown setting 'colour'"),
        ("\ncolumn_width = 7\n", 2, "column_width must be a whole number from 24 to 240"),
        ("column_width = true\n", 1, "column_width must be"),
        ("theme = 3\n", 1, "theme must be a string"),
        ('mentions = "some"\n', 1, "mentions must be one of all, first, none"),
        ('keys = "M"\n', 1, "keys must be a table"),
        ("[keys]\nbookmark = 3\n", 2, "bookmark needs keys as a string"),
        ('[keys]\n\nbookmark = "ctrl+ M"\n', 3, "is not a key name"),
    ],
)
def test_each_bad_value_is_one_line_naming_its_line(text: str, line: int, says: str) -> None:
    settings = parse_settings(text, PATH)
    (problem,) = settings.problems
    assert problem.startswith(f"{PATH}:{line}: ")
    assert says in problem


def test_what_is_good_still_applies_beside_what_is_bad() -> None:
    settings = parse_settings('theme = 3\ncolumn_width = 60\n[keys]\nbookmark = "M"\nsearch = 4\n', PATH)
    assert len(settings.problems) == 2
    assert settings.column_width == 60
    assert settings.keys == {"bookmark": "M"}


def test_unknown_binding_ids_are_found_once_the_ids_are_known() -> None:
    settings = parse_settings('[keys]\nbookmark = "M"\n\nbookmrak = "B"\n', PATH)
    assert settings.problems == ()
    (problem,) = unknown_bindings(settings, {"bookmark", "search"})
    assert problem.startswith(f"{PATH}:4: no action has the id 'bookmrak'")


def test_the_file_is_read_where_the_environment_says(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(tmp_path / "mine.toml"))
    assert settings_path() == tmp_path / "mine.toml"
    monkeypatch.delenv(ENVIRONMENT_VARIABLE)
    assert settings_path().name == "config.toml"


def test_a_huge_or_binary_file_is_refused_in_one_line(tmp_path: Path) -> None:
    huge = tmp_path / "huge.toml"
    huge.write_text("# " + "x" * 100_000, encoding="utf-8")
    (problem,) = load_settings(huge).problems
    assert "larger than" in problem
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b'theme = "nord"\n\xff\xfe\n')
    (problem,) = load_settings(binary).problems
    assert problem == f"{binary}:2: not UTF-8 text"
