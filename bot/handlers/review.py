"""/review: the member's next due review, a fresh problem of a skill they missed."""

from __future__ import annotations

from bot.challenge import records
from bot.challenge.show import problem_fields
from bot.challenge.target import target_of
from bot.context import Context
from bot.learning import cards
from bot.learning.variants import review_problem
from bot.messages import Button, Reply, Request, Tone
from bot.options import Args
from bot.problems.model import Problem


async def handle(context: Context, request: Request, text: str, args: Args) -> Reply:
    """Answer /review."""
    store = context.store
    group_id = await store.ensure_group(request.group)
    member_id = await store.ensure_member(group_id, request.user)
    state = await records.answering(store, group_id, member_id)
    zone = state.settings.zone
    now = context.clock.now()
    today = now.astimezone(zone).date()
    current = target_of(state)  # what /answer would check now
    if current is not None and current.practice is not None and current.practice.is_review:
        return _show(context, current.problem, "Your review, still open", "")
    mine = await cards.cards(store, group_id, member_id)
    active = [c for c in mine if not c.set_aside]
    if not active:
        return Reply(
            title="Nothing to review",
            body="You have no review cards. A problem you miss (three wrong tries or the "
            "worked solution) or solve only after hints comes back here on a schedule.",
            private=True,
        )
    done = await cards.reviewed_on(store, group_id, member_id, today)
    due = [c for c in active if cards.due_on(c, today, zone)]
    if done >= cards.DAILY_CAP and due:
        return Reply(
            title="That's today's reviews",
            body=f"You did {done} reviews today, the most in a day: {len(due)} more wait "
            "for tomorrow. Short and regular beats long and rare.",
            tone=Tone.SUCCESS,
            private=True,
        )
    if not due:
        first = min(active, key=lambda c: c.due)
        return Reply(
            title="Nothing due",
            body=f"Your next review is {cards.when(first.due, today, zone)}. "
            f"{len(active)} card{'s' if len(active) != 1 else ''} in all.",
            private=True,
        )
    card = due[0]
    key = f"{group_id}:{member_id}:{card.id}:{card.card.last_review}:{done}"
    problem = await review_problem(context, card, key)
    await records.start_practice(store, group_id, member_id, problem, now, card_id=card.id)
    await cards.shown(store, card.id, problem)
    left = min(len(due), cards.DAILY_CAP - done) - 1
    more = f"{left} more after this today." if left > 0 else "The last one for today."
    return _show(context, problem, "Review", more)


def _show(context: Context, problem: Problem, title: str, more: str) -> Reply:
    """A review problem as a private reply."""
    topic = context.catalog.topics.get(problem.topic)
    return Reply(
        title=f"{title}: {topic.name if topic else problem.topic}",
        body=problem.statement,
        fields=problem_fields(context.catalog, problem),
        buttons=(Button("Hint", command="/hint"),),
        footer=" ".join(
            part for part in (more, "Reviews never count for streaks; answer with /answer.") if part
        ),
        private=True,
    )
