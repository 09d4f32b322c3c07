"""The progress map: each topic of the track as a tile coloured by where the member stands."""

from __future__ import annotations

import io
from collections.abc import Sequence

from bot.pictures.theme import palette, rgb

COLUMNS, TILE_W, TILE_H, GAP, MARGIN, TOP = 3, 250, 40, 8, 24, 96
NAME = 26  # characters of a topic name drawn; the text reply has the whole name
STATE_COLOURS = {
    "solved": "#1a7f37",
    "reviewing": "#d4a72c",
    "weak": "#cf222e",
    "not started": "#8c959f",
}


def tile_at(index: int) -> tuple[int, int]:
    """The top-left corner of the `index`-th tile (row by row)."""
    row, column = divmod(index, COLUMNS)
    return MARGIN + column * (TILE_W + GAP), TOP + row * (TILE_H + GAP)


def progress_map(topics: Sequence[tuple[str, str]], *, title: str, theme: str = "light") -> bytes:
    """The map as PNG: one tile per (topic name, state), in the track's order, and a legend."""
    from PIL import Image, ImageDraw, ImageFont  # here: only the workers load Pillow

    colours = palette(theme)
    rows = max(1, -(-len(topics) // COLUMNS))
    width = 2 * MARGIN + COLUMNS * TILE_W + (COLUMNS - 1) * GAP
    image = Image.new("RGB", (width, TOP + rows * (TILE_H + GAP) + MARGIN), rgb(colours.background))
    draw = ImageDraw.Draw(image)
    draw.text((MARGIN, 18), title, font=ImageFont.load_default(size=26), fill=rgb(colours.ink))
    small = ImageFont.load_default(size=16)
    x = MARGIN
    for state, colour in STATE_COLOURS.items():
        draw.rectangle((x, 60, x + 16, 76), fill=rgb(colour))
        draw.text((x + 22, 68), state, font=small, fill=rgb(colours.muted), anchor="lm")
        x += 40 + int(draw.textlength(state, font=small))
    for index, (name, state) in enumerate(topics):
        left, top = tile_at(index)
        draw.rectangle((left, top, left + TILE_W, top + TILE_H), fill=rgb(STATE_COLOURS[state]))
        shown = name if len(name) <= NAME else name[: NAME - 1] + "…"
        draw.text(
            (left + 10, top + TILE_H // 2), shown, font=small, fill=(255, 255, 255), anchor="lm"
        )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
