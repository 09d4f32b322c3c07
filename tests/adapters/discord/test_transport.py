"""The real client over HTTP and a websocket, against a small fake Discord on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from functools import partial
from pathlib import Path

import discord
import pytest
import yarl

from adapters.discord import DiscordAdapter
from adapters.discord.client import StudyClient
from adapters.discord.daily import DailyPostError
from bot.commands import COMMANDS
from bot.config import Settings
from bot.core import Core
from bot.messages import GroupRef, Reply
from tests.adapters.discord.fake_discord import APP_ID, CHANNEL_ID, GUILD_ID, FakeDiscord

READY_WITHIN = 10.0  # seconds; a guard against a hang, not a wait


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord()
    await server.start()
    monkeypatch.setattr(discord.http.Route, "BASE", f"{server.url}/api/v10")
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket,
        "DEFAULT_GATEWAY",
        yarl.URL(server.url.replace("http", "ws", 1) + "/gateway"),
    )
    yield server
    await server.close()


def _adapter(core: Core, tmp_path: Path, guild: str = "") -> DiscordAdapter:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'studybot.db'}",
        discord_token="fake-token",
        discord_guild_id=guild,
    )
    factory = partial(StudyClient, guild_ready_timeout=0.01)
    return DiscordAdapter(core, settings, client_factory=factory)


@asynccontextmanager
async def _serving(adapter: DiscordAdapter) -> AsyncIterator[None]:
    """Run the adapter until the client is ready; cancel it afterwards, as the app does."""
    task = asyncio.create_task(adapter.run())
    try:
        await asyncio.wait_for(adapter.client.ready.wait(), READY_WITHIN)
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert adapter.client.is_closed()


async def test_the_client_logs_in_gets_ready_and_syncs_every_command(
    fake: FakeDiscord, core: Core, tmp_path: Path
) -> None:
    adapter = _adapter(core, tmp_path)
    async with _serving(adapter):
        assert adapter.client.user is not None and adapter.client.user.id == 900
        assert adapter.client.get_guild(GUILD_ID) is not None
    [sync] = fake.called("PUT", f"/applications/{APP_ID}/commands")
    assert [c["name"] for c in sync.body] == [c.name for c in COMMANDS]
    assert fake.identify["intents"] == discord.Intents(guilds=True).value
    assert (tmp_path / "studybot.discord-commands.json").exists()


async def test_an_unchanged_command_set_is_not_synced_again(
    fake: FakeDiscord, core: Core, tmp_path: Path
) -> None:
    for _ in range(2):
        async with _serving(_adapter(core, tmp_path)):
            pass
    assert len(fake.called("PUT", f"/applications/{APP_ID}/commands")) == 1
    async with _serving(_adapter(core, tmp_path, guild=str(GUILD_ID))):
        pass
    [guild_sync] = fake.called("PUT", f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    assert len(guild_sync.body) == len(COMMANDS)
    assert len(fake.called("PUT", f"/applications/{APP_ID}/commands")) == 1


async def test_a_resent_daily_post_is_kept_once(
    fake: FakeDiscord, core: Core, tmp_path: Path
) -> None:
    adapter = _adapter(core, tmp_path)
    group = GroupRef("discord", str(GUILD_ID), str(CHANNEL_ID), "study")
    reply = Reply(title="Daily problem · Saturday 21 November", body="Differentiate $x^2$.")
    async with _serving(adapter):
        first = await adapter.post(group, reply, "studybot-post-1")
        again = await adapter.post(group, reply, "studybot-post-1")  # e.g. the response was lost
        other = await adapter.post(group, reply, "studybot-post-2")
    assert first == again != other
    assert len(fake.messages) == 2
    sends = fake.called("POST", f"/channels/{CHANNEL_ID}/messages")
    assert [(s.body["nonce"], s.body["enforce_nonce"]) for s in sends] == [
        ("studybot-post-1", True),
        ("studybot-post-1", True),
        ("studybot-post-2", True),
    ]
    assert [t["name"] for t in fake.threads.values()] == [reply.title] * 2


async def test_a_rate_limit_longer_than_we_wait_goes_to_the_ledger_with_its_wait(
    fake: FakeDiscord, core: Core, tmp_path: Path
) -> None:
    adapter = _adapter(core, tmp_path)
    group = GroupRef("discord", str(GUILD_ID), str(CHANNEL_ID), "study")
    fake.limited = [45.0]
    async with _serving(adapter):
        with pytest.raises(DailyPostError) as failed:
            await adapter.post(group, Reply(title="Daily problem"), "studybot-post-1")
    assert failed.value.retry_after == timedelta(seconds=45)
    assert not failed.value.maybe_posted
    assert len(fake.called("POST", f"/channels/{CHANNEL_ID}/messages")) == 1
    assert fake.messages == {}
