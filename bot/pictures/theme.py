"""The two card themes: an opaque light card by default, a dark one for groups that ask."""

from __future__ import annotations

from dataclasses import dataclass

THEMES = ("light", "dark")


@dataclass(frozen=True)
class Palette:
    """The colours of one theme, as #rrggbb."""

    background: str
    ink: str
    muted: str
    grid: str


PALETTES = {
    "light": Palette(background="#ffffff", ink="#1b1d21", muted="#6b7079", grid="#e3e5e8"),
    "dark": Palette(background="#1e1f22", ink="#eef0f3", muted="#a3a8b0", grid="#3a3c41"),
}


def palette(theme: str) -> Palette:
    """The palette of `theme`; an unknown theme gets the light card."""
    return PALETTES.get(theme, PALETTES["light"])


def rgb(colour: str) -> tuple[int, int, int]:
    """`#rrggbb` as an RGB triple."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
