from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.daily.retry import BACKOFF_CAP, backoff_delay, ready_at
from tests.bot.daily.fakes import a_post

BASE = timedelta(seconds=30)
AT = datetime(2026, 11, 21, 10, tzinfo=UTC)
POST = a_post(claimed_at=AT)


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff_delay(n, BASE).total_seconds() for n in range(1, 6)] == [30, 60, 120, 240, 480]
    assert backoff_delay(7, BASE) == BACKOFF_CAP
    assert backoff_delay(10_000, BASE) == BACKOFF_CAP


def test_a_failed_post_waits_its_backoff_and_a_claimed_one_its_lease() -> None:
    lease = timedelta(minutes=2)
    assert ready_at(POST, lease=lease, backoff=BASE) == AT + BASE
    assert ready_at(replace(POST, attempts=3), lease=lease, backoff=BASE) == AT + 4 * BASE
    assert ready_at(replace(POST, status="claimed"), lease=lease, backoff=BASE) == AT + lease
