"""The daily work for one moment: choose, claim, render, send and record each due post."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from datetime import date, datetime, timedelta

from bot.clock import Clock
from bot.daily import ledger
from bot.daily.groups import DailyGroup, daily_group, daily_groups
from bot.daily.ledger import PostRow
from bot.daily.retry import ready_at
from bot.daily.slots import due_days, slot_for
from bot.messages import Reply
from bot.store import Store

log = logging.getLogger(__name__)

Choose = Callable[[DailyGroup, date], Awaitable[tuple[str, str]]]
"""(problem_id, problem JSON) for a group's local date; called before claiming, so cheap."""
Render = Callable[[DailyGroup, PostRow], Awaitable[Reply]]
"""The message for a claimed post, built from its stored problem JSON."""
Send = Callable[[DailyGroup, Reply, str], Awaitable[str]]
"""Post the reply with a de-duplication key; the platform message id; raises on failure."""

_ERROR_LENGTH = 500


class DailyRunner:
    """Posts what is due at a given moment; several runners may share one database."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        choose: Choose,
        render: Render,
        send: Send,
        grace: timedelta = timedelta(hours=6),
        lease: timedelta = timedelta(minutes=2),
        max_attempts: int = 5,
        backoff: timedelta = timedelta(seconds=30),
        fan_out: int = 4,
    ) -> None:
        self._store = store
        self._clock = clock
        self._choose = choose
        self._render = render
        self._send = send
        self._grace = grace
        self._lease = lease
        self._max_attempts = max_attempts
        self._backoff = backoff
        self._fan_out = max(1, fan_out)
        self._in_flight: set[int] = set()

    async def run_due(self, now: datetime) -> list[PostRow]:
        """Post every daily group's due days, then retry what is ready; the attempts made."""
        groups = await daily_groups(self._store)
        due = {group.group_id: self._due_days(group, now) for group in groups}
        # One read for the whole run instead of one per group; a day claimed after it is
        # still caught by the claim itself (ON CONFLICT DO NOTHING).
        claimed = await self._claimed(day for days in due.values() for day in days)

        async def post(group: DailyGroup) -> list[PostRow]:
            return await self._post_due(group, due[group.group_id], now, claimed)

        attempts = [attempt for done in await self._each(groups, post) for attempt in done]
        return attempts + await self._retry(now, groups)

    async def run_group(self, group_id: int, now: datetime) -> list[PostRow]:
        """Post one group's due days; the attempts, as recorded."""
        group = await daily_group(self._store, group_id)
        if group is None:
            return []
        return await self._post_due(group, self._due_days(group, now), now)

    async def retry(self, now: datetime) -> list[PostRow]:
        """Try again every unsent post whose lease or backoff is over; the attempts, as recorded."""
        return await self._retry(now)

    async def next_retry_at(self, now: datetime) -> datetime | None:
        """When the earliest unsent post may be tried again (perhaps already); None if none."""
        # Called after every group's post, so it must not read every unsent row: first the
        # earliest row of each (status, attempts), where the earliest retry is.
        first = await ledger.first_unsent(
            self._store, slot_after=now - self._grace, max_attempts=self._max_attempts
        )
        if first == []:  # the usual case: nothing unsent
            return None
        if first:
            earliest = min(first, key=self._ready_at)
            if await daily_group(self._store, earliest.group_id) is not None:
                return self._ready_at(earliest)
        # That group no longer posts daily (or there are too many attempt counts to ask
        # that way): look at every unsent row.
        unsent = await self._unsent(now)
        daily = {group.group_id for group in await self._groups_of(unsent)}
        return min(
            (self._ready_at(post) for post in unsent if post.group_id in daily),
            default=None,
        )

    async def report_missed(self, now: datetime) -> list[tuple[int, date]]:
        """Log and list each group's latest day whose slot passed beyond grace unposted."""
        missed = []
        groups = await daily_groups(self._store)
        passed = {
            group.group_id: due_days(
                now - self._grace, group.settings.time, group.settings.zone, timedelta(days=1)
            )
            for group in groups
        }
        claimed = await self._claimed(day for days in passed.values() for day in days)
        for group in groups:
            for day in passed[group.group_id]:
                if (group.group_id, day) not in claimed:
                    log.warning(
                        "skipping the daily post of group %d (%s) for %s: its slot passed "
                        "more than %s ago",
                        group.group_id,
                        _where(group),
                        day,
                        self._grace,
                    )
                    missed.append((group.group_id, day))
        return missed

    async def _each(
        self, groups: list[DailyGroup], work: Callable[[DailyGroup], Awaitable[list[PostRow]]]
    ) -> list[list[PostRow]]:
        """`work` for each group, up to `fan_out` groups at a time; the results in group order.

        While one group's claim or record waits on the disk, the next group's problem is
        chosen and rendered. If one raises (only a BaseException gets out of _post_due, such
        as cancellation), the others are cancelled and it propagates.
        """
        results: list[list[PostRow]] = [[] for _ in groups]
        queue = iter(enumerate(groups))

        async def worker() -> None:
            for index, group in queue:
                results[index] = await work(group)

        workers = [asyncio.create_task(worker()) for _ in range(min(self._fan_out, len(groups)))]
        try:
            await asyncio.gather(*workers)
        except BaseException:
            for task in workers:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            raise
        return results

    def _due_days(self, group: DailyGroup, now: datetime) -> list[date]:
        """The group's local dates whose slot is within grace of `now`."""
        return due_days(now, group.settings.time, group.settings.zone, self._grace)

    async def _claimed(self, days: Iterable[date]) -> set[tuple[int, date]]:
        """(group id, date) of every ledger row, in any state, from the first to the last day."""
        days = list(days)
        return await ledger.claimed_days(self._store, min(days), max(days)) if days else set()

    async def _groups_of(self, posts: list[PostRow]) -> list[DailyGroup]:
        """The daily groups among those of `posts`."""
        return await daily_groups(self._store, {post.group_id for post in posts})

    async def _post_due(
        self,
        group: DailyGroup,
        days: list[date],
        now: datetime,
        claimed: set[tuple[int, date]] | None = None,
    ) -> list[PostRow]:
        """Claim and send each of the group's due `days` that nobody has claimed.

        `claimed` holds the rows known when the run began; without it each day is looked up.
        """
        attempts = []
        for day in days:
            try:
                if claimed is None:
                    taken = await ledger.find(self._store, group.group_id, day) is not None
                else:
                    taken = (group.group_id, day) in claimed
                if taken:
                    continue
                post = await self._claim(group, day, now)
                if post is not None and (done := await self._attempt(group, post)):
                    attempts.append(done)
            except Exception:
                log.exception(
                    "daily post of group %d (%s) for %s failed", group.group_id, _where(group), day
                )
        return attempts

    async def _claim(self, group: DailyGroup, day: date, now: datetime) -> PostRow | None:
        """Claim the group's day with its chosen problem; None when it is already claimed."""
        problem_id, problem = await self._choose(group, day)
        slot = slot_for(day, group.settings.time, group.settings.zone)
        return await ledger.claim(self._store, group.group_id, day, slot, problem_id, problem, now)

    async def _retry(self, now: datetime, groups: list[DailyGroup] | None = None) -> list[PostRow]:
        """Take over and resend the unsent posts that are ready, for groups still posting daily.

        `groups` are the daily groups when the caller has read them all already.
        """
        unsent = await self._unsent(now)
        if not unsent:
            return []
        if groups is None:
            groups = await self._groups_of(unsent)
        by_id = {group.group_id: group for group in groups}
        attempts = []
        for seen in unsent:
            group = by_id.get(seen.group_id)
            if group is None or seen.id in self._in_flight or self._ready_at(seen) > now:
                continue
            try:
                post = await ledger.take_over(self._store, seen, now)
                if post is not None and (done := await self._attempt(group, post)):
                    attempts.append(done)
            except Exception:
                log.exception(
                    "retrying post %d of group %d (%s) for %s failed",
                    seen.id,
                    seen.group_id,
                    _where(group),
                    seen.local_date,
                )
        return attempts

    async def _attempt(self, group: DailyGroup, post: PostRow) -> PostRow | None:
        """Render and send a post we hold, and record the outcome; the row as recorded."""
        self._in_flight.add(post.id)
        try:
            try:
                reply = await self._render(group, post)
                # A send must end well inside the lease, or another runner may take the post over.
                async with asyncio.timeout(self._lease.total_seconds() / 2):
                    message_id = await self._send(group, reply, post.key)
            except Exception as error:
                return await self._record_failure(group, post, error)
            return await self._record_sent(group, post, message_id)
        finally:
            self._in_flight.discard(post.id)

    async def _record_sent(
        self, group: DailyGroup, post: PostRow, message_id: str
    ) -> PostRow | None:
        """Mark the post sent; warn when someone else had sent it too."""
        sent = await ledger.mark_sent(self._store, post, message_id, self._clock.now())
        if sent is None:
            log.warning(
                "post %d of group %d (%s) for %s was already sent; message %s may be a duplicate",
                post.id,
                group.group_id,
                _where(group),
                post.local_date,
                message_id,
            )
            return await ledger.find(self._store, post.group_id, post.local_date)
        log.info(
            "posted %s for group %d (%s), %s, attempt %d: message %s",
            post.problem_id,
            group.group_id,
            _where(group),
            post.local_date,
            post.attempts,
            message_id,
        )
        return sent

    async def _record_failure(
        self, group: DailyGroup, post: PostRow, error: Exception
    ) -> PostRow | None:
        """Record a failed attempt and say whether it will be retried."""
        failed = await ledger.mark_failed(self._store, post, _describe(error), self._clock.now())
        final = failed is not None and failed.attempts >= self._max_attempts
        log.log(
            logging.ERROR if final else logging.WARNING,
            "attempt %d of post %d for group %d (%s), %s, failed%s",
            post.attempts,
            post.id,
            group.group_id,
            _where(group),
            post.local_date,
            "; giving up" if final else "",
            exc_info=error,
        )
        return failed or await ledger.find(self._store, post.group_id, post.local_date)

    async def _unsent(self, now: datetime) -> list[PostRow]:
        """Unsent posts still within grace of their slot and with attempts left."""
        return await ledger.unsent(
            self._store, slot_after=now - self._grace, max_attempts=self._max_attempts
        )

    def _ready_at(self, post: PostRow) -> datetime:
        """When `post` may be tried again."""
        return ready_at(post, lease=self._lease, backoff=self._backoff)


def _where(group: DailyGroup) -> str:
    """The group as a log reader knows it."""
    return f"{group.ref.platform}:{group.ref.workspace}/{group.ref.channel}"


def _describe(error: Exception) -> str:
    """An error as stored in the ledger."""
    text = str(error)
    described = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return described[:_ERROR_LENGTH]
