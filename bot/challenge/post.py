"""The daily post: which problem a group gets on a day, and the message that carries it."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import date

from bot.challenge import records
from bot.challenge.draw import make_problem
from bot.challenge.show import problem_fields
from bot.context import Context
from bot.daily import DailyGroup, DailyRunner, PostRow
from bot.group_settings import GroupSettings
from bot.messages import ANSWER_BUTTON, Button, Field, GroupRef, Reply
from bot.pictures.attach import card_images
from bot.problems.model import Problem
from bot.problems.pick import Pick, pick, pool, pool_topics
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


async def choose_problems(
    context: Context,
    wanted: Sequence[tuple[DailyGroup, date]],
    pools: Callable[[GroupSettings], list[str]] | None = None,
) -> list[tuple[str, str] | Exception]:
    """(problem id, frozen JSON) for each (group, day), or why not; `pools` may remember pools.

    One read for every group's used problems; the variants are made by the workers at once.
    """
    drawn_from = pools or (lambda settings: candidates(context, settings))
    used = await records.used_problem_ids(context.store, {group.group_id for group, _ in wanted})
    picks: list[Pick | Exception] = []
    for group, day in wanted:
        try:
            picked = pick(
                context.bank,
                drawn_from(group.settings),
                used[group.group_id],
                group_key(group.ref),
                day,
            )
        except Exception as error:
            picks.append(error)
            continue
        used[group.group_id].append(picked.item_id)  # a second day of the group sees this one
        picks.append(picked)
    themes = [group.settings.theme for group, _ in wanted]
    made = await asyncio.gather(
        *(
            _snapshot(context, p, theme)
            for p, theme in zip(picks, themes, strict=True)
            if not isinstance(p, Exception)
        ),
        return_exceptions=True,
    )
    results = iter(made)
    return [p if isinstance(p, Exception) else _result(next(results)) for p in picks]


async def _snapshot(context: Context, picked: Pick, theme: str) -> tuple[str, str]:
    """The picked problem's id and frozen JSON; its math card starts drawing for the post."""
    if picked.item_id in context.bank.problems:  # the same few hundred problems, day after day
        problem = context.bank.problems[picked.item_id]
        frozen = _frozen(problem)
    else:
        problem = await make_problem(context, picked)
        frozen = to_json(problem)
    await card_images(context, problem.statement, theme, wait=False)
    return problem.id, frozen


def _result(made: tuple[str, str] | BaseException) -> tuple[str, str] | Exception:
    """A gathered result; a BaseException that is not an Exception (cancellation) goes on."""
    if isinstance(made, BaseException) and not isinstance(made, Exception):
        raise made
    return made


@functools.lru_cache(maxsize=1024)
def _frozen(problem: Problem) -> str:
    """A hand-written problem's JSON, made once."""
    return to_json(problem)


async def render_posts(
    context: Context, held: Sequence[tuple[DailyGroup, PostRow]]
) -> list[Reply | Exception]:
    """The message of each claimed post, with yesterday's solution (one read for all)."""
    before = await records.solutions_before(
        context.store, [(group.group_id, post.local_date) for group, post in held]
    )
    replies: list[Reply | Exception] = []
    for group, post in held:
        try:
            problem = from_json(post.problem)
            # Only a picture already drawn: a post never waits for one.
            images = await card_images(context, problem.statement, group.settings.theme, wait=False)
            reply = post_message(
                context, post.local_date, problem, before.get((group.group_id, post.local_date))
            )
            replies.append(replace(reply, images=images))
        except Exception as error:
            replies.append(error)
    return replies


def post_message(
    context: Context, day: date, problem: Problem, before: records.Solved | None
) -> Reply:
    """The daily message: the problem, how to answer, and yesterday's worked solution."""
    fields = list(problem_fields(context.catalog, problem))
    if before is not None:
        solution = before.solution
        if len(solution) > SOLUTION_PREVIEW:
            solution = solution[:SOLUTION_PREVIEW].rsplit(" ", 1)[0] + " …"
        fields.append(
            Field(
                f"Yesterday's solution ({before.solvers} solved it)",
                f"{solution}\n\nAnswer: `{before.answer}`",
                spoiler=True,
            )
        )
    return Reply(
        title=f"Daily problem · {day:%A %d %B}",
        body=problem.statement,
        fields=tuple(fields),
        buttons=(ANSWER_BUTTON, Button("Hint", command="/hint")),
        footer="Answers are private. Solve it by midnight (plus an hour) to keep your streak.",
    )


def daily_runner(context: Context, post: PostToGroup) -> DailyRunner:
    """The runner that posts each group's daily problem through `post`."""

    pools = Pools(context)

    async def choose(
        wanted: Sequence[tuple[DailyGroup, date]],
    ) -> list[tuple[str, str] | Exception]:
        return await choose_problems(context, wanted, pools)

    async def render(held: Sequence[tuple[DailyGroup, PostRow]]) -> list[Reply | Exception]:
        return await render_posts(context, held)

    async def send(group: DailyGroup, reply: Reply, key: str) -> str:
        channel = group.settings.channel or group.ref.channel
        return await post(replace(group.ref, channel=channel), reply, key)

    return DailyRunner(context.store, context.clock, choose=choose, render=render, send=send)
