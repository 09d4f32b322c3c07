"""Member streaks: posted days only, freezes, pending days, admin fixes, and the timeline."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.streaks import DayEntry, Fix, MemberStreak, member_streak
from tests.bot.streaks.reference import Day, member_rows

SETTINGS = settings(max_examples=200, deadline=timedelta(seconds=1))
START = date(2026, 1, 1)


def days(*offsets: int) -> list[date]:
    """Dates counted from START."""
    return [START + timedelta(days=offset) for offset in offsets]


def run(first: int, count: int) -> list[date]:
    """`count` consecutive dates from START + `first`."""
    return days(*range(first, first + count))


def outcomes(timeline: tuple[DayEntry, ...]) -> list[str]:
    return [entry.outcome for entry in timeline]


def test_no_history_is_no_streak() -> None:
    assert member_streak([], []).timeline == ()
    assert (member_streak([], []).current, member_streak([], []).longest) == (0, 0)


def test_a_freeze_is_earned_on_day_7_and_spent_on_a_miss() -> None:
    streak = member_streak(run(0, 9), run(0, 7) + days(8))
    day_7, missed, after = streak.timeline[6:]
    assert (day_7.streak, day_7.freezes, day_7.freeze) == (7, 1, "earned")
    assert (missed.outcome, missed.streak, missed.freezes) == ("frozen", 7, 0)
    assert (after.outcome, after.streak, after.freezes) == ("solved", 8, 0)
    assert (streak.current, streak.longest, streak.freezes) == (8, 8, 0)
    assert [entry.freeze for entry in streak.timeline].count("earned") == 1


def test_the_bank_holds_two_and_a_third_freeze_is_lost() -> None:
    streak = member_streak(run(0, 24), run(0, 21))
    assert [(e.streak, e.freeze) for e in streak.timeline if e.freeze] == [
        (7, "earned"),
        (14, "earned"),
        (21, "lost"),
    ]
    assert streak.timeline[20].freezes == 2
    assert outcomes(streak.timeline[21:]) == ["frozen", "frozen", "missed"]
    assert (streak.current, streak.longest, streak.freezes) == (0, 21, 0)


def test_a_frozen_day_neither_adds_nor_earns() -> None:
    solved = run(0, 7) + run(8, 7)  # 7 solves, a miss, 7 more: the second freeze comes at 14
    streak = member_streak(run(0, 15), solved)
    assert [(e.day, e.freeze) for e in streak.timeline if e.freeze] == [
        (days(6)[0], "earned"),
        (days(14)[0], "earned"),
    ]
    assert (streak.current, streak.freezes) == (14, 1)


def test_without_a_freeze_a_miss_resets() -> None:
    streak = member_streak(run(0, 5), days(0, 1, 3, 4))
    assert outcomes(streak.timeline) == ["solved", "solved", "missed", "solved", "solved"]
    assert [e.streak for e in streak.timeline] == [1, 2, 0, 1, 2]
    assert (streak.current, streak.longest) == (2, 2)


def test_days_without_a_post_neither_count_nor_break() -> None:
    posted = days(0, 1, 5, 6, 20)
    streak = member_streak(posted, posted)
    assert [e.day for e in streak.timeline] == posted
    assert streak.current == 5


def test_pending_today_does_not_break_or_spend() -> None:
    posted, solved = run(0, 8), run(0, 7)
    pending = member_streak(posted, solved, open_from=days(7)[0])
    assert pending.timeline[-1].outcome == "pending"
    assert (pending.current, pending.freezes) == (7, 1)
    closed = member_streak(posted, solved)
    assert closed.timeline[-1].outcome == "frozen"
    assert (closed.current, closed.freezes) == (7, 0)


def test_both_days_open_in_the_grace_hour_can_pend() -> None:
    streak = member_streak(run(0, 3), days(0), open_from=days(1)[0])
    assert outcomes(streak.timeline) == ["solved", "pending", "pending"]
    assert streak.current == 1


def test_a_solve_on_an_open_day_counts_at_once() -> None:
    streak = member_streak(run(0, 2), run(0, 2), open_from=days(1)[0])
    assert outcomes(streak.timeline) == ["solved", "solved"]
    assert streak.current == 2


def test_a_fix_repairs_a_miss_and_says_who_and_why() -> None:
    posted, solved = run(0, 3), days(0, 2)
    assert member_streak(posted, solved).current == 1
    fix = Fix(days(1)[0], by="ada", note="bot was down")
    streak = member_streak(posted, solved, [fix])
    assert outcomes(streak.timeline) == ["solved", "fixed", "solved"]
    assert streak.timeline[1].fixes == (fix,)
    assert streak.current == 3


def test_a_fix_on_a_day_without_a_post_makes_it_count() -> None:
    streak = member_streak(days(0, 2), days(0, 2), days(1))
    assert [(e.day, e.outcome) for e in streak.timeline] == list(
        zip(run(0, 3), ["solved", "fixed", "solved"], strict=True)
    )
    assert streak.timeline[1].fixes == (Fix(days(1)[0]),)
    assert streak.current == 3


def test_a_fix_on_a_solved_day_keeps_the_solve_and_the_record() -> None:
    fixes = [Fix(days(0)[0], by="ada"), Fix(days(0)[0], by="bo", note="again")]
    entry = member_streak(days(0), days(0), fixes).timeline[0]
    assert (entry.outcome, entry.streak, entry.fixes) == ("solved", 1, tuple(fixes))


def test_a_fix_earns_a_freeze_like_a_solve() -> None:
    streak = member_streak(run(0, 7), run(0, 6), days(6))
    assert (streak.timeline[-1].outcome, streak.timeline[-1].freeze) == ("fixed", "earned")


def test_a_solve_on_a_day_the_ledger_missed_counts() -> None:
    streak = member_streak(days(0, 2), days(0, 1, 2))
    assert [e.day for e in streak.timeline] == run(0, 3)
    assert streak.current == 3


def test_more_solves_can_leave_a_shorter_streak() -> None:
    # Freezes come at streak 7, 14, 21..., so one more early solve moves the third one onto a
    # full bank, where it is lost; later a miss that it would have covered resets the streak.
    posted = run(0, 25)
    fewer = member_streak(posted, [*run(1, 20), *days(23)])
    more = member_streak(posted, [*run(0, 21), *days(23)])
    assert (fewer.current, more.current) == (21, 0)
    assert more.timeline[20].freeze == "lost"
    assert fewer.timeline[23].freeze == "earned"


# Random histories: each calendar day is posted, solved and fixed with odds drawn per history
# (out of 256, one random byte per day and event), so long runs and full banks both occur.
@st.composite
def histories(draw: st.DrawFn) -> tuple[date, list[Day]]:
    start = draw(st.dates(date(2020, 1, 1), date(2030, 12, 31)))
    length = draw(st.integers(0, 90))
    posted = draw(st.integers(0, 256))
    solved = draw(st.integers(0, 256))
    fixed = draw(st.integers(0, 40))
    open_at = draw(st.none() | st.integers(0, length))
    noise = draw(st.binary(min_size=3 * length, max_size=3 * length))
    calendar = [
        Day(
            posted=noise[3 * index] < posted,
            solved=noise[3 * index + 1] < solved,
            fixed=noise[3 * index + 2] < fixed,
            open=open_at is not None and index >= open_at,
        )
        for index in range(length)
    ]
    return start, calendar


def call(start: date, calendar: list[Day]) -> MemberStreak:
    """member_streak on the calendar's events, with the first open day if any."""
    dated = [(start + timedelta(days=index), day) for index, day in enumerate(calendar)]
    open_days = [when for when, day in dated if day.open]
    return member_streak(
        [when for when, day in dated if day.posted],
        [when for when, day in dated if day.solved],
        [Fix(when, by="admin") for when, day in dated if day.fixed],
        open_from=open_days[0] if open_days else None,
    )


