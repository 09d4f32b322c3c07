"""The daily post on Discord: one message per ledger key, a discussion thread, clear errors."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Literal

import discord

from adapters.discord.admins import configured_by
from adapters.discord.permissions import POST_PERMISSIONS, THREAD_PERMISSIONS, find_channel, missing
from adapters.discord.render import clip, message_parts
from bot.core import Core
from bot.daily import SendFailed
from bot.messages import GroupRef, Reply, Tone

if TYPE_CHECKING:
    from adapters.discord.client import StudyClient

log = logging.getLogger(__name__)

NONCE = 25  # Discord's limit on a nonce's length
THREAD_NAME = 100
THREAD_ARCHIVE_MINUTES: Literal[1440] = 1440  # a day; Discord allows 60, 1440, 4320 or 10080
THREAD_EXISTS = 160004  # Discord's code for "a thread has already been created for this message"
# The runner gives a send half its 2-minute lease; a post must end well inside that.
READY_TIMEOUT = 20.0  # seconds to wait for the gateway before the runner's retry takes over


class DailyPostError(SendFailed):
    """The daily post could not be sent; the message says why and how to fix it."""


def nonce_for(key: str) -> str:
    """The message nonce for a ledger key: the key itself, or its digest when too long."""
    return key if len(key) <= NONCE else hashlib.sha256(key.encode()).hexdigest()[:NONCE]


class DailyPoster:
    """Posts the daily problem to a group's channel and tells the admin when it cannot."""

    def __init__(self, client: StudyClient, core: Core) -> None:
        self.client = client
        self.core = core
        self._told: set[str] = set()  # (key, problem) pairs the admin already heard about

    async def post(self, group: GroupRef, reply: Reply, key: str) -> str:
        """Send the post with its buttons and open a thread on it; the message id."""
        try:
            await asyncio.wait_for(self.client.ready.wait(), READY_TIMEOUT)
        except TimeoutError:
            raise DailyPostError("not connected to Discord yet; the post will be retried") from None
        guild = self.client.get_guild(int(group.workspace))
        if guild is None:
            raise DailyPostError(f"studybot is not in the Discord server {group.workspace}")
        channel = find_channel(guild, group.channel)
        if not isinstance(channel, discord.TextChannel):
            text = f"In **{guild.name}** I can't find the text channel `{group.channel}`."
            await self._tell_admin(group, key, "channel", text)
            raise DailyPostError(f"no text channel {group.channel!r} in server {guild.id}")
        lacking = missing(channel, POST_PERMISSIONS)
        if lacking:
            await self._tell_admin(group, key, "post", _lacking(channel, lacking))
            raise DailyPostError(f"missing {', '.join(lacking)} in #{channel.name} ({channel.id})")
        try:
            message = await channel.send(**message_parts(reply), nonce=nonce_for(key))
        except discord.Forbidden as exc:
            await self._tell_admin(group, key, "post", _refused(channel, exc))
            raise DailyPostError(f"Discord refused the post in #{channel.name}: {exc}") from exc
        except discord.RateLimited as exc:  # longer than the client waits: the ledger waits
            wait = timedelta(seconds=exc.retry_after)
            raise DailyPostError(f"Discord rate-limited the post: {exc}", retry_after=wait) from exc
        except discord.NotFound as exc:  # deleted after the cache last saw it (10003)
            text = f"In **{guild.name}** the channel `#{channel.name}` no longer exists."
            await self._tell_admin(group, key, "channel", text)
            raise DailyPostError(f"Discord has no channel #{channel.name} ({channel.id})") from exc
        await self._open_thread(group, key, channel, message, reply)
        return str(message.id)

    async def _open_thread(
        self,
        group: GroupRef,
        key: str,
        channel: discord.TextChannel,
        message: discord.Message,
        reply: Reply,
    ) -> None:
        """A public thread for discussion; its failure never undoes the post."""
        lacking = missing(channel, THREAD_PERMISSIONS)
        if lacking:
            await self._tell_admin(
                group, key, "thread", _lacking(channel, lacking, thread=True), retried=False
            )
            return
        try:
            await message.create_thread(
                name=clip(reply.title or "Discussion", THREAD_NAME),
                auto_archive_duration=THREAD_ARCHIVE_MINUTES,
            )
        except discord.HTTPException as exc:
            if exc.code != THREAD_EXISTS:  # a re-sent post already has its thread
                log.warning(
                    "no discussion thread on message %s in #%s: %s", message.id, channel, exc
                )

    async def _tell_admin(
        self, group: GroupRef, key: str, problem: str, text: str, *, retried: bool = True
    ) -> None:
        """Log the problem and DM the member who configured the group, once per post."""
        log.warning("daily post %s to %s: %s", key, group, text)
        if f"{key}:{problem}" in self._told:
            return
        self._told.add(f"{key}:{problem}")
        admin = await configured_by(self.core.context.store, group)
        if admin is None:
            return
        title = "I can't post the daily problem" if retried else "The daily problem has no thread"
        then = "I will try again in a few minutes" if retried else "tomorrow's post gets one"
        notice = Reply(
            title=title,
            body=f"{text}\n\nOnce that is fixed, {then}; or choose another channel with "
            "`/config channel:`.",
            tone=Tone.WARNING,
        )
        try:
            user = await self.client.fetch_user(int(admin))
            await user.send(**message_parts(notice))
        except (discord.HTTPException, ValueError) as exc:
            log.warning("could not tell admin %s about the daily post %s: %s", admin, key, exc)


def _refused(channel: discord.TextChannel, error: discord.Forbidden) -> str:
    return (
        f"In **{channel.guild.name}** Discord refused my daily post in {channel.mention} "
        f"({error.text or error.status}). Check that studybot's role has "
        f"{', '.join(POST_PERMISSIONS.values())} there."
    )


def _lacking(channel: discord.TextChannel, labels: list[str], *, thread: bool = False) -> str:
    what = "open the discussion thread on the daily problem" if thread else "post the daily problem"
    return (
        f"In **{channel.guild.name}** I can't {what} in {channel.mention}: "
        f"I am missing {', '.join(labels)}. Give studybot's role these permissions in that channel "
        "(Edit Channel → Permissions)."
    )
