"""/problem: today's problem again, and its worked solution once it is offered."""

from __future__ import annotations

from bot.challenge import records
from bot.challenge.show import problem_fields
from bot.context import Context
from bot.group_settings import from_strings
from bot.handlers.answer import ATTEMPTS_BEFORE_SOLUTION, NOTHING_TO_ANSWER
from bot.images import card_images
from bot.learning.outcomes import after_solution
from bot.messages import ANSWER_BUTTON, Button, Field, Reply, Request, Tone
from bot.options import Args


async def handle(context: Context, request: Request, text: str, args: Args) -> Reply:
    """Answer /problem [solution]."""
    store = context.store
    group_id = await store.ensure_group(request.group)
    post = await records.latest_post(store, group_id)
    if post is None:
        return NOTHING_TO_ANSWER
    word = text.strip().lower()
    if word and word != "solution":
        return Reply(
            title="Just /problem",
            body="`/problem` shows today's problem; `/problem solution` its worked solution.",
            tone=Tone.WARNING,
            private=True,
        )
    problem = post.problem
    theme = from_strings(await store.settings(group_id)).theme
    if not word:
        return Reply(
            title=f"Problem of {post.local_date:%A %d %B}",
            body=problem.statement,
            images=await card_images(context, problem.statement, theme),
            fields=problem_fields(context.catalog, problem),
            buttons=(ANSWER_BUTTON, Button("Hint", command="/hint")),
            private=True,
        )
    member_id = await store.ensure_member(group_id, request.user)
    progress = await records.progress(store, post.id, member_id)
    if not progress.solved and progress.wrong < ATTEMPTS_BEFORE_SOLUTION:
        tries = ATTEMPTS_BEFORE_SOLUTION - progress.wrong
        return Reply(
            title="Not yet",
            body=f"The worked solution opens once you solve it or after {tries} more "
            f"{'try' if tries == 1 else 'tries'}. `/hint` gives you a push.",
            tone=Tone.WARNING,
            private=True,
        )
    now = context.clock.now()
    await records.record_shown(store, post.id, member_id, now, hints=progress.hints, solution=True)
    if not progress.solved:
        await after_solution(store, post, group_id, member_id, now)
    fields = (Field("Answer", f"`{problem.answer}`"), Field("Why it matters", problem.why_ml))
    return Reply(
        title="Worked solution",
        body=problem.solution,
        images=await card_images(context, problem.solution, theme),
        fields=fields,
        private=True,
        footer=""
        if progress.solved
        else "Today no longer counts for your streak; tomorrow is new.",
    )
