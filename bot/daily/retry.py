"""When an unsent post may be tried again: after a live sender's lease, or after a backoff."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.daily.ledger import PostRow

BACKOFF_CAP = timedelta(minutes=30)


def backoff_delay(failures: int, base: timedelta) -> timedelta:
    """The wait after the `failures`-th failure in a row: base, 2 x base, 4 x base, ... capped."""
    doublings = min(max(failures - 1, 0), 16)
    return min(base * (1 << doublings), BACKOFF_CAP)


def ready_at(post: PostRow, *, lease: timedelta, backoff: timedelta) -> datetime:
    """The earliest moment another attempt at the unsent `post` may begin."""
    if post.status == "claimed":  # someone is sending, or died sending: wait out their lease
        return post.claimed_at + lease
    return post.claimed_at + backoff_delay(post.attempts, backoff)
