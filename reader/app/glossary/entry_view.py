"""One glossary entry in the pane: what it is, its body, and every way on from it.

The body is Markdown with its wiki-links rewritten to `entry:` links (a click opens
that entry); the same links, the backlinks, the entries mentioned alongside it and
its mentions are lists below, so everything a mouse can do, `tab` and `enter` can.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Markdown, OptionList, Static
from textual.widgets.option_list import Option

from reader.app.glossary.lists import PaneList
from reader.app.glossary.mention_strip import MentionStrip
from reader.app.glossary.messages import OpenEntry, ShowMention
from reader.core.document import Document
from reader.core.glossary.linker import Mention
from reader.core.glossary.model import Entry, entry_dates
from reader.core.glossary.wikilinks import title_from_href, to_markdown
from reader.core.linked_document import LinkedDocument
from reader.core.snippets import snippet

SNIPPET = 64
"""Characters of context around a mention in the list of mentions."""


def mention_snippet(document: Document, mention: Mention, room: int = SNIPPET) -> Text:
    """The mention in bold reverse, with up to `room` characters of its paragraph around it."""
    shown = snippet(document, mention, room)
    text = Text(shown.text, end="")
    text.stylize("bold reverse", shown.start, shown.end)
    return text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class EntryView(VerticalScroll, can_focus=True):
    """Title, kind and dates, summary, body, links, backlinks, neighbours, strip, mentions."""

    HELP_SECTION = "Glossary pane"
    BINDINGS = [
        Binding("j,down", "scroll_rows(1)", "pane: scroll down a line", id="pane.line-down", show=False),
        Binding("k,up", "scroll_rows(-1)", "pane: scroll up a line", id="pane.line-up", show=False),
        Binding("space,pagedown,f", "scroll_pages(1)", "pane: a page down", id="pane.page-down", show=False),
        Binding("b,pageup", "scroll_pages(-1)", "pane: a page up", id="pane.page-up", show=False),
        Binding("g,home", "scroll_to_end(False)", "pane: top of the entry", id="pane.top", show=False),
        Binding("G,end", "scroll_to_end(True)", "pane: end of the entry", id="pane.bottom", show=False),
    ]
    DEFAULT_CSS = """
    EntryView { padding: 0 1; background: $surface; }
    EntryView .entry-title { text-style: bold; color: $accent; margin-top: 1; }
    EntryView .entry-meta { color: $foreground-muted; }
    EntryView .entry-summary { text-style: italic; margin: 1 0 0 0; }
    EntryView Markdown { margin: 1 0 0 0; padding: 0; background: $surface; }
    EntryView .entry-heading { text-style: bold; color: $primary; margin-top: 1; }
    EntryView .entry-note { color: $foreground-muted; text-style: italic; }
    EntryView .entry-section { height: auto; }
    EntryView MentionStrip { margin: 0 0 1 0; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._targets: dict[str, list[str]] = {}
        self._mentions: list[Mention] = []
        self._body: AwaitComplete | None = None
        self.entry: Entry | None = None

    @property
    def laid_out(self) -> bool:
        """Every block of the body is mounted: the Markdown widget mounts them in batches
        after `show`, and until then the entry's height still grows."""
        return self._body is None or self._body.is_done

    # Scrolled at once, not animated: keys typed quickly add up (an animation would restart
    # from where it had got to).
    def action_scroll_rows(self, rows: int) -> None:
        self.scroll_to(y=self.scroll_y + rows, animate=False, immediate=True)

    def action_scroll_pages(self, pages: int) -> None:
        self.action_scroll_rows(pages * max(1, self.scrollable_content_region.height - 1))

    def action_scroll_to_end(self, end: bool) -> None:
        self.scroll_to(y=self.max_scroll_y if end else 0, animate=False, immediate=True)

    def compose(self) -> ComposeResult:
        yield Static(classes="entry-title")
        yield Static(classes="entry-meta")
        yield Static(classes="entry-summary")
        yield Markdown(open_links=False)
        for list_id, heading in (
            ("entry-links", "Links"),
            ("entry-backlinks", "Linked from"),
            ("entry-related", "Mentioned with"),
        ):
            with Vertical(classes="entry-section", id=f"{list_id}-section"):
                yield Static(heading, classes="entry-heading")
                yield PaneList(id=list_id, compact=True)
        with Vertical(classes="entry-section", id="entry-mentions-section"):
            yield Static("Mentions", classes="entry-heading", id="entry-mentions-heading")
            yield Static(classes="entry-note", id="entry-mentions-note")
            yield MentionStrip(id="entry-strip")
            yield PaneList(id="entry-mentions", compact=True)

    def show(self, entry: Entry, linked: LinkedDocument) -> None:
        """Fill the view with `entry`, scrolled to its top."""
        self.entry = entry
        glossary = linked.glossary
        self.query_one(".entry-title", Static).update(Text(entry.title))
        meta = " · ".join(part for part in (entry.kind, entry_dates(entry)) if part)
        if entry.aliases:
            meta += f" · also {', '.join(entry.aliases)}"
        self.query_one(".entry-meta", Static).update(Text(meta))
        self.query_one(".entry-summary", Static).update(Text(entry.summary))
        self._body = self.query_one(Markdown).update(to_markdown(entry.body, glossary))
        linked_titles: list[str] = []
        for link in entry.links:
            target = glossary.resolve(link)
            if target is not None and target is not entry and target.title not in linked_titles:
                linked_titles.append(target.title)
        self._fill_titles("entry-links", [(title, Text(title)) for title in linked_titles])
        backlinks = [other.title for other in glossary.backlinks(entry)]
        self._fill_titles("entry-backlinks", [(title, Text(title)) for title in backlinks])
        related = linked.related(entry.title)
        self._fill_titles(
            "entry-related",
            [
                (title, Text.assemble(title, (f"  {_plural(shared, 'paragraph')}", "dim")))
                for title, shared in related
            ],
        )
        self._show_mentions(entry, linked)
        self.scroll_home(animate=False)

    def _fill_titles(self, list_id: str, rows: list[tuple[str, Text]]) -> None:
        """One option per entry title; the section hides when there are none."""
        self._targets[list_id] = [title for title, _ in rows]
        options = self.query_one(f"#{list_id}", OptionList)
        options.clear_options()
        options.add_options([Option(prompt) for _, prompt in rows])
        self.query_one(f"#{list_id}-section").display = bool(rows)

    def _show_mentions(self, entry: Entry, linked: LinkedDocument) -> None:
        mentions = linked.mentions_of(entry.title)
        self._mentions = mentions
        heading = self.query_one("#entry-mentions-heading", Static)
        note = self.query_one("#entry-mentions-note", Static)
        strip = self.query_one(MentionStrip)
        options = self.query_one("#entry-mentions", OptionList)
        options.clear_options()
        if not linked.linked:
            heading.update("Mentions")
            note.update("finding the mentions in the whole document…")
        elif not mentions:
            heading.update("Mentions")
            note.update("not mentioned in this document")
        else:
            heading.update(f"Mentions ({len(mentions)})")
            note.update("where in the document: ←/→ pick, enter goes")
            options.add_options([Option(mention_snippet(linked.document, mention)) for mention in mentions])
        strip.display = bool(mentions)
        strip.show(mentions, len(linked.document.text))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        list_id = event.option_list.id or ""
        if list_id == "entry-mentions":
            self.post_message(ShowMention(self._mentions[event.option_index]))
        elif list_id in self._targets:
            self.post_message(OpenEntry(self._targets[list_id][event.option_index]))

    def on_mention_strip_selected(self, event: MentionStrip.Selected) -> None:
        event.stop()
        self.post_message(ShowMention(event.mention))

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        title = title_from_href(event.href)
        if title is not None:
            self.post_message(OpenEntry(title))
        else:
            self.app.open_url(event.href)
