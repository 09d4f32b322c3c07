"""When an unsent post may be tried again: after a live sender's lease, or after a backoff."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.daily.ledger import PostRow

BACKOFF_CAP = timedelta(minutes=30)


def backoff_delay(failures: int, base: timedelta) -> timedelta:
    """The wait after the `failures`-th failure in a row: base, 2 x base, 4 x base, ... capped."""
    doublings = min(max(failures - 1, 0), 16)
    return min(base * (1 << doublings), BACKOFF_CAP)


def retry_at(
    failures: int, now: datetime, *, backoff: timedelta, platform_wait: timedelta | None
) -> datetime:
    """When to try again after a failure at `now`: the backoff, or longer if the platform asked."""
    return now + max(backoff_delay(failures, backoff), platform_wait or timedelta(0))


def ready_at(post: PostRow, *, lease: timedelta) -> datetime | None:
    """The earliest moment another attempt at the unsent `post` may begin; None: never."""
    if post.status == "claimed":  # someone is sending, or died sending: wait out their lease
        return post.claimed_at + lease
    return post.retry_at
