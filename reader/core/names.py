"""One way to compare names: the glossary's lookups, search's `entry_named` and the
app's index filter all ask `name_key` whether two spellings name the same thing.

"Russo–Ukrainian War" (en dash), "russo-ukrainian  war" and "Russo‐Ukrainian War"
(Unicode hyphen) have one key; so do "Nicolás" and "Nicolas", "People’s" and "People's".
"""

from __future__ import annotations

import re
import unicodedata

from reader.core.folding import fold

# What `fold` leaves alone: apostrophes written with letters or accents, and the
# guillemets.  (NFKC has already turned full-width quotes and dashes into plain ones.)
_QUOTES = str.maketrans(
    {
        "\u02bc": "'",  # modifier letter apostrophe
        "\u02bb": "'",  # modifier letter turned comma (ʻokina)
        "\u0060": "'",  # grave accent used as an opening quote
        "\u00b4": "'",  # acute accent used as an apostrophe
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": "'",
        "\u203a": "'",
        "\ufe63": "-",  # small hyphen-minus, which NFKC keeps apart
    }
)
_WHITESPACE = re.compile(r"\s+")


def name_key(text: str) -> str:
    """`text` reduced to what matters when two names are compared.

    Compatibility forms are unified (NFKC), accents dropped, case folded; every
    apostrophe or single quote becomes `'`, every double quote `"`, every dash or
    hyphen `-`; runs of whitespace become one space, and the ends are trimmed.
    """
    text = unicodedata.normalize("NFKC", text.translate(_QUOTES))
    return _WHITESPACE.sub(" ", fold(text).casefold()).strip()
