from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.daily.retry import BACKOFF_CAP, backoff_delay, ready_at, retry_at
from tests.bot.daily.fakes import a_post

BASE = timedelta(seconds=30)
AT = datetime(2026, 11, 21, 10, tzinfo=UTC)
POST = a_post(claimed_at=AT)


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff_delay(n, BASE).total_seconds() for n in range(1, 6)] == [30, 60, 120, 240, 480]
    assert backoff_delay(7, BASE) == BACKOFF_CAP
    assert backoff_delay(10_000, BASE) == BACKOFF_CAP


def test_a_failed_post_waits_for_its_retry_at_and_a_claimed_one_its_lease() -> None:
    lease = timedelta(minutes=2)
    later = AT + timedelta(minutes=7)
    assert ready_at(replace(POST, retry_at=later), lease=lease) == later
    assert ready_at(replace(POST, retry_at=None), lease=lease) is None  # set aside
    assert ready_at(replace(POST, status="claimed", retry_at=later), lease=lease) == AT + lease


def test_the_retry_waits_the_backoff_or_the_platforms_longer_wait() -> None:
    assert retry_at(1, AT, backoff=BASE, platform_wait=None) == AT + BASE
    assert retry_at(3, AT, backoff=BASE, platform_wait=timedelta(seconds=5)) == AT + 4 * BASE
    asked = timedelta(seconds=45)
    assert retry_at(1, AT, backoff=BASE, platform_wait=asked) == AT + asked
