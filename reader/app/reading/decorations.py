"""Rich styles for everything the reading view draws, derived from the current theme.

Built in Python from the theme's colours rather than declared as Textual component
classes: two dozen component classes cost ~15 ms at start-up, this costs nothing
until a style is first used.  Every style pairs its colour with an attribute
(bold, italic, underline, reverse) so that structure survives `NO_COLOR=1`.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.style import Style
from textual.color import Color

# name -> (attributes, theme colour for the text or "", theme colour for the background or "")
DECORATIONS: dict[str, tuple[str, str, str]] = {
    "title": ("bold", "primary", ""),
    "date": ("italic dim", "", ""),
    "heading-1": ("bold underline", "accent", ""),
    "heading-2": ("bold", "accent", ""),
    "heading-3": ("bold", "", ""),
    "heading-4": ("bold italic", "", ""),
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
    "link": ("underline", "primary", ""),
    "strike": ("strike", "", ""),
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


def decoration_style(name: str, variables: Mapping[str, str]) -> Style:
    """The Rich style of decoration `name` under a theme's CSS `variables`."""
    attributes, foreground, background = DECORATIONS[name]
    style = Style.parse(attributes) if attributes else Style()
    color = _color(variables, foreground)
    bgcolor = _color(variables, background)
    if color or bgcolor:
        style += Style(color=color, bgcolor=bgcolor)
    return style


def _color(variables: Mapping[str, str], name: str) -> str | None:
    if not name or name not in variables:
        return None
    try:
        return Color.parse(variables[name]).hex6
    except Exception:  # a theme variable that is not a plain colour
        return None
