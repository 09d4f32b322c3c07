"""Deadlines: local midnight plus an elapsed grace hour, across zones and DST transitions."""

from __future__ import annotations

import io
import struct
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.streaks import counts_for_day, day_start, deadline, first_open_day

SETTINGS = settings(max_examples=200, deadline=timedelta(seconds=1))
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)

# Offsets from UTC-10 to UTC+14, half and quarter hours included, with and without DST; some
# clocks jump at midnight (Santiago, Havana, Beirut), some by 30 minutes (Lord Howe).
ZONES = [
    "UTC",
    "Pacific/Honolulu",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Pacific/Tongatapu",
    "Pacific/Apia",
    "Pacific/Kiritimati",
    "America/New_York",
    "Europe/Berlin",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "America/Santiago",
    "America/Havana",
    "Asia/Beirut",
    "Pacific/Auckland",
    "Pacific/Chatham",
]
# From 2012: Samoa skipped 2011-12-30 entirely, a day of zero length (tested on its own below).
FIRST, LAST = datetime(2012, 1, 1, tzinfo=UTC), datetime(2038, 1, 1, tzinfo=UTC)


def offset_changes(zone: ZoneInfo) -> list[datetime]:
    """Every instant from FIRST to LAST at which the zone's UTC offset changes."""
    changes, week = [], timedelta(weeks=1)
    at = FIRST
    while at < LAST:
        if at.astimezone(zone).utcoffset() != (at + week).astimezone(zone).utcoffset():
            low, high = at, at + week
            while high - low > timedelta(microseconds=1):
                middle = low + (high - low) / 2
                same = middle.astimezone(zone).utcoffset() == low.astimezone(zone).utcoffset()
                low, high = (middle, high) if same else (low, middle)
            changes.append(high)
        at += week
    return changes


CHANGES = [(ZoneInfo(name), at) for name in ZONES for at in offset_changes(ZoneInfo(name))]
HOURS_36 = 36 * 3600 * 10**6
# Half the examples land within 36 hours of a DST change, where the mistakes would be.
moments = st.one_of(
    st.tuples(
        st.sampled_from(ZONES).map(ZoneInfo),
        st.datetimes(FIRST.replace(tzinfo=None), LAST.replace(tzinfo=None), timezones=st.just(UTC)),
    ),
    st.tuples(st.sampled_from(CHANGES), st.integers(-HOURS_36, HOURS_36)).map(
        lambda pair: (pair[0][0], pair[0][1] + timedelta(microseconds=pair[1]))
    ),
)
local_days = moments.map(lambda pair: (pair[0], pair[1].astimezone(pair[0]).date()))
graces = st.integers(0, 3 * 3600).map(lambda seconds: timedelta(seconds=seconds))
near = st.one_of(st.sampled_from([0, -1, 1]), st.integers(-3 * 3600 * 10**6, 3 * 3600 * 10**6))


def local(zone: str, day: date, hour: int, minute: int, fold: int = 0) -> datetime:
    """A wall-clock time in `zone` (fold=1 for the second of two equal times)."""
    return datetime.combine(day, time(hour, minute), ZoneInfo(zone)).replace(fold=fold)


def utc(*parts: int) -> datetime:
    """A UTC instant."""
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def reference_counts(solved_at: datetime, day: date, zone: ZoneInfo, grace: timedelta) -> bool:
    """In time iff the instant `grace` earlier still falls on `day` or before, locally.

    Sound for zones whose local date never runs backwards (no fall-back across midnight), which
    holds for every zone in ZONES.
    """
    return (solved_at - grace).astimezone(zone).date() <= day


# Night of the change and the changed day itself, with the deadline worked out by hand.
DST_DEADLINES = [
    ("America/New_York", date(2026, 3, 7), utc(2026, 3, 8, 6)),  # 01:00 EST
    ("America/New_York", date(2026, 3, 8), utc(2026, 3, 9, 5)),  # a 23-hour day; 01:00 EDT
    ("America/New_York", date(2026, 10, 31), utc(2026, 11, 1, 5)),  # the first 01:00 (EDT)
    ("America/New_York", date(2026, 11, 1), utc(2026, 11, 2, 6)),  # a 25-hour day; 01:00 EST
    ("Europe/Berlin", date(2026, 3, 28), utc(2026, 3, 29, 0)),  # 01:00 CET
    ("Europe/Berlin", date(2026, 3, 29), utc(2026, 3, 29, 23)),  # a 23-hour day; 01:00 CEST
    ("Europe/Berlin", date(2026, 10, 24), utc(2026, 10, 24, 23)),  # 01:00 CEST
    ("Europe/Berlin", date(2026, 10, 25), utc(2026, 10, 26, 0)),  # a 25-hour day; 01:00 CET
]


@pytest.mark.parametrize(("zone", "day", "expected"), DST_DEADLINES)
def test_deadline_around_dst_changes(zone: str, day: date, expected: datetime) -> None:
    assert deadline(day, ZoneInfo(zone)) == expected
    assert deadline(day, ZoneInfo(zone)).astimezone(ZoneInfo(zone)).time() == time(1, 0)


