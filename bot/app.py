"""Composition root: settings -> store -> content and problems -> checker -> core -> adapters."""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Protocol, TextIO

from adapters.console import Console, stream_reader, terminal_reader
from bot.clock import Clock, ManualClock, SystemClock
from bot.config import Settings
from bot.content import ContentInvalid, content_dir, load_catalog
from bot.context import Context, MathWorkers
from bot.core import Core
from bot.daily import DailyScheduler
from bot.learning.recap import with_recaps
from bot.messages import GroupRef, Reply
from bot.problems.index import load_index
from bot.problems.load import load_problems
from bot.problems.pick import Bank
from bot.store import Store
from bot.workers import Workers

log = logging.getLogger(__name__)

PLATFORMS = ("discord", "slack")


CONNECT_WAIT = 60.0  # seconds to wait for the platforms before catching up regardless


class ChatAdapter(Protocol):
    """A platform adapter: serves commands until cancelled, and posts the daily problem."""

    async def run(self) -> None: ...

    async def connected(self) -> None: ...  # returns once posts can go out

    async def post(self, group: GroupRef, reply: Reply, key: str) -> str: ...

    # The post sent under `key` since then, if the platform can tell; raises when it cannot.
    async def find_post(self, group: GroupRef, key: str, since: datetime) -> str | None: ...


def configured_platforms(settings: Settings) -> list[str]:
    """The platforms whose tokens are set."""
    slack = bool(settings.slack_bot_token) or settings.slack_distributed
    tokens = {"discord": bool(settings.discord_token), "slack": slack}
    return [name for name in PLATFORMS if tokens[name]]


def make_adapter(name: str, core: Core, settings: Settings) -> ChatAdapter:
    """The adapter for one platform; imported only when that platform runs."""
    if name == "discord":
        from adapters.discord import DiscordAdapter

        return DiscordAdapter(core, settings)
    from adapters.slack import SlackAdapter

    return SlackAdapter(core, settings)


def print_slack_manifest(url: str, *, distributed: bool) -> int:
    """`studybot slack manifest`: the Slack app's manifest."""
    from adapters.slack.manifest import print_manifest

    return print_manifest(url, distributed=distributed)


async def run_platforms(settings: Settings, names: list[str]) -> None:
    """Discord and/or Slack in one process: one store, one checker pool, one scheduler."""
    clock = SystemClock()
    checker = Workers(workers=settings.checker_workers)
    # Bad content or an unusable database fails here, before any worker starts.
    core = await open_core(settings, clock, checker)
    async with checker:
        adapters = {name: make_adapter(name, core, settings) for name in names}

        def adapter_of(group: GroupRef) -> ChatAdapter:
            adapter = adapters.get(group.platform)
            if adapter is None:
                raise RuntimeError(f"no {group.platform} adapter is running for {group}")
            return adapter

        async def post(group: GroupRef, reply: Reply, key: str) -> str:
            return await adapter_of(group).post(group, reply, key)

        async def find(group: GroupRef, key: str, since: datetime) -> str | None:
            return await adapter_of(group).find_post(group, key, since)

        runner = with_recaps(core.context, post, find)
        scheduler = DailyScheduler(runner, clock, core.context.store)
        core.context = replace(core.context, reschedule=scheduler.reschedule)
        try:
            await serve(list(adapters.values()), scheduler)
        finally:
            await scheduler.shutdown()
            await core.context.store.close()


async def serve(
    adapters: list[ChatAdapter], scheduler: DailyScheduler, connect_wait: float = CONNECT_WAIT
) -> None:
    """Run the adapters; start the scheduler (and its catch-up) once they can post.

    Catching up first would send each missed post to a platform not connected yet, to
    wait for it and fail into the retry queue, while the platform itself waits for us.
    """
    serving = asyncio.gather(*(adapter.run() for adapter in adapters))
    ready = asyncio.gather(*(adapter.connected() for adapter in adapters))
    try:
        await asyncio.wait({serving, ready}, timeout=connect_wait, return_when="FIRST_COMPLETED")
        if serving.done():
            await serving  # an adapter stopped before connecting: its error, or its end
            return
        if not ready.done():
            log.warning("platforms not connected after %.0f s; catching up anyway", connect_wait)
        await scheduler.start()
        log.info("serving %d platform(s)", len(adapters))
        await serving
    finally:
        for task in (serving, ready):
            task.cancel()
        await asyncio.gather(serving, ready, return_exceptions=True)


async def open_core(
    settings: Settings, clock: Clock, checker: MathWorkers, db_path: str | None = None
) -> Core:
    """Load the content and the problem bank and open the store; the caller closes the store."""
    root = content_dir(settings.content_dir or None)
    catalog = load_catalog(root)
    problems, errors = load_problems(root / "problems")
    if errors:
        raise ContentInvalid(errors)
    store = await Store.open(db_path or settings.database_path, clock)
    bank = Bank.of(problems, load_index())
    core = Core(Context(catalog=catalog, store=store, clock=clock, bank=bank, workers=checker))
    _settle()
    return core


def _settle() -> None:
    """Exempt what start-up loaded (modules, content, the bank) from garbage collection.

    It lives as long as the process; left in, every full collection walks it again: a
    pause of tens of milliseconds in the middle of a burst of answers.
    """
    gc.collect()
    gc.freeze()


async def run_console(
    settings: Settings,
    *,
    db_path: str | None = None,
    group: str = "study-group",
    now: datetime | None = None,
    pictures: Path | None = None,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
) -> None:
    """A study group in the terminal, with the daily scheduler on the simulated clock."""
    clock = ManualClock(now or SystemClock().now())
    interactive = stdin.isatty()
    checker = Workers(workers=settings.checker_workers)
    # Bad content or an unusable database fails here, before any worker starts.
    core = await open_core(settings, clock, checker, db_path)
    async with checker:
        reader = terminal_reader(Path.home() / ".studybot_history") if interactive else None
        console = Console(
            core,
            clock,
            group=group,
            output=stdout,
            read_line=reader or stream_reader(stdin),
            pictures=pictures,
        )
        scheduler = DailyScheduler(
            with_recaps(core.context, console.post, console.find_post), clock, core.context.store
        )
        core.context = replace(core.context, reschedule=scheduler.reschedule)
        console.on_clock_moved = scheduler.clock_moved
        try:
            await scheduler.start()
            if interactive:
                stdout.write(
                    f"studybot console: you are in #{group}. "
                    "Type /help to start, /quit to leave.\n\n"
                )
            await console.run()
        finally:
            await scheduler.shutdown()
            await core.context.store.close()
