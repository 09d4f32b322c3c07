"""Each platform delivery acts once: a replayed command gets the first reply, not two effects."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bot.messages import Reply, Request, Tone
from bot.store import Store, deliveries
from bot.store.group_commit import GroupCommit

log = logging.getLogger(__name__)

REMEMBER = 2048  # replies kept for replays that reach this process
KEEP = timedelta(days=1)  # deliveries recorded this long; no platform replays later
PURGE_EVERY = timedelta(hours=1)

ALREADY_HANDLED = Reply(
    title="Already done",
    body="That request reached me twice, so I acted on it once. `/problem` shows where you are.",
    tone=Tone.INFO,
    private=True,
)


class Deliveries:
    """Runs a command's effect once per (platform, delivery id), across processes.

    The database records each delivery that acted, so a replay reaching another process (or
    this one after a restart) does nothing; a replay reaching this process while the first
    is still at work, or soon after, gets the same reply.
    """

    def __init__(self) -> None:
        self._replies: OrderedDict[tuple[str, str], asyncio.Future[Reply | None]] = OrderedDict()
        self._purged: datetime | None = None
        # Claims that arrive together (a burst of answers) share one transaction, per store.
        self._claims: tuple[Store, GroupCommit[deliveries.Claim, bool]] | None = None

    async def once(
        self, store: Store, now: datetime, request: Request, act: Callable[[], Awaitable[Reply]]
    ) -> Reply:
        """The reply of `act`, run only if this delivery has not acted before."""
        key = (request.group.platform, request.delivery)
        known = self._replies.get(key)
        if known is not None:
            log.info("delivery %s:%s came again; answering as the first time", *key)
            return await asyncio.shield(known) or ALREADY_HANDLED
        first: asyncio.Future[Reply | None] = asyncio.get_running_loop().create_future()
        self._remember(key, first)
        try:
            if not await self._claim(store, now, request.group.platform, request.delivery):
                log.info("delivery %s:%s already acted elsewhere; not again", *key)
                first.set_result(None)
                return ALREADY_HANDLED
            reply = await act()
        except BaseException:
            first.set_result(None)
            raise
        first.set_result(reply)
        return reply

    def _remember(self, key: tuple[str, str], reply: asyncio.Future[Reply | None]) -> None:
        self._replies[key] = reply
        while len(self._replies) > REMEMBER:
            self._replies.popitem(last=False)

    async def _claim(self, store: Store, now: datetime, platform: str, delivery: str) -> bool:
        """Record the delivery; False when it was recorded before."""
        if self._purged is None or now - self._purged >= PURGE_EVERY:
            self._purged = now
            await deliveries.forget_before(store, now - KEEP)
        if self._claims is None or self._claims[0] is not store:
            self._claims = (store, GroupCommit(lambda claims: deliveries.claim_many(store, claims)))
        return await self._claims[1]((platform, delivery, now))
