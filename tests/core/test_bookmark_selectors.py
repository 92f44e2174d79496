"""Nothing moves silently: the stored selector is never rewritten, the current place is kept
beside it, and a doubtful re-anchoring is flagged or an orphan, in the store and the CLI."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.bookmarks import BookmarkStore
from reader.core.bookmarks.database import DATABASE_NAME
from reader.core.loading import load_document

INTRO = "The council met on Monday to settle the budget for the coming year."
NORTHERN = "The northern district voted to repair the old bridge before the winter floods came."
SOUTHERN = NORTHERN.replace("northern", "southern")
OUTRO = "Nobody spoke against either motion, and the meeting closed early."


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    path = tmp_path / "minutes.txt"
    path.write_text("\n\n".join([INTRO, NORTHERN, SOUTHERN, OUTRO]) + "\n", encoding="utf-8")
    return path


def _stored(data_dir: Path, bookmark_id: int) -> tuple[object, ...]:
    with sqlite3.connect(data_dir / DATABASE_NAME) as connection:
        row: tuple[object, ...] = connection.execute(
            'SELECT exact, prefix, suffix, origin_start, origin_end, start, "end", changed, orphan '
            "FROM bookmarks WHERE id = ?",
            (bookmark_id,),
        ).fetchone()
    connection.close()
    return row


def test_deleting_a_paragraph_orphans_its_bookmarks_instead_of_moving_them_to_its_twin(
    minutes: Path, data_dir: Path
) -> None:
    document = load_document(minutes)
    with BookmarkStore.open() as store:
        block = store.add(document, document.blocks[1].start, document.blocks[1].end)
        quoted = document.text.index("northern district")
        quote = store.add(document, quoted, quoted + len("northern district"))
        selectors = {b.id: _stored(data_dir, b.id)[:5] for b in (block, quote)}
        minutes.write_text("\n\n".join([INTRO, SOUTHERN, OUTRO]) + "\n", encoding="utf-8")
        found = {b.id: b for b in store.bookmarks(load_document(minutes))}
    assert found[block.id].orphan and found[quote.id].orphan
    assert found[block.id].exact == NORTHERN and found[quote.id].exact == "northern district"
    for bookmark_id, selector in selectors.items():
        assert _stored(data_dir, bookmark_id)[:5] == selector


def test_a_reworded_paragraph_is_followed_flagged_and_its_quote_kept(minutes: Path, data_dir: Path) -> None:
    document = load_document(minutes)
    with BookmarkStore.open() as store:
        bookmark = store.add(document, document.blocks[1].start, document.blocks[1].end, "bridge")
        original = _stored(data_dir, bookmark.id)
        reworded = NORTHERN.replace("old bridge", "stone bridge")
        minutes.write_text("\n\n".join([INTRO, reworded, SOUTHERN, OUTRO]) + "\n", encoding="utf-8")
        edited = load_document(minutes)
        (found,) = store.bookmarks(edited)
        assert found.status == "changed" and not found.orphan and found.block == 1
        assert found.exact == NORTHERN  # the quote it was made with
        assert edited.text[found.start : found.end] == reworded  # where it is now
        assert _stored(data_dir, bookmark.id)[:5] == original[:5]

        # Edited back: found verbatim at its first place, the flag gone.
        minutes.write_text("\n\n".join([INTRO, NORTHERN, SOUTHERN, OUTRO]) + "\n", encoding="utf-8")
        (back,) = store.bookmarks(load_document(minutes))
        assert back.status == "found" and (back.start, back.end) == (bookmark.start, bookmark.end)


def test_each_edit_reanchors_from_the_first_selector_not_the_last_place(
    minutes: Path, data_dir: Path
) -> None:
    document = load_document(minutes)
    with BookmarkStore.open() as store:
        bookmark = store.add(document, document.blocks[1].start, document.blocks[1].end)
        drifting = NORTHERN
        for old, new in (
            ("old bridge", "stone bridge"),
            ("winter floods", "spring rains"),
            ("repair", "mend"),
        ):
            drifting = drifting.replace(old, new)
            minutes.write_text("\n\n".join([INTRO, drifting, SOUTHERN, OUTRO]) + "\n", encoding="utf-8")
            (found,) = store.bookmarks(load_document(minutes))
        assert found.exact == NORTHERN
        assert _stored(data_dir, bookmark.id)[3:5] == (bookmark.start, bookmark.end)


def test_the_cli_list_shows_the_flag_in_text_and_json(
    minutes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bookmarks", "add", str(minutes), "--block", "1"]) == 0
    assert main(["bookmarks", "add", str(minutes), "--block", "0"]) == 0
    minutes.write_text(
        "\n\n".join([NORTHERN.replace("old bridge", "stone bridge"), SOUTHERN, OUTRO]) + "\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["bookmarks", "list", str(minutes)]) == 0
    out = capsys.readouterr().out
    moved = "(moved, text changed: the quote below is the passage as it was bookmarked)"
    assert f"#1  minutes.txt, ¶ 1 {moved}" in out
    assert f"“{NORTHERN}”" in out
    assert "#2  minutes.txt (orphan: the passage is no longer in the document)" in out
    assert main(["bookmarks", "list", "--json"]) == 0
    listed = {entry["id"]: entry for entry in json.loads(capsys.readouterr().out)}
    assert (listed[1]["status"], listed[1]["changed"], listed[1]["exact"]) == ("changed", True, NORTHERN)
    assert (listed[2]["status"], listed[2]["orphan"], listed[2]["exact"]) == ("orphan", True, INTRO)
