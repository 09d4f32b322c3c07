"""/hint: the next hint for the problem a member is working on, privately."""

from __future__ import annotations

from bot.challenge import records
from bot.challenge.target import current_target
from bot.context import Context
from bot.handlers.answer import NOTHING_TO_ANSWER
from bot.messages import Reply, Request, Tone
from bot.options import Args


async def handle(context: Context, request: Request, text: str, args: Args) -> Reply:
    """Answer /hint."""
    store = context.store
    group_id = await store.ensure_group(request.group)
    member_id = await store.ensure_member(group_id, request.user)
    target = await current_target(store, group_id, member_id)
    if target is None:
        return NOTHING_TO_ANSWER
    hints = target.problem.hints
    if target.post:
        seen = (await records.progress(store, target.post.id, member_id)).hints
    else:
        assert target.practice is not None
        seen = target.practice.hints
    if seen >= len(hints):
        return Reply(
            title="No more hints",
            body=f"You have seen all {len(hints)} hints:\n\n"
            + "\n".join(f"{i}. {h}" for i, h in enumerate(hints, start=1))
            + "\n\nAfter three tries, `/problem solution` shows the worked solution.",
            tone=Tone.WARNING,
            private=True,
        )
    shown = seen + 1
    if target.post:
        await records.record_shown(
            store, target.post.id, member_id, context.clock.now(), hints=shown, solution=False
        )
    else:
        await records.practice_hint_shown(store, group_id, member_id, shown)
    return Reply(
        title=f"Hint {shown} of {len(hints)}",
        body=hints[seen],
        footer="Answer with /answer; hints never cost you the streak.",
        private=True,
    )
