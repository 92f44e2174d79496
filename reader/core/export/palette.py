"""The page's colours, light and dark, each made legible where it is drawn (WCAG AA).

Every colour that carries text is passed through `reader.core.contrast.legible` against
every background it can sit on (the page, the glossary panel, a bookmark's or a search
hit's highlight), so the page reaches 4.5:1 whichever scheme the reader's system asks
for; a test checks the result pair by pair.
"""

from __future__ import annotations

from reader.core.contrast import RGB, legible

Palette = dict[str, RGB]

BACKGROUNDS = ("bg", "panel", "bookmark", "hit", "current")
"""The variables text is drawn on."""
FOREGROUNDS = (
    "fg",
    "muted",
    "accent",
    "focus",
    "k-person",
    "k-place",
    "k-event",
    "k-organisation",
    "k-idea",
    "k-quote",
    "k-other",
)
"""The variables drawn as text."""

_LIGHT: Palette = {
    "bg": (0xFB, 0xFA, 0xF6),
    "panel": (0xF1, 0xEE, 0xE6),
    "bookmark": (0xFF, 0xEF, 0xB0),
    "hit": (0xFF, 0xE0, 0x70),
    "current": (0xFF, 0xB0, 0x40),
    "fg": (0x1E, 0x1E, 0x1E),
    "muted": (0x5C, 0x5C, 0x5C),
    "accent": (0x9C, 0x2F, 0x2F),
    "focus": (0x1A, 0x4F, 0xD6),
    "k-person": (0x1F, 0x5F, 0xBF),
    "k-place": (0x2E, 0x7D, 0x32),
    "k-event": (0xB3, 0x5C, 0x00),
    "k-organisation": (0x7B, 0x3F, 0xA0),
    "k-idea": (0x00, 0x83, 0x8F),
    "k-quote": (0xAD, 0x14, 0x57),
    "k-other": (0x44, 0x44, 0x44),
}
_DARK: Palette = {
    "bg": (0x1B, 0x1C, 0x1F),
    "panel": (0x24, 0x26, 0x2A),
    "bookmark": (0x4A, 0x3F, 0x12),
    "hit": (0x5C, 0x4A, 0x00),
    "current": (0x8A, 0x4B, 0x00),
    "fg": (0xE8, 0xE6, 0xE1),
    "muted": (0xA8, 0xA6, 0xA0),
    "accent": (0xF0, 0x8A, 0x80),
    "focus": (0x8A, 0xB4, 0xFF),
    "k-person": (0x7A, 0xB0, 0xFF),
    "k-place": (0x7C, 0xCF, 0x80),
    "k-event": (0xFF, 0xB3, 0x5C),
    "k-organisation": (0xD0, 0x9C, 0xF0),
    "k-idea": (0x5C, 0xD6, 0xE0),
    "k-quote": (0xFF, 0x8A, 0xB8),
    "k-other": (0xC8, 0xC8, 0xC8),
}


def _legible_on_all(colour: RGB, backgrounds: list[RGB]) -> RGB:
    """`colour` moved (as little as it takes) until it reads on every one of `backgrounds`."""
    for _ in range(len(backgrounds) + 1):
        for background in backgrounds:
            colour = legible(colour, background)
    return colour


def legible_palette(base: Palette) -> Palette:
    """`base` with every text colour legible on every background."""
    backgrounds = [base[name] for name in BACKGROUNDS]
    return {
        name: _legible_on_all(rgb, backgrounds) if name in FOREGROUNDS else rgb for name, rgb in base.items()
    }


LIGHT = legible_palette(_LIGHT)
DARK = legible_palette(_DARK)


def _declarations(palette: Palette) -> str:
    return "".join(
        f"--{name}:#{red:02x}{green:02x}{blue:02x};" for name, (red, green, blue) in palette.items()
    )


def palette_css() -> str:
    """The colour variables: light by default, dark when the system prefers it."""
    return (
        f":root{{color-scheme:light dark;{_declarations(LIGHT)}}}"
        f"@media (prefers-color-scheme:dark){{:root{{{_declarations(DARK)}}}}}"
    )
