"""Who to tell when a daily post cannot go out: the member who configured the group."""

from __future__ import annotations

from bot.challenge.records import members
from bot.messages import GroupRef
from bot.store import Store

CONFIGURED_BY = "configured_by"  # the group setting /config stores: the member's id in our store


async def configured_by(store: Store, destination: GroupRef) -> str | None:
    """The platform user id of whoever configured the group that posts to `destination`."""
    group_id = await store.ensure_group(await store.resolve_group(destination))
    member_id = (await store.settings(group_id)).get(CONFIGURED_BY)
    for member, user_id, _name in await members(store, group_id):
        if str(member) == member_id:
            return user_id
    return None
