"""/config: show the group's daily settings; admins change them, or correct a streak day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.challenge import records
from bot.challenge.members import find_member
from bot.content import Catalog
from bot.context import Context
from bot.group_plan import group_plan, plan_line
from bot.group_settings import SETTING_KEYS, GroupSettings, apply, from_strings
from bot.messages import Field, Reply, Request, Tone
from bot.options import Args, OptionError


async def load_settings(context: Context, group_id: int) -> GroupSettings:
    """The group's settings, defaults filled in."""
    return from_strings(await context.store.settings(group_id))


async def handle(context: Context, request: Request, text: str, args: Args) -> Reply:
    """Answer /config."""
    store = context.store
    group_id = await store.ensure_group(request.group)
    if text.split(" ", 1)[0].lower() == "streak-fix":
        return await streak_fix(context, request, group_id, text.split(" ", 1)[1:])
    if text:
        return _refuse(f"`/config` takes settings as key:value, not “{text[:40]}”.")
    current = await load_settings(context, group_id)
    if not args:
        return show(current, request, context.catalog)
    if not request.is_admin:
        return _refuse("Only group admins can change the settings. `/config` shows them.")
    stored = await store.settings(group_id)
    changed = current
    try:
        for key, value in args.items():
            changed = apply(changed, key, _normalize(context, key, str(value)))
    except OptionError as exc:
        return _refuse(f"{exc}\n\nNothing was changed.")
    if "daily" not in args and "daily" not in stored:
        changed = _with_daily_on(changed)  # configuring a group starts its daily problem
    if changed.weeks and changed.start is None:  # a plan starts the day it is set
        changed = replace(changed, start=context.clock.now().astimezone(changed.zone).date())
    if "weeks" in args and not changed.track:
        return _refuse("A plan follows a track: add `track:job` (or another track) to `weeks:`.")
    member_id = await store.ensure_member(group_id, request.user)
    values = changed.to_strings()
    if "configured_by" not in stored:
        values["configured_by"] = str(member_id)
    await store.put_settings(group_id, values, by=member_id)
    await context.reschedule(group_id)
    reply = show(changed, request, context.catalog)
    return Reply(
        title="Settings saved",
        body=reply.body,
        fields=reply.fields,
        tone=Tone.SUCCESS,
    )


def _normalize(context: Context, key: str, value: str) -> str:
    """Check references to content (tracks, topics) that the settings module cannot see."""
    if key == "track":
        if value.lower() in {"all", "none", ""}:
            return ""
        if value.lower() not in context.catalog.roadmaps:
            tracks = ", ".join(context.catalog.roadmaps)
            raise OptionError(f"`track:{value[:30]}` is not a track; choose {tracks} or all.")
    if key == "topics":
        from bot.content.names import find

        ids = []
        for name in value.split(","):
            found = find(context.catalog, name) if name.strip() else None
            if found is None or found in context.catalog.areas:
                raise OptionError(f"`{name.strip()[:40]}` is not a topic; `/roadmap` lists them.")
            ids.append(found)
        return ",".join(ids)
    return value


def _with_daily_on(settings: GroupSettings) -> GroupSettings:
    return apply(settings, "daily", "on")


def show(settings: GroupSettings, request: Request, catalog: Catalog | None = None) -> Reply:
    """The settings as a reply; with the catalog, the group's plan and where it stands."""
    where = f"#{settings.channel}" if settings.channel else "this channel"
    draws = (
        ", ".join(settings.topics)
        if settings.topics
        else (f"the {settings.track} track" if settings.track else "every topic")
    )
    low, high = settings.difficulty
    lines = {
        "Daily problem": "on" if settings.daily else "off",
        "Posted at": f"{settings.time.strftime('%H:%M')} {settings.timezone}, in {where}",
        "Problems from": f"{draws}, difficulty {low}" + (f" to {high}" if high != low else ""),
        "Group streak": f"counts a day when {settings.threshold} members solve "
        "(1 in groups under 3 members)",
        "Pictures": f"{settings.theme} card",
    }
    plan = group_plan(catalog, settings) if catalog is not None else None
    if catalog is not None and plan is not None:
        lines["Plan"] = plan_line(catalog, settings, plan)
    lines["Weekly recap"] = "Mondays at the daily time" if settings.recap else "off"
    keys = " ".join(f"{k}:" for k in SETTING_KEYS)
    footer = f"Admins change them with /config {keys}" if request.is_admin else ""
    return Reply(
        title="Daily challenge settings",
        body="" if settings.daily else "The daily problem is off: `/config daily:on` starts it.",
        fields=tuple(Field(k, v, inline=True) for k, v in lines.items()),
        footer=footer,
    )


async def streak_fix(context: Context, request: Request, group_id: int, rest: list[str]) -> Reply:
    """`/config streak-fix MEMBER DATE [note]`: count a day as solved for a member."""
    if not request.is_admin:
        return _refuse("Only group admins can correct streaks.")
    words = rest[0].split(maxsplit=2) if rest else []
    if len(words) < 2:
        return _refuse("Write `/config streak-fix MEMBER YYYY-MM-DD [note]`.")
    member = await find_member(context.store, group_id, words[0])
    if member is None:
        return _refuse(f"No member called “{words[0][:40]}” in this group.")
    try:
        day = date.fromisoformat(words[1])
    except ValueError:
        return _refuse(f"`{words[1][:20]}` is not a date like 2026-11-20.")
    if day > context.clock.now().date():
        return _refuse("That day has not happened yet.")
    admin = await context.store.ensure_member(group_id, request.user)
    note = words[2] if len(words) > 2 else ""
    await records.add_fix(context.store, group_id, member[0], day, context.clock.now(), admin, note)
    return Reply(
        title="Streak corrected",
        body=f"{member[2]}'s {day.isoformat()} now counts as solved. It is in "
        f"`/streak history` for everyone to see.",
        tone=Tone.SUCCESS,
    )


def _refuse(message: str) -> Reply:
    return Reply(title="Settings not changed", body=message, tone=Tone.WARNING, private=True)
