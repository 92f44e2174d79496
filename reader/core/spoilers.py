"""Spoiler-free glossaries: only what the reader has read, as Kindle's X-Ray does.

`read_so_far` cuts a linked document at the furthest point read: the mentions after
it go, so an entry's mentions, the entries "mentioned with" it, its distribution
strip and the timeline stop there; an entry first mentioned beyond it is left out
of the glossary (the index, the timeline, search, go-to and backlinks), and
counted in `hidden`.  An entry the document never mentions stays: it gives away
nothing about where the text goes.
"""

from __future__ import annotations

from reader.core.glossary.model import Glossary
from reader.core.linked_document import LinkedDocument


def read_so_far(linked: LinkedDocument, limit: int) -> LinkedDocument:
    """`linked` as far as character `limit`; unchanged while its mentions are not known yet."""
    if not linked.linked:
        return linked
    mentions = linked.mentions[: linked.count_before(limit)]
    reached = {mention.title for mention in mentions}
    glossary = linked.glossary
    kept = [entry for entry in glossary.entries if entry.title in reached or not linked.count(entry.title)]
    return LinkedDocument(
        linked.document,
        Glossary(glossary.root, kept, glossary.problems),
        mentions,
        hidden=len(glossary.entries) - len(kept),
    )
