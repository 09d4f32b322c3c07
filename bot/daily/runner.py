"""The daily work for one moment: choose, claim, render, send and record each due post."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from bot.clock import Clock
from bot.daily import ledger
from bot.daily.errors import SendFailed
from bot.daily.groups import DailyGroup, daily_group, daily_groups
from bot.daily.ledger import PostRow
from bot.daily.retry import backoff_delay, ready_at, retry_at
from bot.daily.slots import due_days, slot_for
from bot.messages import Reply
from bot.store import Store
from bot.store.group_commit import GroupCommit

T = TypeVar("T")

log = logging.getLogger(__name__)

Choose = Callable[
    [Sequence[tuple[DailyGroup, date]]], Awaitable[Sequence[tuple[str, str] | Exception]]
]
"""(problem_id, problem JSON), or why not, for each (group, local date); called before claiming."""
Render = Callable[[Sequence[tuple[DailyGroup, PostRow]]], Awaitable[Sequence[Reply | Exception]]]
"""The message for each claimed post, built from its stored problem JSON, or why not."""
Send = Callable[[DailyGroup, Reply, str], Awaitable[str]]
"""Post the reply with a de-duplication key; the platform message id; raises on failure.

A SendFailed says whether the post may be in the channel anyway and how long the platform
asked us to wait; any other exception counts as certainly not posted.
"""
Find = Callable[[DailyGroup, PostRow], Awaitable[str | None]]
"""The message id of the post already in the channel under its key, or None; raises when
the platform cannot tell."""

_ERROR_LENGTH = 500
_NEVER = datetime.max.replace(tzinfo=UTC)


class DailyRunner:
    """Posts what is due at a given moment; several runners may share one database.

    Due posts go in batches: one choose, one claim transaction and one render for each
    batch, then up to `fan_out` sends at a time, each recorded as soon as it is sent (the
    records of sends that finish together share a transaction).

    A post that may already be in the channel (its sender died mid-send, or the platform
    lost the response) is sent again only after `find` says it is not there; without a
    `find`, a post that failed that way is set aside, never sent twice.
    """

    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        choose: Choose,
        render: Render,
        send: Send,
        find: Find | None = None,
        grace: timedelta = timedelta(hours=6),
        lease: timedelta = timedelta(minutes=2),
        max_attempts: int = 5,
        backoff: timedelta = timedelta(seconds=30),
        fan_out: int = 4,
        batch: int = 250,
    ) -> None:
        self._store = store
        self._clock = clock
        self._choose = choose
        self._render = render
        self._send = send
        self._find = find
        self._grace = grace
        self._lease = lease
        self._max_attempts = max_attempts
        self._backoff = backoff
        self._fan_out = max(1, fan_out)
        self._batch = max(1, batch)
        self._in_flight: set[int] = set()
        # Groups whose due day could not even be claimed (the database failed: a full disk,
        # a lock): group id -> (failures in a row, when the last one was). Nothing is in the
        # ledger for them yet, so its retry scan cannot see them; a restart catches up anyway.
        self._unclaimed: dict[int, tuple[int, datetime]] = {}
        self._mark_sent: GroupCommit[tuple[PostRow, str], PostRow | None] = GroupCommit(
            lambda sent: ledger.mark_sent_many(self._store, sent, self._clock.now())
        )

    async def run_due(self, now: datetime) -> list[PostRow]:
        """Post every daily group's due days, then retry what is ready; the attempts made."""
        groups = await daily_groups(self._store)
        return await self._post_due(groups, now) + await self._retry(now, groups)

    async def run_groups(self, group_ids: Iterable[int], now: datetime) -> list[PostRow]:
        """Post the due days of those groups that still post daily; the attempts, as recorded.

        When the database fails before the days are claimed, the groups are tried again
        by `retry` after a backoff, for as long as their slot is within grace.
        """
        ids = set(group_ids)
        if not ids:
            return []
        try:
            groups = await daily_groups(self._store, ids)
        except Exception as error:
            self._claim_failed(ids, now, error)
            return []
        for group_id in ids - {group.group_id for group in groups}:  # no longer daily
            self._unclaimed.pop(group_id, None)
        return await self._post_due(groups, now, ids)

    async def retry(self, now: datetime) -> list[PostRow]:
        """Try again every unsent post whose lease or backoff is over, and every day that could
        not be claimed; the attempts, as recorded."""
        ready = {g for g, (n, at) in self._unclaimed.items() if self._claim_ready(n, at) <= now}
        return await self._retry(now) + await self.run_groups(ready, now)

    async def next_retry_at(self, now: datetime) -> datetime | None:
        """When the earliest unsent post may be tried again (perhaps already); None if none."""
        # Called after every group's post, so it must not read every unsent row: first the
        # earliest row of each (status, attempts), where the earliest retry is.
        unclaimed = min(
            (self._claim_ready(n, at) for n, at in self._unclaimed.values()), default=None
        )
        first = await ledger.first_unsent(
            self._store, slot_after=now - self._grace, max_attempts=self._max_attempts
        )
        if first == []:  # the usual case: nothing unsent
            return unclaimed
        if first:
            earliest = min(first, key=lambda post: self._ready_at(post) or _NEVER)
            if await daily_group(self._store, earliest.group_id) is not None:
                return _earliest(self._ready_at(earliest), unclaimed)
        # That group no longer posts daily (or there are too many attempt counts to ask
        # that way): look at every unsent row.
        unsent = await self._unsent(now)
        daily = {group.group_id for group in await self._groups_of(unsent)}
        ledger_ready = _earliest(
            *(self._ready_at(post) for post in unsent if post.group_id in daily)
        )
        return _earliest(ledger_ready, unclaimed)

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

    def _due_days(self, group: DailyGroup, now: datetime) -> list[date]:
        """The group's local dates whose slot is within grace of `now`."""
        return due_days(now, group.settings.time, group.settings.zone, self._grace)

    async def _claimed(
        self, days: Iterable[date], group_ids: set[int] | None = None
    ) -> set[tuple[int, date]]:
        """(group id, date) of every ledger row, in any state, from the first to the last day."""
        days = list(days)
        if not days:
            return set()
        return await ledger.claimed_days(self._store, min(days), max(days), group_ids)

    async def _groups_of(self, posts: list[PostRow]) -> list[DailyGroup]:
        """The daily groups among those of `posts`."""
        return await daily_groups(self._store, {post.group_id for post in posts})

    async def _post_due(
        self, groups: list[DailyGroup], now: datetime, group_ids: set[int] | None = None
    ) -> list[PostRow]:
        """Claim and send the groups' due days that nobody has claimed, a batch at a time.

        The days claimed already are read once, so a restart chooses no problem it will not
        post; a day claimed after that read is still caught by the claim itself.
        `group_ids`: the groups were read by id, so only their ledger rows matter.
        """
        due = [(group, day) for group in groups for day in self._due_days(group, now)]
        try:
            claimed = await self._claimed((day for _, day in due), group_ids)
        except Exception as error:
            self._claim_failed({group.group_id for group in groups}, now, error)
            return []
        todo = [(group, day) for group, day in due if (group.group_id, day) not in claimed]
        pending = {group.group_id for group, _ in todo}
        for group in groups:
            if group.group_id not in pending:  # nothing (more) to claim: due days are held
                self._unclaimed.pop(group.group_id, None)
        attempts = []
        for start in range(0, len(todo), self._batch):
            attempts += await self._post_batch(todo[start : start + self._batch], now)
        return attempts

    async def _post_batch(
        self, batch: Sequence[tuple[DailyGroup, date]], now: datetime
    ) -> list[PostRow]:
        """Choose, claim (one transaction) and send each (group, day) of the batch."""
        try:
            chosen = await self._choose(batch)
            claims = []
            for (group, day), problem in zip(batch, chosen, strict=True):
                if isinstance(problem, Exception):
                    _log_failed(group, day, problem)
                    continue
                slot = slot_for(day, group.settings.time, group.settings.zone)
                claims.append(ledger.Claim(group.group_id, day, slot, *problem))
            posts = await ledger.claim_many(self._store, claims, now)
        except Exception as error:
            self._claim_failed({group.group_id for group, _ in batch}, now, error)
            return []
        for group, _ in batch:
            self._unclaimed.pop(group.group_id, None)
        by_id = {group.group_id: group for group, _ in batch}
        return await self._attempt([(by_id[post.group_id], post) for post in posts])

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
        held = []
        look: set[int] = set()
        for seen in unsent:
            group = by_id.get(seen.group_id)
            ready = self._ready_at(seen)
            if group is None or seen.id in self._in_flight or ready is None or ready > now:
                continue
            try:
                post = await ledger.take_over(self._store, seen, now)
            except Exception:
                log.exception(
                    "retrying post %d of group %d (%s) for %s failed",
                    seen.id,
                    seen.group_id,
                    _where(group),
                    seen.local_date,
                )
                continue
            if post is not None:
                held.append((group, post))
                if self._find is not None and (seen.status == "claimed" or seen.maybe_posted):
                    look.add(post.id)  # its sender died, or the platform lost the answer
        return await self._attempt(held, look)

    async def _attempt(
        self, held: list[tuple[DailyGroup, PostRow]], look: set[int] | None = None
    ) -> list[PostRow]:
        """Render and send posts we hold, `fan_out` at a time, and record each outcome.

        The posts in `look` may be in the channel already: `find` is asked first.
        """
        if not held:
            return []
        ids = {post.id for _, post in held}
        self._in_flight |= ids
        sending = asyncio.Semaphore(self._fan_out)

        async def attempt(
            group: DailyGroup, post: PostRow, reply: Reply | Exception
        ) -> PostRow | None:
            try:
                if isinstance(reply, Exception):
                    return await self._record_failure(group, post, reply)
                try:
                    async with sending:
                        renewed = await self._renewed(post)
                        if renewed is None:
                            return None
                        post = renewed
                        # A send must end well inside the lease, or another runner may take over.
                        async with asyncio.timeout(self._lease.total_seconds() / 2):
                            message_id = await self._found_or_sent(group, post, reply, look)
                except Exception as error:
                    return await self._record_failure(group, post, error)
                return await self._record_sent(group, post, message_id)
            except Exception:
                log.exception(
                    "recording post %d of group %d (%s) for %s failed",
                    post.id,
                    group.group_id,
                    _where(group),
                    post.local_date,
                )
                return None

        try:
            try:
                replies: Sequence[Reply | Exception] = await self._render(held)
            except Exception as error:
                replies = [error] * len(held)
            done = await _all_or_none(
                attempt(group, post, reply)
                for (group, post), reply in zip(held, replies, strict=True)
            )
        finally:
            self._in_flight -= ids
        return [post for post in done if post is not None]

    async def _found_or_sent(
        self, group: DailyGroup, post: PostRow, reply: Reply, look: set[int] | None
    ) -> str:
        """The id of the post already in the channel when it may be there, else of a new send."""
        if look and post.id in look and self._find is not None:
            try:
                found = await self._find(group, post)
            except Exception as error:
                raise SendFailed(
                    f"could not tell if it was posted: {error}", maybe_posted=True
                ) from error
            if found is not None:
                log.info("post %d for group %d was in the channel already", post.id, group.group_id)
                return found
        return await self._send(group, reply, post.key)

    async def _renewed(self, post: PostRow) -> PostRow | None:
        """The post, its claim renewed if the lease could run out during the send; None if lost.

        A post of a big batch may wait its turn to send for a while after it was claimed;
        None means another runner took it over meanwhile.
        """
        now = self._clock.now()
        if now - post.claimed_at < self._lease / 4:
            return post
        renewed = await ledger.renew(self._store, post, now)
        if renewed is None:
            log.info("post %d for group %d was taken over while it waited", post.id, post.group_id)
        return renewed

    async def _record_sent(
        self, group: DailyGroup, post: PostRow, message_id: str
    ) -> PostRow | None:
        """Mark the post sent; warn when someone else had sent it too."""
        sent = await self._mark_sent((post, message_id))
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
        """Record a failed attempt, when to try again, and say whether it will be."""
        now = self._clock.now()
        # A send cut off by our own timeout may have reached the platform too.
        maybe_posted = isinstance(error, TimeoutError) or (
            isinstance(error, SendFailed) and error.maybe_posted
        )
        wait = error.retry_after if isinstance(error, SendFailed) else None
        again: datetime | None = retry_at(
            post.attempts, now, backoff=self._backoff, platform_wait=wait
        )
        set_aside = maybe_posted and self._find is None
        refused = isinstance(error, SendFailed) and error.permanent
        if post.attempts >= self._max_attempts or set_aside or refused:
            again = None
        failed = await ledger.mark_failed(
            self._store,
            post,
            _describe(error),
            now,
            retry_at=again,
            maybe_posted=maybe_posted,
        )
        if refused:
            outcome = "; the platform will not take it, so it is not tried again"
        elif set_aside:
            outcome = "; it may be in the channel, so it is not sent again"
        elif again is None:
            outcome = "; giving up"
        else:
            outcome = f"; trying again at {again:%H:%M:%S} UTC"
        log.log(
            logging.ERROR if again is None else logging.WARNING,
            "attempt %d of post %d for group %d (%s), %s, failed%s",
            post.attempts,
            post.id,
            group.group_id,
            _where(group),
            post.local_date,
            outcome,
            exc_info=error,
        )
        return failed or await ledger.find(self._store, post.group_id, post.local_date)

    async def _unsent(self, now: datetime) -> list[PostRow]:
        """Unsent posts still within grace of their slot and with attempts left."""
        return await ledger.unsent(
            self._store, slot_after=now - self._grace, max_attempts=self._max_attempts
        )

    def _ready_at(self, post: PostRow) -> datetime | None:
        """When `post` may be tried again; None: never."""
        return ready_at(post, lease=self._lease)

    def _claim_failed(self, group_ids: set[int], now: datetime, error: Exception) -> None:
        """Remember groups whose due days could not be claimed, for `retry` after a backoff."""
        for group_id in group_ids:
            failures = self._unclaimed.get(group_id, (0, now))[0] + 1
            self._unclaimed[group_id] = (failures, now)
        log.error(
            "the daily posts of %d group(s) could not be claimed; they will be tried again",
            len(group_ids),
            exc_info=error,
        )

    def _claim_ready(self, failures: int, at: datetime) -> datetime:
        """When a group whose claim failed `failures` times in a row, last `at`, is tried again."""
        return at + backoff_delay(failures, self._backoff)


def _where(group: DailyGroup) -> str:
    """The group as a log reader knows it."""
    return f"{group.ref.platform}:{group.ref.workspace}/{group.ref.channel}"


def _describe(error: Exception) -> str:
    """An error as stored in the ledger."""
    text = str(error)
    described = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return described[:_ERROR_LENGTH]


def _earliest(*moments: datetime | None) -> datetime | None:
    """The earliest of the moments given; None when none is."""
    return min((m for m in moments if m is not None), default=None)


def _log_failed(group: DailyGroup, day: date, error: Exception) -> None:
    """Log that a group's day could not be claimed."""
    log.error(
        "daily post of group %d (%s) for %s failed",
        group.group_id,
        _where(group),
        day,
        exc_info=error,
    )


async def _all_or_none(work: Iterable[Awaitable[T]]) -> list[T]:
    """Await every coroutine concurrently; if one raises, cancel the rest and re-raise.

    Only a BaseException (such as cancellation) gets out of an attempt, and then no
    attempt of the batch may go on unseen.
    """
    tasks = [asyncio.ensure_future(w) for w in work]
    try:
        return await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
