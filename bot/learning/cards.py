"""Review cards: one per member and skill, scheduled by FSRS on whole days."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from fsrs import Card, Rating, Scheduler

from bot.clock import as_utc
from bot.problems.model import Problem
from bot.store import Store

# No intra-day learning steps: every interval is whole days (DESIGN.md, fsrs 6.3.2). No
# fuzzing: a member's schedule is reproducible, and reviews are few enough not to bunch.
SCHEDULER = Scheduler(
    desired_retention=0.9, learning_steps=(), relearning_steps=(), enable_fuzzing=False
)
DAILY_CAP = 3  # reviews a member is given per day
MAX_LAPSES = 8  # a card failed this often is set aside: the member needs to study it again

_COLUMNS = "id, skill, topic, difficulty, card, due, lapses, last_shown, set_aside_at"


@dataclass(frozen=True)
class ReviewCard:
    """A member's card for one skill."""

    id: int
    skill: str  # a template id, or topic:difficulty for a hand-written problem
    topic: str
    difficulty: int
    card: Card
    lapses: int
    last_shown: str  # digest of the statement shown last
    set_aside: bool

    @property
    def due(self) -> datetime:
        """When FSRS next wants it reviewed."""
        return self.card.due

    @property
    def template_id(self) -> str:
        """The template the skill is, or "" for a topic:difficulty skill."""
        return "" if ":" in self.skill else self.skill


def skill_of(problem: Problem) -> str:
    """A problem's skill: its template (`template#seed` -> template), else topic:difficulty."""
    if "#" in problem.id:
        return problem.id.split("#", 1)[0]
    return f"{problem.topic}:{problem.difficulty}"


def digest(problem: Problem) -> str:
    """A short fingerprint of what the learner saw: same numbers, same digest."""
    return hashlib.sha256(problem.statement.encode()).hexdigest()[:16]


def due_on(card: ReviewCard, day: date, zone: ZoneInfo) -> bool:
    """Whether the card is due on the member's local `day` (whole days, not hours)."""
    return not card.set_aside and card.due.astimezone(zone).date() <= day


def _stamp(moment: datetime) -> str:
    return as_utc(moment).isoformat(timespec="seconds")


def _card(row: tuple) -> ReviewCard:
    return ReviewCard(
        id=int(row[0]),
        skill=str(row[1]),
        topic=str(row[2]),
        difficulty=int(row[3]),
        card=Card.from_json(row[4]),
        lapses=int(row[6]),
        last_shown=str(row[7]),
        set_aside=row[8] is not None,
    )


async def add_card(
    store: Store, group_id: int, member_id: int, problem: Problem, rating: Rating, at: datetime
) -> bool:
    """A new card for the problem's skill, first rated `rating` at `at`; False if one exists."""
    card, _ = SCHEDULER.review_card(Card(due=at), rating, at)
    rows = await store.write(
        "INSERT INTO review_cards (group_id, member_id, skill, topic, difficulty, card, due,"
        " lapses, last_shown, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (group_id, member_id, skill) DO NOTHING RETURNING id",
        (
            group_id,
            member_id,
            skill_of(problem),
            problem.topic,
            problem.difficulty,
            card.to_json(),
            _stamp(card.due),
            int(rating == Rating.Again),
            digest(problem),
            _stamp(at),
        ),
    )
    return bool(rows)


async def cards(store: Store, group_id: int, member_id: int) -> list[ReviewCard]:
    """The member's cards, the soonest due first."""
    rows = await store.fetch_all(
        f"SELECT {_COLUMNS} FROM review_cards WHERE group_id = ? AND member_id = ?"
        " ORDER BY set_aside_at IS NOT NULL, due, id",
        (group_id, member_id),
    )
    return [_card(tuple(row)) for row in rows]


async def card(store: Store, card_id: int) -> ReviewCard | None:
    """One card by id."""
    rows = await store.fetch_all(f"SELECT {_COLUMNS} FROM review_cards WHERE id = ?", (card_id,))
    return _card(tuple(rows[0])) if rows else None


async def group_cards(store: Store, group_id: int) -> dict[int, list[ReviewCard]]:
    """Every member's cards in the group, by member id."""
    rows = await store.fetch_all(
        f"SELECT member_id, {_COLUMNS} FROM review_cards WHERE group_id = ? ORDER BY due, id",
        (group_id,),
    )
    found: dict[int, list[ReviewCard]] = {}
    for row in rows:
        found.setdefault(int(row[0]), []).append(_card(tuple(row[1:])))
    return found


async def reviewed_on(store: Store, group_id: int, member_id: int, day: date) -> int:
    """Reviews the member finished on their local `day`."""
    rows = await store.fetch_all(
        "SELECT count(*) FROM reviews WHERE group_id = ? AND member_id = ? AND local_date = ?",
        (group_id, member_id, day.isoformat()),
    )
    return int(rows[0][0])


async def shown(store: Store, card_id: int, problem: Problem) -> None:
    """Remember what the card's review showed, so the next one differs."""
    await store.write(
        "UPDATE review_cards SET last_shown = ? WHERE id = ?", (digest(problem), card_id)
    )


async def rate(
    store: Store,
    review: ReviewCard,
    group_id: int,
    member_id: int,
    problem_id: str,
    rating: Rating,
    at: datetime,
    day: date,
) -> ReviewCard:
    """Rate a review, reschedule its card, and set it aside after MAX_LAPSES; the new card."""
    card, _ = SCHEDULER.review_card(review.card, rating, at)
    lapses = review.lapses + int(rating == Rating.Again)
    aside = lapses >= MAX_LAPSES
    async with store.transaction() as db:
        await db.execute(
            "UPDATE review_cards SET card = ?, due = ?, lapses = ?,"
            " set_aside_at = CASE WHEN ? THEN ? END WHERE id = ?",
            (card.to_json(), _stamp(card.due), lapses, int(aside), _stamp(at), review.id),
        )
        await db.execute(
            "INSERT INTO reviews (card_id, group_id, member_id, local_date, problem_id, rating, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (review.id, group_id, member_id, day.isoformat(), problem_id, int(rating), _stamp(at)),
        )
    return ReviewCard(
        review.id,
        review.skill,
        review.topic,
        review.difficulty,
        card,
        lapses,
        review.last_shown,
        aside,
    )


def days_until(moment: datetime, day: date, zone: ZoneInfo) -> int:
    """Whole local days from `day` to `moment`."""
    return (moment.astimezone(zone).date() - day).days


def when(moment: datetime, day: date, zone: ZoneInfo) -> str:
    """`tomorrow`, `in 3 days (Tuesday 24 November)`, or `today`."""
    days = days_until(moment, day, zone)
    if days <= 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days ({day + timedelta(days=days):%A %d %B})"
