"""Which problem a member is answering: today's, or the practice problem they asked for since."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.challenge import records
from bot.problems.model import Problem
from bot.store import Store


@dataclass(frozen=True)
class Target:
    """The problem `/answer` and `/hint` apply to."""

    problem: Problem
    post: records.Post | None = None  # set for the daily problem
    practice: records.Practice | None = None  # set for a practice problem
    # The member's progress on the daily problem (read with it, so /answer needs no more).
    progress: records.Progress = field(default_factory=records.Progress)

    @property
    def is_daily(self) -> bool:
        """Whether this is the group's daily problem."""
        return self.post is not None


async def current_target(store: Store, group_id: int, member_id: int) -> Target | None:
    """The problem asked for last; an open practice problem also wins once the daily is solved."""
    return target_of(await records.answering(store, group_id, member_id))


def target_of(state: records.Answering) -> Target | None:
    """The target, from what was read about the member (see current_target)."""
    post, progress, practice = state.post, state.progress, state.practice
    open_practice = practice if practice and not practice.solved else None
    if open_practice and (
        post is None or open_practice.created_at >= post.posted_at or progress.solved
    ):
        return Target(open_practice.problem, practice=open_practice)
    if post is not None:
        return Target(post.problem, post=post, progress=progress)
    return None
