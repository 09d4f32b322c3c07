"""What a result means for review: a new card for a miss, a rating for a review."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from fsrs import Rating

from bot.challenge import records
from bot.challenge.target import Target
from bot.content import Catalog
from bot.learning import cards, levels
from bot.store import Store

FAILED_AFTER = 3  # wrong tries that make a miss (as the daily problem's solution offer)


async def after_answer(
    store: Store,
    catalog: Catalog,
    target: Target,
    *,
    group_id: int,
    member_id: int,
    correct: bool,
    wrong: int,
    hints: int,
    at: datetime,
    zone: ZoneInfo,
) -> str:
    """Record what the answer means for review (`wrong`: wrong tries, this one included).

    A first attempt moves the member's ability on the topic (solved without hints or not).
    A review is rated: first try Good, after a hint or a wrong try Hard, three wrong tries
    Again. Any other problem solved only after hints, or failed, becomes a card.
    """
    practice = target.practice
    day = at.astimezone(zone).date()
    if (correct and wrong == 0) or (not correct and wrong == 1):  # the first attempt
        await levels.first_attempt(
            store, group_id, member_id, target.problem, correct and not hints
        )
    if practice is not None and practice.is_review:
        if not correct and wrong < FAILED_AFTER:
            return ""
        rating = (
            Rating.Again if not correct else Rating.Good if not (wrong or hints) else Rating.Hard
        )
        return await _rate(store, catalog, practice, group_id, member_id, rating, at, day, zone)
    if practice is not None and practice.card_id is not None:
        return ""  # a review already rated: answering it again changes nothing
    problem = target.problem
    if correct and hints:
        added = await cards.add_card(store, group_id, member_id, problem, Rating.Hard, at)
        return "You needed hints for it, so it joins your `/review` cards." if added else ""
    if not correct and wrong == FAILED_AFTER:
        added = await cards.add_card(store, group_id, member_id, problem, Rating.Again, at)
        return (
            "It joins your `/review` cards: a fresh one of its kind comes back tomorrow."
            if added
            else ""
        )
    return ""


async def after_solution(
    store: Store, post: records.Post, group_id: int, member_id: int, at: datetime
) -> bool:
    """The member saw the worked solution without solving: the skill becomes a card."""
    return await cards.add_card(store, group_id, member_id, post.problem, Rating.Again, at)


async def _rate(
    store: Store,
    catalog: Catalog,
    practice: records.Practice,
    group_id: int,
    member_id: int,
    rating: Rating,
    at: datetime,
    day: date,
    zone: ZoneInfo,
) -> str:
    assert practice.card_id is not None
    review = await cards.card(store, practice.card_id)
    await records.mark_rated(store, group_id, member_id, at)
    if review is None:
        return ""
    rated = await cards.rate(
        store, review, group_id, member_id, practice.problem.id, rating, at, day
    )
    shown = f"The answer: `{practice.problem.answer}`. " if rating == Rating.Again else ""
    if rated.set_aside:
        return shown + set_aside_text(catalog, rated)
    words = {Rating.Again: "missed", Rating.Hard: "got there", Rating.Good: "knew it"}
    return shown + (
        f"Review: {words.get(rating, 'done')}. The next review of this is "
        f"{cards.when(rated.due, day, zone)}."
    )


def set_aside_text(catalog: Catalog, card: cards.ReviewCard) -> str:
    """Why a card is no longer reviewed, and what to study instead."""
    topic = catalog.topics.get(card.topic)
    name = topic.name if topic else card.topic
    needs = [catalog.topics[p].name for p in topic.prerequisites] if topic else []
    before = f" and make sure of {', '.join(needs)} first" if needs else ""
    return (
        f"This one has slipped {card.lapses} times, so I've set it aside: study {name} again"
        f" (`/resource {card.topic.replace('-', ' ')}`){before}, then `/practice {name}`."
    )
