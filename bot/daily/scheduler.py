"""Wakes the runner at each group's next slot: APScheduler jobs, one per daily group."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger

from bot.clock import Clock
from bot.daily.groups import DailyGroup, daily_group, daily_groups
from bot.daily.runner import DailyRunner
from bot.daily.slots import next_slot
from bot.store import Store

log = logging.getLogger(__name__)

_GROUP_JOB = "daily-group-{}"
_RETRY_JOB = "daily-retry"
_RETRY_SPACING = timedelta(seconds=1)  # never re-arm the retry job in a tight loop
MAX_REPLAY = 31  # slots posted after one clock jump; older ones pass unposted


class DailyScheduler:
    """Keeps one DateTrigger job per daily group at its next slot, plus one for retries.

    APScheduler reads real time, so each slot (clock time) becomes a real run time at the
    same distance from now; after the clock jumps, `clock_moved` re-translates every job.
    """

    def __init__(self, runner: DailyRunner, clock: Clock, store: Store) -> None:
        self._runner = runner
        self._clock = clock
        self._store = store
        self._scheduler = AsyncIOScheduler(
            timezone=UTC,
            # Our ledger decides what is due, so a late wake-up must still run.
            job_defaults={"misfire_grace_time": None, "coalesce": True},
        )
        self._running: set[asyncio.Task[object]] = set()

    async def start(self) -> None:
        """Start inside the running loop: one job per daily group, then catch up on missed slots."""
        self._scheduler.start()
        now = self._clock.now()
        await self._arm_all(now)
        await self._runner.report_missed(now)
        await self._runner.run_due(now)
        await self._arm_retry()

    async def reschedule(self, group_id: int) -> None:
        """Follow a change to a group's settings: post if now due, then re-arm (or drop) its job."""
        now = self._clock.now()
        await self._arm_group(group_id, now)
        await self._runner.run_group(group_id, now)
        await self._arm_retry()

    async def clock_moved(self, since: datetime | None = None) -> None:
        """After the clock jumped from `since`: post what fell due on the way, then re-arm.

        A jump is time the bot was running through, not downtime: each slot passed is
        posted as of its own moment (the last MAX_REPLAY of them), so grace never drops it.
        """
        now = self._clock.now()
        if since is not None:
            for group in await daily_groups(self._store):
                for slot in passed_slots(since, now, group.settings.time, group.settings.zone):
                    await self._runner.run_group(group.group_id, slot)
        await self._runner.run_due(now)
        await self._arm_all(now)
        await self._arm_retry()

    def wakeup(self) -> None:
        """Ask APScheduler to look for due jobs now (on the loop's next turn)."""
        self._scheduler.wakeup()

    def scheduled(self) -> dict[int, datetime]:
        """Each daily group's next slot, in clock time."""
        return {
            job.kwargs["group_id"]: job.kwargs["slot"]
            for job in self._scheduler.get_jobs()
            if job.id != _RETRY_JOB
        }

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
        """One job per daily group at its next slot after `now`; none for other groups."""
        groups = await daily_groups(self._store)
        wanted = {_GROUP_JOB.format(group.group_id) for group in groups}
        for job in self._scheduler.get_jobs():
            if job.id != _RETRY_JOB and job.id not in wanted:
                job.remove()
        for group in groups:
            self._arm(group, now)

    async def _arm_group(self, group_id: int, now: datetime) -> None:
        """Arm the group's job, or drop it when the group no longer posts daily."""
        group = await daily_group(self._store, group_id)
        if group is not None:
            self._arm(group, now)
        elif self._scheduler.get_job(_GROUP_JOB.format(group_id)) is not None:
            self._scheduler.remove_job(_GROUP_JOB.format(group_id))

    def _arm(self, group: DailyGroup, now: datetime) -> None:
        """Set the group's job at its first slot after `now`."""
        day, slot = next_slot(now, group.settings.time, group.settings.zone)
        self._scheduler.add_job(
            self._group_job,
            DateTrigger(self._real(slot)),
            id=_GROUP_JOB.format(group.group_id),
            kwargs={"group_id": group.group_id, "slot": slot},
            replace_existing=True,
        )
        log.debug("group %d: next daily post %s at %s", group.group_id, day, slot)

    async def _arm_retry(self) -> None:
        """Set the retry job at the earliest moment an unsent post may be tried again."""
        now = self._clock.now()
        at = await self._runner.next_retry_at(now)
        if at is None:
            if self._scheduler.get_job(_RETRY_JOB) is not None:
                self._scheduler.remove_job(_RETRY_JOB)
            return
        at = max(at, now + _RETRY_SPACING)
        self._scheduler.add_job(
            self._retry_job,
            DateTrigger(self._real(at)),
            id=_RETRY_JOB,
            kwargs={"at": at},
            replace_existing=True,
        )

    async def _group_job(self, group_id: int, slot: datetime) -> None:
        """The group's slot came: post what is due, then arm its next slot."""
        with self._tracked():
            now = self._clock.now()
            log.debug("group %d: woke for the slot at %s (clock %s)", group_id, slot, now)
            await self._guarded(self._runner.run_group(group_id, now), f"group {group_id}")
            await self._guarded(self._arm_group(group_id, now), f"arming group {group_id}")
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
