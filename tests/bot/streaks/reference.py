"""Reference models: the streak rules replayed one calendar day at a time, as plainly as possible.

They walk every calendar day (not just posted ones), recurse instead of looping, and track
freezes with their own counter of solves since the last freeze, so they share no structure
with bot.streaks beyond the rules themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

# (day, outcome, streak after, freezes after, freeze event or "")
Row = tuple[date, str, int, int, str]


@dataclass(frozen=True)
class Day:
    """What happened on one calendar day for one member."""

    posted: bool
    solved: bool
    fixed: bool
    open: bool  # the deadline has not passed yet


def member_rows(
    start: date, calendar: list[Day], streak: int = 0, bank: int = 0, since_freeze: int = 0
) -> list[Row]:
    """The member's timeline from `start` on, one row per day that counts as posted."""
    if not calendar:
        return []
    today, rest, tomorrow = calendar[0], calendar[1:], start + timedelta(days=1)
    if not (today.posted or today.solved or today.fixed):
        return member_rows(tomorrow, rest, streak, bank, since_freeze)
    if today.solved or today.fixed:
        since_freeze += 1
        event = ""
        if since_freeze == 7:
            since_freeze = 0
            event = "earned" if bank < 2 else "lost"
            bank = bank + 1 if bank < 2 else bank
        row = (start, "solved" if today.solved else "fixed", streak + 1, bank, event)
        return [row, *member_rows(tomorrow, rest, streak + 1, bank, since_freeze)]
    if today.open:
        return [
            (start, "pending", streak, bank, ""),
            *member_rows(tomorrow, rest, streak, bank, since_freeze),
        ]
    if bank > 0:
        return [
            (start, "frozen", streak, bank - 1, ""),
            *member_rows(tomorrow, rest, streak, bank - 1, since_freeze),
        ]
    return [(start, "missed", 0, 0, ""), *member_rows(tomorrow, rest, 0, 0, 0)]


def group_rows(
    posted: list[date], solvers: dict[date, int], k: int, open_from: date | None
) -> list[tuple[date, str, int]]:
    """The group's timeline: each day's streak counted backwards over the days before it."""
    days = sorted(set(posted) | {day for day, count in solvers.items() if count})
    rows = []
    for index, day in enumerate(days):
        outcome = _group_outcome(day, solvers.get(day, 0), k, open_from)
        streak = 0
        for earlier in reversed(days[: index + 1]):
            earlier_outcome = _group_outcome(earlier, solvers.get(earlier, 0), k, open_from)
            if earlier_outcome == "missed":
                break
            streak += earlier_outcome == "solved"
        rows.append((day, outcome, streak))
    return rows


def _group_outcome(day: date, solvers: int, k: int, open_from: date | None) -> str:
    if solvers >= k:
        return "solved"
    return "pending" if open_from is not None and day >= open_from else "missed"
