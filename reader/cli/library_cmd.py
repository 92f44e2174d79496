"""`reader library`: every document read before, how far, when, and the time left to read."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reader.cli.common import EXIT_ERROR, EXIT_OK, CommandError, add_json_option, echo, print_json, warn
from reader.core.bookmarks import BookmarkStore, StoreError
from reader.core.bookmarks.labels import local_date
from reader.core.bookmarks.shelf import read_library, working_folder
from reader.core.library import FileState, LibraryEntry, shown_path
from reader.core.reading_speed import Speed, duration_label


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "library",
        help="every document read before: progress, last read, bookmarks, time left",
        description="Every document opened before, most recently read first, with the time left "
        "at your own reading speed. A file that moved is found again by its text (in the folders "
        "the library knows, and the current one).",
    )
    add_json_option(parser)
    parser.set_defaults(run=_list)


def _list(args: argparse.Namespace) -> int:
    try:
        with BookmarkStore.open() as store:
            if not store.shows_saved:
                raise CommandError(f"cannot read the library: {store.problem}", EXIT_ERROR)
            if store.notice:
                warn(store.notice)
            entries, speed = read_library(store, look_in=working_folder())
    except StoreError as error:
        raise CommandError(str(error), EXIT_ERROR) from None
    if args.json:
        print_json({"speed": _speed(speed), "documents": [_summary(entry) for entry in entries]})
    elif not entries:
        echo("The library is empty: every document you open is kept here.")
    else:
        for entry in entries:
            echo(_describe(entry))
        echo(f"Time left at {_speed_label(speed)}.")
    return EXIT_OK


def _speed(speed: Speed) -> dict[str, Any]:
    return {"characters_per_minute": round(speed.characters_per_minute), "measured": speed.measured}


def _speed_label(speed: Speed) -> str:
    rate = f"{speed.characters_per_minute:,.0f} characters a minute"
    return f"your speed, {rate}" if speed.measured else f"a typical speed, {rate} (yours is not measured yet)"


def _summary(entry: LibraryEntry) -> dict[str, Any]:
    record = entry.record
    return {
        "document": record.sha256,
        "path": str(entry.path),
        "state": str(entry.state),
        "title": record.title,
        "author": record.author,
        "progress": entry.progress,
        "last_read": record.last_read,
        "bookmarks": entry.bookmarks,
        "minutes_left": None if entry.minutes_left is None else round(entry.minutes_left, 1),
    }


def _describe(entry: LibraryEntry) -> str:
    record = entry.record
    author = f" — {record.author}" if record.author else ""
    progress = "—" if entry.progress is None else f"{entry.progress}%"
    marks = f"{entry.bookmarks} bookmark{'' if entry.bookmarks == 1 else 's'}"
    where = {FileState.HERE: "", FileState.MOVED: " (moved here)", FileState.MISSING: " (missing)"}
    return (
        f"{record.title}{author}\n"
        f"    {progress} read · last read {local_date(record.last_read)} · {marks} · "
        f"{duration_label(entry.minutes_left)} left\n"
        f"    {shown_path(entry.path, Path.home())}{where[entry.state]}"
    )
