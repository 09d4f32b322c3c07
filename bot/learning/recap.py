"""The weekly recap: the group's last seven days, and where the plan goes next."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from bot.challenge import records
from bot.challenge.post import FindInGroup, PostToGroup, daily_runner
from bot.challenge.standing import group_standing
from bot.context import Context
from bot.daily import DailyGroup
from bot.group_plan import group_plan, position
from bot.images import leaderboard_images
from bot.learning.recap_runner import RecapRunner, WithRecaps
from bot.messages import Field, Reply
from bot.problems.pick import base_id
from bot.streaks import day_start

TOP = 3


async def recap_reply(context: Context, group: DailyGroup, monday: date) -> Reply:
    """The recap posted on `monday` of the seven days before it."""
    store, catalog = context.store, context.catalog
    first, last = monday - timedelta(days=7), monday - timedelta(days=1)
    days = [first + timedelta(days=n) for n in range(7)]
    standing = await group_standing(context, group.group_id)
    counted = [d.day for d in standing.timeline if first <= d.day <= last and d.outcome == "solved"]
    rows = await store.fetch_all(
        "SELECT local_date, member_id FROM streak_events WHERE group_id = ? AND kind = 'solved'"
        " AND local_date BETWEEN ? AND ?",
        (group.group_id, first.isoformat(), last.isoformat()),
    )
    per_day = {d: set() for d in days}
    per_member: dict[int, set[date]] = {}
    for day, member_id in rows:
        per_day[date.fromisoformat(day)].add(int(member_id))
        per_member.setdefault(int(member_id), set()).add(date.fromisoformat(day))
    names = {m: n for m, _, n in await records.members(store, group.group_id)}
    top = sorted(per_member.items(), key=lambda kv: (-len(kv[1]), names.get(kv[0], "")))[:TOP]
    zone = group.settings.zone
    missed = await store.fetch_all(
        "SELECT problem_id, count(*) FROM submissions WHERE group_id = ? AND correct = 0"
        " AND at >= ? AND at < ? GROUP BY problem_id",
        (
            group.group_id,
            day_start(first, zone).isoformat(timespec="seconds"),
            day_start(monday, zone).isoformat(timespec="seconds"),
        ),
    )
    by_topic: dict[str, int] = {}
    for problem_id, wrong in missed:
        item = base_id(str(problem_id))
        found = context.bank.problems.get(item) or context.bank.templates.get(item)
        if found is not None:
            by_topic[found.topics[0]] = by_topic.get(found.topics[0], 0) + int(wrong)
    fields = [
        Field(
            "Solves per day",
            " · ".join(f"{d:%a} {len(per_day[d])}" for d in days),
        ),
        Field(
            "Top solvers",
            "\n".join(
                f"{i}. {names.get(m, 'someone')}: {len(ds)} day{'s' if len(ds) != 1 else ''}"
                for i, (m, ds) in enumerate(top, start=1)
            )
            or "Nobody solved a daily problem this week: this week is a fresh start.",
        ),
    ]
    if by_topic:
        topic = max(sorted(by_topic), key=by_topic.__getitem__)
        name = catalog.topics[topic].name if topic in catalog.topics else topic
        fields.append(
            Field(
                "Most missed",
                f"{name} ({by_topic[topic]} wrong answers): `/resource {topic.replace('-', ' ')}`"
                f" has the best material, and `/review` brings back what you missed.",
            )
        )
    fields.append(Field("This week", _next_step(context, group, monday)))
    solvers = [(names.get(m, "someone"), len(ds)) for m, ds in top]
    chart = (standing.current, standing.longest)
    return Reply(
        title=f"Weekly recap · {first:%d %B} to {last:%d %B}",
        body=f"The group streak counted {len(counted)} of 7 days (it is {standing.current} now).",
        fields=tuple(fields),
        images=await leaderboard_images(
            context, solvers, "last week (days solved)", chart, group.settings.theme
        ),
        footer="/progress shows where you stand · /config recap:off stops the recap",
    )


def _next_step(context: Context, group: DailyGroup, monday: date) -> str:
    """The plan's step for the week starting on `monday`."""
    settings, catalog = group.settings, context.catalog
    plan = group_plan(catalog, settings)
    if plan is None:
        return "No plan yet: an admin sets one with `/config track:job weeks:8`."
    where = position(settings, monday)
    if where.finished:
        return "The plan is done: daily problems now come from the whole track."
    week = plan.weeks[where.week - 1]
    lines = [f"Week {where.week} of {where.of}:"] + [
        f"• {catalog.topics[part.step.topic].name}: {part.step.focus}" for part in week.topics
    ]
    return "\n".join(lines)


def with_recaps(context: Context, post: PostToGroup, find: FindInGroup) -> WithRecaps:
    """The daily runner posting through `post` (looking with `find` before it sends again a
    post that may have arrived), with the weekly recaps at the same wake-ups."""

    async def render(group: DailyGroup, monday: date) -> Reply:
        return await recap_reply(context, group, monday)

    async def send(group: DailyGroup, reply: Reply, key: str) -> str:
        channel = group.settings.channel or group.ref.channel
        return await post(replace(group.ref, channel=channel), reply, key)

    recaps = RecapRunner(context.store, context.clock, render=render, send=send)
    return WithRecaps(daily_runner(context, post, find), recaps, context.store)
