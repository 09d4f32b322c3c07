"""/leaderboard: who solved the most daily problems this week, this month or ever."""

from __future__ import annotations

from datetime import timedelta

from bot.challenge import records
from bot.challenge.standing import group_standing
from bot.context import Context
from bot.group_settings import from_strings
from bot.images import leaderboard_images
from bot.messages import Field, Reply, Request, Tone
from bot.options import Args

PERIODS = {"week": 7, "month": 30, "all": None}
SHOWN = 10
MEDALS = ("🥇", "🥈", "🥉")


async def handle(context: Context, request: Request, text: str, args: Args) -> Reply:
    """Answer /leaderboard [week|month|all]."""
    period = (text.strip().lower() or "week").removeprefix("this ")
    if period not in PERIODS:
        return Reply(
            title="Which period?",
            body="`/leaderboard week`, `/leaderboard month` or `/leaderboard all`.",
            tone=Tone.WARNING,
            private=True,
        )
    store = context.store
    group_id = await store.ensure_group(request.group)
    settings = from_strings(await store.settings(group_id))
    zone = settings.zone
    today = context.clock.now().astimezone(zone).date()
    span = PERIODS[period]
    since = today - timedelta(days=span - 1) if span else None
    counted = await records.days_counted(store, group_id, since)
    names = {m[0]: m[2] or m[1] for m in await records.members(store, group_id)}
    ranking = sorted(counted.items(), key=lambda item: (-item[1], names.get(item[0], "")))
    lines = [
        f"{MEDALS[i] if i < len(MEDALS) else f'{i + 1}.'} {names.get(m, '?')}: {_days(n)}"
        for i, (m, n) in enumerate(ranking[:SHOWN])
    ]
    group = await group_standing(context, group_id)
    title = {"week": "this week", "month": "the last 30 days", "all": "all time"}[period]
    rows = [(names.get(m, "?"), n) for m, n in ranking[:SHOWN]]
    images = await leaderboard_images(
        context, rows, title, (group.current, group.longest), settings.theme
    )
    return Reply(
        title=f"Leaderboard: {title}",
        images=images,
        body="\n".join(lines) or "Nobody has solved a daily problem in this period yet.",
        fields=(Field("Group streak", f"{_days(group.current)} (longest {group.longest})"),),
        footer="Days solved before the deadline, or counted by an admin.",
    )


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"