@pytest.mark.parametrize(("zone", "day"), [(zone, day) for zone, day, _ in DST_DEADLINES])
def test_00_59_next_day_counts_and_01_01_does_not(zone: str, day: date) -> None:
    after = day + DAY
    assert counts_for_day(local(zone, after, 0, 59), day, ZoneInfo(zone))
    assert not counts_for_day(local(zone, after, 1, 1), day, ZoneInfo(zone))
    assert counts_for_day(local(zone, day, 12, 0), day, ZoneInfo(zone))


def test_the_repeated_01_hour_of_a_fall_back_is_late_both_times() -> None:
    new_york, night = ZoneInfo("America/New_York"), date(2026, 11, 1)
    first = local("America/New_York", night, 1, 1, fold=0)
    second = local("America/New_York", night, 1, 1, fold=1)
    assert second.astimezone(UTC) - first.astimezone(UTC) == HOUR
    assert not counts_for_day(first, date(2026, 10, 31), new_york)
    assert not counts_for_day(second, date(2026, 10, 31), new_york)
    assert counts_for_day(local("America/New_York", night, 0, 59), date(2026, 10, 31), new_york)


def test_a_midnight_that_never_happens_starts_the_day_when_the_clock_jumps() -> None:
    santiago = ZoneInfo("America/Santiago")  # 2026-09-05 23:59:59 -04 is followed by 01:00 -03
    assert day_start(date(2026, 9, 6), santiago) == utc(2026, 9, 6, 4)
    assert deadline(date(2026, 9, 5), santiago) == utc(2026, 9, 6, 5)  # an elapsed hour: 02:00
    assert counts_for_day(
        local("America/Santiago", date(2026, 9, 6), 1, 59), date(2026, 9, 5), santiago
    )
    assert not counts_for_day(
        local("America/Santiago", date(2026, 9, 6), 2, 0), date(2026, 9, 5), santiago
    )
    beirut = ZoneInfo("Asia/Beirut")  # 2026-03-28 23:59:59 +02 is followed by 01:00 +03
    assert day_start(date(2026, 3, 29), beirut) == utc(2026, 3, 28, 22)


def test_a_midnight_inside_a_gap_starts_the_day_when_the_gap_ends() -> None:
    toronto = ZoneInfo("America/Toronto")  # 1919-03-30 23:29:59 EST was followed by 00:30 EDT
    start = day_start(date(1919, 3, 31), toronto)
    assert start == utc(1919, 3, 31, 4, 30)
    assert start.astimezone(toronto).time() == time(0, 30)


def test_a_midnight_that_happens_twice_starts_the_day_at_the_first() -> None:
    havana = ZoneInfo("America/Havana")  # 2026-11-01 00:59:59 -04 is followed by 00:00 -05
    assert day_start(date(2026, 11, 1), havana) == utc(2026, 11, 1, 4)
    # The grace hour is elapsed time, so it ends as the wall clock shows midnight again.
    assert deadline(date(2026, 10, 31), havana) == utc(2026, 11, 1, 5)
    assert not counts_for_day(
        local("America/Havana", date(2026, 11, 1), 0, 30, fold=1), date(2026, 10, 31), havana
    )


def rule_zone(rule: str, standard_offset: int) -> ZoneInfo:
    """A zone made only of a POSIX TZ rule (a TZif file with no listed transitions)."""
    counts = struct.pack(">6l", 0, 0, 0, 0, 1, 4)  # one local time type, four name bytes
    kind = struct.pack(">lBB", standard_offset, 0, 0) + b"XST\0"
    block = b"TZif2" + bytes(15) + counts + kind
    return ZoneInfo.from_file(io.BytesIO(block + block + f"\n{rule}\n".encode()), key=rule)


def test_a_fall_back_across_midnight_ends_the_day_at_the_first_midnight() -> None:
    # At 00:30 EDT on 2026-11-01 the clock goes back to 23:30 EST on 2026-10-31: local dates
    # run backwards, which no zone in ZONES does (the reference above relies on it).
    zone = rule_zone("XST5XDT,M3.2.0,M11.1.0/0:30", -5 * 3600)
    assert day_start(date(2026, 11, 1), zone) == utc(2026, 11, 1, 4)
    repeated = utc(2026, 11, 1, 4, 45)
    assert repeated.astimezone(zone).date() == date(2026, 10, 31)
    assert not counts_for_day(repeated, date(2026, 10, 31), zone, timedelta(0))
    assert first_open_day(repeated, zone, timedelta(0)) == date(2026, 11, 1)


def test_a_skipped_day_ends_when_it_starts() -> None:
    apia = ZoneInfo("Pacific/Apia")  # Samoa went from 2011-12-29 23:59:59 to 2011-12-31 00:00
    assert day_start(date(2011, 12, 30), apia) == day_start(date(2011, 12, 31), apia)
    assert deadline(date(2011, 12, 29), apia) == deadline(date(2011, 12, 30), apia)
    assert deadline(date(2011, 12, 29), apia) == utc(2011, 12, 30, 11)


