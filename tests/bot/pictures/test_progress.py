"""The progress map: each topic's tile has its state's colour, in the track's order."""

from __future__ import annotations

import io

from PIL import Image

from bot.pictures.progress import STATE_COLOURS, TILE_H, progress_map, tile_at
from bot.pictures.theme import rgb

TOPICS = [
    ("Reading formulas", "solved"),
    ("Vectors and matrices", "reviewing"),
    ("Dot products", "weak"),
    ("Probability basics", "not started"),
    ("A topic whose name is far too long to fit on its tile", "solved"),
]


def test_each_tile_has_its_state_colour_at_its_position() -> None:
    png = progress_map(TOPICS, title="Ada's progress")
    image = Image.open(io.BytesIO(png)).convert("RGB")
    for index, (_, state) in enumerate(TOPICS):
        left, top = tile_at(index)
        corner = image.getpixel((left + 3, top + TILE_H - 3))  # clear of the name's text
        assert corner == rgb(STATE_COLOURS[state]), (index, state)


def test_the_states_have_distinct_colours_and_a_dark_map_has_a_dark_ground() -> None:
    assert len(set(STATE_COLOURS.values())) == len(STATE_COLOURS)
    dark = Image.open(io.BytesIO(progress_map(TOPICS, title="x", theme="dark"))).convert("RGB")
    assert sum(dark.getpixel((2, 2))) < 200
