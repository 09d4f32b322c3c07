"""A member's and a group's streaks, recomputed from the stored events by the pure engine."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot import streaks
from bot.challenge import records
from bot.context import Context
from bot.group_settings import from_strings


async def member_standing(
    context: Context, group_id: int, member_id: int, zone: ZoneInfo | None = None
) -> streaks.MemberStreak:
    """The member's streak as of now; `zone` is the group's, when the caller has read it."""
    store = context.store
    if zone is None:
        zone = from_strings(await store.settings(group_id)).zone
    posted, solved, fixed = await records.member_streak_days(store, group_id, member_id)
    return streaks.member_streak(
        posted, solved, fixed, open_from=streaks.first_open_day(context.clock.now(), zone)
    )


async def group_standing(context: Context, group_id: int) -> streaks.GroupStreak:
    """The group's streak as of now."""
    store = context.store
    settings = from_strings(await store.settings(group_id))
    size = len(await records.members(store, group_id))
    return streaks.group_streak(
        await records.posted_days(store, group_id),
        await records.solvers_per_day(store, group_id),
        settings.group_threshold(size),
        open_from=streaks.first_open_day(context.clock.now(), settings.zone),
    )
