"""The reader app: one reading screen over one document, and what every screen shares —
quitting, the help, the command palette, the settings file, and the key gate.

Keys go through a `KeyGate` (see `key_gate`): each is routed once the key before
it has been handled, so a burst such as `imoss` (or keys typed before the first
paint) reaches what the reader meant, in order.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen

from reader.app.key_gate import KeyDone, KeyGate
from reader.app.reading.document_view import DEFAULT_MEASURE
from reader.app.reading.screen import ReadingScreen
from reader.core.arriving import ArrivingInput
from reader.core.document import Document
from reader.core.loading import SourceText, parse_source
from reader.core.marks import Marks
from reader.core.sanitize import one_line
from reader.core.settings import Settings


def _glossary_entries_provider() -> type:
    """The palette's glossary entries, imported only when the palette opens."""
    from reader.app.glossary.commands import GlossaryEntries

    return GlossaryEntries


def _chapters_provider() -> type:
    """The palette's chapters, imported only when the palette opens."""
    from reader.app.reading.chapter_commands import Chapters

    return Chapters


class ReaderApp(App[int]):
    """Read one document."""

    TITLE = "reader"
    HELP_SECTION = "App"
    BINDINGS = [
        Binding("q", "quit", "quit", id="quit"),
        Binding("question_mark,f1", "help", "every key (this help)", id="help"),
    ]
    HELP_EXTRAS = [("ctrl+p", "command palette: every action, chapters, glossary entries, themes")]
    COMMANDS = App.COMMANDS | {_glossary_entries_provider, _chapters_provider}

    def __init__(
        self,
        source: SourceText | ArrivingInput,
        *,
        vault: Path | None = None,
        settings: Settings | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self._vault = vault
        self._clock = clock
        self.key_gate = KeyGate(self)
        self._rest: SourceText | ArrivingInput | None = None
        if isinstance(source, ArrivingInput):
            # Standard input: its first lines now, the rest as it arrives.
            self._document = source.document()
            self._rest = None if self._document.complete else source
        else:
            # A large file's first screen comes from its head; the rest loads behind it, from
            # the file read again in pieces, so the whole text is not held twice.
            self._document = parse_source(source, head=source.head_chars)
            if not self._document.complete:
                self._rest = source if source.source is None else source._replace(text="")
        if self.settings.keys:
            self.set_keymap(self.settings.keys)

    def get_default_screen(self) -> Screen[None]:
        return self._reading_screen(self._document, self._rest, self._vault)

    def _reading_screen(
        self, document: Document, rest: SourceText | ArrivingInput | None, vault: Path | None
    ) -> ReadingScreen:
        return ReadingScreen(
            document,
            rest=rest,
            vault=vault,
            measure=self.settings.column_width or DEFAULT_MEASURE,
            clock=self._clock,
            marks=Marks(self.settings.mentions or Marks.FIRST),
            hide_spoilers=self.settings.spoilers == "hide",
        )

    def on_reading_screen_open_document(self, message: ReadingScreen.OpenDocument) -> None:
        """A link to another document: read it on a screen of its own over this one (`back`
        from its first place comes back here, where the reader was)."""
        from reader.core.loading import DocumentError, read_source
        from reader.core.resources import find_vault

        try:
            source = read_source(message.path)
            vault = find_vault(message.path, None)
        except (DocumentError, OSError) as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        document = parse_source(source, head=source.head_chars)
        rest = None if document.complete else source._replace(text="")
        screen = self._reading_screen(document, rest, vault)
        self.push_screen(screen)
        if message.fragment:
            screen.go_to_heading_when_ready(message.fragment)

    def on_mount(self) -> None:
        theme = self.settings.theme
        if theme is not None:
            if theme in self.available_themes:
                self.theme = theme
            else:
                self.notify(f"{self.settings.path}: no theme named {theme!r}", severity="warning", timeout=8)
        for problem in self.settings.problems:
            self.notify(problem, severity="warning", timeout=10)
        if self.settings.keys:
            self.call_after_refresh(self._check_keymap)

    def _check_keymap(self) -> None:
        """Report `[keys]` entries that name no action (after the first paint: finding every
        binding id means importing every widget)."""
        from reader.app.key_help import binding_ids
        from reader.core.settings import unknown_bindings

        for problem in unknown_bindings(self.settings, binding_ids(self._key_owners())):
            self.notify(problem, severity="warning", timeout=10)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice, from any widget, comes here: its text often holds a file name, a
        vault's words or a search query, so it is made inert and never read as markup (a
        `[` in a file name would otherwise be a markup error, a crash)."""
        super().notify(
            one_line(message), title=one_line(title), severity=severity, timeout=timeout, markup=False
        )

    # -- keys --------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and event.key == "ctrl+j" and not event.is_forwarded:
            # Enter typed before the app took the terminal went through the line discipline,
            # which turns it into a newline (ICRNL): it is still the reader's Enter.
            event = events.Key("enter", "\r")
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if self.key_gate.hold(event):
                return
            target = self.focused or self.screen
            await super().on_event(event)
            # Forwarded to `target`, or handled at once by a priority binding.
            self.key_gate.sent(target if event.is_forwarded else self.screen)
            return
        await super().on_event(event)

    def on_key_done(self, message: KeyDone) -> None:
        message.stop()
        self.key_gate.marker_back(message)

    def on_reading_screen_ready(self, message: ReadingScreen.Ready) -> None:
        self.key_gate.open()

    # -- help and the palette ------------------------------------------------------------

    def _key_owners(self) -> list[type[object]]:
        from reader.app.help_screen import HelpScreen
        from reader.app.key_help import reader_key_owners

        return [*reader_key_owners(), HelpScreen, type(self)]

    def action_command_palette(self) -> None:
        """ctrl+p: the command palette (Textual's, with paging made safe: see `palette`)."""
        from reader.app.palette import ReaderCommandPalette

        if self.use_command_palette and not any(
            isinstance(screen, CommandPalette) for screen in self.screen_stack
        ):
            self.push_screen(ReaderCommandPalette(id="--command-palette"))

    def search_themes(self) -> None:
        """The palette's "Change theme": the same safe palette, listing themes."""
        from textual.theme import ThemeProvider

        from reader.app.palette import ReaderCommandPalette

        self.push_screen(ReaderCommandPalette(providers=[ThemeProvider], placeholder="Search for themes…"))

    def action_help(self) -> None:
        from reader.app.help_screen import HelpScreen
        from reader.app.key_help import help_sections

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_sections(self._key_owners(), self._keymap)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help: keys", "Every key (?)", self.action_help)
        if isinstance(screen, ReadingScreen):
            yield from screen.system_commands()
