"""Every colour that carries meaning in the reading view reaches WCAG AA (4.5:1) against
what it is drawn on, in every theme the palette offers, dark and light.

Measured on what the view renders: the essay with its mentions marked, a search's
hits and current hit, the mention focus ring and a flash, each segment's colour
against its background (swapped where the style is reversed, as a terminal draws it).
"""

from __future__ import annotations

import pytest
from rich.color import Color as RichColor
from rich.segment import Segment
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from reader.app.reading.decorations import DECORATIONS, decoration_style, is_ansi
from reader.core.contrast import AA, RGB, contrast_ratio, legible
from reader.core.ranges import RangeLayer
from reader.core.search import search
from reader.core.search_layer import MatchLayer
from tests.app.helpers import GLOSSARY, essay_app, glossary_ready, reading, wait_until

THEMES = sorted(BUILTIN_THEMES)
"""Every theme the palette offers (reader registers none of its own)."""


def test_contrast_ratios_match_wcag() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((0, 69, 120), (18, 18, 18)) == pytest.approx(1.89, abs=0.01)  # the figure
    fixed = legible((0, 69, 120), (18, 18, 18))
    assert contrast_ratio(fixed, (18, 18, 18)) >= AA
    assert fixed[2] > fixed[0]  # still blue, only lighter
    assert legible((255, 255, 255), (0, 0, 0)) == (255, 255, 255)  # legible already: unchanged


def _rgb(colour: RichColor | None, default: RGB) -> RGB:
    if colour is None or colour.is_default:
        return default
    triplet = colour.get_truecolor()
    return (triplet.red, triplet.green, triplet.blue)


def _shown(segment: Segment, page: RGB, ink: RGB) -> tuple[RGB, RGB]:
    """The text's colour and its background as a terminal shows them."""
    style = segment.style
    assert style is not None
    foreground, background = _rgb(style.color, ink), _rgb(style.bgcolor, page)
    return (background, foreground) if style.reverse else (foreground, background)


@pytest.mark.parametrize("theme", THEMES)
def test_every_decoration_is_legible_in_every_theme(theme: str) -> None:
    variables = BUILTIN_THEMES[theme].to_color_system().generate()
    if is_ansi(variables):
        for name in DECORATIONS:
            style = decoration_style(name, variables)
            assert style.color is None and style.bgcolor is None, name  # the terminal's own colours
        return
    page = Color.parse(variables["background"]).rgb
    ink = Color.parse(variables["foreground"]).rgb
    for name in DECORATIONS:
        style = decoration_style(name, variables)
        foreground, background = _shown(Segment("x", style), page, ink)
        assert contrast_ratio(foreground, background) >= AA, (theme, name, foreground, background)


@pytest.mark.parametrize("theme", THEMES)
async def test_what_the_view_draws_is_legible_in_every_theme(theme: str) -> None:
    app = essay_app(vault=GLOSSARY)
    async with app.run_test(size=(120, 40)):
        await glossary_ready(app)
        view = reading(app).view
        document = view.document
        matches = search(document, "Russia")
        view.set_layer("search", MatchLayer(matches, 1))
        view.ring_mention(0)
        view.set_layer("flash", RangeLayer([(matches[2].start, matches[2].end, "flash")]))
        variables = BUILTIN_THEMES[theme].to_color_system().generate()
        if is_ansi(variables):
            return  # colours are the terminal's: checked above, attributes only
        page = Color.parse(variables["background"]).rgb
        ink = Color.parse(variables["foreground"]).rgb
        app.theme = theme

        def painted_in_theme() -> bool:
            background = view.rich_style.bgcolor
            return background is not None and _rgb(background, (-1, -1, -1)) == page

        await wait_until(painted_in_theme, "the view repainted in the theme")
        decorated = 0
        for y in range(view.scrollable_content_region.height):
            for segment in view.render_line(y):
                style = segment.style
                if not segment.text.strip() or style is None:
                    continue
                foreground, background = _shown(segment, page, ink)
                if style.underline or style.reverse or style.bold:
                    decorated += 1
                assert contrast_ratio(foreground, background) >= AA, (
                    theme,
                    segment.text,
                    foreground,
                    background,
                )
        assert decorated > 10  # mentions, hits, the ring and the flash were all on screen
