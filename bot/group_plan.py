"""A group's plan: the week a day falls in, and the topics its daily problem is drawn from."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from bot.content import Catalog
from bot.group_settings import GroupSettings
from bot.planning import Plan, make_plan

REVISIT_SHARE = 0.25  # about one daily post in four goes back to an earlier week


@dataclass(frozen=True)
class Position:
    """Where a group stands in its plan on a day: week `week` of `of` (past the end: week > of)."""

    week: int
    of: int

    @property
    def finished(self) -> bool:
        """Whether the plan's last week is over."""
        return self.week > self.of


def group_plan(catalog: Catalog, settings: GroupSettings) -> Plan | None:
    """The group's week-by-week plan, the one `/roadmap goal:... weeks:...` shows; None if none."""
    if not settings.has_plan or settings.track not in catalog.roadmaps:
        return None
    roadmap = catalog.roadmaps[settings.track]
    background = settings.background or roadmap.default_background
    return make_plan(catalog, roadmap, settings.weeks, background)


def position(settings: GroupSettings, day: date) -> Position:
    """The plan week `day` falls in; a day before the start counts as week 1."""
    assert settings.start is not None
    week = max(0, (day - settings.start).days) // 7 + 1
    return Position(week, settings.weeks)


def week_topics(plan: Plan, week: int) -> list[str]:
    """The topics of one plan week, in plan order."""
    return [part.step.topic for part in plan.weeks[week - 1].topics]


def topics_until(plan: Plan, week: int) -> list[str]:
    """The topics of weeks 1..week, each once, in plan order."""
    seen: dict[str, None] = {}
    for number in range(1, week + 1):
        seen.update(dict.fromkeys(week_topics(plan, number)))
    return list(seen)


def daily_topics(plan: Plan, settings: GroupSettings, day: date, seed: int) -> frozenset[str]:
    """The topics a plan group's problem for `day` comes from.

    Mostly the current week's; about one day in four an earlier week's (seeded, so every
    process draws the same); after the last week, the whole track.
    """
    where = position(settings, day)
    if where.finished:
        return frozenset(step.topic for step in plan.roadmap.steps)
    current = week_topics(plan, where.week)
    earlier = [t for t in topics_until(plan, where.week - 1) if t not in current]
    if earlier and random.Random(seed ^ 0x5EED).random() < REVISIT_SHARE:
        return frozenset(earlier)
    return frozenset(current or topics_until(plan, where.week))


def where_line(catalog: Catalog, settings: GroupSettings, plan: Plan, day: date) -> str:
    """`Week 3 of 8: Bayes' theorem, Variance...`, or that the plan is done."""
    where = position(settings, day)
    if where.finished:
        return f"Week {where.week} of {where.of}: the plan is done; problems from the whole track."
    names = ", ".join(catalog.topics[t].name for t in week_topics(plan, where.week))
    return f"Week {where.week} of {where.of}: {names}"


def plan_line(catalog: Catalog, settings: GroupSettings, plan: Plan) -> str:
    """The plan as /config shows it."""
    assert settings.start is not None
    background = plan.background
    return (
        f"{settings.weeks} weeks of the {plan.roadmap.name} track from "
        f"{settings.start.isoformat()} (background: {background}, about "
        f"{plan.hours_per_week:g} h a week); `/roadmap` shows it week by week"
    )
