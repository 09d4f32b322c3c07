"""Shared fixtures: a small fixed content folder, a real SQLite store, a manual clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.content import Catalog, load_catalog
from bot.context import Context
from bot.core import Core
from bot.messages import GroupRef, Request, UserRef
from bot.store import Store

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


@pytest.fixture
def core(catalog: Catalog, store: Store, clock: ManualClock) -> Core:
    return Core(Context(catalog=catalog, store=store, clock=clock))


def make_request(command: str, text: str = "", user: str = "ada", **options: str) -> Request:
    """A request from the test group."""
    return Request(
        command=command,
        text=text,
        user=UserRef("test", "ws", user, user.title()),
        group=GroupRef("test", "ws", "general", "general"),
        options=options,
    )
