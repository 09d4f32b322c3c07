"""Answer interactions through the core: in time, privately when asked, and always."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import discord

from adapters.discord.identity import request_for
from adapters.discord.permissions import config_note
from adapters.discord.render import message_parts
from bot.commands import BY_NAME
from bot.core import Core
from bot.messages import Reply, Request, Tone

log = logging.getLogger(__name__)

DEFER_AFTER = 2.0  # seconds; Discord drops an interaction not answered within 3
CONFIG = "config"  # after an admin changes settings, say if the daily post cannot go out

APOLOGY = Reply(
    title="Something went wrong on our side",
    body="Sorry, that did not work. It has been logged; please try again shortly.",
    tone=Tone.ERROR,
    private=True,
)
PRIVATE_NOTE = "Only you can see my answer to this."
OUTSIDE_A_SERVER = Reply(
    title="Use me in a server",
    body="I work in a study group's channel on a server. Run the command there.",
    tone=Tone.WARNING,
    private=True,
)


class Responder:
    """Runs core commands for interactions and sends the replies."""

    def __init__(self, core: Core, *, defer_after: float = DEFER_AFTER) -> None:
        self.core = core
        self.defer_after = defer_after

    async def run(
        self,
        interaction: discord.Interaction[Any],
        name: str,
        text: str,
        options: Mapping[str, str],
        *,
        private: bool = False,
    ) -> None:
        """Answer `/name text options` for the member; every failure still gets an answer."""
        try:
            await self._run(interaction, name, text, options, private)
        except Exception:
            log.exception(
                "/%s failed for user %s in guild %s channel %s",
                name,
                interaction.user.id,
                interaction.guild_id,
                interaction.channel_id,
            )
            await self.apologize(interaction)

    async def _run(
        self,
        interaction: discord.Interaction[Any],
        name: str,
        text: str,
        options: Mapping[str, str],
        private: bool,
    ) -> None:
        request = request_for(interaction, name, text, options)
        if request is None:
            await send(interaction, OUTSIDE_A_SERVER)
            return
        command = self.core.commands.get(name)
        private = private or (command is not None and command.private)
        reply = await self._in_time(interaction, request, private)
        if name == CONFIG and options and request.is_admin:
            note = await config_note(interaction.client, self.core, request.group)
            if note is not None:
                reply = replace(reply, fields=(*reply.fields, note))
        await send(interaction, replace(reply, private=True) if private else reply, private)

    async def _in_time(
        self, interaction: discord.Interaction[Any], request: Request, private: bool
    ) -> Reply:
        """The core's reply; the interaction is deferred if it may come after Discord's 3 s."""
        command = BY_NAME.get(request.command)
        if command is not None and command.slow:  # worker work: defer at once
            await interaction.response.defer(ephemeral=private, thinking=True)
        handling = asyncio.ensure_future(self.core.handle(request))
        if not interaction.response.is_done():
            done, _ = await asyncio.wait({handling}, timeout=self.defer_after)
            if not done:
                await interaction.response.defer(ephemeral=private, thinking=True)
        return await handling

    async def apologize(self, interaction: discord.Interaction[Any]) -> None:
        """Tell the member something failed; never raises."""
        try:
            await send(interaction, APOLOGY)
        except Exception:
            log.exception("could not even apologize for interaction %s", interaction.id)


async def send(
    interaction: discord.Interaction[Any], reply: Reply, deferred_privately: bool = True
) -> None:
    """The reply as the interaction's response, or as its follow-up once it was deferred."""
    parts = message_parts(reply)
    if not interaction.response.is_done():
        await interaction.response.send_message(**parts, ephemeral=reply.private)
        return
    if reply.private and not deferred_privately:
        # The public "thinking…" message cannot turn private: settle it, remove it, and answer
        # in a new private message (the first follow-up would only fill the public one).
        await interaction.edit_original_response(content=PRIVATE_NOTE)
        await interaction.delete_original_response()
    await interaction.followup.send(**parts, ephemeral=reply.private)
