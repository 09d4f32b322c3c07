"""Where a member stands on the group's track: each topic solved, reviewing, weak or not started."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from bot.content import Catalog
from bot.content.graph import study_order
from bot.learning.cards import ReviewCard

State = Literal["weak", "reviewing", "solved", "not started"]
STATES: tuple[State, ...] = ("solved", "reviewing", "weak", "not started")


@dataclass(frozen=True)
class Attempts:
    """A member's record on one topic."""

    solved: int = 0  # problems solved
    missed: int = 0  # problems answered but never solved


@dataclass(frozen=True)
class Next:
    """The topic to study next, and why."""

    topic: str
    why: str


def states(
    topics: Sequence[str], attempts: dict[str, Attempts], review: Iterable[ReviewCard]
) -> dict[str, State]:
    """Each topic's state: weak (a card set aside, or more missed than solved), reviewing (a
    card in review), solved, or not started."""
    aside = {c.topic for c in review if c.set_aside}
    reviewing = {c.topic for c in review if not c.set_aside}
    found: dict[str, State] = {}
    for topic in topics:
        record = attempts.get(topic, Attempts())
        if topic in aside or (record.missed > record.solved and record.missed >= 2):
            found[topic] = "weak"
        elif topic in reviewing:
            found[topic] = "reviewing"
        elif record.solved:
            found[topic] = "solved"
        else:
            found[topic] = "not started"
    return found


def track_topics(catalog: Catalog, track: str) -> list[str]:
    """The track's topics in its order, or every topic in study order without a track."""
    roadmap = catalog.roadmaps.get(track)
    return [s.topic for s in roadmap.steps] if roadmap else study_order(catalog)


def next_topic(
    catalog: Catalog, order: Sequence[str], found: dict[str, State], this_week: Sequence[str] = ()
) -> Next | None:
    """What to study next: a weak topic first, then this week's plan, then the first topic
    whose prerequisites are done."""
    names = catalog.topics
    for topic in order:
        if found[topic] == "weak":
            return Next(
                topic,
                f"it is weak: study it again with `/resource {_words(topic)}`, then "
                f"`/practice {names[topic].name}`",
            )
    for topic in this_week:
        if found.get(topic) == "not started":
            return Next(topic, "it is on this week's plan")
    done = {t for t, s in found.items() if s in ("solved", "reviewing")}
    for topic in order:
        if found[topic] != "not started":
            continue
        needs = [p for p in names[topic].prerequisites if p in names]
        if all(p in done or p not in found for p in needs):
            have = [names[p].name for p in needs if p in done]
            because = (
                f"you have {', '.join(have)}, which it builds on"
                if have
                else ("it needs nothing you have not done")
            )
            return Next(topic, f"it is next on the track and {because}")
    return None


def _words(topic: str) -> str:
    return topic.replace("-", " ")
