"""Resolve the topic or member a learner typed, or explain what we have instead."""

from __future__ import annotations

from bot.challenge.members import find_member
from bot.content import Catalog
from bot.content.names import find, suggest
from bot.messages import Reply, Tone, UserRef
from bot.store import Store


def topic_name(catalog: Catalog, topic_or_area: str) -> str:
    """The display name of a topic or area id."""
    if topic_or_area in catalog.areas:
        return catalog.areas[topic_or_area].name
    return catalog.topics[topic_or_area].name


def resolve(catalog: Catalog, text: str, command: str) -> str | Reply:
    """The topic or area id `text` names, or a reply suggesting the closest names."""
    found = find(catalog, text)
    if found:
        return found
    close = suggest(catalog, text)
    if close:
        options = ", ".join(f"`/{command} {topic_name(catalog, c).lower()}`" for c in close)
        hint = f"Did you mean {options}?"
    else:
        areas = ", ".join(a.name.lower() for a in catalog.areas.values())
        hint = f"Try an area ({areas}) or `/roadmap` for the whole map."
    return Reply(
        title="Topic not found",
        body=f"I don't have a topic called “{text[:60]}”. {hint}",
        tone=Tone.WARNING,
        private=True,
    )


async def member_named(
    store: Store, group_id: int, name: str, caller: UserRef
) -> tuple[int, str] | Reply:
    """(member id, display name) of the member `name` names (the caller when empty, with no
    name), or the reply saying nobody is called that."""
    if not name:
        return await store.ensure_member(group_id, caller), ""
    member = await find_member(store, group_id, name)
    if member is None:
        return Reply(
            title="Who?",
            body=f"No member called “{name[:40]}” has used studybot in this group.",
            tone=Tone.WARNING,
            private=True,
        )
    return member[0], member[2] or name
