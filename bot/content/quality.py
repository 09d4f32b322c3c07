"""Rules a tutor would sign off on, run by `studybot content check` (not needed to load)."""

from __future__ import annotations

import re

from bot.content.errors import ContentError
from bot.content.model import Catalog

# Prerequisites the audit found missing: the topic on the left needs the one on the right,
# directly or through other prerequisites.
REQUIRED_BEFORE: tuple[tuple[str, str], ...] = (
    ("linear-regression", "determinants-inverses"),
    ("multicollinearity", "determinants-inverses"),
)
_WEEKS = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
    r"twenty[- a-z]*|thirty[- a-z]*)\s+weeks?\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def quality_check(catalog: Catalog) -> list[ContentError]:
    """Every fault against the rules for resources, track summaries and missing prerequisites."""
    return [*_check_resources(catalog), *_check_tracks(catalog), *_check_required_before(catalog)]


def _topic_file(catalog: Catalog, topic_id: str) -> str:
    return f"topics/{catalog.topics[topic_id].area}.yaml"


def _check_resources(catalog: Catalog) -> list[ContentError]:
    """Every topic has a free resource; every book a link; every roadmap resource a date."""
    free = {t for r in catalog.resources.values() if r.cost == "free" for t in r.topics}
    errors = [
        ContentError(_topic_file(catalog, t), f"topics[{t}]", "no free resource lists this topic")
        for t in catalog.topics
        if t not in free
    ]
    for r in catalog.resources.values():
        where = f"resources[{r.id}]"
        if r.format == "book" and not r.url:
            errors.append(ContentError("resources.yaml", f"{where}.url", "a book needs a link"))
        if r.format == "roadmap" and not r.dated:
            errors.append(
                ContentError("resources.yaml", f"{where}.dated", "a roadmap goes stale: date it")
            )
        if r.dated and not _YEAR.search(r.dated):
            errors.append(ContentError("resources.yaml", f"{where}.dated", "name the year"))
    return errors


def _check_tracks(catalog: Catalog) -> list[ContentError]:
    """Every step names a resource; no summary promises a number of weeks."""
    errors = []
    for roadmap in catalog.roadmaps.values():
        file = f"roadmaps/{roadmap.id}.yaml"
        if _WEEKS.search(roadmap.summary):
            errors.append(
                ContentError(file, "summary", "do not state a number of weeks: plans have any")
            )
        errors.extend(
            ContentError(file, f"steps[{i}].resources", "give at least one resource")
            for i, step in enumerate(roadmap.steps)
            if not step.resources
        )
    return errors


def _check_required_before(catalog: Catalog) -> list[ContentError]:
    """The prerequisites in REQUIRED_BEFORE hold in the graph, directly or transitively."""
    return [
        ContentError(
            _topic_file(catalog, later),
            f"topics[{later}].prerequisites",
            f"{later!r} must come after {earlier!r}",
        )
        for later, earlier in REQUIRED_BEFORE
        if later in catalog.topics
        and earlier in catalog.topics
        and earlier not in _ancestors(catalog, later)
    ]


def _ancestors(catalog: Catalog, topic_id: str) -> set[str]:
    seen: set[str] = set()
    todo = list(catalog.topics[topic_id].prerequisites)
    while todo:
        t = todo.pop()
        if t in catalog.topics and t not in seen:
            seen.add(t)
            todo.extend(catalog.topics[t].prerequisites)
    return seen
