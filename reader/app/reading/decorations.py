"""Rich styles for everything the reading view draws, derived from the current theme.

Built in Python from the theme's colours rather than declared as Textual component
classes: two dozen component classes cost ~15 ms at start-up, this costs nothing
until a style is first used.  Every style pairs its colour with an attribute
(bold, italic, underline, reverse) so that structure survives `NO_COLOR=1`.

Every colour is made legible against what it is drawn on (`reader.core.contrast`:
WCAG AA, 4.5:1): the theme's accent stays the accent, lightened or darkened just
enough.  A reversed style shows the background's colour on the style's colour, so
the same ratio holds.  ANSI themes leave colours to the terminal, whose palette is
unknown here: there the styles are attributes alone, the terminal's own foreground
on its own background.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.style import Style
from textual.color import Color

from reader.core.contrast import RGB, legible

# name -> (attributes, theme colour for the text or "", theme colour for the background or "")
DECORATIONS: dict[str, tuple[str, str, str]] = {
    "title": ("bold", "primary", ""),
    "date": ("italic", "foreground-muted", ""),
    "heading-1": ("bold underline", "accent", ""),
    "heading-2": ("bold", "accent", ""),
    "heading-3": ("bold italic", "", ""),
    "heading-4": ("italic underline", "", ""),
    "note": ("", "", ""),
    "sup": ("italic", "", ""),
    "sub": ("italic", "", ""),
    "footnote": ("bold", "accent", ""),
    "quote": ("italic", "", ""),
    "quote-bar": ("dim", "", ""),
    "code": ("", "secondary", "surface"),
    "verse": ("italic", "", ""),
    "marker": ("bold", "accent", ""),
    "clipped": ("bold reverse", "accent", ""),
    "cursor": ("bold", "accent", ""),
    "bookmark": ("bold", "warning", ""),
    "em": ("italic", "", ""),
    "strong": ("bold", "", ""),
    "inline-code": ("", "secondary", "surface"),
    "link": ("italic underline", "accent", ""),
    "strike": ("strike", "", ""),
    # Mentions: coloured by kind and underlined (the underline is what shows without colour).
    "mention-person": ("underline", "primary", ""),
    "mention-place": ("underline", "success", ""),
    "mention-event": ("underline", "warning", ""),
    "mention-organisation": ("underline", "secondary", ""),
    "mention-idea": ("underline", "accent", ""),
    "mention-quote": ("underline", "accent", ""),
    "mention-other": ("underline", "", ""),
    "mention-focus": ("reverse bold", "", ""),
    "search-match": ("reverse", "", ""),
    "search-current": ("reverse bold underline", "warning", ""),
    "flash": ("reverse bold", "accent", ""),
    "selection": ("reverse", "", ""),
}


def is_ansi(variables: Mapping[str, str]) -> bool:
    """Whether the theme leaves its colours to the terminal (`ansi-dark`, `ansi-light`)."""
    return variables.get("background", "").startswith("ansi_")


def decoration_style(name: str, variables: Mapping[str, str]) -> Style:
    """The Rich style of decoration `name` under a theme's CSS `variables`."""
    attributes, foreground, background = DECORATIONS[name]
    style = Style.parse(attributes) if attributes else Style()
    if is_ansi(variables):
        return style
    page = _rgb(variables, "background") or (0, 0, 0)
    behind = _rgb(variables, background) or page
    colour = _rgb(variables, foreground)
    if colour is None and background:  # a background of its own: the text must read on it
        colour = _rgb(variables, "foreground")
    if colour is not None:
        colour = legible(colour, behind)
    if colour is None and not background:
        return style
    return style + Style(
        color=None if colour is None else _hex(colour), bgcolor=_hex(behind) if background else None
    )


def _rgb(variables: Mapping[str, str], name: str) -> RGB | None:
    """The theme variable `name` as an opaque colour over the page (a theme may give an
    alpha, as `foreground-muted` does)."""
    if not name or name not in variables:
        return None
    try:
        colour = Color.parse(variables[name])
        if colour.a < 1 and name != "background":
            page = Color.parse(variables.get("background", "#000000"))
            colour = page.blend(colour.with_alpha(1.0), colour.a)
    except Exception:  # a theme variable that is not a plain colour
        return None
    return colour.rgb


def _hex(colour: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)
