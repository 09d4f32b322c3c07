"""/roadmap: the whole map, one topic or area in depth, or a plan (see handlers.plan)."""

from __future__ import annotations

from dataclasses import replace

from bot.content import Catalog, Resource
from bot.content.graph import study_order, unlocks
from bot.context import Context
from bot.group_plan import group_plan, where_line
from bot.group_settings import from_strings
from bot.handlers import plan
from bot.handlers.lookup import resolve
from bot.handlers.resource import recommend
from bot.messages import Field, Reply, Request, Tone
from bot.options import Args

PLAN_OPTIONS = ("goal", "weeks", "background")


async def handle(context: Context, request: Request, text: str, args: Args) -> Reply:
    """Answer /roadmap."""
    catalog = context.catalog
    if any(k in args for k in PLAN_OPTIONS):
        if text:
            return Reply(
                title="A topic or a plan, not both",
                body=f"Ask `/roadmap {text}` for the topic, or `/roadmap "
                + " ".join(f"{k}:{v}" for k, v in args.items())
                + "` for a study plan.",
                tone=Tone.WARNING,
                private=True,
            )
        return plan.reply(catalog, args)
    if not text:
        settings = from_strings(
            await context.store.settings(await context.store.ensure_group(request.group))
        )
        planned = group_plan(catalog, settings)
        if planned is None:
            return whole_map(catalog)
        today = context.clock.now().astimezone(settings.zone).date()
        described = plan.describe(
            catalog,
            planned,
            [where_line(catalog, settings, planned, today), plan.pace(planned)],
        )
        return replace(
            described,
            footer="The group's plan (/config) · /roadmap map for the whole map"
            " · /roadmap TOPIC for one topic",
        )
    if text.strip().lower() == "map":
        return whole_map(catalog)
    found = resolve(catalog, text, "roadmap")
    if isinstance(found, Reply):
        return found
    return area_reply(catalog, found) if found in catalog.areas else topic_reply(catalog, found)


def whole_map(catalog: Catalog) -> Reply:
    """Every topic, numbered in a study order that respects prerequisites, grouped by area."""
    order = study_order(catalog)
    number = {t: i for i, t in enumerate(order, start=1)}
    fields = []
    for area in catalog.areas.values():
        lines = []
        for topic_id in sorted(area.topic_ids, key=lambda t: number.get(t, 0)):
            topic = catalog.topics[topic_id]
            after = ", ".join(str(number[p]) for p in topic.prerequisites if p in number)
            lines.append(
                f"{number.get(topic_id, '?')}. {topic.name} ({topic.hours:g} h)"
                + (f" · after {after}" if after else "")
            )
        fields.append(Field(area.name, "\n".join(lines)))
    hours = sum(t.hours for t in catalog.topics.values())
    return Reply(
        title="The map of ML math",
        body=(
            f"{len(catalog.topics)} topics in {len(catalog.areas)} areas, about {hours:g} hours "
            "of study in all. The numbers give a study order: every topic comes after the ones "
            "it needs (shown as “after”)."
        ),
        fields=tuple(fields),
        footer="/roadmap TOPIC for one topic · /roadmap goal:job weeks:8 for a plan",
    )


def topic_reply(catalog: Catalog, topic_id: str) -> Reply:
    """One topic: what it is, why it matters, where it sits, how long, what to read."""
    topic = catalog.topics[topic_id]
    needs = [catalog.topics[p].name for p in topic.prerequisites]
    opens = [catalog.topics[t].name for t in unlocks(catalog, topic_id)]
    best, _ = recommend(catalog, topic_id, {})
    area = catalog.areas[topic.area].name
    fields = [
        Field("Why it matters for ML", topic.why_ml),
        Field("Before this", ", ".join(needs) if needs else "Nothing: a good place to start."),
        Field("What it unlocks", ", ".join(opens) if opens else "It is a destination in itself."),
        Field("Study time", f"About {topic.hours:g} h · level {topic.level} of 3 · {area}"),
    ]
    if best:
        fields.append(Field("Best resources", "\n".join(_resource_line(r) for r in best[:3])))
    return Reply(
        title=topic.name,
        body=topic.summary,
        fields=tuple(fields),
        footer=f"More: /resource {topic.id.replace('-', ' ')}",
    )


def area_reply(catalog: Catalog, area_id: str) -> Reply:
    """One area: its topics in study order, with hours and best resources."""
    area = catalog.areas[area_id]
    order = [t for t in study_order(catalog) if t in area.topic_ids]
    lines = [
        f"{i}. {catalog.topics[t].name} ({catalog.topics[t].hours:g} h)"
        for i, t in enumerate(order, start=1)
    ]
    hours = sum(catalog.topics[t].hours for t in order)
    fields = [Field(f"Topics in study order · about {hours:g} h", "\n".join(lines))]
    best, _ = recommend(catalog, area_id, {})
    if best:
        fields.append(Field("Best resources", "\n".join(_resource_line(r) for r in best[:3])))
    return Reply(
        title=area.name,
        body=area.summary,
        fields=tuple(fields),
        footer="/roadmap TOPIC for one topic",
    )


def _resource_line(resource: Resource) -> str:
    return f"• {resource.title} ({resource.format}, {resource.cost})"
