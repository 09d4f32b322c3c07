"""The leaderboard chart: the period's top solvers as bars, and the group's streak."""

from __future__ import annotations

import io
from collections.abc import Sequence

from bot.pictures.theme import palette, rgb

ROW, BAR_LEFT, WIDTH = 44, 230, 760
BAR = "#1a7f37"
NAME = 20  # characters of a name drawn; the text reply has the whole name


def leaderboard_chart(
    rows: Sequence[tuple[str, int]],
    *,
    period: str,
    group_current: int,
    group_longest: int,
    theme: str = "light",
) -> bytes:
    """The chart as PNG: one bar per (name, solved) row, longest first as given."""
    from PIL import Image, ImageDraw, ImageFont  # here: only the workers load Pillow

    colours = palette(theme)
    height = 110 + max(len(rows), 1) * ROW + 20
    image = Image.new("RGB", (WIDTH, height), rgb(colours.background))
    draw = ImageDraw.Draw(image)
    title = ImageFont.load_default(size=26)
    small = ImageFont.load_default(size=18)
    draw.text((24, 18), f"Top solvers · {period}", font=title, fill=rgb(colours.ink))
    draw.text(
        (24, 58),
        f"Group streak {group_current} · longest {group_longest}",
        font=small,
        fill=rgb(colours.muted),
    )
    most = max((count for _, count in rows), default=0) or 1
    span = WIDTH - BAR_LEFT - 70
    for i, (name, count) in enumerate(rows):
        y = 110 + i * ROW
        shown = name if len(name) <= NAME else name[: NAME - 1] + "…"
        draw.text((24, y + 14), shown, font=small, fill=rgb(colours.ink), anchor="lm")
        draw.rectangle(
            (BAR_LEFT, y + 2, BAR_LEFT + max(4, span * count // most), y + 28), fill=rgb(BAR)
        )
        draw.text(
            (BAR_LEFT + max(4, span * count // most) + 10, y + 14),
            str(count),
            font=small,
            fill=rgb(colours.ink),
            anchor="lm",
        )
    if not rows:
        draw.text((24, 124), "No solves yet in this period.", font=small, fill=rgb(colours.muted))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
