"""`reader serve [PATH]`: the reading room in a browser, one reader process per tab.

textual-serve is an optional extra (`reader[serve]`): without it the command says
which extra to install, in one line.  The document and vault are checked before the
server starts, so a bad path fails here, once, rather than in every tab.
"""

from __future__ import annotations

import argparse
import ipaddress
import socket
import sys
from pathlib import Path

from reader.cli.common import (
    EXIT_OK,
    CommandError,
    add_document_argument,
    add_glossary_option,
    echo,
    resolve_vault,
    warn,
)
from reader.core.loading import DocumentError, read_source
from reader.core.sanitize import one_line

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the reading room to a web browser (one reader per tab)",
        description="Serve the app to a web browser with textual-serve: every tab runs its own "
        "reader, sharing the bookmark database. Needs the extra: pip install 'reader[serve]'.",
    )
    add_document_argument(parser)
    add_glossary_option(parser)
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}: this machine only)",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 picks a free one)"
    )
    parser.set_defaults(run=_run)


def _child_command(path: str | None, vault: Path | None) -> list[str]:
    """The command each tab runs: this Python, this reader, absolute paths."""
    command = [sys.executable, "-m", "reader"]
    if path is not None:
        command.append(str(Path(path).resolve()))
    if vault is not None:
        command += ["--glossary", str(vault.resolve())]
    return command


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    if not 0 <= port <= 65535:
        raise CommandError(f"--port {port}: not a port (0 to 65535)")
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        return socket.create_server((host, port), family=family)
    except OSError as error:
        raise CommandError(f"cannot listen on {one_line(host)}:{port} ({error.strerror or error})") from None


def _announce(url: str) -> None:
    echo(f"reader serve: {url} (ctrl+c stops)")
    sys.stdout.flush()


def _run(args: argparse.Namespace) -> int:
    try:
        from reader.cli.web_server import ReaderServer
    except ImportError as error:
        raise CommandError(
            f"reader serve needs textual-serve ({one_line(str(error.name or error))} is missing): "
            "pip install 'reader[serve]'"
        ) from None
    if args.path == "-":
        raise CommandError("-: reader serve opens a file, not standard input")
    try:
        source = read_source(args.path)
    except DocumentError as error:
        raise CommandError(str(error)) from None
    vault = resolve_vault(args.path, args.glossary)
    sock = _bind(args.host, args.port)
    title = f"reader: {source.source.name if source.source else ''}"
    server = ReaderServer(_child_command(args.path, vault), sock, args.host, title=title, ready=_announce)
    if not _is_loopback(args.host):
        warn(
            f"listening on {one_line(args.host)}: anyone who can reach this address can read this document "
            "and your bookmarks and notes, unencrypted; use the default 127.0.0.1 to keep it to this machine"
        )
    server.serve()
    return EXIT_OK
