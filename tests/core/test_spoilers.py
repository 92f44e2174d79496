"""Spoiler-free glossaries: only the entries, mentions and neighbours the reader has reached."""

from __future__ import annotations

from pathlib import Path

from reader.core.glossary.vault import load_glossary
from reader.core.linked_document import LinkedDocument
from reader.core.loading import load_document
from reader.core.settings import parse_settings
from reader.core.spoilers import read_so_far
from tests.conftest import ESSAY, GLOSSARY


def linked_essay() -> LinkedDocument:
    return LinkedDocument.link(load_document(ESSAY), load_glossary(GLOSSARY))


def test_everything_stops_at_the_limit() -> None:
    linked = linked_essay()
    limit = 1000
    cut = read_so_far(linked, limit)
    assert all(mention.start < limit for mention in cut.mentions)
    assert len(cut.mentions) == linked.count_before(limit) > 0
    shown = {entry.title for entry in cut.glossary.entries}
    first_mentions = {title: mentions[0].start for title, mentions in linked.by_title.items()}
    assert all(first_mentions[title] < limit for title in shown if title in first_mentions)
    later = {title for title, start in first_mentions.items() if start >= limit}
    assert later and not later & shown
    assert cut.hidden == len(linked.glossary.entries) - len(shown) == len(later)
    for title in shown:
        assert all(other in shown for other, _ in cut.related(title))
        assert len(cut.mentions_of(title)) <= len(linked.mentions_of(title))
        entry = cut.glossary.lookup(title)
        assert entry is not None
        assert all(back.title in shown for back in cut.glossary.backlinks(entry))


def test_the_whole_text_read_hides_nothing_and_pending_mentions_are_left_alone() -> None:
    linked = linked_essay()
    whole = read_so_far(linked, len(linked.document.text))
    assert (whole.hidden, len(whole.mentions)) == (0, len(linked.mentions))
    pending = LinkedDocument.pending(linked.document, linked.glossary)
    assert read_so_far(pending, 0) is pending


def test_the_settings_file_says_hide_or_show() -> None:
    assert parse_settings('spoilers = "hide"\n', Path("c.toml")).spoilers == "hide"
    bad = parse_settings('spoilers = "maybe"\n', Path("c.toml"))
    assert bad.spoilers is None
    assert bad.problems == ("c.toml:1: spoilers must be one of show, hide",)
