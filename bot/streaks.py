"""Pure streak engine: posted days and solves in, streaks and an auditable timeline out.

Nothing here reads a clock, a file or the database; the caller maps events to local dates.

Rules, as implemented:
- A day counts when it is solved before `deadline(day)`: the local midnight that ends it plus
  the grace, an elapsed hour (so across a DST change at midnight its wall time may not be 01:00).
- Only posted days matter: a day without a post neither counts nor breaks a streak. A solve or
  an admin fix on a day with no post makes it a posted day for that member (a fix repairs an
  outage; a solve proves the problem was out even if the posting ledger lost the row).
- The streak counts solved (or fixed) days. Each time it reaches a multiple of 7 a freeze is
  earned; the bank holds 2 and a freeze earned beyond that is lost (the timeline says so).
- An unsolved posted day whose deadline has passed spends a banked freeze (the streak keeps its
  count) or, with none banked, resets the streak to 0. A frozen day neither adds nor earns.
- An unsolved posted day whose deadline has not passed is pending: it changes nothing yet.
- A group day counts when at least K members solved it; groups have no freezes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal, Protocol
from zoneinfo import ZoneInfo

GRACE = timedelta(hours=1)
FREEZE_EVERY = 7
FREEZE_BANK = 2

Outcome = Literal["solved", "fixed", "frozen", "missed", "pending"]
FreezeEvent = Literal["earned", "lost"]
GroupOutcome = Literal["solved", "missed", "pending"]

STRIP_SYMBOLS: Mapping[str, str] = {
    "solved": "■",
    "fixed": "■",
    "frozen": "❄",
    "missed": "□",
    "pending": "○",
}
NO_POST = "·"

_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Fix:
    """An admin's correction: the member's `day` counts as solved."""

    day: date
    by: str = ""
    note: str = ""


@dataclass(frozen=True)
class DayEntry:
    """One posted day of a member's timeline, with the streak and freezes banked after it."""

    day: date
    outcome: Outcome
    streak: int
    freezes: int
    freeze: FreezeEvent | None = None  # a freeze earned, or lost because the bank was full
    fixes: tuple[Fix, ...] = ()


@dataclass(frozen=True)
class MemberStreak:
    """A member's current and longest streak, freezes banked, and how they came about."""

    current: int
    longest: int
    freezes: int
    timeline: tuple[DayEntry, ...]


@dataclass(frozen=True)
class GroupDay:
    """One posted day of a group's timeline, with the streak after it."""

    day: date
    outcome: GroupOutcome
    streak: int
    solvers: int


@dataclass(frozen=True)
class GroupStreak:
    """A group's current and longest streak and how they came about."""

    current: int
    longest: int
    timeline: tuple[GroupDay, ...]


class TimelineEntry(Protocol):
    """A day of a member's or a group's timeline."""

    @property
    def day(self) -> date: ...

    @property
    def outcome(self) -> str: ...


def day_start(day: date, zone: ZoneInfo) -> datetime:
    """The first instant (UTC) of local `day`: its midnight, or the end of a gap that skips it."""
    wall = datetime.combine(day, time())
    instant = wall.replace(tzinfo=zone).astimezone(UTC)  # fold=0: the first of two midnights
    if _wall(instant, zone) == wall:
        return instant
    return _gap_end(wall, zone)


def _gap_end(wall: datetime, zone: ZoneInfo) -> datetime:
    """The transition instant at which the clock jumps over `wall` (a time that never exists)."""
    # In a gap, fold=1 reads `wall` with the later offset (an instant before the jump) and
    # fold=0 with the earlier one (an instant after it); transitions fall on whole seconds.
    before = int(wall.replace(tzinfo=zone, fold=1).timestamp())
    after = int(wall.replace(tzinfo=zone, fold=0).timestamp())
    while after - before > 1:
        middle = (before + after) // 2
        if _wall(datetime.fromtimestamp(middle, UTC), zone) < wall:
            before = middle
        else:
            after = middle
    return datetime.fromtimestamp(after, UTC)


def _wall(instant: datetime, zone: ZoneInfo) -> datetime:
    """The naive local wall-clock time of `instant` in `zone`."""
    return instant.astimezone(zone).replace(tzinfo=None)


def deadline(local_date: date, zone: ZoneInfo, grace: timedelta = GRACE) -> datetime:
    """The instant (UTC) before which a solve counts for `local_date`."""
    return day_start(local_date + _DAY, zone) + grace


def counts_for_day(
    solved_at: datetime, local_date: date, zone: ZoneInfo, grace: timedelta = GRACE
) -> bool:
    """Whether a solve at the aware instant `solved_at` is in time for `local_date`."""
    _require_aware(solved_at)
    return solved_at.astimezone(UTC) < deadline(local_date, zone, grace)


