"""Posts each group's weekly recap once: Monday at the daily time, in the group's timezone.

It rides on the daily scheduler: `WithRecaps` wraps the daily runner, so every wake-up
that posts daily problems (a slot, a catch-up after a restart, a retry) also posts the
recaps that are due. Its own ledger (recap_ledger) makes each week's recap exactly once.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from datetime import date, datetime, timedelta

from bot.clock import Clock
from bot.daily import DailyGroup, DailyRunner, PostRow, daily_groups
from bot.daily.retry import backoff_delay
from bot.daily.slots import due_days, slot_for
from bot.learning import recap_ledger
from bot.learning.recap_ledger import RecapRow
from bot.messages import Reply
from bot.store import Store

log = logging.getLogger(__name__)

MONDAY = 0
RenderRecap = Callable[[DailyGroup, date], Awaitable[Reply]]
SendRecap = Callable[[DailyGroup, Reply, str], Awaitable[str]]


def due_weeks(group: DailyGroup, now: datetime, grace: timedelta) -> list[date]:
    """The Mondays whose daily slot lies in (now - grace, now]."""
    settings = group.settings
    return [
        day for day in due_days(now, settings.time, settings.zone, grace) if day.weekday() == MONDAY
    ]


class RecapRunner:
    """Claims, renders, sends and records the recaps due at a moment."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        render: RenderRecap,
        send: SendRecap,
        grace: timedelta = timedelta(hours=6),
        lease: timedelta = timedelta(minutes=2),
        max_attempts: int = 5,
        backoff: timedelta = timedelta(seconds=30),
    ) -> None:
        self._store = store
        self._clock = clock
        self._render = render
        self._send = send
        self._grace = grace
        self._lease = lease
        self._max_attempts = max_attempts
        self._backoff = backoff

    async def run(self, groups: Iterable[DailyGroup], now: datetime) -> list[RecapRow]:
        """Claim and send the due recaps of these groups, then retry what is ready."""
        groups = [g for g in groups if g.settings.recap]
        done = []
        for group in groups:
            for week in due_weeks(group, now, self._grace):
                slot = slot_for(week, group.settings.time, group.settings.zone)
                try:
                    held = await recap_ledger.claim(self._store, group.group_id, week, slot, now)
                except Exception:
                    log.exception("claiming the recap of group %d for %s", group.group_id, week)
                    continue
                if held is not None:
                    done.append(await self._attempt(group, held))
        return done + await self.retry(now, groups)

    async def retry(self, now: datetime, groups: list[DailyGroup] | None = None) -> list[RecapRow]:
        """Take over and resend unsent recaps whose lease or backoff is over."""
        unsent = await recap_ledger.unsent(
            self._store, slot_after=now - self._grace, max_attempts=self._max_attempts
        )
        if not unsent:
            return []
        if groups is None:
            groups = await daily_groups(self._store, {row.group_id for row in unsent})
        by_id = {g.group_id: g for g in groups if g.settings.recap}
        done = []
        for seen in unsent:
            group = by_id.get(seen.group_id)
            if group is None or self._ready_at(seen) > now:
                continue
            held = await recap_ledger.take_over(self._store, seen, now)
            if held is not None:
                done.append(await self._attempt(group, held))
        return done

    async def next_retry_at(self, now: datetime) -> datetime | None:
        """When the earliest unsent recap may be tried again; None if none waits."""
        unsent = await recap_ledger.unsent(
            self._store, slot_after=now - self._grace, max_attempts=self._max_attempts
        )
        return min((self._ready_at(row) for row in unsent), default=None)

    def _ready_at(self, row: RecapRow) -> datetime:
        if row.status == "claimed":  # someone is sending, or died sending: wait out the lease
            return row.claimed_at + self._lease
        return row.claimed_at + backoff_delay(row.attempts, self._backoff)

    async def _attempt(self, group: DailyGroup, held: RecapRow) -> RecapRow:
        """Render and send one held recap, and record how it went."""
        try:
            reply = await self._render(group, held.week_start)
            message_id = await self._send(group, reply, held.key)
        except Exception as error:
            log.warning(
                "recap of group %d for %s, attempt %d, failed",
                group.group_id,
                held.week_start,
                held.attempts,
                exc_info=error,
            )
            await recap_ledger.mark_failed(
                self._store, held, f"{type(error).__name__}: {error}", self._clock.now()
            )
            return held
        sent = await recap_ledger.mark_sent(self._store, held, message_id, self._clock.now())
        log.info("recap of group %d for %s sent: %s", group.group_id, held.week_start, message_id)
        return sent or held


class WithRecaps:
    """The daily runner, and the recaps posted at the same wake-ups (for DailyScheduler)."""

    def __init__(self, daily: DailyRunner, recaps: RecapRunner, store: Store) -> None:
        self.daily = daily
        self.recaps = recaps
        self._store = store

    async def report_missed(self, now: datetime) -> list[tuple[int, date]]:
        """The daily runner's report of slots missed beyond grace."""
        return await self.daily.report_missed(now)

    async def run_due(self, now: datetime) -> list[PostRow]:
        """Every group's due recap, then its due daily posts."""
        await self._recaps(self.recaps.run(await daily_groups(self._store), now))
        return await self.daily.run_due(now)

    async def run_groups(self, group_ids: Iterable[int], now: datetime) -> list[PostRow]:
        """These groups' due recaps, then their daily posts."""
        ids = set(group_ids)
        if ids:
            await self._recaps(self.recaps.run(await daily_groups(self._store, ids), now))
        return await self.daily.run_groups(ids, now)

    async def retry(self, now: datetime) -> list[PostRow]:
        """Retry unsent recaps and daily posts."""
        await self._recaps(self.recaps.retry(now))
        return await self.daily.retry(now)

    async def next_retry_at(self, now: datetime) -> datetime | None:
        """The earliest retry of either."""
        moments = [await self.daily.next_retry_at(now), await self.recaps.next_retry_at(now)]
        return min((m for m in moments if m is not None), default=None)

    async def _recaps(self, work: Awaitable[list[RecapRow]]) -> None:
        """Run recap work; a failure of ours is logged, never in the way of the daily post."""
        try:
            await work
        except Exception:
            log.exception("posting weekly recaps failed")