def test_half_and_quarter_hour_offsets() -> None:
    assert deadline(date(2026, 6, 1), ZoneInfo("Asia/Kolkata")) == utc(2026, 6, 1, 19, 30)
    assert deadline(date(2026, 6, 1), ZoneInfo("Asia/Kathmandu")) == utc(2026, 6, 1, 19, 15)
    assert deadline(date(2026, 6, 1), ZoneInfo("Pacific/Honolulu")) == utc(2026, 6, 2, 11)
    assert deadline(date(2026, 6, 1), ZoneInfo("Pacific/Tongatapu")) == utc(2026, 6, 1, 12)


def test_grace_is_a_parameter() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    assert deadline(date(2026, 6, 1), berlin, timedelta(0)) == utc(2026, 6, 1, 22)
    assert not counts_for_day(utc(2026, 6, 1, 22, 30), date(2026, 6, 1), berlin, timedelta(0))
    assert counts_for_day(utc(2026, 6, 1, 22, 30), date(2026, 6, 1), berlin)


def test_a_naive_instant_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        counts_for_day(datetime(2026, 6, 1, 12), date(2026, 6, 1), ZoneInfo("UTC"))
    with pytest.raises(ValueError, match="timezone-aware"):
        first_open_day(datetime(2026, 6, 1, 12), ZoneInfo("UTC"))


def test_first_open_day_in_the_grace_hour_is_yesterday() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    assert first_open_day(local("Europe/Berlin", date(2026, 6, 2), 0, 30), berlin) == date(
        2026, 6, 1
    )
    assert first_open_day(local("Europe/Berlin", date(2026, 6, 2), 1, 0), berlin) == date(
        2026, 6, 2
    )


def test_first_open_day_moves_on_exactly_at_the_deadline() -> None:
    berlin, day = ZoneInfo("Europe/Berlin"), date(2026, 10, 24)
    assert first_open_day(deadline(day, berlin), berlin) == day + DAY
    assert first_open_day(deadline(day, berlin) - timedelta(microseconds=1), berlin) == day


def test_the_generated_changes_include_the_known_ones() -> None:
    assert (ZoneInfo("America/New_York"), utc(2026, 3, 8, 7)) in CHANGES
    assert (ZoneInfo("America/Santiago"), utc(2026, 9, 6, 4)) in CHANGES
    assert not [at for zone, at in CHANGES if zone.key in ("UTC", "Asia/Kolkata")]


@SETTINGS
@given(moments, local_days, graces)
def test_counts_for_day_matches_the_local_date_reference(
    moment: tuple[ZoneInfo, datetime], other: tuple[ZoneInfo, date], grace: timedelta
) -> None:
    zone, solved_at = moment
    for day in (other[1], solved_at.astimezone(zone).date()):
        for near_day in (day - DAY, day, day + DAY):
            assert counts_for_day(solved_at, near_day, zone, grace) == reference_counts(
                solved_at, near_day, zone, grace
            )


@SETTINGS
@given(local_days, graces, near)
def test_counts_for_day_matches_the_reference_near_deadlines(
    zone_day: tuple[ZoneInfo, date], grace: timedelta, micros: int
) -> None:
    zone, day = zone_day
    solved_at = deadline(day, zone, grace) + timedelta(microseconds=micros)
    assert counts_for_day(solved_at, day, zone, grace) == reference_counts(
        solved_at, day, zone, grace
    )
    assert counts_for_day(solved_at, day, zone, grace) == (micros < 0)


@SETTINGS
@given(local_days)
def test_deadlines_advance_by_a_day_of_23_to_25_hours(zone_day: tuple[ZoneInfo, date]) -> None:
    zone, day = zone_day
    length = deadline(day, zone) - deadline(day - DAY, zone)
    assert timedelta(hours=23) <= length <= timedelta(hours=25)


@SETTINGS
@given(local_days)
def test_deadline_is_01_00_next_day_unless_the_offset_just_changed(
    zone_day: tuple[ZoneInfo, date],
) -> None:
    zone, day = zone_day
    due = deadline(day, zone)
    change = abs(due.astimezone(zone).utcoffset() - (due - 2 * HOUR).astimezone(zone).utcoffset())
    drift = abs(due.astimezone(zone).replace(tzinfo=None) - datetime.combine(day + DAY, time(1)))
    assert drift <= change  # exactly 01:00 when no DST change happened in the last two hours


@SETTINGS
@given(local_days)
def test_the_day_starts_on_that_local_date_and_just_after_the_day_before(
    zone_day: tuple[ZoneInfo, date],
) -> None:
    zone, day = zone_day
    start = day_start(day, zone)
    assert start.astimezone(zone).date() == day
    assert (start - timedelta(microseconds=1)).astimezone(zone).date() < day


@SETTINGS
@given(moments, graces)
def test_first_open_day_is_the_first_deadline_still_ahead(
    moment: tuple[ZoneInfo, datetime], grace: timedelta
) -> None:
    zone, now = moment
    day = first_open_day(now, zone, grace)
    assert deadline(day - DAY, zone, grace) <= now < deadline(day, zone, grace)
    assert reference_counts(now, day, zone, grace)
    assert not reference_counts(now, day - DAY, zone, grace)
