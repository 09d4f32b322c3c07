"""/progress [member]: each topic of the group's track solved, reviewing, weak or not started."""

from __future__ import annotations

from bot.context import Context
from bot.group_plan import group_plan, position, week_topics
from bot.group_settings import from_strings
from bot.handlers.lookup import member_named
from bot.images import progress_images
from bot.learning import cards
from bot.learning.progress import STATES, Attempts, next_topic, states, track_topics
from bot.messages import Field, Reply, Request
from bot.options import Args
from bot.problems.pick import base_id
from bot.store import Store

MARKS = {"solved": "■", "reviewing": "◐", "weak": "✗", "not started": "□"}


async def handle(context: Context, request: Request, text: str, args: Args) -> Reply:
    """Answer /progress [member]."""
    store, catalog = context.store, context.catalog
    group_id = await store.ensure_group(request.group)
    whom = await member_named(store, group_id, text.strip(), request.user)
    if isinstance(whom, Reply):
        return whom
    member_id, who = whom
    settings = from_strings(await store.settings(group_id))
    order = track_topics(catalog, settings.track)
    attempts = await topic_attempts(context, store, group_id, member_id)
    found = states(order, attempts, await cards.cards(store, group_id, member_id))
    plan = group_plan(catalog, settings)
    this_week: list[str] = []
    if plan is not None:
        where = position(settings, context.clock.now().astimezone(settings.zone).date())
        if not where.finished:
            this_week = week_topics(plan, where.week)
    fields = []
    for state in STATES:
        topics = [t for t in order if found[t] == state]
        if topics:
            names = ", ".join(catalog.topics[t].name for t in topics)
            fields.append(Field(f"{MARKS[state]} {state.capitalize()} ({len(topics)})", names))
    upcoming = next_topic(catalog, order, found, this_week)
    if upcoming is not None:
        fields.append(
            Field(
                f"Next: {catalog.topics[upcoming.topic].name}",
                upcoming.why[0].upper() + upcoming.why[1:] + ".",
            )
        )
    where_from = (
        f"the {catalog.roadmaps[settings.track].name} track"
        if (settings.track in catalog.roadmaps)
        else "the whole map"
    )
    counts = " · ".join(
        f"{sum(1 for s in found.values() if s == state)} {state}" for state in STATES
    )
    title = f"{who}'s progress" if who else "Your progress"
    tiles = [(catalog.topics[t].name, found[t]) for t in order]
    return Reply(
        title=title,
        body=f"On {where_from}: {counts}.",
        fields=tuple(fields),
        images=await progress_images(context, tiles, title, settings.theme),
        footer="Solved: answered right · reviewing: a /review card · weak: missed more than "
        "solved, or set aside.",
        private=True,
    )


async def topic_attempts(
    context: Context, store: Store, group_id: int, member_id: int
) -> dict[str, Attempts]:
    """Per topic, the problems the member solved and those answered but never solved."""
    rows = await store.fetch_all(
        "SELECT problem_id, max(correct) FROM submissions WHERE group_id = ? AND member_id = ?"
        " GROUP BY problem_id",
        (group_id, member_id),
    )
    tally: dict[str, list[int]] = {}
    for problem_id, solved in rows:
        item = base_id(str(problem_id))
        found = context.bank.problems.get(item) or context.bank.templates.get(item)
        if found is None:
            continue
        counts = tally.setdefault(found.topics[0], [0, 0])
        counts[0 if solved else 1] += 1
    return {topic: Attempts(s, m) for topic, (s, m) in tally.items()}
