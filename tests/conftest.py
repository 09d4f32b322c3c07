"""Shared fixtures: a small fixed content folder, a real SQLite store, a manual clock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.content import Catalog, load_catalog
from bot.context import Context
from bot.core import Core
from bot.messages import GroupRef, Request, UserRef
from bot.problems import load_problems
from bot.problems.pick import Bank
from bot.store import Store
from bot.workers import Workers

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
REPO = Path(__file__).resolve().parent.parent
START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog(FIXTURE_CONTENT)


@pytest.fixture
async def store(tmp_path: Path, clock: ManualClock) -> AsyncIterator[Store]:
    opened = await Store.open(tmp_path / "studybot.db", clock)
    yield opened
    await opened.close()


@pytest.fixture(scope="session")
def checker() -> Iterator[Workers]:
    """One real worker pool for the whole session: starting one takes a second."""
    pool = Workers(workers=1, timeout=5.0)
    asyncio.run(pool.start())
    yield pool
    asyncio.run(pool.close())


@pytest.fixture(scope="session")
def bank() -> Bank:
    problems, errors = load_problems(FIXTURE_CONTENT / "problems")
    assert errors == []
    return Bank.of(problems, ())


@pytest.fixture
def core(catalog: Catalog, store: Store, clock: ManualClock, bank: Bank, checker: Workers) -> Core:
    return Core(Context(catalog=catalog, store=store, clock=clock, bank=bank, workers=checker))


def make_request(command: str, text: str = "", user: str = "ada", **options: str) -> Request:
    """A request from the test group."""
    return Request(
        command=command,
        text=text,
        user=UserRef("test", "ws", user, user.title()),
        group=GroupRef("test", "ws", "general", "general"),
        options=options,
    )


async def publish(core: Core, day: str, problem_id: str, group: GroupRef | None = None) -> int:
    """Put a problem in the ledger as the group's sent daily post for `day`; returns its id."""
    from bot.problems.snapshot import to_json

    ref = group or make_request("help").group
    store = core.context.store
    group_id = await store.ensure_group(ref)
    problem = core.context.bank.problems[problem_id]
    stamp = core.context.clock.now().isoformat(timespec="seconds")
    async with store.transaction() as db:
        cursor = await db.execute(
            "INSERT INTO posts (group_id, local_date, slot_at, problem_id, problem, status,"
            " attempts, claimed_at, posted_at) VALUES (?, ?, ?, ?, ?, 'sent', 1, ?, ?)",
            (group_id, day, stamp, problem_id, to_json(problem), stamp, stamp),
        )
        return int(cursor.lastrowid or 0)
