"""Find a member of a group by what someone typed: a name, a platform id or a mention."""

from __future__ import annotations

import re

from bot.challenge.records import members
from bot.store import Store

_MENTION = re.compile(r"^<@!?([\w.-]+)>$")


async def find_member(store: Store, group_id: int, text: str) -> tuple[int, str, str] | None:
    """(member id, platform user id, name) of the member `text` names, or None."""
    wanted = text.strip().lstrip("@")
    mention = _MENTION.match(text.strip())
    if mention:
        wanted = mention[1]
    everyone = await members(store, group_id)
    for member in everyone:
        if member[1] == wanted:
            return member
    matches = [m for m in everyone if m[2].lower() == wanted.lower()]
    return matches[0] if len(matches) == 1 else None
