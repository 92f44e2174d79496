"""The driver of a reader served in a browser tab: the process ends when its tab or server goes.

textual-serve runs one reader per tab, talking over the process's stdin and stdout.
Textual's `WebDriver` stops reading when stdin closes (the server has gone) but leaves
the app running with nobody to draw for, and its exit on SIGTERM waits on writes to a
pipe no one reads: a reader left behind after its server stopped was seen spinning at
97% CPU and deaf to SIGTERM.  Here every way the end can come (the server's `quit`,
stdin closing, stdout breaking, SIGTERM or SIGINT) asks the app to exit and arms a
watchdog that ends the process `GRACE` seconds later if the app has not managed to.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from typing import Any

from textual import messages
from textual.drivers.web_driver import WebDriver

GRACE = 0.5
"""Seconds the app has to exit by itself (it saves the reading position) before the
process is ended regardless: the server allows a tab's process one second in all."""


class ServedDriver(WebDriver):
    """`WebDriver` that leaves, promptly and for certain, once its server is gone."""

    _leaving = False

    def start_application_mode(self) -> None:
        super().start_application_mode()
        for number in (signal.SIGINT, signal.SIGTERM):
            self._loop.add_signal_handler(number, self.leave)

    def leave(self) -> None:
        """Ask the app to exit, and end the process after `GRACE` seconds whatever happens."""
        if self._leaving:
            return
        self._leaving = True
        threading.Thread(target=_end_after, args=(GRACE,), name="reader-served-watchdog", daemon=True).start()
        if not self._loop.is_closed():
            asyncio.run_coroutine_threadsafe(self._app._post_message(messages.ExitApp()), self._loop)

    def run_input_thread(self) -> None:
        super().run_input_thread()
        if not self.exit_event.is_set():  # stdin closed: the server is gone
            self.leave()

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type == "quit":
            self.leave()
            return
        super().on_meta(packet_type, payload)

    def write(self, data: str) -> None:
        self._guarded(super().write, data)

    def write_meta(self, data: dict[str, object]) -> None:
        self._guarded(super().write_meta, data)

    def _guarded(self, write: Any, data: Any) -> None:
        """A write to a server that has gone: leave, rather than fail on every frame."""
        try:
            write(data)
        except OSError:
            self.leave()


def _end_after(seconds: float) -> None:
    threading.Event().wait(seconds)
    os._exit(0)
