"""The streak calendar: the last 12 weeks, one cell a day coloured by what the day was."""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date, timedelta

from bot.pictures.theme import palette, rgb

WEEKS = 12
CELL, GAP = 40, 6
LEFT, TOP = 70, 96  # room for the weekday names and the title
LEGEND_ROW = 34
# Distinct colours for each state of a day (a colour-blind-safe set: hue and lightness differ).
STATES = {
    "solved": ("#1a7f37", "solved"),
    "fixed": ("#0969da", "counted by an admin"),
    "frozen": ("#8fd3f4", "freeze used"),
    "missed": ("#cf222e", "missed"),
    "pending": ("#e3b341", "still open"),
    "none": ("", "no post"),  # the theme's grid colour
}
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


def first_day(today: date) -> date:
    """The Monday that starts the calendar's first week."""
    return today - timedelta(days=today.weekday() + 7 * (WEEKS - 1))


def cell_box(day: date, today: date) -> tuple[int, int, int, int]:
    """The pixel box (left, top, right, bottom) of `day`'s cell."""
    offset = (day - first_day(today)).days
    week, weekday = divmod(offset, 7)
    x, y = LEFT + week * (CELL + GAP), TOP + weekday * (CELL + GAP)
    return x, y, x + CELL, y + CELL


def state_colour(state: str, theme: str) -> tuple[int, int, int]:
    """The RGB colour a cell of `state` is filled with."""
    colour = STATES[state][0] or palette(theme).grid
    return rgb(colour)


def streak_calendar(
    states: Mapping[date, str],
    today: date,
    *,
    current: int,
    longest: int,
    freezes: int,
    theme: str = "light",
) -> bytes:
    """The calendar as PNG: `states` maps a day to solved, fixed, frozen, missed or pending."""
    from PIL import Image, ImageDraw, ImageFont  # here: only the workers load Pillow

    colours = palette(theme)
    width = LEFT + WEEKS * (CELL + GAP) + 24
    legend_top = TOP + 7 * (CELL + GAP) + 14
    height = legend_top + LEGEND_ROW * 3 + 10
    image = Image.new("RGB", (width, height), rgb(colours.background))
    draw = ImageDraw.Draw(image)
    title = ImageFont.load_default(size=26)
    small = ImageFont.load_default(size=17)
    draw.text(
        (LEFT, 18),
        f"Current {current} · Longest {longest} · Freezes {freezes}",
        font=title,
        fill=rgb(colours.ink),
    )
    draw.text(
        (LEFT, 56), f"Last {WEEKS} weeks to {today:%d %b %Y}", font=small, fill=rgb(colours.muted)
    )
    for weekday, name in enumerate(WEEKDAYS):
        y = TOP + weekday * (CELL + GAP) + CELL // 2
        draw.text((12, y), name, font=small, fill=rgb(colours.muted), anchor="lm")
    day = first_day(today)
    while day <= today:
        state = states.get(day, "none")
        draw.rounded_rectangle(cell_box(day, today), radius=6, fill=state_colour(state, theme))
        day += timedelta(days=1)
    _legend(draw, small, legend_top, width, theme)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _legend(draw: object, font: object, top: int, width: int, theme: str) -> None:
    """One swatch and its words per state, two to a row."""
    ink = rgb(palette(theme).ink)
    column = (width - LEFT) // 2
    for i, (state, (_, words)) in enumerate(STATES.items()):
        row, col = divmod(i, 2)
        x, y = LEFT + col * column, top + row * LEGEND_ROW
        draw.rounded_rectangle(  # type: ignore[attr-defined]
            (x, y, x + 22, y + 22), radius=4, fill=state_colour(state, theme)
        )
        draw.text((x + 32, y + 11), words, font=font, fill=ink, anchor="lm")  # type: ignore[attr-defined]
