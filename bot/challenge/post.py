"""The daily post: which problem a group gets on a day, and the message that carries it."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import date, datetime

from bot.challenge import records
from bot.challenge.draw import make_problem
from bot.challenge.show import problem_fields
from bot.context import Context
from bot.daily import DailyGroup, DailyRunner, PostRow
from bot.group_plan import daily_topics, group_plan
from bot.group_settings import GroupSettings
from bot.images import card_images
from bot.messages import ANSWER_BUTTON, Button, Field, GroupRef, Reply
from bot.planning import Plan
from bot.problems.model import Problem
from bot.problems.pick import Pick, pick, pool, pool_topics, variant_seed
from bot.problems.snapshot import from_json, to_json

SOLUTION_PREVIEW = 900  # characters of yesterday's solution shown in the post

# An adapter's way to post a message to a group's channel; returns the platform message id.
PostToGroup = Callable[[GroupRef, Reply, str], Awaitable[str]]
# An adapter's way to find the post sent under a key since a moment: its id, or None.
FindInGroup = Callable[[GroupRef, str, datetime], Awaitable[str | None]]


def group_key(group: GroupRef) -> str:
    """The stable key that seeds a group's variants."""
    return f"{group.platform}:{group.workspace}:{group.channel}"


def candidates(
    context: Context, settings: GroupSettings, topics: frozenset[str] = frozenset()
) -> list[str]:
    """The ids a group's daily problem is drawn from; widens the pool rather than post nothing.

    `topics`, a plan day's, narrow the pool when any problem fits them.
    """
    if topics:
        found = pool(context.bank, set(topics), settings.difficulty) or pool(
            context.bank, set(topics), (1, 3)
        )
        if found:
            return found
    every = pool_topics(context.catalog, settings)
    return (
        pool(context.bank, every, settings.difficulty)
        or pool(context.bank, every, (1, 3))
        or pool(context.bank, set(context.catalog.topics), (1, 3))
    )


def plan_topics(context: Context, group: DailyGroup, day: date) -> frozenset[str]:
    """The topics of the group's plan for `day`; empty without a plan."""
    plan = group_plan(context.catalog, group.settings)
    if plan is None:
        return frozenset()
    return daily_topics(plan, group.settings, day, variant_seed(group_key(group.ref), day))


class Pools:
    """`candidates` remembered per settings and plan day: the content never changes."""

    def __init__(self, context: Context) -> None:
        self._context = context
        self._known: dict[tuple[object, ...], list[str]] = {}
        self._plans: dict[tuple[object, ...], Plan | None] = {}

    def __call__(self, group: DailyGroup, day: date) -> list[str]:
        settings = group.settings
        topics = frozenset[str]()
        if settings.has_plan:
            plan_key = (settings.track, settings.weeks, settings.background)
            if plan_key not in self._plans:
                self._plans[plan_key] = group_plan(self._context.catalog, settings)
            plan = self._plans[plan_key]
            if plan is not None:
                seed = variant_seed(group_key(group.ref), day)
                topics = daily_topics(plan, settings, day, seed)
        key = (settings.topics, settings.track, settings.difficulty, topics)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = candidates(self._context, settings, topics)
        return found


async def choose_problems(
    context: Context,
    wanted: Sequence[tuple[DailyGroup, date]],
    pools: Callable[[DailyGroup, date], list[str]] | None = None,
) -> list[tuple[str, str] | Exception]:
    """(problem id, frozen JSON) for each (group, day), or why not; `pools` may remember pools.

    A group with a plan draws from its plan's topics for the day (group_plan.daily_topics).

    One read for every group's used problems; the variants are made by the workers at once.
    """
    drawn_from = pools or (
        lambda group, day: candidates(context, group.settings, plan_topics(context, group, day))
    )
    used = await records.used_problem_ids(context.store, {group.group_id for group, _ in wanted})
    picks: list[Pick | Exception] = []
    for group, day in wanted:
        try:
            picked = pick(
                context.bank,
                drawn_from(group, day),
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


def daily_runner(context: Context, post: PostToGroup, find: FindInGroup) -> DailyRunner:
    """The runner that posts each group's daily problem through `post`, looking with `find`
    before it sends again a post that may have arrived."""

    pools = Pools(context)

    async def choose(
        wanted: Sequence[tuple[DailyGroup, date]],
    ) -> list[tuple[str, str] | Exception]:
        return await choose_problems(context, wanted, pools)

    async def render(held: Sequence[tuple[DailyGroup, PostRow]]) -> list[Reply | Exception]:
        return await render_posts(context, held)

    def channel_of(group: DailyGroup) -> GroupRef:
        return replace(group.ref, channel=group.settings.channel or group.ref.channel)

    async def send(group: DailyGroup, reply: Reply, key: str) -> str:
        return await post(channel_of(group), reply, key)

    async def look(group: DailyGroup, row: PostRow) -> str | None:
        return await find(channel_of(group), row.key, row.slot_at)

    return DailyRunner(
        context.store, context.clock, choose=choose, render=render, send=send, find=look
    )
