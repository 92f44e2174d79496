"""The command palette's chapters: any chapter by its name, fuzzily (`book 9 ch iv`).

Choosing one posts `GoToChapter` to the screen the palette was opened from, which goes
there as it does from the contents pane: a step in the history.
"""

from __future__ import annotations

from textual.command import Hit, Hits, Provider
from textual.message import Message

from reader.core.contents import Contents
from reader.core.document import paragraph_label


class GoToChapter(Message):
    """Go to the chapter that starts at block `block`."""

    def __init__(self, block: int) -> None:
        super().__init__()
        self.block = block


class Chapters(Provider):
    """The chapters of the document being read, found by their unambiguous names."""

    async def search(self, query: str) -> Hits:
        # The screen the palette was opened from; only the reading screen has contents.
        contents = getattr(self.screen, "contents", None)
        if not isinstance(contents, Contents):
            return
        matcher = self.matcher(query)
        screen = self.screen
        for chapter in contents.chapters:
            score = matcher.match(chapter.name)
            if score <= 0:
                continue

            def go(block: int = chapter.block) -> None:
                screen.post_message(GoToChapter(block))

            where = paragraph_label(chapter.block)
            yield Hit(
                score, matcher.highlight(chapter.name), go, text=chapter.name, help=f"Chapter at {where}"
            )
