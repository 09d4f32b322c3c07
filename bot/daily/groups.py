"""The groups that have the daily post switched on, with their settings."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass

import aiosqlite

from bot.group_settings import GroupSettings, from_strings
from bot.messages import GroupRef
from bot.store import Store

# One row per group that has a `daily` setting (without one it cannot be on), its settings
# as one JSON object: a tenth of the rows a join would return, and repeated settings parse once.
_QUERY = (
    "SELECT g.id, g.platform, g.workspace, g.channel, g.name,"
    " (SELECT json_group_object(s.key, s.value) FROM group_settings s WHERE s.group_id = g.id)"
    " FROM groups g WHERE EXISTS (SELECT 1 FROM group_settings s"
    " WHERE s.group_id = g.id AND s.key = 'daily' AND s.value != '')"
    # A workspace that uninstalled the app or whose token was revoked takes no posts.
    " AND NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.platform = g.platform"
    " AND w.workspace = g.workspace AND w.inactive_since IS NOT NULL)"
)


@dataclass(frozen=True)
class DailyGroup:
    """A group that gets a daily post."""

    group_id: int
    ref: GroupRef
    settings: GroupSettings


async def daily_groups(store: Store, ids: Iterable[int] | None = None) -> list[DailyGroup]:
    """Every group whose settings have the daily post on, by id; only `ids` when given."""
    if ids is None:
        return _daily(await store.fetch_all(f"{_QUERY} ORDER BY g.id"))
    wanted = json.dumps(sorted(set(ids)))  # one parameter, however many ids
    return _daily(
        await store.fetch_all(
            f"{_QUERY} AND g.id IN (SELECT value FROM json_each(?)) ORDER BY g.id", (wanted,)
        )
    )


async def daily_group(store: Store, group_id: int) -> DailyGroup | None:
    """The group if its daily post is on, else None."""
    found = _daily(await store.fetch_all(f"{_QUERY} AND g.id = ?", (group_id,)))
    return found[0] if found else None


@functools.lru_cache(maxsize=4096)
def settings_of(stored: str) -> GroupSettings:
    """Settings from their stored rows as one JSON object (json_group_object), parsed once.

    Many groups share their settings, and the scheduler rereads a group's at every post.
    """
    # In key order, as Store.settings reads them (from_strings applies them in order).
    return from_strings({str(k): str(v) for k, v in sorted(json.loads(stored).items())})


def _daily(rows: list[aiosqlite.Row]) -> list[DailyGroup]:
    """The groups, from (group, settings JSON) rows, whose settings say daily on."""
    groups = []
    for group_id, platform, workspace, channel, name, stored in rows:
        settings = settings_of(stored)
        if settings.daily:
            ref = GroupRef(str(platform), str(workspace), str(channel), str(name))
            groups.append(DailyGroup(int(group_id), ref, settings))
    return groups
