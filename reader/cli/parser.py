"""The command line's argument parser: argparse, with everything it prints made inert.

argparse echoes what it was given as it was given ("unrecognized arguments: …"),
so a file name holding `ESC ] 0 ;` would set the terminal's title.  Imported only
when arguments need parsing: `reader PATH` opens the app without it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader.core.sanitize import printable

if TYPE_CHECKING:
    from _typeshed import SupportsWrite


class Parser(argparse.ArgumentParser):
    """An `ArgumentParser` whose usage, help and errors are printed through `printable`
    (its subcommands' parsers are of the same class)."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(printable(message), file)
