"""Colour contrast as WCAG 2 defines it, and the nearest legible colour.

A theme's accent may be a fine colour for a border and an unreadable one for text: the
reading view asks `legible` for the colour nearest to the theme's that reaches the
contrast AA asks of text (4.5:1) against the background it is drawn on.
"""

from __future__ import annotations

RGB = tuple[int, int, int]

AA = 4.5
"""WCAG 2 level AA for normal text."""
_STEPS = 40


def _channel(value: int) -> float:
    scaled = value / 255
    return scaled / 12.92 if scaled <= 0.04045 else ((scaled + 0.055) / 1.055) ** 2.4


def luminance(colour: RGB) -> float:
    """Relative luminance, 0 for black to 1 for white."""
    red, green, blue = (_channel(value) for value in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: RGB, second: RGB) -> float:
    """From 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _mix(colour: RGB, target: RGB, amount: float) -> RGB:
    red, green, blue = (round(a + (b - a) * amount) for a, b in zip(colour, target, strict=True))
    return (red, green, blue)


def legible(colour: RGB, background: RGB, minimum: float = AA) -> RGB:
    """`colour`, or the colour nearest to it on the way to white or black (whichever is
    further from `background`) that reaches `minimum` contrast against `background`."""
    if contrast_ratio(colour, background) >= minimum:
        return colour
    white, black = (255, 255, 255), (0, 0, 0)
    target = white if contrast_ratio(white, background) >= contrast_ratio(black, background) else black
    for step in range(1, _STEPS + 1):
        mixed = _mix(colour, target, step / _STEPS)
        if contrast_ratio(mixed, background) >= minimum:
            return mixed
    return target
