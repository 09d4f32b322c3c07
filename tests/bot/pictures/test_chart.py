"""The leaderboard chart: a PNG with a bar per solver, longest for the most solves."""

from __future__ import annotations

import io

from PIL import Image

from bot.pictures.chart import BAR, BAR_LEFT, ROW, leaderboard_chart
from bot.pictures.theme import rgb


def bar_length(image: Image.Image, row: int) -> int:
    y = 110 + row * ROW + 15
    return sum(1 for x in range(BAR_LEFT, image.width) if image.getpixel((x, y)) == rgb(BAR))


def test_bars_are_as_long_as_the_solves() -> None:
    rows = [("ana", 10), ("ben", 5), ("a" * 40, 1)]
    png = leaderboard_chart(rows, period="this week", group_current=3, group_longest=7)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    first, second, third = (bar_length(image, i) for i in range(3))
    assert first > second > third > 0
    assert abs(first - 2 * second) <= 2


def test_an_empty_period_still_draws() -> None:
    png = leaderboard_chart([], period="this month", group_current=0, group_longest=0)
    assert Image.open(io.BytesIO(png)).format == "PNG"
