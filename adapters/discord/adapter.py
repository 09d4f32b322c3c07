"""The Discord adapter: serve slash commands until cancelled, and post the daily problem."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from adapters.discord.client import StudyClient
from adapters.discord.daily import DailyPoster
from bot.config import ConfigError, Settings
from bot.core import Core
from bot.messages import GroupRef, Reply

ClientFactory = Callable[..., StudyClient]
"""Builds the client: `(core, *, sync_state, guild_id)`; tests pass extra options through it."""


class DiscordAdapter:
    """studybot on Discord: one client, commands from the core's table, the daily post."""

    def __init__(
        self,
        core: Core,
        settings: Settings,
        *,
        client_factory: ClientFactory = StudyClient,
        sync_state: Path | None = None,
    ) -> None:
        self.settings = settings
        self.client = client_factory(
            core,
            sync_state=sync_state or sync_state_path(settings),
            guild_id=dev_guild_id(settings),
        )
        self.poster = DailyPoster(self.client, core)

    async def run(self) -> None:
        """Log in, sync the commands if they changed, and serve until cancelled."""
        if not self.settings.discord_token:
            raise ConfigError("DISCORD_TOKEN is not set")
        async with self.client:
            await self.client.start(self.settings.discord_token)

    async def connected(self) -> None:
        """Return once the gateway is ready, so the daily post can go out."""
        await self.client.ready.wait()

    async def post(self, group: GroupRef, reply: Reply, key: str) -> str:
        """Post the daily problem to the group's channel once per key; the message id."""
        return await self.poster.post(group, reply, key)

    async def find_post(self, group: GroupRef, key: str, since: datetime) -> str | None:
        """None: Discord cannot be asked by key, but drops a re-send under the same nonce.

        The key is the message nonce, sent with enforce_nonce: Discord answers a second
        send with the same nonce within a few minutes with the first message, posting nothing.
        """
        return None


def dev_guild_id(settings: Settings) -> int | None:
    """DISCORD_GUILD_ID as a number: commands sync to that server only, instantly."""
    text = settings.discord_guild_id.strip()
    if not text:
        return None
    if not text.isdigit():
        raise ConfigError(
            f"DISCORD_GUILD_ID must be a server id (digits; Developer Mode → Copy Server ID), "
            f"not {text!r}"
        )
    return int(text)


def sync_state_path(settings: Settings) -> Path:
    """Where the last synced command set is recorded: beside the database."""
    return Path(settings.database_path).with_suffix(".discord-commands.json")
