"""Finding mentions: each linking rule, the grouping helpers, and properties on random text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.document import BlockKind, Document, DocumentBuilder
from reader.core.glossary.linker import Mention, find_mentions, mentioned_with, mentions_by_title
from reader.core.glossary.model import Entry, Glossary


def entry(
    title: str, *aliases: str, ignore_case: tuple[str, ...] = (), not_in: tuple[str, ...] = ()
) -> Entry:
    return Entry(title, Path(f"{title}.md"), "place", aliases=aliases, ignore_case=ignore_case, not_in=not_in)


def vault(*entries: Entry) -> Glossary:
    return Glossary(root=None, entries=sorted(entries, key=lambda e: e.title.casefold()))


def document(*paragraphs: str) -> Document:
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(BlockKind.PARAGRAPH, paragraph)
    return builder.build("test")


def found(text: str, glossary: Glossary) -> list[tuple[str, str]]:
    doc = document(text)
    return [(doc.text[m.start : m.end], m.title) for m in find_mentions(doc, glossary)]


def test_every_title_and_alias() -> None:
    glossary = vault(entry("Iran", "Iranians", "Persia"), entry("Russia"))
    assert found("Iran, Persia and Russia; Iranians too.", glossary) == [
        ("Iran", "Iran"),
        ("Persia", "Iran"),
        ("Russia", "Russia"),
        ("Iranians", "Iran"),
    ]


def test_whole_words_only() -> None:
    glossary = vault(entry("Iran"), entry("US"))
    assert found("Iranian Iranx xIran Iran_ USA BUS US.", glossary) == [("US", "US")]


def test_possessive_counts_but_is_not_part_of_the_mention() -> None:
    glossary = vault(entry("Russia"), entry("Iran"))
    assert found("Russia\u2019s ties and Iran's drones", glossary) == [("Russia", "Russia"), ("Iran", "Iran")]


def test_longest_match_wins() -> None:
    glossary = vault(
        entry("Persian Socialist Soviet Republic", "Persian Soviet Socialist Republic"),
        entry("Soviet Union", "Soviet"),
        entry("Russian Soviet Federative Socialist Republic", "Soviet Russia"),
        entry("Russia"),
    )
    assert found(
        "the Persian Soviet Socialist Republic, Soviet Russia, the Soviet Union, Soviet", glossary
    ) == [
        ("Persian Soviet Socialist Republic", "Persian Socialist Soviet Republic"),
        ("Soviet Russia", "Russian Soviet Federative Socialist Republic"),
        ("Soviet Union", "Soviet Union"),
        ("Soviet", "Soviet Union"),
    ]


def test_case_sensitive_unless_ignore_case() -> None:
    glossary = vault(
        entry("Regime change", "regime-change", ignore_case=("Regime change", "regime-change")),
        entry("Turkey"),
    )
    assert found("regime change, REGIME-CHANGE, turkey, Turkey", glossary) == [
        ("regime change", "Regime change"),
        ("REGIME-CHANGE", "Regime change"),
        ("Turkey", "Turkey"),
    ]


def test_curly_and_straight_apostrophes_in_names_match_each_other() -> None:
    glossary = vault(entry("People\u2019s Republic"), entry("Côte d'Ivoire"))
    assert found("People's Republic and Côte d\u2019Ivoire", glossary) == [
        ("People's Republic", "People\u2019s Republic"),
        ("Côte d\u2019Ivoire", "Côte d'Ivoire"),
    ]


def test_unicode_names() -> None:
    glossary = vault(entry("Москва"), entry("Nicolás Maduro"), entry("Zelenskyy"))
    assert found("Из Москвы? Москва! Nicolás Maduro, Nicolas Maduro, Zelenskyy\u2019s", glossary) == [
        ("Москва", "Москва"),
        ("Nicolás Maduro", "Nicolás Maduro"),
        ("Zelenskyy", "Zelenskyy"),
    ]


def test_hyphen_is_a_word_boundary() -> None:
    glossary = vault(entry("Bolsheviks", "Bolshevik"), entry("Iran-Iraq War"), entry("Iran"))
    assert found("pro-Bolshevik governments; the Iran-Iraq War; Iran-backed", glossary) == [
        ("Bolshevik", "Bolsheviks"),
        ("Iran-Iraq War", "Iran-Iraq War"),
        ("Iran", "Iran"),
    ]


def test_names_do_not_span_blocks_but_do_span_line_breaks() -> None:
    glossary = vault(entry("Red Army"))
    doc = document("the Red", "Army; the Red\nArmy")
    assert [(m.start, m.block) for m in find_mentions(doc, glossary)] == [(doc.text.index("Red\nArmy"), 1)]


def test_mentions_carry_their_block() -> None:
    doc = document("Iran.", "Nothing.", "Iran and Iran")
    assert [m.block for m in find_mentions(doc, vault(entry("Iran")))] == [0, 2, 2]


def test_empty_glossary_and_empty_document() -> None:
    assert find_mentions(document("Iran"), Glossary.empty()) == []
    assert find_mentions(DocumentBuilder().build("empty"), vault(entry("Iran"))) == []


def test_shared_alias_goes_to_the_first_entry() -> None:
    assert found(
        "Georgia", vault(entry("Georgia (country)", "Georgia"), entry("Georgia (state)", "Georgia"))
    ) == [("Georgia", "Georgia (country)")]


def test_mentions_by_title_and_mentioned_with() -> None:
    mentions = [
        Mention(0, 4, "Iran", 0),
        Mention(5, 11, "Russia", 0),
        Mention(12, 16, "Iran", 1),
        Mention(17, 23, "Russia", 1),
        Mention(24, 29, "China", 1),
        Mention(30, 35, "China", 2),
    ]
    assert mentions_by_title(mentions) == {
        "Iran": [mentions[0], mentions[2]],
        "Russia": [mentions[1], mentions[3]],
        "China": [mentions[4], mentions[5]],
    }
    assert mentioned_with("Iran", mentions) == [("Russia", 2), ("China", 1)]
    assert mentioned_with("Nobody", mentions) == []


NAMES = ["Iran", "Iranian", "Red Army", "Soviet", "Soviet Union", "US", "Côte d'Ivoire", "a b", "Ab"]
_ALPHABET = st.sampled_from(
    [*"IranSovietUSAb d'\u2019-\n.C\u00f4\u00e9_ ", "Iran", "Soviet Union", "Red Army", "\u2019s"]
)


@settings(max_examples=300, deadline=None)
@given(
    blocks=st.lists(st.lists(_ALPHABET, max_size=40).map("".join), min_size=1, max_size=4),
    insensitive=st.sets(st.sampled_from(NAMES)),
)
def test_random_text_gives_sorted_in_bounds_non_overlapping_mentions(
    blocks: list[str], insensitive: set[str]
) -> None:
    glossary = vault(*(entry(name, ignore_case=(name,) if name in insensitive else ()) for name in NAMES))
    doc = document(*blocks)
    mentions = find_mentions(doc, glossary)
    previous_end = 0
    for mention in mentions:
        assert previous_end <= mention.start < mention.end <= len(doc.text)
        block = doc.blocks[mention.block]
        assert block.start <= mention.start and mention.end <= block.end
        named = doc.text[mention.start : mention.end].replace("\u2019", "'").replace("\n", " ")
        if mention.title in insensitive:
            assert named.casefold() == mention.title.casefold()
        else:
            assert named == mention.title
        before, after = doc.text[mention.start - 1 : mention.start], doc.text[mention.end : mention.end + 1]
        assert not (before.isalnum() or before == "_"), "a mention starts mid-word"
        assert not (after.isalnum() or after == "_"), "a mention ends mid-word"
        previous_end = mention.end


def test_a_title_wins_over_another_entrys_alias_as_in_lookup() -> None:
    glossary = vault(entry("Alpha", "Zeta"), entry("Zeta"))
    assert glossary.lookup("Zeta") is glossary.entries[1]
    assert found("Zeta", glossary) == [("Zeta", "Zeta")]


def test_the_longest_name_wins_even_when_a_shorter_one_starts_first() -> None:
    glossary = vault(
        entry("Bashar al-Assad", "Assad"),
        entry("Fall of the Assad regime", "fall of Bashar al-Assad's regime"),
        entry("Russia has only two allies", "Russia has only two allies, the army and the navy"),
        entry("Russia"),
        entry("Pierre", "Pierre Bezukhov"),
        entry("Bezukhov family", "Bezukhov estate house"),
    )
    assert found(
        "the fall of Bashar al-Assad\u2019s regime in 2024; \u201cRussia has only two allies, the army "
        "and the navy.\u201d Pierre Bezukhov estate house; Russia has only two allies.",
        glossary,
    ) == [
        ("fall of Bashar al-Assad\u2019s regime", "Fall of the Assad regime"),
        ("Russia has only two allies, the army and the navy", "Russia has only two allies"),
        ("Pierre", "Pierre"),  # "Bezukhov estate house" is longer than "Pierre Bezukhov"
        ("Bezukhov estate house", "Bezukhov family"),
        ("Russia has only two allies", "Russia has only two allies"),
    ]


def test_equally_long_overlapping_names_go_to_the_leftmost() -> None:
    glossary = vault(entry("Alpha Beta"), entry("Beta Gamma"))
    assert found("Alpha Beta Gamma", glossary) == [("Alpha Beta", "Alpha Beta")]


def test_not_phrases_keep_a_name_from_linking_inside_them() -> None:
    glossary = vault(
        entry("The West", "the West", "Western", not_in=("West Bank", "Western Sahara")),
        entry("Bashar al-Assad", "Assad", not_in=("Hafez al-Assad",)),
        entry("West Bank"),
    )
    assert found(
        "the West and the West Bank; Western powers and western sahara; WESTERN SAHARA; Western "
        "Saharan; Assad, son of Hafez al-Assad and HAFEZ AL-ASSAD",
        glossary,
    ) == [
        ("the West", "The West"),
        ("West Bank", "West Bank"),  # another entry's name is not blocked
        ("Western", "The West"),
        ("Western", "The West"),  # "Western Saharan" is not the phrase "Western Sahara"
        ("Assad", "Bashar al-Assad"),
    ]


def test_a_not_phrase_blocks_every_name_of_its_entry_that_overlaps_it() -> None:
    glossary = vault(
        entry("Soviet Union", "Soviet", not_in=("Petrograd Soviet",)),
        entry("The West", "the West", not_in=("West Bank",)),
    )
    assert found(
        "the Petrograd Soviet Union; the Petrograd Soviet; Soviet Union; the West Bank; the West",
        glossary,
    ) == [("Soviet Union", "Soviet Union"), ("the West", "The West")]


def test_every_dash_style_matches_a_hyphen_and_case_where_ignored() -> None:
    glossary = vault(
        entry("Iran-Iraq War", ignore_case=("Iran-Iraq War",)),
        entry("Iran"),
        entry("Iraq"),
        entry("Russo-Ukrainian War"),
    )
    assert found(
        "the Iran-Iraq war, the Iran\u2013Iraq War, the iran\u2014iraq war; the Russo\u2013Ukrainian War; "
        "Iran\u2013Iraq relations",
        glossary,
    ) == [
        ("Iran-Iraq war", "Iran-Iraq War"),
        ("Iran\u2013Iraq War", "Iran-Iraq War"),
        ("iran\u2014iraq war", "Iran-Iraq War"),
        ("Russo\u2013Ukrainian War", "Russo-Ukrainian War"),
        ("Iran", "Iran"),
        ("Iraq", "Iraq"),
    ]
