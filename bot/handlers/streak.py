"""/streak: current and longest streak, freezes and the last 30 days; `history` for the log."""

from __future__ import annotations

from datetime import timedelta

from bot import streaks
from bot.challenge.standing import group_standing, member_standing
from bot.context import Context
from bot.group_settings import from_strings
from bot.handlers.lookup import member_named
from bot.images import calendar_images
from bot.learning import cards
from bot.messages import Field, Reply, Request
from bot.options import Args
from bot.pictures.calendar import first_day

STRIP_DAYS = 30
HISTORY_DAYS = 20
LEGEND = "■ solved (or counted by an admin)  ❄ freeze used  □ missed  ○ still open  · no post"
WORDS = {
    "solved": "solved",
    "fixed": "counted by an admin",
    "frozen": "missed, a freeze kept the streak",
    "missed": "missed, the streak restarted",
    "pending": "open",
}


async def handle(context: Context, request: Request, text: str, args: Args) -> Reply:
    """Answer /streak [member | history]."""
    store = context.store
    group_id = await store.ensure_group(request.group)
    words = text.split()
    typed_history = bool(words) and words[-1].lower() == "history"
    history = typed_history or args.get("show") == "history"
    name = " ".join(words[:-1] if typed_history else words)
    whom = await member_named(store, group_id, name, request.user)
    if isinstance(whom, Reply):
        return whom
    member_id, who = whom
    standing = await member_standing(context, group_id, member_id)
    if history:
        return _history(standing, who)
    settings = from_strings(await store.settings(group_id))
    today = context.clock.now().astimezone(settings.zone).date()
    days = [today - timedelta(days=STRIP_DAYS - 1 - i) for i in range(STRIP_DAYS)]
    group = await group_standing(context, group_id)
    active = [c for c in await cards.cards(store, group_id, member_id) if not c.set_aside]
    due = sum(cards.due_on(c, today, settings.zone) for c in active)
    reviews = f"{due} due today · `/review`" if due else "none due today"
    since = first_day(today)
    states = {e.day: e.outcome for e in standing.timeline if since <= e.day <= today}
    numbers = (standing.current, standing.longest, standing.freezes)
    return Reply(
        images=await calendar_images(context, states, today, numbers, settings.theme),
        title=f"{who}'s streak" if who else "Your streak",
        body=(
            f"Current: {standing.current} · Longest: {standing.longest} · "
            f"Freezes banked: {standing.freezes} of {streaks.FREEZE_BANK}"
        ),
        fields=(
            Field(
                f"Last {STRIP_DAYS} days", f"`{streaks.strip(standing.timeline, days)}`\n{LEGEND}"
            ),
            Field("The group's streak", f"{group.current} (longest {group.longest})"),
            Field(
                "Reviews",
                f"{reviews} ({len(active)} card{'' if len(active) == 1 else 's'} in all;"
                " reviews never count for streaks)",
            ),
        ),
        footer=f"Every {streaks.FREEZE_EVERY}th day of a streak earns a freeze (you can bank "
        f"{streaks.FREEZE_BANK}); one is spent on a missed day. `/streak history` shows how "
        "the streak came about.",
    )


def _history(standing: streaks.MemberStreak, who: str) -> Reply:
    lines = []
    for entry in standing.timeline[-HISTORY_DAYS:]:
        line = f"{entry.day.isoformat()} {WORDS[entry.outcome]} · streak {entry.streak}"
        if entry.freeze == "earned":
            line += " · earned a freeze"
        elif entry.freeze == "lost":
            line += " · a freeze was earned but the bank was full"
        for fix in entry.fixes:
            line += f" · fixed by {fix.by or 'an admin'}" + (f" ({fix.note})" if fix.note else "")
        lines.append(line)
    return Reply(
        title=f"{who}'s streak history" if who else "Your streak history",
        body="\n".join(lines) or "No daily problems yet.",
        footer="Every streak is recomputed from these days; admins correct a day with "
        "/config streak-fix MEMBER DATE.",
    )
