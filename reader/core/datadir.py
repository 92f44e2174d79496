"""Where reader keeps what it learns about its user: bookmarks, positions, settings."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

ENVIRONMENT_VARIABLE = "READER_DATA_DIR"


def data_dir() -> Path:
    """`$READER_DATA_DIR` when set (tests and portable installs), else the platform's
    per-user data directory (`~/.local/share/reader` on Linux).  Not created here: the
    store decides what to do when it cannot be."""
    override = os.environ.get(ENVIRONMENT_VARIABLE)
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir("reader", appauthor=False))