def rows(timeline: tuple[DayEntry, ...]) -> list[tuple[date, str, int, int, str]]:
    return [(e.day, e.outcome, e.streak, e.freezes, e.freeze or "") for e in timeline]


@SETTINGS
@given(histories())
def test_member_streak_agrees_with_the_reference(history: tuple[date, list[Day]]) -> None:
    start, calendar = history
    streak = call(start, calendar)
    expected = member_rows(start, calendar)
    assert rows(streak.timeline) == expected
    assert streak.current == (expected[-1][2] if expected else 0)
    assert streak.freezes == (expected[-1][3] if expected else 0)
    assert streak.longest == max((row[2] for row in expected), default=0)


@SETTINGS
@given(histories())
def test_invariants_hold(history: tuple[date, list[Day]]) -> None:
    streak = call(*history)
    assert all(0 <= entry.freezes <= 2 for entry in streak.timeline)
    assert 0 <= streak.current <= streak.longest
    assert streak.longest <= sum(e.outcome in ("solved", "fixed") for e in streak.timeline)
    assert [e.day for e in streak.timeline] == sorted({e.day for e in streak.timeline})
    assert all(
        bool(e.fixes) == (e.outcome == "fixed") for e in streak.timeline if e.outcome != "solved"
    )


@SETTINGS
@given(histories())
def test_days_without_a_post_do_not_matter(history: tuple[date, list[Day]]) -> None:
    start, calendar = history
    counted = [day for day in calendar if day.posted or day.solved or day.fixed]
    spread, packed = call(start, calendar), call(start, counted)
    assert [r[1:] for r in rows(spread.timeline)] == [r[1:] for r in rows(packed.timeline)]
    assert (spread.current, spread.longest) == (packed.current, packed.longest)


@SETTINGS
@given(histories())
def test_a_pending_day_changes_nothing(history: tuple[date, list[Day]]) -> None:
    start, calendar = history
    settled = [
        Day(
            posted=day.posted and not (day.open and not (day.solved or day.fixed)),
            solved=day.solved,
            fixed=day.fixed,
            open=day.open,
        )
        for day in calendar
    ]
    with_pending, without = call(start, calendar), call(start, settled)
    assert (with_pending.current, with_pending.longest, with_pending.freezes) == (
        without.current,
        without.longest,
        without.freezes,
    )
