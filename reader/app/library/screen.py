"""`L`: the library, every document read before, the most recently read first.

Each row shows a document's title and author, how far the reader got, when they
last read it, its bookmarks and the time left at their own speed; a file that
moved is found again by its text, and one that vanished is shown as missing.
`enter` opens a document (the reading screen asks the app, as for a link), `d`
forgets one.

The list is read from the store in a thread.  Keys typed before it is in (`L` then
`enter` in one burst) wait: the screen keeps the key gate's marker (see
`reader.app.key_gate`) until the list is shown, so the next key finds it.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.app.key_gate import KeyDone
from reader.app.library.forget import Forget, ForgetPrompt
from reader.app.option_list import SafeOptionList
from reader.core.bookmarks.labels import local_date
from reader.core.library import FileState, LibraryEntry, shown_path
from reader.core.reading_speed import Speed, duration_label
from reader.core.sanitize import one_line

HINT = "enter open · d forget · escape close"
EMPTY = "Nothing here yet: every document you open is kept in the library."
LOADING = "Loading the library…"
_STATES = {FileState.HERE: "", FileState.MOVED: " · moved: found again here", FileState.MISSING: " · missing"}


def entry_prompt(entry: LibraryEntry) -> Text:
    """Two lines: title and author; then progress, last read, bookmarks, time left, where."""
    record = entry.record
    prompt = Text(no_wrap=True, overflow="ellipsis", end="")
    prompt.append(one_line(record.title) or entry.path.name, "bold")
    if record.author:
        prompt.append(f" — {one_line(record.author)}")
    progress = "—" if entry.progress is None else f"{entry.progress}%"
    marks = f"{entry.bookmarks} bookmark{'' if entry.bookmarks == 1 else 's'}"
    where = one_line(shown_path(entry.path, Path.home()))
    prompt.append(
        f"\n  {progress:>4} read · {local_date(record.last_read)} · {marks} · "
        f"{duration_label(entry.minutes_left)} left{_STATES[entry.state]} · {where}",
        "bold" if entry.state is FileState.MISSING else "",
    )
    return prompt


def speed_label(speed: Speed) -> str:
    rate = f"{speed.characters_per_minute:,.0f} characters a minute"
    return f"time left at your speed, {rate}" if speed.measured else f"time left at a typical {rate}"


def _load(forget: tuple[str, Forget] | None) -> tuple[list[LibraryEntry], Speed, str | None]:
    """Worker thread: the library (after forgetting a document, if asked), and a problem to show
    (a database that cannot be read, a working folder that is gone: never a crash)."""
    from sqlite3 import Error as DatabaseError

    from reader.core.bookmarks import BookmarkStore
    from reader.core.bookmarks.shelf import read_library, working_folder
    from reader.core.reading_speed import reading_speed

    try:
        with BookmarkStore.open() as store:
            if forget is not None:
                store.forget(forget[0], bookmarks=forget[1] is Forget.WITH_BOOKMARKS)
            entries, speed = read_library(store, look_in=working_folder())
            return entries, speed, store.notice
    except (DatabaseError, OSError) as error:
        return [], reading_speed(0, 0), f"Could not read the library: {error}"


class LibraryScreen(ModalScreen[Path | None]):
    """The library; dismissed with the path of the document to open, or None."""

    HELP_SECTION = "Library"
    BINDINGS = [
        Binding("escape,q,L", "close", "close the library", id="library.close"),
        Binding("d,delete", "forget", "forget the document (asks about its bookmarks)", id="library.forget"),
        Binding("j", "cursor(1)", "next document", id="library.down", show=False),
        Binding("k", "cursor(-1)", "previous document", id="library.up", show=False),
    ]
    HELP_EXTRAS = [("enter", "open the document")]
    DEFAULT_CSS = """
    LibraryScreen { align: center middle; }
    LibraryScreen > Vertical {
        width: 110; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    LibraryScreen .list-title { text-style: bold; color: $accent; }
    LibraryScreen .list-hint, LibraryScreen .list-empty { color: $text-muted; }
    LibraryScreen .list-title, LibraryScreen .list-hint { text-wrap: nowrap; text-overflow: ellipsis; }
    LibraryScreen OptionList { max-height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    class Loaded(Message):
        def __init__(self, entries: list[LibraryEntry], speed: Speed, notice: str | None) -> None:
            super().__init__()
            self.entries = entries
            self.speed = speed
            self.notice = notice

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[LibraryEntry] | None = None
        """None while the list is read from the store."""
        self._held: list[KeyDone] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Library", classes="list-title", markup=False)
            yield Static(LOADING, classes="list-empty", markup=False)
            yield SafeOptionList(compact=True)
            yield Static(HINT, classes="list-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).display = False
        self._read(None)

    @work(thread=True, exclusive=True, group="library", name="read the library")
    def _read(self, forget: tuple[str, Forget] | None) -> None:
        self.post_message(self.Loaded(*_load(forget)))

    def on_key_done(self, marker: KeyDone) -> None:
        """The key before is handled; the next waits while the list is read (see the module)."""
        if self.entries is None and marker.screen_pass:
            marker.stop()
            self._held.append(marker)

    def on_library_screen_loaded(self, message: Loaded) -> None:
        if message.notice:
            self.notify(message.notice, title="Library", severity="warning", timeout=8)
        self._show(message.entries, message.speed)
        held, self._held = self._held, []
        for marker in held:
            self.app.post_message(KeyDone(marker.serial, screen_pass=True))

    def _show(self, entries: list[LibraryEntry], speed: Speed) -> None:
        self.entries = entries
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.set_options(Option(entry_prompt(entry), id=entry.sha256) for entry in entries)
        if entries:
            options.highlighted = min(highlighted or 0, len(entries) - 1)
        options.display = bool(entries)
        empty = self.query_one(".list-empty", Static)
        empty.update(EMPTY)
        empty.display = not entries
        count = f"{len(entries)} document{'' if len(entries) == 1 else 's'}"
        self.query_one(".list-title", Static).update(f"Library · {count} · {speed_label(speed)}")
        options.focus()

    def _current(self) -> LibraryEntry | None:
        index = self.query_one(OptionList).highlighted
        entries = self.entries or []
        return entries[index] if index is not None and index < len(entries) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self._current()
        if entry is None:
            return
        if entry.state is FileState.MISSING:
            self.notify(f"Not found: {entry.path} (it is found again once it is back)", severity="warning")
            return
        self.dismiss(entry.path)

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_forget(self) -> None:
        entry = self._current()
        if entry is None:
            return

        def answered(answer: Forget | None) -> None:
            if answer is not None:
                self.entries = None
                self._read((entry.sha256, answer))
                self.notify(f"Forgot {one_line(entry.record.title)}", timeout=3)

        self.app.push_screen(ForgetPrompt(entry.record.title, entry.bookmarks), answered)

    def action_close(self) -> None:
        self.dismiss(None)
