"""Hostile text from a vault, a note and a file name, through the app: shown, never obeyed.

Whatever reaches the screen goes out through Textual's segments; a control character in
any of them would reach the terminal.  Each screen is exported (the same segments) and
searched for the characters a terminal acts on.
"""

from __future__ import annotations

from pathlib import Path

from reader.app.app import ReaderApp
from reader.core.bookmarks import BookmarkStore
from reader.core.loading import load_document, read_source
from tests.app.helpers import glossary_ready, press, reading, wait_until

ACTIVE = ("\x1b", "\x9b", "\x07", "\x00", "\u202e")
"""ESC, CSI (C1), BEL, NUL and a bidi override."""


def obeys_nothing(app: ReaderApp) -> bool:
    shot = app.export_screenshot()
    return not any(character in shot for character in ACTIVE)


async def test_a_hostile_vault_and_note_are_shown_inert(tmp_path: Path) -> None:
    vault = tmp_path / "essay.glossary"
    vault.mkdir()
    (vault / "Evil\x1b]0;PWNED\x07.md").write_text(
        "---\naliases: [Quarry]\nsummary: 'Sets the title \x1b]0;PWNED\x07 and clears \x1b[2J.'\n---\n"
        "A body with \x9b31m C1, \u202ereversed\u202c text and \x1b]52;c;aGVsbG8=\x07 a clipboard write.\n",
        encoding="utf-8",
    )
    document = tmp_path / "essay.txt"
    document.write_text("Essay\n\nThe Quarry is mentioned here, and nothing else is.\n", encoding="utf-8")
    with BookmarkStore.open() as store:  # a note written by another program, say
        essay = load_document(document)
        store.add(essay, 0, 5, "a note \x1b]0;PWNED\x07 that \x1b[2J clears")
    app = ReaderApp(read_source(document), vault=vault)
    async with app.run_test(size=(140, 40)):
        await glossary_ready(app)
        await press(app, "tab", "enter")
        pane = reading(app).pane
        assert pane is not None
        await wait_until(lambda: pane.view.title.startswith("Evil"), "the hostile entry")
        assert "␛]0;PWNED␇" in pane.view.title
        assert obeys_nothing(app)
        await press(app, "escape", "apostrophe")
        await wait_until(lambda: "that&#160;␛[2J&#160;clears" in app.export_screenshot(), "the note, shown")
        assert obeys_nothing(app)
        await press(app, "e")  # the note in the edit prompt
        await wait_until(lambda: "Note&#160;for" in app.export_screenshot(), "the prompt")
        assert obeys_nothing(app)
