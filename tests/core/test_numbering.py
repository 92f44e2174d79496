"""One numbering for people: paragraphs count from 1; the model's blocks from 0."""

from __future__ import annotations

import pytest

from reader.core.document import block_of_paragraph, paragraph_label, paragraph_number


def test_a_block_index_reads_as_a_paragraph_counted_from_one() -> None:
    assert paragraph_number(0) == 1
    assert paragraph_number(782) == 783
    assert paragraph_label(0) == "¶ 1"
    assert paragraph_label(11) == "¶ 12"
    assert paragraph_label(1233) == "¶ 1,234"  # as the status bar writes it


def test_labels_align_in_a_column() -> None:
    assert [paragraph_label(block, width=3) for block in (0, 9, 99)] == ["¶   1", "¶  10", "¶ 100"]
    assert paragraph_label(999, width=5) == "¶ 1,000"


@pytest.mark.parametrize(
    ("label", "block"), [("1", 0), ("12", 11), ("¶12", 11), (" ¶ 783 ", 782), ("¶ 1,234", 1233)]
)
def test_a_paragraph_a_person_names_is_its_block(label: str, block: int) -> None:
    assert block_of_paragraph(label) == block
    assert block_of_paragraph(paragraph_label(block)) == block


@pytest.mark.parametrize("label", ["0", "¶ 0", "-1", "", "¶", "1.5", "b782", "١٢", "1,5", "12,34,567"])
def test_anything_else_is_refused(label: str) -> None:
    with pytest.raises(ValueError, match="count from 1"):
        block_of_paragraph(label)
