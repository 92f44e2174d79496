"""Keys (and pastes) are handled one at a time, in order, each by whatever has focus once the key
before it is done: as `less` keeps type-ahead, the reader keeps every key typed.

Textual routes a key as soon as the app reads it: to the widget focused *then*.
A key that opens an input (`/`, `i`, `m`) only runs its action after the key has
travelled up from the focused widget to the app, so a fast typist's next key
(`imoss`: the `m`) has already been sent to the essay, where it bookmarks.  Keys
typed before the first screen is laid out reach a view that cannot scroll yet.

The gate holds each key until the one before it has been handled: the app posts a
`KeyDone` marker after the key to the same widget; markers bubble up behind the key
(a widget handles its messages in order), so when the marker reaches the app the key
has been handled wherever it stopped.  Then markers go round through the screen
that is current by then, until no widget has a message waiting: a screen the key
pushed (a prompt, a list) has mounted and focused its input, and what the key set
off (an input's `Submitted`, a bar closing and giving the focus back) has run,
before the next key is routed.  The gate is shut until the reading screen says it
is ready.

A marker can be lost if the key removed the widget it went to (escape closing a
dialog): a key arriving while the marker's widget is gone, or a marker not back
within `STALL_SECONDS` (a safety net that never fires in ordinary use), opens the
gate again, so no key is ever held for good.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.timer import Timer

STALL_SECONDS = 1.0
MAX_LAPS = 64
"""Rounds through the screen while widgets still have messages waiting (a blinking
cursor's timer can always have one): then the next key goes anyway."""


class KeyDone(Message):
    """Follows a key up from the widget it went to; `screen_pass` for the second lap."""

    def __init__(self, serial: int, *, screen_pass: bool) -> None:
        super().__init__()
        self.serial = serial
        self.screen_pass = screen_pass


class KeyGate:
    """Holds keys for `app` until the key before them has been handled."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._held: deque[events.Key | events.Paste] = deque()
        self._open = False
        self._serial = 0
        self._in_flight: MessagePump | None = None
        self._stall: Timer | None = None
        self._laps = 0
        self._released: events.Key | events.Paste | None = None
        self.handled = 0
        """How many keys have been handled: tests wait on it (`wait_handled`) instead of
        guessing how long a burst of keys takes."""
        self._waiters: list[tuple[int, asyncio.Future[None]]] = []

    @property
    def busy(self) -> bool:
        """A key is being handled, or the gate is still shut."""
        return not self._open or self._in_flight is not None

    def open(self) -> None:
        """The first screen is ready: let the keys typed so far through, in order."""
        if not self._open:
            self._open = True
            self._release()

    def hold(self, event: events.Key | events.Paste) -> bool:
        """Whether `event` (a key the app has just read) must wait; if so it is kept."""
        if event is self._released:
            self._released = None
            return False
        if self._in_flight is not None and not self._in_flight.is_attached:
            self._finished()  # the widget went away with its marker
        if self.busy or self._held:
            self._held.append(event)
            return True
        return False

    def sent(self, target: MessagePump) -> None:
        """The key has been routed (forwarded to `target`, or run as a priority binding
        when `target` is the screen): follow it with a marker."""
        self._serial += 1
        self._laps = 0
        self._in_flight = target
        self._watch_stall()
        target.post_message(KeyDone(self._serial, screen_pass=False))

    def marker_back(self, marker: KeyDone) -> None:
        """A marker reached the app: send the second lap, or let the next key go."""
        if marker.serial != self._serial or self._in_flight is None:
            return
        if not marker.screen_pass or (self._laps < MAX_LAPS and self._widgets_busy()):
            self._laps += 1
            screen = self._app.screen
            self._in_flight = screen
            screen.post_message(KeyDone(self._serial, screen_pass=True))
            return
        self._finished()

    @property
    def quiet(self) -> bool:
        """No key waiting or being handled, and no widget with a message to handle."""
        return not self.busy and not self._held and not self._widgets_busy()

    def _widgets_busy(self) -> bool:
        """Whether a widget of any screen still has messages to handle."""
        return any(
            node.message_queue_size
            for screen in self._app.screen_stack
            for node in screen.walk_children(with_self=True)
        )

    def _finished(self) -> None:
        self._in_flight = None
        if self._stall is not None:
            self._stall.stop()
            self._stall = None
        self.handled += 1
        waiting = [(count, future) for count, future in self._waiters if count > self.handled]
        for count, future in self._waiters:
            if count <= self.handled and not future.done():
                future.set_result(None)
        self._waiters = waiting
        self._release()

    async def wait_handled(self, count: int) -> None:
        """Return once `count` keys in all have been handled."""
        if self.handled >= count:
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append((count, future))
        await future

    def _release(self) -> None:
        """Route the oldest held key (the rest follow, one marker at a time)."""
        if self._held and not self.busy and self._released is None:
            self._released = self._held.popleft()
            self._app.post_message(self._released)

    def _watch_stall(self) -> None:
        if self._stall is not None:
            self._stall.stop()
        serial = self._serial

        def stalled() -> None:
            if self._serial == serial and self._in_flight is not None:
                self._finished()

        self._stall = self._app.set_timer(STALL_SECONDS, stalled)
