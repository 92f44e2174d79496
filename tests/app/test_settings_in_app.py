"""The settings file in the app: a key rebound by its id, the defaults, and bad lines told."""

from __future__ import annotations

from pathlib import Path

from reader.app.bookmarks.prompt import NotePrompt
from reader.app.help_screen import HelpScreen
from reader.core.settings import load_settings, parse_settings
from tests.app.helpers import essay_app, press, ready, still, wait_until

PATH = Path("/home/reader/.config/reader/config.toml")


async def test_a_key_rebound_by_id_replaces_the_default() -> None:
    settings = parse_settings('[keys]\nbookmark = "M"\nline-down = "j,ctrl+n"\n', PATH)
    app = essay_app(settings=settings)
    async with app.run_test(size=(100, 30)):
        view = (await ready(app)).view
        await press(app, "m")
        assert app.screen is not None and not isinstance(app.screen, NotePrompt)  # m no longer bookmarks
        await press(app, "M")
        assert isinstance(app.screen, NotePrompt)
        await press(app, "escape", "ctrl+n", "ctrl+n")
        assert view.scroll_y == 2
        await press(app, "question_mark")  # the help shows the keys as rebound
        assert isinstance(app.screen, HelpScreen)
        await still(app)
        shot = app.export_screenshot()
        assert "j&#160;/&#160;ctrl+n" in shot


async def test_the_theme_and_column_width_defaults_apply() -> None:
    settings = parse_settings('theme = "textual-light"\ncolumn_width = 60\nmentions = "none"\n', PATH)
    app = essay_app(settings=settings)
    async with app.run_test(size=(140, 30)):
        view = (await ready(app)).view
        assert app.theme == "textual-light"
        assert view.column_width == 60
        assert view.marks == "none"
        await press(app, "plus", "equals_sign")  # `=` goes back to the settings' width
        assert view.column_width == 60


async def test_problems_in_the_file_are_notices_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "no-such-theme"\ncolumn_width = 9\n\n[keys]\nbookmrak = "M"\n', encoding="utf-8")
    app = essay_app(settings=load_settings(path))
    async with app.run_test(size=(140, 30)):
        await ready(app)

        def told() -> list[str]:
            return [notification.message for notification in app._notifications]

        expected = (
            f"{path}:2: column_width must be",
            f"{path}:5: no action has the id 'bookmrak'",
            f"{path}: no theme named 'no-such-theme'",
        )
        # Other notices (no glossary) come in their own time: wait for these three by content.
        await wait_until(lambda: all(part in " | ".join(told()) for part in expected), "the three notices")
        assert app.theme != "no-such-theme"
