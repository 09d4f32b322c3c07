"""The bot process's side: ask the workers for a picture and wrap it as a reply's Image."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from bot.context import Context
from bot.mathtext import readable
from bot.messages import Image
from bot.pictures.card import has_math


async def _image(
    context: Context,
    kind: str,
    theme: str,
    payload: dict[str, Any],
    alt: Callable[[], str],
    wait: bool,
) -> tuple[Image, ...]:
    if context.workers is None:
        return ()
    data = await context.workers.picture(kind, theme, payload, wait=wait)
    return (Image(data, alt=alt(), name=f"{kind}.png"),) if data else ()


async def card_images(
    context: Context, statement: str, theme: str, *, wait: bool = True
) -> tuple[Image, ...]:
    """The statement's math card (alt text: the readable statement), if it has math."""
    if not has_math(statement):
        return ()
    return await _image(
        context, "card", theme, {"text": statement}, lambda: readable(statement), wait
    )


async def calendar_images(
    context: Context,
    states: dict[date, str],
    today: date,
    numbers: tuple[int, int, int],
    theme: str,
) -> tuple[Image, ...]:
    """The streak calendar of (current, longest, freezes) and the days' states."""
    current, longest, freezes = numbers
    payload = {
        "states": {day.isoformat(): state for day, state in sorted(states.items())},
        "today": today.isoformat(),
        "current": current,
        "longest": longest,
        "freezes": freezes,
    }
    alt = (
        f"Streak calendar of the last 12 weeks: current {current}, longest {longest}, "
        f"{freezes} freezes banked."
    )
    return await _image(context, "calendar", theme, payload, lambda: alt, True)


async def leaderboard_images(
    context: Context, rows: list[tuple[str, int]], period: str, group: tuple[int, int], theme: str
) -> tuple[Image, ...]:
    """The leaderboard chart of (name, solved) rows and the group's (current, longest) streak."""
    payload = {"rows": rows, "period": period, "group_current": group[0], "group_longest": group[1]}
    alt = f"Top solvers {period}: " + (", ".join(f"{n} {c}" for n, c in rows) or "none yet")
    return await _image(context, "leaderboard", theme, payload, lambda: alt, True)


async def progress_images(
    context: Context, topics: list[tuple[str, str]], title: str, theme: str
) -> tuple[Image, ...]:
    """The progress map of (topic name, state) tiles in the track's order."""
    counts: dict[str, int] = {}
    for _, state in topics:
        counts[state] = counts.get(state, 0) + 1
    alt = f"{title}: a map of {len(topics)} topics, " + ", ".join(
        f"{count} {state}" for state, count in counts.items()
    )
    payload = {"topics": topics, "title": title}
    return await _image(context, "progress", theme, payload, lambda: alt, True)
