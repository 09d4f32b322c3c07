"""Fit a study track into the weeks a learner has: a pure week-by-week planner."""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.content.graph import study_order
from bot.content.model import Catalog, Roadmap, Step

BACKGROUND_FACTOR = {"none": 1.3, "some": 1.0, "strong": 0.6}
STRONG_REVIEW_LEVELS = (1, 2)  # a strong background shortens review, not new (level 3) material
MIN_PACE_SHARE = 0.8  # below this share of the track's pace, extension topics fill the time
DROP_ORDER = ("optional", "recommended")  # core steps are compressed, never dropped
_MIN_SHARE = 0.1  # a topic shows in a week only if it takes at least this share of the week


@dataclass(frozen=True)
class PlannedTopic:
    """Part of one topic studied in one week."""

    step: Step
    hours: float


@dataclass(frozen=True)
class Week:
    """One week of a plan."""

    number: int
    topics: tuple[PlannedTopic, ...]


@dataclass(frozen=True)
class Plan:
    """A track fitted to a number of weeks."""

    roadmap: Roadmap
    weeks: tuple[Week, ...]
    background: str
    hours_per_week: float  # what the plan asks of the learner
    total_hours: float
    dropped: tuple[Step, ...]
    too_short: bool  # even the core steps need more than the track's usual hours per week
    extensions: tuple[Step, ...] = ()  # topics beyond the track, added when time is ample

    @property
    def weeks_needed_at_usual_pace(self) -> int:
        """Weeks the kept steps take at the track's usual hours per week."""
        return max(1, math.ceil(self.total_hours / self.roadmap.hours_per_week - 1e-9))


def step_hours(catalog: Catalog, step: Step, background: str) -> float:
    """Study hours for one step, scaled by the learner's background."""
    topic = catalog.topics[step.topic]
    if background == "strong" and topic.level not in STRONG_REVIEW_LEVELS:
        return topic.hours
    return topic.hours * BACKGROUND_FACTOR[background]


def make_plan(catalog: Catalog, roadmap: Roadmap, weeks: int, background: str = "some") -> Plan:
    """Fit `roadmap` into `weeks`: drop optional then recommended steps, then compress the core."""
    budget = weeks * roadmap.hours_per_week
    kept = list(roadmap.steps)
    dropped: list[Step] = []
    for priority in DROP_ORDER:
        for step in reversed(roadmap.steps):
            if _total(catalog, kept, background) <= budget:
                break
            if step.priority == priority and not _needed(catalog, step, kept):
                kept.remove(step)
                dropped.insert(0, step)
    extensions = [] if dropped else _extensions(catalog, kept, background, budget)
    kept += extensions
    total = _total(catalog, kept, background)
    pace = total / weeks  # spread evenly: lighter weeks when time is ample, heavier when short
    return Plan(
        roadmap=roadmap,
        weeks=_pack(catalog, kept, background, weeks, pace),
        background=background,
        hours_per_week=round(pace, 1),
        total_hours=round(total, 1),
        dropped=tuple(sorted(dropped, key=roadmap.steps.index)),
        too_short=total > budget + 1e-9,
        extensions=tuple(extensions),
    )


def _extensions(catalog: Catalog, kept: list[Step], background: str, budget: float) -> list[Step]:
    """Topics beyond the track, prerequisites first, until the plan reaches 80% of the pace."""
    total = _total(catalog, kept, background)
    have = {s.topic for s in kept}
    added: list[Step] = []
    for topic_id in study_order(catalog):
        if total >= MIN_PACE_SHARE * budget - 1e-9:
            break
        topic = catalog.topics[topic_id]
        if topic_id in have or not set(topic.prerequisites) <= have:
            continue
        step = Step(
            topic=topic_id,
            priority="optional",
            focus=f"Extension beyond the track: {_first_sentence(topic.summary)}",
            resources=_best_resources(catalog, topic_id),
        )
        added.append(step)
        have.add(topic_id)
        total += step_hours(catalog, step, background)
    return added


def _best_resources(catalog: Catalog, topic_id: str) -> tuple[str, ...]:
    """Up to two resources for a topic, free ones first, then by rating."""
    found = [r for r in catalog.resources.values() if topic_id in r.topics]
    found.sort(key=lambda r: (r.cost != "free", -r.rating))
    return tuple(r.id for r in found[:2])


def _needed(catalog: Catalog, step: Step, kept: list[Step]) -> bool:
    """Whether a kept step lists this step's topic among its prerequisites."""
    return any(step.topic in catalog.topics[k.topic].prerequisites for k in kept if k is not step)


def _total(catalog: Catalog, steps: list[Step], background: str) -> float:
    return sum(step_hours(catalog, s, background) for s in steps)


def _pack(
    catalog: Catalog, steps: list[Step], background: str, weeks: int, pace: float
) -> tuple[Week, ...]:
    """Lay the steps end to end and cut the timeline into weeks of `pace` hours.

    A sliver of a topic (under a tenth of a week) joins the week holding most of that
    topic, so no week lists a topic for a few minutes and no hours are lost.
    """
    hours: list[dict[int, float]] = [{} for _ in range(weeks)]
    start = 0.0
    for index, step in enumerate(steps):
        end = start + step_hours(catalog, step, background)
        parts = {
            week: min(end, (week + 1) * pace) - max(start, week * pace)
            for week in range(weeks)
            if min(end, (week + 1) * pace) > max(start, week * pace)
        }
        main = max(parts, key=parts.__getitem__)
        for week, share in parts.items():
            target = week if share >= _MIN_SHARE * pace else main
            hours[target][index] = hours[target].get(index, 0.0) + share
        start = end
    return tuple(
        Week(
            number + 1,
            tuple(PlannedTopic(steps[i], round(h, 1)) for i, h in sorted(hours[number].items())),
        )
        for number in range(weeks)
    )


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."
