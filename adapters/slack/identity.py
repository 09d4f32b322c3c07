"""Who and where in Slack terms: members, groups, and who may change a group's settings."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.web import error_code
from bot.messages import GroupRef, UserRef
from bot.store import Store

log = logging.getLogger(__name__)

PLATFORM = "slack"
ADMIN_TTL = 300.0  # seconds a users.info answer is trusted
_POST_KEY = re.compile(r"^studybot-post-(\d+)$")  # bot.daily.ledger.PostRow.key

# The member who first saved the group's settings (bot.handlers.config), as a platform user.
_CONFIGURED_BY = (
    "SELECT m.platform, m.workspace, m.user_id FROM groups g"
    " JOIN group_settings s ON s.group_id = g.id AND s.key = 'configured_by'"
    " LEFT JOIN members m ON m.id = CAST(s.value AS INTEGER)"
    " WHERE g.platform = ? AND g.workspace = ? AND g.channel = ?"
)
# The group a daily post belongs to (its `channel:` setting may have sent it elsewhere).
_GROUP_OF_POST = (
    "SELECT g.platform, g.workspace, g.channel, g.name FROM posts p"
    " JOIN groups g ON g.id = p.group_id WHERE p.id = ?"
)


def member(team: str, user: str, name: str = "") -> UserRef:
    """A Slack member: (team id, user id)."""
    return UserRef(PLATFORM, team, user, name)


def group(team: str, channel: str, name: str = "") -> GroupRef:
    """A Slack study group: (team id, channel id)."""
    return GroupRef(PLATFORM, team, channel, name)


def team_of(body: dict[str, Any]) -> str:
    """The workspace of an interaction payload (slash commands carry `team_id`)."""
    team = body.get("team")
    if isinstance(team, dict) and team.get("id"):
        return str(team["id"])
    user = body.get("user")
    if isinstance(user, dict) and user.get("team_id"):
        return str(user["team_id"])
    return str(body.get("team_id", ""))


def member_of(body: dict[str, Any]) -> UserRef:
    """The member who clicked or submitted, from an interaction payload."""
    user = body.get("user") or {}
    name = user.get("username") or user.get("name") or ""
    return member(team_of(body), str(user.get("id", "")), str(name))


async def group_of_post(store: Store, key: str) -> GroupRef | None:
    """The group whose daily post has ledger key `key`, or None."""
    match = _POST_KEY.match(key)
    if not match:
        return None
    rows = await store.fetch_all(_GROUP_OF_POST, (int(match[1]),))
    if not rows:
        return None
    platform, workspace, channel, name = (str(value) for value in rows[0])
    return GroupRef(platform, workspace, channel, name)


class Admins:
    """Decides `is_admin`: workspace admins and owners, and the member who configured the group.

    A group nobody has configured yet lets anyone configure it: that member becomes its
    `configured_by` (stored by the core) and stays an admin of it.
    """

    def __init__(
        self,
        store: Callable[[], Store],
        *,
        ttl: float = ADMIN_TTL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._ttl = ttl
        self._clock = clock
        self._known: dict[UserRef, tuple[bool, float]] = {}

    async def is_admin(self, user: UserRef, where: GroupRef, client: AsyncWebClient) -> bool:
        """Whether `user` may change the settings of the group at `where`."""
        rows = await self._store().fetch_all(
            _CONFIGURED_BY, (where.platform, where.workspace, where.channel)
        )
        if not rows or tuple(rows[0]) == (user.platform, user.workspace, user.id):
            return True
        return await self.workspace_admin(user, client)

    async def workspace_admin(self, user: UserRef, client: AsyncWebClient) -> bool:
        """users.info says admin or owner; remembered for a while; False when Slack won't say."""
        key = UserRef(user.platform, user.workspace, user.id)
        known = self._known.get(key)
        if known and known[1] > self._clock():
            return known[0]
        try:
            answer = await client.users_info(user=user.id)
        except Exception as error:
            log.warning("users.info for %s failed: %s", user.id, error_code(error))
            return False
        profile = answer.get("user") or {}
        admin = bool(profile.get("is_admin") or profile.get("is_owner"))
        self._known[key] = (admin, self._clock() + self._ttl)
        return admin
