from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.daily.slots import due_days, next_slot, slot_for

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
SANTIAGO = ZoneInfo("America/Santiago")  # changes at midnight
HONOLULU = ZoneInfo("Pacific/Honolulu")  # UTC-10
TONGA = ZoneInfo("Pacific/Tongatapu")  # UTC+13
APIA = ZoneInfo("Pacific/Apia")  # skipped 2011-12-30 entirely
HOUR = timedelta(hours=1)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "day", "at", "expected"),
    [
        (NEW_YORK, date(2026, 3, 7), time(2, 30), utc(2026, 3, 7, 7, 30)),  # EST
        (NEW_YORK, date(2026, 3, 8), time(2, 30), utc(2026, 3, 8, 7)),  # gap: 03:00 EDT
        (NEW_YORK, date(2026, 3, 8), time(2, 0), utc(2026, 3, 8, 7)),  # gap start
        (NEW_YORK, date(2026, 3, 8), time(3, 0), utc(2026, 3, 8, 7)),  # first valid time
        (NEW_YORK, date(2026, 11, 1), time(1, 30), utc(2026, 11, 1, 5, 30)),  # first, EDT
        (NEW_YORK, date(2026, 11, 2), time(1, 30), utc(2026, 11, 2, 6, 30)),  # EST
        (BERLIN, date(2026, 3, 29), time(2, 30), utc(2026, 3, 29, 1)),  # gap: 03:00 CEST
        (BERLIN, date(2026, 10, 25), time(2, 30), utc(2026, 10, 25, 0, 30)),  # first, CEST
        (SANTIAGO, date(2026, 9, 6), time(0, 0), utc(2026, 9, 6, 4)),  # midnight gap: 01:00
        (SANTIAGO, date(2026, 9, 6), time(0, 30), utc(2026, 9, 6, 4)),
        (SANTIAGO, date(2026, 4, 4), time(23, 30), utc(2026, 4, 5, 2, 30)),  # first 23:30
        (HONOLULU, date(2026, 11, 21), time(21, 0), utc(2026, 11, 22, 7)),
        (TONGA, date(2026, 11, 22), time(9, 0), utc(2026, 11, 21, 20)),
    ],
)
def test_slot_for(zone: ZoneInfo, day: date, at: time, expected: datetime) -> None:
    assert slot_for(day, at, zone) == expected


def test_fall_back_night_has_one_slot() -> None:
    at = time(1, 30)
    day, first = next_slot(utc(2026, 11, 1, 0), at, NEW_YORK)
    assert (day, first) == (date(2026, 11, 1), utc(2026, 11, 1, 5, 30))
    # The second 01:30 (06:30 UTC) is not a slot: the next one is the next day's.
    assert next_slot(first, at, NEW_YORK) == (date(2026, 11, 2), utc(2026, 11, 2, 6, 30))
    after_both = utc(2026, 11, 1, 6, 45)
    assert due_days(after_both, at, NEW_YORK, timedelta(hours=6)) == [date(2026, 11, 1)]


def test_spring_forward_posts_at_the_first_valid_time() -> None:
    day, slot = next_slot(utc(2026, 3, 8, 5), time(2, 30), NEW_YORK)
    assert day == date(2026, 3, 8)
    assert slot.astimezone(NEW_YORK).time() == time(3, 0)


def test_far_zones_key_slots_by_their_own_date() -> None:
    assert next_slot(utc(2026, 11, 22, 6), time(21), HONOLULU) == (
        date(2026, 11, 21),
        utc(2026, 11, 22, 7),
    )
    assert next_slot(utc(2026, 11, 21, 19), time(9), TONGA) == (
        date(2026, 11, 22),
        utc(2026, 11, 21, 20),
    )


def test_a_skipped_day_has_no_slot() -> None:
    at = time(9)
    first = next_slot(utc(2011, 12, 29, 0), at, APIA)
    assert first == (date(2011, 12, 29), utc(2011, 12, 29, 19))
    assert next_slot(first[1], at, APIA) == (date(2011, 12, 31), utc(2011, 12, 30, 19))
    assert due_days(utc(2011, 12, 31, 0), at, APIA, timedelta(days=2)) == [
        date(2011, 12, 29),
        date(2011, 12, 31),
    ]


def test_due_window_excludes_its_start_and_includes_now() -> None:
    slot = utc(2026, 11, 21, 10)
    grace = timedelta(hours=6)
    assert due_days(slot - timedelta(seconds=1), time(10), UTC_ZONE, grace) == []
    assert due_days(slot, time(10), UTC_ZONE, grace) == [date(2026, 11, 21)]
    assert due_days(slot + grace - timedelta(seconds=1), time(10), UTC_ZONE, grace) == [
        date(2026, 11, 21)
    ]
    assert due_days(slot + grace, time(10), UTC_ZONE, grace) == []
    assert due_days(slot + HOUR, time(10), UTC_ZONE, timedelta(days=2)) == [
        date(2026, 11, 20),
        date(2026, 11, 21),
    ]


UTC_ZONE = ZoneInfo("UTC")
ZONES = st.sampled_from(sorted(available_timezones() - {"Factory", "localtime"})).map(ZoneInfo)
INSTANTS = st.datetimes(datetime(1971, 1, 1), datetime(2037, 12, 1), timezones=st.just(UTC))
TIMES = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))


def walk(after: datetime, at: time, zone: ZoneInfo, steps: int) -> list[tuple[date, datetime]]:
    found = []
    for _ in range(steps):
        found.append(next_slot(after, at, zone))
        after = found[-1][1]
    return found


@given(INSTANTS, TIMES, ZONES)
def test_slots_fall_on_their_own_date_and_increase(
    start: datetime, at: time, zone: ZoneInfo
) -> None:
    slots = walk(start, at, zone, 60)  # two months: often across a change of offset
    assert slots[0][1] > start
    for (day, slot), (next_day, following) in pairwise(slots):
        assert next_day > day
        assert following > slot
        for skipped in range((next_day - day).days - 1):
            lost = day + timedelta(days=skipped + 1)
            assert slot_for(lost, at, zone).astimezone(zone).date() != lost
    for day, slot in slots:
        assert slot.astimezone(zone).date() == day


@given(INSTANTS, TIMES, ZONES)
def test_a_slot_is_the_wall_time_or_the_end_of_its_gap(
    start: datetime, at: time, zone: ZoneInfo
) -> None:
    for day, slot in walk(start, at, zone, 60):
        local = slot.astimezone(zone)
        if local.time() != at:  # `at` does not exist that day: the slot ends the gap
            assert local.time() > at
            just_before = (slot - timedelta(seconds=1)).astimezone(zone)
            assert just_before.utcoffset() != local.utcoffset()
        else:  # an ambiguous wall time takes its first occurrence
            assert slot <= datetime.combine(day, at, tzinfo=zone).replace(fold=1).astimezone(UTC)


@given(INSTANTS, TIMES, ZONES, st.integers(0, 3 * 24 * 60))
def test_due_days_are_the_slots_in_the_grace_window(
    now: datetime, at: time, zone: ZoneInfo, minutes: int
) -> None:
    grace = timedelta(minutes=minutes)
    expected = [day for day, slot in walk(now - grace, at, zone, 6) if slot <= now]
    assert due_days(now, at, zone, grace) == expected
