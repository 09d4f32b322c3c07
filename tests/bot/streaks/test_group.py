"""Group streaks (days with at least K solvers) and the day strip."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.streaks import GroupDay, group_streak, last_days, member_streak, strip
from tests.bot.streaks.reference import group_rows

SETTINGS = settings(max_examples=200, deadline=timedelta(seconds=1))
START = date(2026, 1, 1)


def days(*offsets: int) -> list[date]:
    """Dates counted from START."""
    return [START + timedelta(days=offset) for offset in offsets]


def counts(*per_day: int) -> dict[date, int]:
    """Solvers per day from START on."""
    return {START + timedelta(days=offset): n for offset, n in enumerate(per_day)}


def test_k_2_needs_two_solvers_a_day() -> None:
    streak = group_streak(days(0, 1, 2, 3, 4), counts(2, 3, 1, 2, 2), k=2)
    assert [(e.outcome, e.streak) for e in streak.timeline] == [
        ("solved", 1),
        ("solved", 2),
        ("missed", 0),
        ("solved", 1),
        ("solved", 2),
    ]
    assert (streak.current, streak.longest) == (2, 2)
    assert [e.solvers for e in streak.timeline] == [2, 3, 1, 2, 2]


def test_k_1_for_a_small_group() -> None:
    streak = group_streak(days(0, 1, 2, 3, 4), counts(2, 3, 1, 2, 2), k=1)
    assert [e.outcome for e in streak.timeline] == ["solved"] * 5
    assert (streak.current, streak.longest) == (5, 5)


def test_groups_have_no_freezes() -> None:
    streak = group_streak(days(*range(9)), counts(*[2] * 7, 0, 2), k=2)
    assert streak.timeline[7].outcome == "missed"
    assert (streak.current, streak.longest) == (1, 7)


def test_days_without_a_post_are_skipped() -> None:
    posted = days(0, 3, 10)
    streak = group_streak(posted, dict.fromkeys(posted, 2), k=2)
    assert [e.day for e in streak.timeline] == posted
    assert streak.current == 3


def test_a_short_day_pends_until_its_deadline() -> None:
    per_day = counts(2, 2, 1)
    pending = group_streak(days(0, 1, 2), per_day, k=2, open_from=days(2)[0])
    assert (pending.timeline[-1].outcome, pending.current) == ("pending", 2)
    assert group_streak(days(0, 1, 2), per_day, k=2).current == 0
    met = group_streak(days(0, 1, 2), counts(2, 2, 2), k=2, open_from=days(2)[0])
    assert (met.timeline[-1].outcome, met.current) == ("solved", 3)


def test_a_day_with_solvers_but_no_post_counts() -> None:
    streak = group_streak(days(0, 2), counts(2, 2, 2), k=2)
    assert [e.day for e in streak.timeline] == days(0, 1, 2)
    assert streak.current == 3


def test_k_must_be_positive() -> None:
    with pytest.raises(ValueError, match="k must be at least 1"):
        group_streak([], {}, k=0)


def test_strip_shows_every_outcome_and_days_without_a_post() -> None:
    # Day 5 is fixed without a post; day 6 is the 7th and earns the freeze spent on day 8.
    posted = days(0, 1, 2, 3, 4, 6, 8, 9, 10)
    member = member_streak(posted, days(0, 1, 2, 3, 4, 6), days(5), open_from=days(10)[0])
    assert [e.outcome for e in member.timeline][-5:] == [
        "fixed",
        "solved",
        "frozen",
        "missed",
        "pending",
    ]
    assert strip(member.timeline, days(*range(-1, 11))) == "·■■■■■■■·❄□○"


def test_strip_of_a_group() -> None:
    group = group_streak(days(0, 1, 3), counts(2, 1, 0, 0), k=2, open_from=days(3)[0])
    assert strip(group.timeline, days(0, 1, 2, 3)) == "■□·○"


def test_last_days_ends_today_oldest_first() -> None:
    window = last_days(date(2026, 3, 2), 30)
    assert window == [date(2026, 2, 1) + timedelta(days=n) for n in range(30)]
    assert strip((), window) == "·" * 30


@st.composite
def group_histories(draw: st.DrawFn) -> tuple[list[date], dict[date, int], int, date | None]:
    start = draw(st.dates(date(2020, 1, 1), date(2030, 12, 31)))
    length, posted_odds = draw(st.integers(0, 90)), draw(st.integers(0, 256))
    noise = draw(st.binary(min_size=2 * length, max_size=2 * length))
    calendar = [start + timedelta(days=index) for index in range(length)]
    posted = [day for index, day in enumerate(calendar) if noise[2 * index] < posted_odds]
    # 0 to 5 solvers a day, or no entry at all (one byte value in seven).
    solvers = {
        day: noise[2 * index + 1] % 7
        for index, day in enumerate(calendar)
        if noise[2 * index + 1] % 7 < 6
    }
    open_from = draw(st.none() | st.sampled_from(calendar)) if calendar else None
    return posted, solvers, draw(st.integers(1, 4)), open_from


def rows(timeline: tuple[GroupDay, ...]) -> list[tuple[date, str, int]]:
    return [(e.day, e.outcome, e.streak) for e in timeline]


@SETTINGS
@given(group_histories())
def test_group_streak_agrees_with_the_reference(
    history: tuple[list[date], dict[date, int], int, date | None],
) -> None:
    posted, solvers, k, open_from = history
    streak = group_streak(posted, solvers, k, open_from=open_from)
    expected = group_rows(posted, solvers, k, open_from)
    assert rows(streak.timeline) == expected
    assert streak.current == (expected[-1][2] if expected else 0)
    assert streak.longest == max((row[2] for row in expected), default=0)


@SETTINGS
@given(group_histories())
def test_a_lower_k_never_shortens_a_group_streak(
    history: tuple[list[date], dict[date, int], int, date | None],
) -> None:
    posted, solvers, k, open_from = history
    strict = group_streak(posted, solvers, k + 1, open_from=open_from)
    loose = group_streak(posted, solvers, k, open_from=open_from)
    assert [e.day for e in strict.timeline] == [e.day for e in loose.timeline]
    assert all(a.streak >= b.streak for a, b in zip(loose.timeline, strict.timeline, strict=True))
    assert loose.longest >= strict.longest
