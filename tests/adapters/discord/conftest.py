"""A simulated Discord (simcord) around the real client and a real core."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import discord
import pytest
import simcord

from adapters.discord import DiscordAdapter
from bot.config import Settings
from bot.core import Core
from bot.messages import GroupRef


@dataclass
class World:
    """One server with a study channel, a member and an admin."""

    env: simcord.Env
    adapter: DiscordAdapter
    guild: simcord.GuildHandle
    channel: simcord.ChannelHandle
    ada: simcord.MemberActor
    admin: simcord.MemberActor

    def muted_channel(self, name: str = "muted") -> simcord.ChannelHandle:
        """A channel where the bot may not send messages."""
        bot = self.env.bot.user
        assert bot is not None
        deny = discord.PermissionOverwrite(send_messages=False)
        return self.guild.create_text_channel(name, overwrites={bot: deny})

    @property
    def group(self) -> GroupRef:
        """The study channel as the core knows it."""
        return GroupRef("discord", str(self.guild.id), str(self.channel.id), "study")


@pytest.fixture
def adapter(core: Core, tmp_path: Path) -> DiscordAdapter:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'studybot.db'}", discord_token="x")
    return DiscordAdapter(core, settings)


@pytest.fixture
async def env(adapter: DiscordAdapter) -> AsyncIterator[simcord.Env]:
    """The adapter's client logged in to a simulated Discord that grants no privileged intent."""
    env = simcord.Env(adapter.client, shard_count=1, approved_intents=discord.Intents.none())
    await env.start()
    try:
        yield env
    finally:
        await env.shutdown()
        if env.check_errors:
            env.raise_errors()


@pytest.fixture
def world(env: simcord.Env, adapter: DiscordAdapter) -> World:
    guild = env.create_guild("ML study")
    channel = guild.create_text_channel("study")
    admins = guild.create_role("Admins", permissions=discord.Permissions(manage_guild=True))
    ada = guild.add_member(env.create_user("ada", global_name="Ada"))
    admin = guild.add_member(env.create_user("grace", global_name="Grace"), roles=[admins])
    return World(env, adapter, guild, channel, ada, admin)
