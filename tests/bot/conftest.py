"""Learning fixtures: the real content and bank, a core on them, a recording post."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import pytest

from bot.challenge.post import daily_runner
from bot.clock import ManualClock
from bot.content import Catalog, content_dir, load_catalog
from bot.context import Context
from bot.core import Core
from bot.daily import DailyRunner
from bot.messages import GroupRef, Reply
from bot.problems.index import load_index
from bot.problems.load import load_problems
from bot.problems.pick import Bank
from bot.store import Store
from bot.workers import Workers


@functools.cache
def real_catalog() -> Catalog:
    return load_catalog(content_dir())


@functools.cache
def real_bank() -> Bank:
    problems, errors = load_problems(content_dir() / "problems")
    assert errors == []
    return Bank.of(problems, load_index())


@dataclass
class Posted:
    """A recording platform: every message posted to a group."""

    replies: list[Reply] = field(default_factory=list)

    async def __call__(self, group: GroupRef, reply: Reply, key: str) -> str:
        self.replies.append(reply)
        return f"msg-{len(self.replies)}"

    async def find_post(self, group: GroupRef, key: str, since: object) -> str | None:
        """Nothing is ever lost here: no post is looked up."""
        return None


async def nothing_found(group: GroupRef, key: str, since: object) -> str | None:
    """A platform's look-up that finds no earlier post."""
    return None


@pytest.fixture
def real_core(store: Store, clock: ManualClock, checker: Workers) -> Core:
    return Core(
        Context(catalog=real_catalog(), store=store, clock=clock, bank=real_bank(), workers=checker)
    )


@pytest.fixture
def posted() -> Posted:
    return Posted()


@pytest.fixture
def runner(real_core: Core, posted: Posted) -> DailyRunner:
    return daily_runner(real_core.context, posted, posted.find_post)
