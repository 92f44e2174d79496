"""What `m` bookmarks: the text selected with the mouse, else the cursor's paragraph."""

from __future__ import annotations

from reader.core.document import Document


def bookmark_passage(
    document: Document, selected: tuple[int, int] | None, cursor: int
) -> tuple[int, int] | None:
    """The selection trimmed of blank space and widened to whole words (a drag rarely starts
    exactly on one), else the `cursor` block; None for an empty document."""
    if selected is not None:
        start, end = selected
        text = document.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
                start -= 1
            while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
                end += 1
            return start, end
    if not document.blocks:
        return None
    block = document.blocks[max(0, min(cursor, len(document.blocks) - 1))]
    return block.start, block.end
