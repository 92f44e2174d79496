"""The shipped vault against a corpus of sentences (tests/data/linker_corpus.yaml): every
spelling the essay uses links to the right entry, and names from outside the essay
(West Bank, South America, Hafez al-Assad, Pope Alexander III, ...) do not misfire."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from reader.core.document import BlockKind, Document, DocumentBuilder
from reader.core.glossary.linker import find_mentions
from reader.core.glossary.model import Glossary
from reader.core.glossary.vault import load_glossary
from reader.core.loading import load_document
from reader.core.resources import shipped_glossary_dir

CORPUS: dict[str, Any] = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "data" / "linker_corpus.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_glossary(shipped_glossary_dir())


def _sentence(text: str) -> Document:
    builder = DocumentBuilder()
    builder.add(BlockKind.PARAGRAPH, text)
    return builder.build("corpus")


def linked(text: str, glossary: Glossary) -> list[list[str]]:
    document = _sentence(text)
    return [[document.text[m.start : m.end], m.title] for m in find_mentions(document, glossary)]


def _ids(cases: list[dict[str, Any]]) -> list[str]:
    return [case["text"][:50] for case in cases]


def test_the_corpus_is_large_enough_to_mean_something() -> None:
    assert len(CORPUS["must_link"]) >= 50
    assert len(CORPUS["must_not_link"]) >= 50
    assert sum(1 for case in CORPUS["must_not_link"] if not case["links"]) >= 40


@pytest.mark.parametrize("case", CORPUS["must_link"], ids=_ids(CORPUS["must_link"]))
def test_sentences_that_must_link(case: dict[str, Any], shipped: Glossary) -> None:
    assert case["links"], "a must-link sentence names at least one entry"
    assert linked(case["text"], shipped) == case["links"]


@pytest.mark.parametrize("case", CORPUS["must_not_link"], ids=_ids(CORPUS["must_not_link"]))
def test_sentences_that_must_not_misfire(case: dict[str, Any], shipped: Glossary) -> None:
    assert linked(case["text"], shipped) == case["links"]


def test_the_corpus_holds_every_mention_in_the_essay(shipped: Glossary, essay_path: Path) -> None:
    """Every (spelling, entry) the linker finds in the essay is one the corpus asserts."""
    document = load_document(essay_path)
    in_essay = sorted((document.text[m.start : m.end], m.title) for m in find_mentions(document, shipped))
    in_corpus = sorted(
        (text, title)
        for case in CORPUS["must_link"]
        if case["text"] in document.text
        for text, title in case["links"]
    )
    assert in_corpus == in_essay
