"""The problem a review shows: a fresh variant of its template, or a sibling of its skill."""

from __future__ import annotations

import random
from datetime import date

from bot.challenge.draw import make_problem
from bot.context import Context
from bot.learning.cards import ReviewCard, digest
from bot.problems.model import Problem
from bot.problems.pick import Pick, variant_seed

TRIES = 6  # seeds tried for a variant with numbers other than the last review's
SEED_DAY = date(2026, 1, 1)  # variant_seed takes a day; here the key alone varies


async def review_problem(context: Context, card: ReviewCard, key: str) -> Problem:
    """A problem of the card's skill whose statement differs from the one shown last.

    `key` seeds the choice (member, card and how many reviews so far), so it is stable.
    """
    if card.template_id in context.bank.templates:
        found: Problem | None = None
        for attempt in range(TRIES):
            seed = variant_seed(f"review:{key}:{attempt}", SEED_DAY)
            found = await make_problem(context, Pick(card.template_id, seed))
            if digest(found) != card.last_shown:
                return found
        assert found is not None
        return found
    made: Problem | None = None
    for candidates in _siblings(context, card):
        order = sorted(candidates)
        random.Random(f"review:{key}").shuffle(order)
        for item_id in order:
            made = await make_problem(context, Pick(item_id, variant_seed(key, SEED_DAY)))
            if digest(made) != card.last_shown:
                return made
    if made is None:
        raise LookupError(f"no problem of skill {card.skill} in the bank")
    return made  # the bank has only the problem shown last: better again than nothing


def _siblings(context: Context, card: ReviewCard) -> list[list[str]]:
    """The bank's items of the card's topic: first at its difficulty, then at any."""
    items = [*context.bank.problems.values(), *context.bank.templates.values()]
    same = [i.id for i in items if i.topics[0] == card.topic and i.difficulty == card.difficulty]
    near = [i.id for i in items if i.topics[0] == card.topic and i.id not in same]
    return [same, near]
