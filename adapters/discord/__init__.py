"""studybot on Discord (discord.py 2.x): slash commands from the core's table, the daily post."""

from adapters.discord.adapter import DiscordAdapter
from adapters.discord.render import to_embed, to_view
from adapters.discord.tree import registered_commands

__all__ = ["DiscordAdapter", "registered_commands", "to_embed", "to_view"]
