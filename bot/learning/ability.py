"""Practice at the right level: an Elo-style ability per member and topic against item difficulty.

On the logistic scale: P(solve at the first try) = 1 / (1 + exp(b - theta)). An item's
difficulty b starts from its authored level (1, 2, 3 -> -1, 0, +1) and a member's ability
on a topic starts where a level-1 item is solved three times in four. Each first attempt
moves both by K x (result - expected), K shrinking as evidence accumulates.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

TARGET = 0.75  # the chance of success practice aims at: an effort, rarely a defeat
_TARGET_LOGIT = math.log(TARGET / (1 - TARGET))


@dataclass(frozen=True)
class Rating:
    """A value on the logistic scale and how many results shaped it."""

    value: float
    count: int = 0


def item_seed(level: int) -> Rating:
    """An item's starting difficulty from its authored level."""
    return Rating(float(level - 2))


def learner_seed() -> Rating:
    """A member's starting ability on a topic: a level-1 item at about the target chance."""
    return Rating(item_seed(1).value + _TARGET_LOGIT)


def expected(ability: float, difficulty: float) -> float:
    """The chance of solving at the first try."""
    return 1.0 / (1.0 + math.exp(difficulty - ability))


def _k(count: int, base: float, floor: float) -> float:
    return max(floor, base / (1.0 + 0.15 * count))


def update(ability: Rating, item: Rating, solved: bool) -> tuple[Rating, Rating]:
    """Both ratings after one first attempt."""
    surprise = float(solved) - expected(ability.value, item.value)
    learner_k = _k(ability.count, 1.0, 0.25)
    item_k = _k(item.count, 0.4, 0.05)  # items meet many learners: they move slowly
    return (
        Rating(ability.value + learner_k * surprise, ability.count + 1),
        Rating(item.value - item_k * surprise, item.count + 1),
    )


def choose(
    ability: dict[str, Rating],
    items: Sequence[tuple[str, str, Rating]],
    rng: random.Random,
    slack: float = 0.05,
) -> tuple[str, float]:
    """Among (item id, topic, difficulty), one whose chance is nearest TARGET; and that chance.

    A seeded draw among those within `slack` of the nearest keeps practice from always
    repeating one item.
    """
    if not items:
        raise ValueError("no item to choose from")
    chances = {
        item_id: expected(ability.get(topic, learner_seed()).value, item.value)
        for item_id, topic, item in items
    }
    nearest = min(abs(c - TARGET) for c in chances.values())
    near = sorted(i for i, c in chances.items() if abs(c - TARGET) <= nearest + slack)
    chosen = near[rng.randrange(len(near))]
    return chosen, chances[chosen]


def explain(chance: float, difficulty: int, last: int | None) -> str:
    """One line on why this problem: against the level of the last practice problem."""
    odds = f"I expect you to solve it about {round(chance * 100)}% of the time"
    if last is None:
        return f"A first problem at level {difficulty} to find your level; {odds}."
    if difficulty > last:
        return f"A step up from your last one (level {last} to {difficulty}); {odds}."
    if difficulty < last:
        return f"A step back from your last one (level {last} to {difficulty}); {odds}."
    return f"The same level as your last one ({difficulty}); {odds}."
