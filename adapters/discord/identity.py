"""Who and where on Discord: a group is (guild, channel), a member is (guild, user)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import discord

from bot.messages import GroupRef, Request, UserRef

PLATFORM = "discord"


def group_of(interaction: discord.Interaction[Any]) -> GroupRef | None:
    """The study group an interaction happened in; a thread counts as its parent channel."""
    if interaction.guild_id is None or interaction.channel_id is None:
        return None
    channel = interaction.channel
    channel_id = interaction.channel_id
    name = getattr(channel, "name", None) or ""
    if isinstance(channel, discord.Thread):
        channel_id = channel.parent_id
        name = channel.parent.name if channel.parent is not None else ""
    return GroupRef(PLATFORM, str(interaction.guild_id), str(channel_id), name)


def user_of(interaction: discord.Interaction[Any]) -> UserRef:
    """The member behind an interaction, scoped to its guild."""
    user = interaction.user
    return UserRef(PLATFORM, str(interaction.guild_id or ""), str(user.id), user.display_name)


def is_admin(interaction: discord.Interaction[Any]) -> bool:
    """Whether the member may manage the server (Discord resolves roles and overwrites)."""
    return interaction.permissions.manage_guild


def request_for(
    interaction: discord.Interaction[Any], command: str, text: str, options: Mapping[str, str]
) -> Request | None:
    """The core request for an interaction, or None outside a server."""
    group = group_of(interaction)
    if group is None:
        return None
    return Request(
        command=command,
        text=text,
        user=user_of(interaction),
        group=group,
        options=dict(options),
        is_admin=is_admin(interaction),
        delivery=str(interaction.id),  # a replay after a gateway resume has the same id
    )
