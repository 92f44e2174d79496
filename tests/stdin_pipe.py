"""A pipe standing in for standard input, for `ArrivingInput` and `reader -` tests."""

from __future__ import annotations

import os


class Pipe:
    """The read end belongs to whoever reads it (an `ArrivingInput` closes it); the write end
    is closed exactly once, by `end()` or after the test.

    No descriptor is ever closed twice: by the second close its number may belong to
    something else in this test process (an event loop's epoll, a subprocess's pipe), which
    then fails far away.
    """

    def __init__(self) -> None:
        self.read, self._write = os.pipe()
        self._open = True

    def send(self, data: bytes) -> None:
        os.write(self._write, data)

    def end(self) -> None:
        """Close the write end: the reader sees the input end."""
        if self._open:
            self._open = False
            os.close(self._write)
