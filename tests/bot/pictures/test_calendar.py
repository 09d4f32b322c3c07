"""The streak calendar: each day's cell has its state's colour; an admin fix shows as counted."""

from __future__ import annotations

import io
from datetime import date, timedelta

from PIL import Image

from bot import streaks
from bot.pictures.calendar import STATES, WEEKS, cell_box, first_day, state_colour, streak_calendar

TODAY = date(2026, 11, 21)  # a Saturday


def history() -> streaks.MemberStreak:
    """Posts on the last 20 days: solved, one fixed by an admin, misses, a freeze, today open."""
    posted = [TODAY - timedelta(days=i) for i in range(20)]
    solved = [d for d in posted if d not in {TODAY - timedelta(days=3), TODAY - timedelta(days=9)}]
    solved = [d for d in solved if d not in {TODAY - timedelta(days=15), TODAY}]
    fixes = [streaks.Fix(TODAY - timedelta(days=9), by="ana", note="bot was down")]
    return streaks.member_streak(posted, solved, fixes, open_from=TODAY)


def states_of(standing: streaks.MemberStreak) -> dict[date, str]:
    return {entry.day: entry.outcome for entry in standing.timeline}


def pixel(png: bytes, day: date) -> tuple[int, int, int]:
    left, top, right, bottom = cell_box(day, TODAY)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return image.getpixel(((left + right) // 2, (top + bottom) // 2))


def test_cells_sampled_at_their_positions_have_the_state_colours() -> None:
    standing = history()
    states = states_of(standing)
    png = streak_calendar(
        states, TODAY, current=standing.current, longest=standing.longest, freezes=standing.freezes
    )
    assert states[TODAY - timedelta(days=9)] == "fixed"
    assert pixel(png, TODAY - timedelta(days=9)) == state_colour("fixed", "light")
    assert pixel(png, TODAY - timedelta(days=9)) != state_colour("missed", "light")
    assert pixel(png, TODAY) == state_colour("pending", "light")
    assert pixel(png, TODAY - timedelta(days=1)) == state_colour("solved", "light")
    for day, state in states.items():
        assert pixel(png, day) == state_colour(state, "light"), (day, state)
    assert {"missed"} <= set(states.values())
    assert pixel(png, TODAY - timedelta(days=40)) == state_colour("none", "light")


def test_every_state_has_a_distinct_colour_in_both_themes() -> None:
    for theme in ("light", "dark"):
        assert len({state_colour(s, theme) for s in STATES}) == len(STATES)


def test_the_calendar_spans_twelve_weeks_ending_today() -> None:
    assert first_day(TODAY).weekday() == 0
    assert (TODAY - first_day(TODAY)).days == 7 * (WEEKS - 1) + TODAY.weekday()
    assert cell_box(first_day(TODAY), TODAY)[:2] < cell_box(TODAY, TODAY)[:2]


def test_a_dark_calendar_has_a_dark_background() -> None:
    png = streak_calendar({}, TODAY, current=0, longest=0, freezes=0, theme="dark")
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert sum(image.getpixel((2, 2))) < 200
