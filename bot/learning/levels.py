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
    """Move the member's ability on the topic and the item's difficulty; the new ability.

    One read and one write (the ability_updates view of migration 0008): it runs for
    nearly every answer.
    """
    item_id = base_id(problem.id)
    rows = await store.fetch_all(
        "SELECT a.value, a.count, i.value, i.count FROM (SELECT 1)"
        " LEFT JOIN abilities a ON a.group_id = ? AND a.member_id = ? AND a.topic = ?"
        " LEFT JOIN item_difficulty i ON i.item_id = ?",
        (group_id, member_id, problem.topic, item_id),
    )
    value, count, item_value, item_count = rows[0]
    ability = learner_seed() if value is None else Rating(float(value), int(count))
    item = (
        item_seed(problem.difficulty)
        if item_value is None
        else Rating(float(item_value), int(item_count))
    )
    ability, item = update(ability, item, solved)
    await store.write(
        "INSERT INTO ability_updates (group_id, member_id, topic, ability, ability_count,"
        " item_id, item, item_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            group_id,
            member_id,
            problem.topic,
            ability.value,
            ability.count,
            item_id,
            item.value,
            item.count,
        ),
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
