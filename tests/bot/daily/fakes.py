"""Fakes for the daily loop: groups with settings, trivial choose/render, a recording send."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from bot.clock import Clock
from bot.daily import DailyGroup, DailyRunner, PostRow, SendFailed
from bot.messages import GroupRef, Reply
from bot.store import Store

R = TypeVar("R")
Reopen = Callable[[Clock], Awaitable[Store]]
ZONES = ["UTC", "America/New_York", "Pacific/Honolulu", "Pacific/Tongatapu"]  # -10 to +13


class ProcessDied(BaseException):
    """Stands in for the process dying mid-attempt: nothing in the runner may catch it."""


@dataclass(frozen=True)
class Sent:
    """One message the fake platform accepted."""

    group_id: int
    title: str
    key: str


class Sender:
    """A recording `send`: can fail the next N calls, or die before or after delivering.

    `refusals` are raised by the next calls, nothing delivered; `lost_answers` calls deliver
    and then fail as a lost response does. `find` looks a key up among the messages sent.
    """

    def __init__(self) -> None:
        self.sent: list[Sent] = []
        self.calls = 0
        self.failures = 0
        self.refusals: list[Exception] = []
        self.lost_answers = 0
        self.looks = 0
        self.die_before = False
        self.die_after = False

    async def __call__(self, group: DailyGroup, reply: Reply, key: str) -> str:
        self.calls += 1
        if self.die_before:
            raise ProcessDied
        if self.failures:
            self.failures -= 1
            raise ConnectionError("platform unavailable")
        if self.refusals:
            raise self.refusals.pop(0)
        self.sent.append(Sent(group.group_id, reply.title, key))
        if self.die_after:
            raise ProcessDied
        if self.lost_answers:
            self.lost_answers -= 1
            raise SendFailed("the response was lost", maybe_posted=True)
        return f"msg-{len(self.sent)}"

    async def find(self, group: DailyGroup, post: PostRow) -> str | None:
        """The id of the message sent under the post's key, if any."""
        self.looks += 1
        ids = [f"msg-{n}" for n, sent in enumerate(self.sent, 1) if sent.key == post.key]
        return ids[0] if ids else None

    def days(self) -> list[str]:
        """The local dates sent, from the titles."""
        return [s.title.removeprefix("Problem of ") for s in self.sent]


def each(
    one: Callable[[DailyGroup, Any], Awaitable[R]],
) -> Callable[..., Awaitable[list[R | Exception]]]:
    """A batch callback from a per-item one; an item that raises gives its exception."""

    async def batch(items: Sequence[tuple[DailyGroup, Any]]) -> list[R | Exception]:
        results: list[R | Exception] = []
        for group, item in items:
            try:
                results.append(await one(group, item))
            except Exception as error:
                results.append(error)
        return results

    return batch


async def choose_one(group: DailyGroup, day: date) -> tuple[str, str]:
    """A problem named after the day."""
    return f"problem-{day}", json.dumps({"group": group.group_id, "day": day.isoformat()})


async def render_one(group: DailyGroup, post: PostRow) -> Reply:
    """The stored problem as a message."""
    return Reply(title=f"Problem of {post.local_date}", body=post.problem)


choose = each(choose_one)
render = each(render_one)


def a_post(**fields: Any) -> PostRow:
    """A ledger row for pure tests: a first failed attempt at 10:00 UTC on 2026-11-21."""
    at = datetime(2026, 11, 21, 10, tzinfo=UTC)
    row = PostRow(
        id=1,
        group_id=1,
        local_date=at.date(),
        slot_at=at,
        problem_id="p",
        problem="{}",
        status="failed",
        attempts=1,
        message_id=None,
        last_error="ConnectionError",
        claimed_at=at,
        posted_at=None,
    )
    return replace(row, **fields)


def make_runner(store: Store, clock: Clock, send: Sender, **options: Any) -> DailyRunner:
    """A runner with the trivial choose and render."""
    return DailyRunner(store, clock, choose=choose, render=render, send=send, **options)


async def add_group(
    store: Store, channel: str = "study", *, at: str = "10:00", zone: str = "UTC", daily: str = "on"
) -> int:
    """A group with its daily settings stored as an admin would set them."""
    group_id = await store.ensure_group(GroupRef("test", "ws", channel, channel))
    await store.put_settings(group_id, {"time": at, "timezone": zone, "daily": daily})
    return group_id
