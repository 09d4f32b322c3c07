"""/answer: check an answer to today's problem or a practice problem, privately."""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

from bot.challenge import records
from bot.challenge.standing import member_standing
from bot.challenge.target import Target, target_of
from bot.checker.verdict import Verdict
from bot.context import Context
from bot.learning.outcomes import after_answer
from bot.messages import Button, Reply, Request, Tone
from bot.options import Args
from bot.streaks import counts_for_day

ATTEMPTS_BEFORE_SOLUTION = 3
NOTHING_TO_ANSWER = Reply(
    title="No problem to answer yet",
    body="There is no daily problem in this group yet. `/practice` gives you one to try now; "
    "an admin starts the daily problem with `/config daily:on`.",
    tone=Tone.WARNING,
    private=True,
)


async def handle(context: Context, request: Request, text: str, args: Args) -> Reply:
    """Answer /answer."""
    if not text.strip():
        return Reply(
            title="What is your answer?",
            body="Write it after the command, the way you would on paper: `/answer 3/4`, "
            "`/answer 2x cos(x^2)`, `/answer [[1, 2], [3, 4]]`.",
            tone=Tone.WARNING,
            private=True,
        )
    store = context.store
    group_id = await store.ensure_group(request.group)
    member_id = await store.ensure_member(group_id, request.user)
    state = await records.answering(store, group_id, member_id)
    target = target_of(state)
    if target is None:
        return NOTHING_TO_ANSWER
    progress = target.progress
    if target.post and progress.solved:
        return Reply(
            title="Already solved",
            body="You solved today's problem already. `/practice` has more while you wait.",
            tone=Tone.SUCCESS,
            private=True,
        )
    problem = target.problem
    assert context.workers is not None, "the worker pool is started by the composition root"
    verdict, mistake = await context.workers.diagnose(
        problem.answer,
        text,
        [w.answer for w in problem.wrong_answers],
        kind=problem.kind,
        **problem.options,
    )
    if verdict.error:
        return Reply(
            title="I couldn't read that answer",
            body=f"{verdict.error}\n\nThis did not count as an attempt.",
            tone=Tone.WARNING,
            private=True,
        )
    # The author's words for an anticipated mistake say more than the checker's.
    feedback = verdict.feedback if mistake is None else problem.wrong_answers[mistake].feedback
    now = context.clock.now()
    counts = False
    zone = None
    if target.post and verdict.correct and not progress.solution_seen:
        zone = state.settings.zone
        counts = counts_for_day(now, target.post.local_date, zone)
    await records.record_submission(
        store,
        group_id=group_id,
        member_id=member_id,
        post_id=target.post.id if target.post else None,
        problem_id=problem.id,
        answer=text[:500],
        correct=verdict.correct,
        mistake=verdict.mistake or "",
        at=now,
        streak_day=target.post.local_date if counts else None,
    )
    if verdict.correct:
        reply = await _correct(
            context, target, verdict, group_id, member_id, counts, progress, zone
        )
    else:
        reply = _wrong(target, verdict, feedback, progress.wrong + 1)
    practice = target.practice
    if practice is None:
        wrong, hints = progress.wrong + (not verdict.correct), progress.hints
    else:
        wrong = await records.practice_wrong(store, group_id, member_id, practice)
        hints = practice.hints
    note = await after_answer(
        store,
        context.catalog,
        target,
        group_id=group_id,
        member_id=member_id,
        correct=verdict.correct,
        wrong=wrong,
        hints=hints,
        at=now,
        zone=state.settings.zone,
    )
    return replace(reply, body=f"{reply.body}\n\n{note}") if note else reply


async def _correct(
    context: Context,
    target: Target,
    verdict: Verdict,
    group_id: int,
    member_id: int,
    counts: bool,
    progress: records.Progress,
    zone: ZoneInfo | None = None,
) -> Reply:
    lines = [f"I read your answer as {verdict.reading}. {verdict.feedback}"]
    if not target.is_daily:
        lines.append(
            "Practice never counts for streaks, but it all adds up. `/practice` for another."
        )
    elif counts:
        standing = await member_standing(context, group_id, member_id, zone)
        lines.append(f"Today counts: your streak is {_days(standing.current)}.")
    elif progress.solution_seen:
        lines.append("You had seen the worked solution, so it doesn't count for your streak today.")
    else:
        lines.append("It came in after the day closed, so it doesn't count for your streak.")
    return Reply(title="Correct!", body="\n\n".join(lines), tone=Tone.SUCCESS, private=True)


def _wrong(target: Target, verdict: Verdict, feedback: str, wrong: int) -> Reply:
    lines = [f"I read your answer as {verdict.reading}.", feedback]
    buttons: tuple[Button, ...] = (Button("Hint", command="/hint"),)
    if target.is_daily and wrong >= ATTEMPTS_BEFORE_SOLUTION:
        lines.append(
            f"That's {wrong} tries. The worked solution is yours if you want it: "
            "`/problem solution` (seeing it means today won't count for your streak)."
        )
        buttons += (Button("Show the worked solution", command="/problem solution"),)
    elif target.is_daily:
        left = ATTEMPTS_BEFORE_SOLUTION - wrong
        lines.append(
            f"Try again: after {left} more, I'll offer the worked solution. `/hint` helps."
        )
    return Reply(
        title="Not yet", body="\n\n".join(lines), buttons=buttons, tone=Tone.ERROR, private=True
    )


def _days(n: int) -> str:
    return f"{n} day" + ("" if n == 1 else "s")
