"""The task a worker runs for a picture: the kind's pure function on plain data."""

from __future__ import annotations

from datetime import date
from typing import Any

KINDS = ("card", "calendar", "leaderboard", "progress")


def draw(kind: str, theme: str, payload: dict[str, Any]) -> bytes:
    """The PNG of one picture; `payload` is JSON-like data (it is also the cache key)."""
    if kind == "card":
        from bot.pictures.card import math_card

        return math_card(payload["text"], theme)
    if kind == "calendar":
        from bot.pictures.calendar import streak_calendar

        states = {date.fromisoformat(day): state for day, state in payload["states"].items()}
        return streak_calendar(
            states,
            date.fromisoformat(payload["today"]),
            current=payload["current"],
            longest=payload["longest"],
            freezes=payload["freezes"],
            theme=theme,
        )
    if kind == "leaderboard":
        from bot.pictures.chart import leaderboard_chart

        return leaderboard_chart(
            [(name, count) for name, count in payload["rows"]],
            period=payload["period"],
            group_current=payload["group_current"],
            group_longest=payload["group_longest"],
            theme=theme,
        )
    if kind == "progress":
        from bot.pictures.progress import progress_map

        topics = [(name, state) for name, state in payload["topics"]]
        return progress_map(topics, title=payload["title"], theme=theme)
    raise LookupError(f"no picture kind {kind!r}")


def warm() -> None:
    """Load the renderers and the math font once, in the fork server."""
    from bot.pictures.card import math_card

    math_card("$x^2$")
