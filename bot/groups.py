"""Which study group a request belongs to, when a group posts into another channel."""

from __future__ import annotations

from dataclasses import replace

from bot.messages import GroupRef
from bot.store import Store

# A channel with a configured group of its own is that group; otherwise, a group whose
# `channel:` setting names it owns it (members answer where the daily problem appears).
_OWNER = (
    "SELECT g.channel, g.name, g.channel = ?3 AS own FROM groups g"
    " JOIN group_settings s ON s.group_id = g.id"
    " WHERE g.platform = ?1 AND g.workspace = ?2"
    " AND ((g.channel = ?3 AND s.key = 'daily') OR (s.key = 'channel' AND s.value = ?3))"
    " ORDER BY own DESC, g.id LIMIT 1"
)


async def resolve_group(store: Store, group: GroupRef) -> GroupRef:
    """The group a message in `group.channel` belongs to."""
    rows = await store.fetch_all(_OWNER, (group.platform, group.workspace, group.channel))
    if not rows or rows[0][2]:
        return group
    return replace(group, channel=str(rows[0][0]), name=str(rows[0][1]))
