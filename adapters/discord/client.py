"""The Discord client: slash commands from the table, lasting buttons, sync when changed."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

from adapters.discord.respond import Responder
from adapters.discord.sync import SyncState, sync_if_changed
from adapters.discord.tree import build_commands
from adapters.discord.views import AnswerButton, CommandButton
from bot.core import Core

log = logging.getLogger(__name__)

RATE_LIMIT_WAIT = 20.0  # seconds; a longer rate limit raises, and the daily runner retries later


def intents() -> discord.Intents:
    """Only the guilds intent (channels, roles, the bot's own member): nothing privileged."""
    return discord.Intents(guilds=True)


class StudyTree(app_commands.CommandTree["StudyClient"]):
    """The command tree; an error before a command runs still gets the member an answer."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        """Log the error and apologize to the member."""
        command = interaction.command.name if interaction.command else "?"
        log.error("/%s failed before it ran", command, exc_info=error)
        await self.client.responder.apologize(interaction)


class StudyClient(discord.AutoShardedClient):
    """studybot on Discord; Discord tells it how many shards to run (one for a small bot)."""

    def __init__(
        self,
        core: Core,
        *,
        sync_state: Path,
        guild_id: int | None = None,
        **options: Any,
    ) -> None:
        options.setdefault("intents", intents())
        options.setdefault("allowed_mentions", discord.AllowedMentions.none())
        options.setdefault("max_ratelimit_timeout", RATE_LIMIT_WAIT)
        super().__init__(**options)
        self.core = core
        self.responder = Responder(core)
        self.tree = StudyTree(self)
        self.sync_state = SyncState(sync_state)
        self.dev_guild = discord.Object(guild_id) if guild_id is not None else None
        self.ready = asyncio.Event()
        for command in build_commands():
            self.tree.add_command(command)

    async def setup_hook(self) -> None:
        """Make the buttons of old messages work again, and sync the commands if they changed."""
        self.add_dynamic_items(AnswerButton, CommandButton)
        if self.dev_guild is not None:
            self.tree.copy_global_to(guild=self.dev_guild)
        await sync_if_changed(self.tree, self.application_id, self.dev_guild, self.sync_state)

    async def on_ready(self) -> None:
        """Mark the client ready for the daily post."""
        log.info("connected to Discord as %s in %d guilds", self.user, len(self.guilds))
        self.ready.set()
