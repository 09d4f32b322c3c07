"""Choose a group's problem for a day: its track and difficulty, no repeats until all are used."""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bot.content import Catalog
from bot.group_settings import GroupSettings
from bot.problems.index import TemplateEntry
from bot.problems.model import Problem


@dataclass(frozen=True)
class Bank:
    """Every problem and template, by id; the workers make a template's variants."""

    problems: Mapping[str, Problem]
    templates: Mapping[str, TemplateEntry]

    @classmethod
    def of(cls, problems: Iterable[Problem], templates: Iterable[TemplateEntry]) -> Bank:
        """A bank from loaded problems and the template index."""
        return cls({p.id: p for p in problems}, {t.id: t for t in templates})


def pool_topics(catalog: Catalog, settings: GroupSettings) -> set[str]:
    """The topics a group draws from: its explicit topics, else its track, else every topic."""
    if settings.topics:
        return {t for t in settings.topics if t in catalog.topics} or set(catalog.topics)
    roadmap = catalog.roadmaps.get(settings.track)
    if roadmap is not None:
        return {step.topic for step in roadmap.steps}
    return set(catalog.topics)


def pool(bank: Bank, topics: set[str], difficulty: tuple[int, int]) -> list[str]:
    """Ids of the problems and templates that fit, in a stable order."""
    low, high = difficulty
    items: list[Problem | TemplateEntry] = [*bank.problems.values(), *bank.templates.values()]
    return sorted(i.id for i in items if i.topics[0] in topics and low <= i.difficulty <= high)


def variant_seed(group_key: str, day: date) -> int:
    """A seed shared by one group for one day, stable across processes and Python versions."""
    digest = hashlib.sha256(f"{group_key}\n{day.isoformat()}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


def base_id(problem_id: str) -> str:
    """The pool item a posted problem came from: `template#seed` -> `template`."""
    return problem_id.split("#", 1)[0]


@dataclass(frozen=True)
class Pick:
    """The bank item chosen for a day, and the seed a template's variant is drawn with."""

    item_id: str
    seed: int


def pick(
    bank: Bank,
    candidates: Sequence[str],
    used: Iterable[str],
    group_key: str,
    day: date,
) -> Pick:
    """The group's item for `day`: one it has used least, drawn with a (group, day) seed.

    Least-used first means no repeats until every candidate has been used once, then a
    second round, and so on. Cheap: a template's variant is made later, by the workers.
    """
    if not candidates:
        raise ValueError("no problem fits the group's topics and difficulty")
    counts = Counter(base_id(u) for u in used)
    uses = [counts.get(c, 0) for c in candidates]  # .get: Counter's __missing__ is slow here
    fewest = min(uses)
    fresh = [c for c, n in zip(candidates, uses, strict=True) if n == fewest]
    seed = variant_seed(group_key, day)
    return Pick(random.Random(seed).choice(fresh), seed)
