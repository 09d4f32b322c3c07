"""Fixtures: a fake Slack on 127.0.0.1, and the adapter serving HTTP mode against it."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import ClientSession

from adapters.slack import SlackAdapter
from bot.config import Settings
from bot.core import Core
from tests.adapters.slack.fake_slack import SECRET, FakeSlack, SlackSide


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any name lookup but the loopback fails: no Slack test can reach slack.com."""
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in {"127.0.0.1", "localhost", None}:
            raise OSError(f"tests stay offline: refused to resolve {host!r}")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    slack = FakeSlack()
    await slack.start()
    yield slack
    await slack.stop()


@pytest.fixture
def settings() -> Settings:
    return Settings(slack_bot_token="xoxb-test", slack_signing_secret=SECRET)


@pytest.fixture
def adapter(core: Core, settings: Settings, fake: FakeSlack) -> SlackAdapter:
    return SlackAdapter(core, settings, base_url=fake.api_url, timeout=2.0)


@pytest.fixture
async def slack(adapter: SlackAdapter, fake: FakeSlack) -> AsyncIterator[SlackSide]:
    """Slack's side, sending signed requests into the adapter's own HTTP server."""
    async with adapter.serve_http("127.0.0.1") as url, ClientSession() as session:
        yield SlackSide(session, url, fake)
