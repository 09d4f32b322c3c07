"""The daily post: which problem a group gets on a day, and the message that carries it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import date

from bot.challenge import records
from bot.challenge.show import problem_fields
from bot.context import Context
from bot.daily import DailyGroup, DailyRunner, PostRow
from bot.group_settings import GroupSettings
from bot.messages import Button, Field, GroupRef, Reply
from bot.problems.model import Problem
from bot.problems.pick import choose, pool, pool_topics
from bot.problems.snapshot import from_json, to_json

SOLUTION_PREVIEW = 900  # characters of yesterday's solution shown in the post

# An adapter's way to post a message to a group's channel; returns the platform message id.
PostToGroup = Callable[[GroupRef, Reply, str], Awaitable[str]]


def group_key(group: GroupRef) -> str:
    """The stable key that seeds a group's variants."""
    return f"{group.platform}:{group.workspace}:{group.channel}"


def candidates(context: Context, settings: GroupSettings) -> list[str]:
    """The ids a group's daily problem is drawn from; widens the pool rather than post nothing."""
    topics = pool_topics(context.catalog, settings)
    return (
        pool(context.bank, topics, settings.difficulty)
        or pool(context.bank, topics, (1, 3))
        or pool(context.bank, set(context.catalog.topics), (1, 3))
    )


class Pools:
    """`candidates` remembered per (topics, track, difficulty): the content never changes."""

    def __init__(self, context: Context) -> None:
        self._context = context
        self._known: dict[tuple[object, ...], list[str]] = {}

    def __call__(self, settings: GroupSettings) -> list[str]:
        key = (settings.topics, settings.track, settings.difficulty)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = candidates(self._context, settings)
        return found


async def choose_problem(
    context: Context,
    group_id: int,
    group: GroupRef,
    settings: GroupSettings,
    day: date,
    pools: Callable[[GroupSettings], list[str]] | None = None,
) -> tuple[str, str]:
    """(problem id, frozen JSON) for a group's day; `pools` may remember the candidates."""
    drawn_from = (pools or (lambda s: candidates(context, s)))(settings)
    used = await records.used_problem_ids(context.store, group_id)
    problem = choose(context.bank, drawn_from, used, group_key(group), day)
    return problem.id, to_json(problem)


async def render_post(context: Context, group_id: int, day: date, problem: Problem) -> Reply:
    """The daily message: the problem, how to answer, and yesterday's worked solution."""
    fields = list(problem_fields(context.catalog, problem))
    before = await records.solution_before(context.store, group_id, day)
    if before is not None:
        solution, answer, solved = before
        if len(solution) > SOLUTION_PREVIEW:
            solution = solution[:SOLUTION_PREVIEW].rsplit(" ", 1)[0] + " …"
        fields.append(
            Field(
                f"Yesterday's solution ({solved} solved it)",
                f"{solution}\n\nAnswer: `{answer}`",
            )
        )
    return Reply(
        title=f"Daily problem · {day:%A %d %B}",
        body=problem.statement,
        fields=tuple(fields),
        buttons=(Button("Submit answer", command="/answer"), Button("Hint", command="/hint")),
        footer="Answers are private. Solve it by midnight (plus an hour) to keep your streak.",
    )


def daily_runner(context: Context, post: PostToGroup) -> DailyRunner:
    """The runner that posts each group's daily problem through `post`."""

    pools = Pools(context)

    async def choose(group: DailyGroup, day: date) -> tuple[str, str]:
        return await choose_problem(context, group.group_id, group.ref, group.settings, day, pools)

    async def render(group: DailyGroup, row: PostRow) -> Reply:
        return await render_post(context, group.group_id, row.local_date, from_json(row.problem))

    async def send(group: DailyGroup, reply: Reply, key: str) -> str:
        channel = group.settings.channel or group.ref.channel
        return await post(replace(group.ref, channel=channel), reply, key)

    return DailyRunner(context.store, context.clock, choose=choose, render=render, send=send)
