"""The groups that have the daily post switched on, with their settings."""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from bot.group_settings import GroupSettings, from_strings
from bot.messages import GroupRef
from bot.store import Store

_QUERY = (
    "SELECT g.id, g.platform, g.workspace, g.channel, g.name, s.key, s.value"
    " FROM groups g JOIN group_settings s ON s.group_id = g.id"
)


@dataclass(frozen=True)
class DailyGroup:
    """A group that gets a daily post."""

    group_id: int
    ref: GroupRef
    settings: GroupSettings


async def daily_groups(store: Store) -> list[DailyGroup]:
    """Every group whose settings have the daily post on, by id."""
    return _daily(await store.fetch_all(f"{_QUERY} ORDER BY g.id"))


async def daily_group(store: Store, group_id: int) -> DailyGroup | None:
    """The group if its daily post is on, else None."""
    found = _daily(await store.fetch_all(f"{_QUERY} WHERE g.id = ?", (group_id,)))
    return found[0] if found else None


def _daily(rows: list[aiosqlite.Row]) -> list[DailyGroup]:
    """Fold (group, key, value) rows into the groups whose settings say daily on."""
    refs: dict[int, GroupRef] = {}
    stored: dict[int, dict[str, str]] = {}
    for group_id, platform, workspace, channel, name, key, value in rows:
        gid = int(group_id)
        refs[gid] = GroupRef(str(platform), str(workspace), str(channel), str(name))
        stored.setdefault(gid, {})[str(key)] = str(value)
    groups = (DailyGroup(gid, refs[gid], from_strings(stored[gid])) for gid in refs)
    return [group for group in groups if group.settings.daily]
