"""Daily-loop fixtures: a recording send, a runner on the shared store, more connections to it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import Clock, ManualClock
from bot.daily import DailyRunner
from bot.store import Store
from tests.bot.daily.fakes import Reopen, Sender, make_runner


@pytest.fixture
def sender() -> Sender:
    return Sender()


@pytest.fixture
def runner(store: Store, clock: ManualClock, sender: Sender) -> DailyRunner:
    return make_runner(store, clock, sender)


@pytest.fixture
async def reopen(tmp_path: Path) -> AsyncIterator[Reopen]:
    """More connections to the `store` fixture's file: a restart, or a second process."""
    opened: list[Store] = []

    async def open_again(clock: Clock) -> Store:
        opened.append(await Store.open(tmp_path / "studybot.db", clock))
        return opened[-1]

    yield open_again
    for store in opened:
        await store.close()
