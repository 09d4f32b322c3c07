"""The curated content as immutable values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Format = Literal["book", "course", "video", "article", "roadmap"]
Cost = Literal["free", "paid"]
Level = Literal["beginner", "intermediate", "advanced"]
Goal = Literal["job", "foundations", "research"]
Priority = Literal["core", "recommended", "optional"]

FORMATS: tuple[str, ...] = ("book", "course", "video", "article", "roadmap")
COSTS: tuple[str, ...] = ("free", "paid")
LEVELS: tuple[str, ...] = ("beginner", "intermediate", "advanced")
GOALS: tuple[str, ...] = ("job", "foundations", "research")
PRIORITIES: tuple[str, ...] = ("core", "recommended", "optional")
BACKGROUNDS: tuple[str, ...] = ("none", "some", "strong")


@dataclass(frozen=True)
class Area:
    """A branch of math: linear algebra, calculus..."""

    id: str
    name: str
    summary: str
    topic_ids: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    """One node of the topic graph."""

    id: str
    name: str
    area: str
    summary: str
    why_ml: str
    prerequisites: tuple[str, ...]
    hours: float
    level: int
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resource:
    """A book, course, video series, article or roadmap the learners recommend."""

    id: str
    title: str
    authors: tuple[str, ...]
    format: Format
    cost: Cost
    level: Level
    topics: tuple[str, ...]
    why: str
    audience: str
    rating: int
    publisher: str = ""
    price_usd: float | None = None
    cost_note: str = ""
    url: str = ""
    dated: str = ""  # why the entry may be out of date, with its year


@dataclass(frozen=True)
class Step:
    """One topic of a study track."""

    topic: str
    priority: Priority
    focus: str
    resources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Roadmap:
    """A study track for one kind of learner."""

    id: str
    name: str
    goal: Goal
    audience: str
    summary: str
    default_weeks: int
    hours_per_week: float
    steps: tuple[Step, ...]
    default_background: str = "some"


@dataclass(frozen=True)
class Advice:
    """A piece of study advice shown with plans."""

    id: str
    text: str
    goals: tuple[str, ...]


@dataclass(frozen=True)
class Catalog:
    """All curated content, validated and cross-referenced."""

    areas: dict[str, Area]
    topics: dict[str, Topic]
    resources: dict[str, Resource]
    roadmaps: dict[str, Roadmap]
    advice: tuple[Advice, ...] = ()

    def topics_in(self, area_id: str) -> list[Topic]:
        """Topics of one area in study order."""
        return [self.topics[t] for t in self.areas[area_id].topic_ids]

    def roadmap_for(self, goal: str) -> Roadmap | None:
        """The track whose goal is `goal`."""
        return next((r for r in self.roadmaps.values() if r.goal == goal), None)
