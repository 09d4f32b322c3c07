"""Rules over the plans each track gives by default: what a tutor would check before signing."""

from __future__ import annotations

from bot.content.errors import ContentError
from bot.content.model import BACKGROUNDS, Catalog, Roadmap
from bot.planning import make_plan

# (earlier, later, weeks): `later` starts no later than `weeks` weeks after `earlier` ends.
FOLLOW_WITHIN: tuple[tuple[str, str, int], ...] = (("maximum-likelihood", "cross-entropy-kl", 2),)


def check_plans(catalog: Catalog) -> list[ContentError]:
    """Every fault in the default-length plans of every track, for every background."""
    return [
        error
        for roadmap in catalog.roadmaps.values()
        for background in BACKGROUNDS
        for error in _check_plan(catalog, roadmap, background)
    ]


def _check_plan(catalog: Catalog, roadmap: Roadmap, background: str) -> list[ContentError]:
    plan = make_plan(catalog, roadmap, roadmap.default_weeks, background)
    weeks: dict[str, list[int]] = {}
    for week in plan.weeks:
        for part in week.topics:
            weeks.setdefault(part.step.topic, []).append(week.number)
    errors = []
    for earlier, later, gap in FOLLOW_WITHIN:
        if earlier not in weeks or later not in weeks:
            continue
        start, end = weeks[later][0], weeks[earlier][-1]
        if start < weeks[earlier][0] or start > end + gap:
            errors.append(
                ContentError(
                    f"roadmaps/{roadmap.id}.yaml",
                    "steps",
                    f"with background:{background}, {later!r} starts in week {start}; it should "
                    f"start within {gap} weeks after {earlier!r} (weeks "
                    f"{weeks[earlier][0]}-{end})",
                )
            )
    return errors
