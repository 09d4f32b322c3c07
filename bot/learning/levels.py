"""Stored abilities (member, topic) and item difficulties, and the first-attempt update."""

from __future__ import annotations

import json
from collections.abc import Iterable

from bot.learning.ability import Rating, item_seed, learner_seed, update
from bot.problems.model import Problem
from bot.problems.pick import base_id
from bot.store import Store


async def abilities(store: Store, group_id: int, member_id: int) -> dict[str, Rating]:
    """The member's ability on each topic they have attempted."""
    rows = await store.fetch_all(
        "SELECT topic, value, count FROM abilities WHERE group_id = ? AND member_id = ?",
        (group_id, member_id),
    )
    return {str(t): Rating(float(v), int(n)) for t, v, n in rows}


async def item_ratings(store: Store, item_ids: Iterable[str]) -> dict[str, Rating]:
    """The learned difficulty of those items that have been attempted."""
    rows = await store.fetch_all(
        "SELECT item_id, value, count FROM item_difficulty"
        " WHERE item_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(set(item_ids))),),
    )
    return {str(i): Rating(float(v), int(n)) for i, v, n in rows}


async def first_attempt(
    store: Store, group_id: int, member_id: int, problem: Problem, solved: bool
) -> Rating:
    """Move the member's ability on the topic and the item's difficulty; the new ability."""
    item_id = base_id(problem.id)
    ability = (await abilities(store, group_id, member_id)).get(problem.topic, learner_seed())
    item = (await item_ratings(store, [item_id])).get(item_id, item_seed(problem.difficulty))
    ability, item = update(ability, item, solved)
    async with store.transaction() as db:
        await db.execute(
            "INSERT INTO abilities (group_id, member_id, topic, value, count)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (group_id, member_id, topic)"
            " DO UPDATE SET value = excluded.value, count = excluded.count",
            (group_id, member_id, problem.topic, ability.value, ability.count),
        )
        await db.execute(
            "INSERT INTO item_difficulty (item_id, value, count) VALUES (?, ?, ?)"
            " ON CONFLICT (item_id) DO UPDATE SET value = excluded.value, count = excluded.count",
            (item_id, item.value, item.count),
        )
    return ability


async def last_practice_level(store: Store, group_id: int, member_id: int) -> int | None:
    """The difficulty of the member's latest practice problem, if any."""
    rows = await store.fetch_all(
        "SELECT json_extract(problem, '$.difficulty') FROM practice"
        " WHERE group_id = ? AND member_id = ?",
        (group_id, member_id),
    )
    return int(rows[0][0]) if rows and rows[0][0] is not None else None
