"""`suggest_names`: capitalised names no entry covers, ranked by frequency."""

from __future__ import annotations

from pathlib import Path

from reader.core.document import Document
from reader.core.glossary.model import Entry, Glossary
from reader.core.glossary.suggest import suggest_names
from reader.core.loading import load_document
from reader.core.plaintext import parse_plain_text


def text(source: str) -> Document:
    return parse_plain_text(source)


def names(document: Document, glossary: Glossary | None = None) -> list[tuple[str, int]]:
    return suggest_names(document, glossary or Glossary.empty())


def test_capitalised_phrases_ranked_by_frequency() -> None:
    document = text(
        "He met Prince Andrew in Moscow. Later Prince Andrew left Moscow for the Bank of England, "
        "and Bashar al-Assad's men met him in Moscow."
    )
    assert names(document) == [
        ("Moscow", 3),
        ("Prince Andrew", 2),
        ("Bank of England", 1),
        ("Bashar al-Assad", 1),
    ]


def test_words_capitalised_only_at_sentence_start_are_not_names() -> None:
    document = text(
        "Although it rained, we went. Many said so. “Yet” he said. Although is a word. Kazan is far."
    )
    assert names(document) == []


def test_sentence_start_word_is_dropped_when_used_in_lower_case() -> None:
    document = text("Although Trump spoke, although nobody listened, Trump won.")
    assert names(document) == [("Trump", 2)]


def test_common_words_and_contractions_are_excluded() -> None:
    document = text(
        "Then I said that I\u2019ll go on Monday. She said, \u201cI\u2019m sure.\u201d "
        "Mr. Darcy agreed, and Mr. Darcy left."
    )
    assert names(document) == [("Mr. Darcy", 2)]


def test_names_covered_by_the_glossary_are_left_out() -> None:
    glossary = Glossary(
        root=None,
        entries=[Entry("Mohammad Mosaddegh", Path("m.md"), "person", aliases=("Mohammed Mossadegh",))],
    )
    document = text("The coup against Prime Minister Mohammed Mossadegh and the Prime Minister after.")
    assert names(document, glossary) == [("Prime Minister", 2)]


def test_on_the_essay_with_no_glossary(essay_path: Path) -> None:
    suggestions = dict(names(load_document(essay_path)))
    assert suggestions["Iran"] >= 10
    for name in ("Leon Trotsky", "Red Army", "Iran-Iraq War", "Bashar al-Assad", "North Korea"):
        assert name in suggestions
    for word in ("The", "Although", "Yet", "Many", "Client"):
        assert word not in suggestions
