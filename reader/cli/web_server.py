"""textual-serve's server, made to end every tab's reader and to answer only its own pages.

textual-serve 1.1.3 starts each tab's app through a shell (so the process it tracks is
the shell, not the app), waits up to aiohttp's 60 seconds for open tabs when stopped,
and never ends an app that does not quit by itself.  Here each tab's reader is started
directly, told to quit when its tab closes or the server stops, and terminated, then
killed, if it has not gone within `STOP_GRACE` seconds; the child's own driver
(`reader.app.served_driver`) leaves on its side too.

On a loopback address the server answers only requests addressed to it (`Host`), and
a tab's websocket only from its own page (`Origin`): another web site open in the same
browser can neither reach it by DNS rebinding nor drive a reader from its own page.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

STOP_GRACE = 0.5
"""Seconds a tab's reader has to quit by itself before it is terminated (and as long
again before it is killed): one second in all."""
DRIVER = "reader.app.served_driver:ServedDriver"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})


class ReaderAppService(AppService):
    """One tab's reader process, started without a shell and ended for certain."""

    def __init__(self, argv: Sequence[str], live: set[ReaderAppService], **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self._argv = list(argv)
        self._live = live

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment["TEXTUAL_DRIVER"] = DRIVER
        return environment

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        self._process = process = await asyncio.create_subprocess_exec(
            *self._argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width, height),
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        self._live.add(self)
        return process

    async def stop(self) -> None:
        """Ask the reader to quit; terminate it after `STOP_GRACE`, kill it after as long again."""
        process = self._process
        try:
            await asyncio.wait_for(super().stop(), STOP_GRACE)
        except (TimeoutError, ConnectionError):
            pass
        finally:
            if process is not None:
                await _end(process)
            self._live.discard(self)


async def _end(process: asyncio.subprocess.Process) -> None:
    for send in (process.terminate, process.kill):
        if process.returncode is not None:
            return
        try:
            send()
        except ProcessLookupError:
            return
        try:
            await asyncio.wait_for(process.wait(), STOP_GRACE)
        except TimeoutError:
            continue


def _end_now(pids: Sequence[int]) -> None:
    """After the event loop has gone: terminate, then kill, what is still running."""
    for number in (signal.SIGTERM, signal.SIGKILL):
        running = [pid for pid in pids if _running(pid)]
        for pid in running:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, number)
        deadline = time.monotonic() + STOP_GRACE
        while running and time.monotonic() < deadline:
            running = [pid for pid in running if _running(pid)]
            if running:
                threading.Event().wait(0.02)


def _running(pid: int) -> bool:
    try:
        finished, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return False
    return finished == 0


def url_host(host: str) -> str:
    """`host` as it stands in a URL (an IPv6 address in brackets)."""
    return f"[{host}]" if ":" in host else host


class ReaderServer(Server):
    """Serves `argv` (a reader command line) to each browser tab on an already bound socket."""

    def __init__(
        self, argv: Sequence[str], sock: socket.socket, host: str, title: str, ready: Callable[[str], None]
    ) -> None:
        port = sock.getsockname()[1]
        super().__init__(" ".join(argv), host=host, port=port, title=title)
        self.sock = sock
        self.argv = list(argv)
        self.url = f"http://{url_host(host)}:{port}/"
        self.live: set[ReaderAppService] = set()
        self._ready = ready
        self.loopback = host in LOOPBACK_NAMES or host.startswith("127.")
        self._hosts = {f"{url_host(name)}:{port}" for name in LOOPBACK_NAMES | {host}}

    async def on_startup(self, app: web.Application) -> None:
        """Tell the command line the address, once stopping the server is handled."""
        self._ready(self.url)

    async def on_shutdown(self, app: web.Application) -> None:
        await asyncio.gather(*(service.stop() for service in list(self.live)), return_exceptions=True)

    def _check(self, request: web.Request, *, websocket: bool) -> None:
        if self.loopback and request.host not in self._hosts:
            raise web.HTTPMisdirectedRequest(text="reader serve answers only its own address")
        origin = request.headers.get("Origin")
        if websocket and origin is not None and urlsplit(origin).netloc != request.host:
            raise web.HTTPForbidden(text="a reader tab is driven only from its own page")

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """Upstream's page, its addresses taken from the request (a tablet that reached the
        server by another name or address gets addresses that work for it)."""
        self._check(request, websocket=False)
        base = f"http://{request.host}"
        return {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"ws://{request.host}/ws",
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Upstream's handler, with a `ReaderAppService` and the checks above."""
        self._check(request, websocket=True)
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: ReaderAppService | None = None
        try:
            await websocket.prepare(request)
            service = ReaderAppService(
                self.argv,
                self.live,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            if service is not None:
                await service.stop()
        return websocket

    def serve(self, debug: bool = False) -> None:
        """Serve until SIGINT or SIGTERM; then every tab's reader is ended before returning."""
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for number in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(number, self.request_exit)
        try:
            web.run_app(
                self._make_app(),
                sock=self.sock,
                handle_signals=False,
                loop=loop,
                print=None,
                access_log=None,
                shutdown_timeout=STOP_GRACE,
            )
        finally:
            _end_now([pid for service in self.live if (pid := service.pid) is not None])
