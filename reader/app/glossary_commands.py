"""The command palette's glossary: any entry by title or alias, fuzzily, and the pane's
commands.  Opening an entry from here is a history step like any other jump.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from reader.app.app import ReaderApp
    from reader.app.glossary_controller import GlossaryController


def _pane_commands(controller: GlossaryController) -> list[tuple[str, str, Callable[[], None]]]:
    return [
        ("Glossary: index", "Every entry by kind, filtered as you type (i)", controller.show_index),
        ("Glossary: timeline", "The dated entries in date order (t)", controller.show_timeline),
        ("Glossary: show or hide the pane", "The pane beside the essay (x)", controller.toggle),
        ("Back", "Where you were before the last jump (backspace, alt+left)", controller.back),
        ("Forward", "Undo a back (alt+right)", controller.forward),
    ]


class GlossaryCommands(Provider):
    """Glossary entries (by any of their names) and the glossary pane's commands."""

    @property
    def _controller(self) -> GlossaryController:
        return cast("ReaderApp", self.app).glossary

    async def discover(self) -> Hits:
        for name, help_text, command in _pane_commands(self._controller):
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        controller = self._controller
        for name, help_text, command in _pane_commands(controller):
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=help_text)
        linked = controller.linked
        if linked is None:
            return
        for entry in linked.glossary.entries:
            score, name = max((matcher.match(name), name) for name in entry.names)
            if score <= 0:
                continue
            shown = matcher.highlight(name)
            if name != entry.title:
                shown = Content.assemble(shown, (f" → {entry.title}", "dim"))
            yield Hit(
                score,
                shown,
                partial(controller.open_entry, entry.title),
                text=name,
                help=f"{entry.kind}: {entry.summary}",
            )
