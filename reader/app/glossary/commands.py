"""The command palette's glossary: any entry by title or alias, fuzzily.

Choosing one posts `OpenEntry` to the screen the palette was opened from, so it is
a history step like any other jump.  The pane's own commands (index, timeline, back)
are the screen's system commands.
"""

from __future__ import annotations

from textual.command import Hit, Hits, Provider
from textual.content import Content

from reader.app.glossary.messages import OpenEntry
from reader.core.linked_document import LinkedDocument


class GlossaryEntries(Provider):
    """Glossary entries, found by any of their names."""

    async def search(self, query: str) -> Hits:
        # The screen the palette was opened from; only the reading screen holds a glossary.
        linked: LinkedDocument | None = getattr(self.screen, "linked", None)
        if linked is None:
            return
        matcher = self.matcher(query)
        screen = self.screen
        for entry in linked.glossary.entries:
            score, name = max((matcher.match(name), name) for name in entry.names)
            if score <= 0:
                continue
            shown = matcher.highlight(name)
            if name != entry.title:
                shown = Content.assemble(shown, (f" → {entry.title}", "dim"))

            def open_entry(title: str = entry.title) -> None:
                screen.post_message(OpenEntry(title))

            yield Hit(score, shown, open_entry, text=name, help=f"{entry.kind}: {entry.summary}")
