"""When a group's daily post is due: one slot per local date, daylight saving resolved."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

_SECOND = timedelta(seconds=1)


def slot_for(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of `at` on `day`: a repeated time's first, a skipped time's gap end."""
    wall = datetime.combine(day, at)
    earlier = wall.replace(tzinfo=zone).astimezone(UTC)  # fold=0: the offset before a transition
    if _wall(earlier, zone) == wall:
        return earlier
    # The wall time falls in a gap; fold=1 reads it with the offset after the transition,
    # which lands before the gap, so the transition lies in (later, earlier].
    later = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    return _transition(later, earlier, zone)


def next_slot(after: datetime, at: time, zone: ZoneInfo) -> tuple[date, datetime]:
    """The first slot strictly after `after`, with the local date it belongs to."""
    day = after.astimezone(zone).date()
    while True:
        slot = _slot_on(day, at, zone)
        if slot is not None and slot > after:
            return day, slot
        day += timedelta(days=1)


def due_days(now: datetime, at: time, zone: ZoneInfo, grace: timedelta) -> list[date]:
    """The local dates whose slot lies in (now - grace, now], oldest first."""
    first = (now - grace).astimezone(zone).date()
    last = now.astimezone(zone).date()
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return [
        day
        for day in days
        if (slot := _slot_on(day, at, zone)) is not None and now - grace < slot <= now
    ]


def _slot_on(day: date, at: time, zone: ZoneInfo) -> datetime | None:
    """The slot of `day`, or None when the wall time never comes that day (the day was skipped)."""
    slot = slot_for(day, at, zone)
    return slot if slot.astimezone(zone).date() == day else None


def _wall(moment: datetime, zone: ZoneInfo) -> datetime:
    """The naive local wall time of `moment` in `zone`."""
    return moment.astimezone(zone).replace(tzinfo=None)


def _transition(before: datetime, after: datetime, zone: ZoneInfo) -> datetime:
    """The first whole second in (before, after] that has `after`'s UTC offset."""
    offset = after.astimezone(zone).utcoffset()
    low = before.replace(microsecond=0)
    high = after.replace(microsecond=0) + (_SECOND if after.microsecond else timedelta(0))
    while high - low > _SECOND:
        middle = low + (high - low) // 2
        middle = middle.replace(microsecond=0)
        if middle.astimezone(zone).utcoffset() == offset:
            high = middle
        else:
            low = middle
    return high
