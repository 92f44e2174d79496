"""Back and forward through the places a reader has jumped to, as a browser does.

Each step remembers a whole place (what the pane showed, where the essay was).
The step being left is re-recorded at every move, so that going back returns to
where the reader actually was when they jumped, not where they first arrived.
"""

from __future__ import annotations

from typing import Generic, TypeVar

Place = TypeVar("Place")

DEFAULT_LIMIT = 200


class History(Generic[Place]):
    """A list of visited places and the index of the current one."""

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        if limit < 2:
            raise ValueError("a history must hold at least two places")
        self._limit = limit
        self._places: list[Place] = []
        self._index = -1

    def __len__(self) -> int:
        return len(self._places)

    @property
    def can_go_back(self) -> bool:
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        return 0 <= self._index < len(self._places) - 1

    def visit(self, here: Place, there: Place) -> None:
        """Jump from `here` to `there`: forward steps are dropped, `there` becomes current.

        A jump to where the reader already is records `here` and adds no step.
        """
        if self._places:
            self._places[self._index] = here
            del self._places[self._index + 1 :]
        else:
            self._places.append(here)
        if there != here:
            self._places.append(there)
        if len(self._places) > self._limit:
            del self._places[: len(self._places) - self._limit]
        self._index = len(self._places) - 1

    def back(self, here: Place) -> Place | None:
        """The place before this one (recording `here` as the current place), if any."""
        if not self.can_go_back:
            return None
        self._places[self._index] = here
        self._index -= 1
        return self._places[self._index]

    def forward(self, here: Place) -> Place | None:
        """The place after this one (recording `here` as the current place), if any."""
        if not self.can_go_forward:
            return None
        self._places[self._index] = here
        self._index += 1
        return self._places[self._index]
