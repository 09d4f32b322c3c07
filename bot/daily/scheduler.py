"""Wakes the runner at each daily slot: APScheduler jobs, one per moment some group is due."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger

from bot.clock import Clock
from bot.daily.groups import DailyGroup, daily_groups
from bot.daily.ledger import PostRow
from bot.daily.slots import next_slot
from bot.store import Store

log = logging.getLogger(__name__)

_RETRY_JOB = "daily-retry"
_RETRY_SPACING = timedelta(seconds=1)  # never re-arm the retry job in a tight loop
MAX_REPLAY = 31  # slots posted after one clock jump; older ones pass unposted


class SlotRunner(Protocol):
    """What the scheduler wakes: a DailyRunner, or one wrapping it (bot.learning.recap_runner)."""

    async def report_missed(self, now: datetime) -> list[tuple[int, date]]: ...

    async def run_due(self, now: datetime) -> list[PostRow]: ...

    async def run_groups(self, group_ids: Iterable[int], now: datetime) -> list[PostRow]: ...

    async def retry(self, now: datetime) -> list[PostRow]: ...

    async def next_retry_at(self, now: datetime) -> datetime | None: ...


class DailyScheduler:
    """Wakes the runner at each daily slot: one APScheduler job per moment, for its groups.

    Groups whose next slots fall on the same moment (09:00 UTC is 10:00 in Berlin) share
    one job, so a fan-out to thousands of groups is one batched run, not thousands of jobs.
    APScheduler reads real time, so each slot (clock time) becomes a real run time at the
    same distance from now; after the clock jumps, `clock_moved` re-translates every job.
    """

    def __init__(self, runner: SlotRunner, clock: Clock, store: Store) -> None:
        self._runner = runner
        self._clock = clock
        self._store = store
        self._scheduler = AsyncIOScheduler(
            timezone=UTC,
            # Our ledger decides what is due, so a late wake-up must still run.
            job_defaults={"misfire_grace_time": None, "coalesce": True},
        )
        self._running: set[asyncio.Task[object]] = set()
        self._next: dict[int, datetime] = {}  # group id -> its next slot (clock time)
        self._due: dict[datetime, set[int]] = {}  # slot -> the groups whose next slot it is

    async def start(self) -> None:
        """Start inside the running loop: arm every daily group, then catch up on missed slots."""
        self._scheduler.start()
        now = self._clock.now()
        await self._arm_all(now)
        await self._runner.report_missed(now)
        await self._runner.run_due(now)
        await self._arm_retry()

    async def reschedule(self, group_id: int) -> None:
        """Follow a change to a group's settings: post if now due, then re-arm (or drop) it."""
        now = self._clock.now()
        await self._arm_groups({group_id}, now)
        await self._runner.run_groups({group_id}, now)
        await self._arm_retry()

    async def clock_moved(self, since: datetime | None = None) -> None:
        """After the clock jumped from `since`: post what fell due on the way, then re-arm.

        A jump is time the bot was running through, not downtime: each slot passed is
        posted as of its own moment (the last MAX_REPLAY of them), so grace never drops it.
        """
        now = self._clock.now()
        if since is not None:
            passed: dict[datetime, set[int]] = {}
            for group in await daily_groups(self._store):
                for slot in passed_slots(since, now, group.settings.time, group.settings.zone):
                    passed.setdefault(slot, set()).add(group.group_id)
            for slot in sorted(passed):
                await self._runner.run_groups(passed[slot], slot)
        await self._runner.run_due(now)
        await self._arm_all(now)
        await self._arm_retry()

    def wakeup(self) -> None:
        """Ask APScheduler to look for due jobs now (on the loop's next turn)."""
        self._scheduler.wakeup()

    def scheduled(self) -> dict[int, datetime]:
        """Each daily group's next slot, in clock time."""
        return dict(self._next)

    def jobs(self) -> int:
        """How many slot jobs APScheduler holds (groups due at the same moment share one)."""
        return sum(1 for job in self._scheduler.get_jobs() if job.id != _RETRY_JOB)

    def retry_at(self) -> datetime | None:
        """When the retry job will run, in clock time; None when nothing waits for a retry."""
        job = self._scheduler.get_job(_RETRY_JOB)
        return None if job is None else job.kwargs["at"]

    async def idle(self) -> None:
        """Wait until no job of ours is running."""
        while self._running:
            await asyncio.gather(*self._running, return_exceptions=True)

    async def shutdown(self) -> None:
        """Stop waking up, let running jobs finish, and stop the scheduler."""
        if not self._scheduler.running:
            return
        self._scheduler.pause()
        await asyncio.sleep(0)  # let a job submitted just now start, so idle() sees it
        await self.idle()
        self._scheduler.shutdown(wait=False)
        await asyncio.sleep(0)  # AsyncIOScheduler shuts down on the loop's next turn

    async def _arm_all(self, now: datetime) -> None:
        """Every daily group at its next slot after `now`, from scratch."""
        for slot in self._due:
            self._remove_job(_slot_job_id(slot))
        self._next.clear()
        self._due.clear()
        for group in await daily_groups(self._store):
            self._arm(group, now)

    async def _arm_groups(self, group_ids: set[int], now: datetime) -> None:
        """Arm these groups again, dropping those that no longer post daily."""
        for group_id in group_ids:
            self._disarm(group_id)
        for group in await daily_groups(self._store, group_ids):
            self._arm(group, now)

    def _arm(self, group: DailyGroup, now: datetime) -> None:
        """Put an unarmed group in the job of its first slot after `now` (new if need be)."""
        day, slot = next_slot(now, group.settings.time, group.settings.zone)
        if slot not in self._due:
            self._due[slot] = set()
            self._scheduler.add_job(
                self._slot_job,
                DateTrigger(self._real(slot)),
                id=_slot_job_id(slot),
                kwargs={"slot": slot},
                replace_existing=True,
            )
        self._due[slot].add(group.group_id)
        self._next[group.group_id] = slot
        log.debug("group %d: next daily post %s at %s", group.group_id, day, slot)

    def _disarm(self, group_id: int) -> None:
        """Take the group out of its slot's job; drop the job if nobody is left in it."""
        slot = self._next.pop(group_id, None)
        if slot is None:
            return
        waiting = self._due[slot]  # _next and _due index the same (group, slot) pairs
        waiting.discard(group_id)
        if not waiting:
            del self._due[slot]
            self._remove_job(_slot_job_id(slot))

    def _remove_job(self, job_id: str) -> None:
        if self._scheduler.get_job(job_id) is not None:
            self._scheduler.remove_job(job_id)

    async def _arm_retry(self) -> None:
        """Set the retry job at the earliest moment an unsent post may be tried again."""
        now = self._clock.now()
        at = await self._runner.next_retry_at(now)
        if at is None:
            self._remove_job(_RETRY_JOB)
            return
        at = max(at, now + _RETRY_SPACING)
        self._scheduler.add_job(
            self._retry_job,
            DateTrigger(self._real(at)),
            id=_RETRY_JOB,
            kwargs={"at": at},
            replace_existing=True,
        )

    async def _slot_job(self, slot: datetime) -> None:
        """A slot came: post what is due for its groups, then arm their next slots."""
        with self._tracked():
            group_ids = self._due.pop(slot, set())
            for group_id in group_ids:
                self._next.pop(group_id, None)
            now = self._clock.now()
            log.debug("woke for the slot at %s (clock %s): %d groups", slot, now, len(group_ids))
            await self._guarded(self._runner.run_groups(group_ids, now), f"the slot at {slot}")
            await self._guarded(self._arm_groups(group_ids, now), f"arming after {slot}")
            await self._guarded(self._arm_retry(), "arming the retry job")

    async def _retry_job(self, at: datetime) -> None:
        """A retry may be ready: try, then arm the next one."""
        with self._tracked():
            await self._guarded(self._runner.retry(self._clock.now()), "retrying posts")
            await self._guarded(self._arm_retry(), "arming the retry job")

    def _real(self, moment: datetime) -> datetime:
        """The real time as far from real now as `moment` (clock time) is from the clock's now."""
        clock_now = self._clock.now()  # read first, so a system clock never maps a slot earlier
        # The one place that reads real time: it is APScheduler's timebase, not a domain clock.
        return datetime.now(UTC) + (moment - clock_now)

    @contextmanager
    def _tracked(self) -> Iterator[None]:
        """Count the current task among the running jobs while the block runs."""
        task = asyncio.current_task()
        assert task is not None
        self._running.add(task)
        try:
            yield
        finally:
            self._running.discard(task)

    async def _guarded(self, work: Awaitable[object], what: str) -> None:
        """Await `work`, logging (not raising) what goes wrong, so a job always re-arms."""
        try:
            await work
        except Exception:
            log.exception("daily scheduler: %s failed", what)


def passed_slots(since: datetime, until: datetime, at: time, zone: ZoneInfo) -> list[datetime]:
    """The slots in (since, until], the latest MAX_REPLAY of them."""
    slots: deque[datetime] = deque(maxlen=MAX_REPLAY)
    _, slot = next_slot(since, at, zone)
    while slot <= until:
        slots.append(slot)
        _, slot = next_slot(slot, at, zone)
    return list(slots)


def _slot_job_id(slot: datetime) -> str:
    """The id of the job that wakes the groups due at `slot`."""
    return f"daily-slot-{slot.astimezone(UTC).isoformat()}"  # one id per moment, whatever the zone
