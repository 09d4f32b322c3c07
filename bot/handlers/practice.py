"""/practice: a private extra problem, on a topic if asked; it never counts for streaks."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence

from bot.challenge import records
from bot.challenge.draw import make_problem
from bot.challenge.show import problem_fields
from bot.context import Context
from bot.group_settings import from_strings
from bot.handlers.lookup import resolve, topic_name
from bot.images import card_images
from bot.learning import levels
from bot.learning.ability import choose, explain, item_seed
from bot.messages import Button, Reply, Request, Tone
from bot.options import Args
from bot.problems.pick import Pick, base_id, pool, pool_topics, variant_seed


async def handle(context: Context, request: Request, text: str, args: Args) -> Reply:
    """Answer /practice [topic]."""
    store, catalog = context.store, context.catalog
    group_id = await store.ensure_group(request.group)
    member_id = await store.ensure_member(group_id, request.user)
    settings = from_strings(await store.settings(group_id))
    if text:
        found = resolve(catalog, text, "practice")
        if isinstance(found, Reply):
            return found
        topics = set(catalog.areas[found].topic_ids) if found in catalog.areas else {found}
        about = topic_name(catalog, found)
    else:
        topics = pool_topics(catalog, settings)
        about = "your group's topics"
    candidates = pool(context.bank, topics, (1, 3))
    if not candidates:
        return Reply(
            title="No practice problems there yet",
            body=f"There are no problems on {about} yet. Try `/practice` for any topic.",
            tone=Tone.WARNING,
            private=True,
        )
    seen = await records.practiced_ids(store, group_id, member_id)
    post = await records.latest_post(store, group_id)
    now = context.clock.now()
    fresh = least_used(candidates, [*seen, *([post.problem.id] if post else [])])
    known = await levels.item_ratings(store, fresh)
    items = [(i, *_topic_level(context, i)) for i in fresh]
    chosen, chance = choose(
        await levels.abilities(store, group_id, member_id),
        [(i, topic, known.get(i, item_seed(level))) for i, topic, level in items],
        random.Random(f"practice:{group_id}:{member_id}:{now.isoformat()}"),
    )
    level = next(level for i, _, level in items if i == chosen)
    why = explain(chance, level, await levels.last_practice_level(store, group_id, member_id))
    picked = Pick(chosen, variant_seed(f"practice:{group_id}:{member_id}:{now}", now.date()))
    problem = await make_problem(context, picked)
    await records.start_practice(store, group_id, member_id, problem, now)
    return Reply(
        title=f"Practice: {about}",
        body=problem.statement,
        images=await card_images(context, problem.statement, settings.theme),
        fields=problem_fields(catalog, problem),
        buttons=(Button("Hint", command="/hint"),),
        footer=f"{why} Practice is just for you and never counts for streaks.",
        private=True,
    )


def least_used(candidates: Sequence[str], used: Sequence[str]) -> list[str]:
    """The candidates used least often (unseen ones first of all)."""
    counts = Counter(base_id(u) for u in used)
    fewest = min(counts.get(c, 0) for c in candidates)
    return [c for c in candidates if counts.get(c, 0) == fewest]


def _topic_level(context: Context, item_id: str) -> tuple[str, int]:
    """An item's primary topic and authored difficulty."""
    item = context.bank.problems.get(item_id) or context.bank.templates[item_id]
    return item.topics[0], item.difficulty
