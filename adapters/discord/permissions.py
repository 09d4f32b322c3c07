"""What studybot needs in the daily channel, and a note for the admin when it lacks it."""

from __future__ import annotations

from typing import Any

import discord

from bot.core import Core
from bot.group_settings import from_strings
from bot.messages import Field, GroupRef

POST_PERMISSIONS = {
    "view_channel": "View Channel",
    "send_messages": "Send Messages",
    "embed_links": "Embed Links",
}
THREAD_PERMISSIONS = {
    "create_public_threads": "Create Public Threads",
    "send_messages_in_threads": "Send Messages in Threads",
    "read_message_history": "Read Message History",
}


def find_channel(guild: discord.Guild, wanted: str) -> Any:
    """The channel `/config channel:` named: an id, a mention or a name."""
    wanted = wanted.strip().lstrip("<#").rstrip(">")
    if wanted.isdigit():
        return guild.get_channel_or_thread(int(wanted))
    return discord.utils.find(lambda c: c.name.lower() == wanted.lower(), guild.text_channels)


def missing(channel: discord.TextChannel, needed: dict[str, str]) -> list[str]:
    """The names of the `needed` permissions studybot lacks in `channel`."""
    granted = channel.permissions_for(channel.guild.me)
    return [label for name, label in needed.items() if not getattr(granted, name)]


async def config_note(client: discord.Client, core: Core, group: GroupRef) -> Field | None:
    """After /config: a warning when the daily problem cannot be posted where it will go."""
    store = core.context.store
    group = await store.resolve_group(group)
    settings = from_strings(await store.settings(await store.ensure_group(group)))
    guild = client.get_guild(int(group.workspace))
    if not settings.daily or guild is None:
        return None
    channel = find_channel(guild, settings.channel or group.channel)
    if not isinstance(channel, discord.TextChannel):
        return Field("⚠ No channel to post in", "Choose a text channel with `/config channel:`.")
    lacking = missing(channel, POST_PERMISSIONS | THREAD_PERMISSIONS)
    if not lacking:
        return None
    return Field(
        "⚠ I can't post the daily problem there yet",
        f"In {channel.mention} I am missing {', '.join(lacking)}. Give studybot's role these "
        "permissions in that channel (Edit Channel → Permissions).",
    )
