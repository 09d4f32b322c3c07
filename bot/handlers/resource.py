"""/resource: curated resources for a topic, filtered by cost, format and price, best first."""

from __future__ import annotations

from bot.content import Catalog, Resource
from bot.context import Context
from bot.handlers.lookup import resolve, topic_name
from bot.messages import Button, Field, Reply, Request, Tone
from bot.options import Args

SHOWN = 6


def relevance(catalog: Catalog, resource: Resource, target: str | None) -> tuple[int, int]:
    """How well a resource fits: (direct hit on a topic, topics of the asked area it covers).

    (0, 0) means it does not fit at all.
    """
    if target is None:
        return (0, 1)
    if target in catalog.areas:
        covered = len(set(catalog.areas[target].topic_ids) & set(resource.topics))
        return (0, covered + (target in resource.topics))
    if target in resource.topics:
        return (1, 1)
    return (0, 1) if catalog.topics[target].area in resource.topics else (0, 0)


def recommend(catalog: Catalog, target: str | None, args: Args) -> tuple[list[Resource], int]:
    """Resources matching `target` and the filters, best first; and how many lacked a price."""
    cost, fmt, top = args.get("cost"), args.get("format"), args.get("max")
    matches: list[tuple[tuple[int, int], Resource]] = []
    unpriced = 0
    for resource in catalog.resources.values():
        score = relevance(catalog, resource, target)
        if score == (0, 0) or (cost and resource.cost != cost) or (fmt and resource.format != fmt):
            continue
        if top is not None and resource.cost == "paid":
            if resource.price_usd is None:
                unpriced += 1
                continue
            if resource.price_usd > float(top):
                continue
        matches.append((score, resource))
    # Direct hits first, then the learners' rating, then breadth, then free before paid.
    matches.sort(key=lambda m: (-m[0][0], -m[1].rating, -m[0][1], m[1].cost != "free", m[1].title))
    return [r for _, r in matches], unpriced


def describe(resource: Resource) -> Field:
    """One resource as a reply field."""
    stars = "★" * resource.rating + "☆" * (5 - resource.rating)
    by = ", ".join(resource.authors) + (f" ({resource.publisher})" if resource.publisher else "")
    if resource.cost == "free":
        price = "free"
    elif resource.price_usd is not None:
        price = f"about ${resource.price_usd:g}"
    else:
        price = "paid"
    lines = [f"{resource.format} · {price} · {resource.level} · {by}", resource.why]
    if resource.cost_note:
        lines.append(f"Cost: {resource.cost_note}")
    lines.append(f"For: {resource.audience}")
    if resource.url:
        lines.append(resource.url)
    return Field(f"{stars} {resource.title}", "\n".join(lines))


async def handle(context: Context, request: Request, text: str, args: Args) -> Reply:
    """Answer /resource."""
    catalog = context.catalog
    target: str | None = None
    if text:
        found = resolve(catalog, text, "resource")
        if isinstance(found, Reply):
            return found
        target = found
    about = topic_name(catalog, target) if target else "ML math"
    found_resources, unpriced = recommend(catalog, target, args)
    filters = " ".join(
        f"{k}:{v:g}" if isinstance(v, float) else f"{k}:{v}" for k, v in args.items()
    )
    if not found_resources:
        again = f"/resource {text}".strip()
        return Reply(
            title=f"No resources for {about}" + (f" with {filters}" if filters else ""),
            body=f"Nothing in the list matches. Try fewer filters: `{again}`."
            + (f" ({unpriced} paid resources have no listed price.)" if unpriced else ""),
            tone=Tone.WARNING,
        )
    shown = found_resources[:SHOWN]
    more = len(found_resources) - len(shown)
    footer = [f"{len(found_resources)} found" + (f", {more} more not shown" if more else "")]
    if unpriced:
        footer.append(f"{unpriced} paid resources without a listed price left out by max:")
    return Reply(
        title=f"Resources for {about}" + (f" ({filters})" if filters else ""),
        body="Recommended by learners who made the switch, best first.",
        fields=tuple(describe(r) for r in shown),
        buttons=tuple(Button(r.title, url=r.url) for r in shown[:3] if r.url),
        footer=" · ".join(footer),
    )