def _require_aware(instant: datetime) -> None:
    """Refuse a naive datetime: it would silently be read in the machine's own zone."""
    if instant.utcoffset() is None:
        raise ValueError("expected a timezone-aware datetime")


def first_open_day(now: datetime, zone: ZoneInfo, grace: timedelta = GRACE) -> date:
    """The earliest local date whose deadline is still ahead of the aware instant `now`."""
    _require_aware(now)
    day = (now - grace).astimezone(zone).date()
    # Only after a fall-back across midnight (local dates running backwards) is this needed.
    while deadline(day, zone, grace) <= now:
        day += _DAY
    return day


def member_streak(
    posted_days: Iterable[date],
    solved_days: Iterable[date],
    fixed_days: Iterable[date | Fix] = (),
    *,
    open_from: date | None = None,
) -> MemberStreak:
    """A member's streak; unsolved days from `open_from` on (see `first_open_day`) are pending.

    `fixed_days` takes plain dates or `Fix` records (who and why, kept in the timeline).
    """
    solved = set(solved_days)
    fixes = _fixes_by_day(fixed_days)
    streak = freezes = 0
    timeline: list[DayEntry] = []
    for day in sorted(set(posted_days) | solved | fixes.keys()):
        is_open = open_from is not None and day >= open_from
        entry = _member_day(day, day in solved, fixes.get(day, ()), is_open, streak, freezes)
        streak, freezes = entry.streak, entry.freezes
        timeline.append(entry)
    return MemberStreak(streak, _longest(timeline), freezes, tuple(timeline))


def _fixes_by_day(fixed_days: Iterable[date | Fix]) -> dict[date, tuple[Fix, ...]]:
    """Fixes grouped by day, in the order given."""
    grouped: dict[date, tuple[Fix, ...]] = {}
    for item in fixed_days:
        fix = item if isinstance(item, Fix) else Fix(item)
        grouped[fix.day] = (*grouped.get(fix.day, ()), fix)
    return grouped


def _member_day(
    day: date, solved: bool, fixes: tuple[Fix, ...], is_open: bool, streak: int, freezes: int
) -> DayEntry:
    """The entry for one posted day, given the streak and freezes banked before it."""
    if solved or fixes:
        outcome: Outcome = "solved" if solved else "fixed"
        streak += 1
        if streak % FREEZE_EVERY:
            return DayEntry(day, outcome, streak, freezes, fixes=fixes)
        if freezes < FREEZE_BANK:
            return DayEntry(day, outcome, streak, freezes + 1, "earned", fixes)
        return DayEntry(day, outcome, streak, freezes, "lost", fixes)
    if is_open:
        return DayEntry(day, "pending", streak, freezes)
    if freezes:
        return DayEntry(day, "frozen", streak, freezes - 1)
    return DayEntry(day, "missed", 0, 0)


def group_streak(
    posted_days: Iterable[date],
    solvers_per_day: Mapping[date, int],
    k: int,
    *,
    open_from: date | None = None,
) -> GroupStreak:
    """A group's streak of days with at least `k` solvers; short days from `open_from` pend.

    Count a member's fixed day as a solve in `solvers_per_day`; a day with solvers but no post
    counts as posted, as it does for members.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    streak = 0
    timeline: list[GroupDay] = []
    for day in sorted(set(posted_days) | {d for d, n in solvers_per_day.items() if n > 0}):
        solvers = solvers_per_day.get(day, 0)
        outcome: GroupOutcome
        if solvers >= k:
            outcome, streak = "solved", streak + 1
        elif open_from is not None and day >= open_from:
            outcome = "pending"
        else:
            outcome, streak = "missed", 0
        timeline.append(GroupDay(day, outcome, streak, solvers))
    return GroupStreak(streak, _longest(timeline), tuple(timeline))


def _longest(timeline: Iterable[DayEntry | GroupDay]) -> int:
    """The highest streak reached anywhere in a timeline."""
    return max((entry.streak for entry in timeline), default=0)


def last_days(today: date, n: int = 30) -> list[date]:
    """The `n` calendar days ending with `today`, oldest first."""
    return [today - _DAY * back for back in range(n - 1, -1, -1)]


def strip(timeline: Iterable[TimelineEntry], days: Iterable[date]) -> str:
    """One symbol per day: ■ solved or fixed, ❄ frozen, □ missed, ○ pending, · no post."""
    outcomes = {entry.day: entry.outcome for entry in timeline}
    return "".join(STRIP_SYMBOLS[outcomes[day]] if day in outcomes else NO_POST for day in days)
