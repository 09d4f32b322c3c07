"""Suggestions while a member types an option: topics, timezones, tracks (at most 25, fuzzy)."""

from __future__ import annotations

import difflib
import zoneinfo
from collections.abc import Iterable, Sequence
from functools import cache

from bot.content import Catalog
from bot.content.names import compact, normalize

LIMIT = 25  # Discord shows at most 25 choices
CHOICE = 100  # characters in a choice's name and value
POPULAR_ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Warsaw",
    "Europe/Istanbul",
    "Africa/Lagos",
    "Africa/Nairobi",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "America/Sao_Paulo",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
)

Suggestion = tuple[str, str]  # (what the member sees, the value sent)


def rank(query: str, entries: Iterable[tuple[Suggestion, Sequence[str]]]) -> list[Suggestion]:
    """Suggestions whose keys match `query`: prefixes first, then words, inner text, typos."""
    wanted = compact(query)
    scored: list[tuple[float, int, Suggestion]] = []
    for order, (suggestion, keys) in enumerate(entries):
        score = min(_score(wanted, key) for key in keys) if wanted else 0.0
        if score < 4:
            scored.append((score, order, suggestion))
    scored.sort()
    unique = dict.fromkeys(suggestion for _, _, suggestion in scored)
    return list(unique)[:LIMIT]


def _score(wanted: str, key: str) -> float:
    folded = compact(key)
    if folded.startswith(wanted):
        return 0
    if any(word.startswith(wanted) for word in normalize(key).split()):
        return 1
    if wanted in folded:
        return 2
    similarity = difflib.SequenceMatcher(None, wanted, folded[: len(wanted) + 2]).ratio()
    return 3 + (1 - similarity) if similarity >= 0.75 else 4


def topics(catalog: Catalog, current: str) -> list[Suggestion]:
    """Topic and area names for `current`; after a comma, completes the last name of a list."""
    head, comma, last = current.rpartition(",")
    prefix = f"{head.strip()}, " if comma else ""
    entries = [
        ((area.name, area.name), (area.name, area.id, *area.aliases))
        for area in catalog.areas.values()
    ] + [
        ((topic.name, topic.name), (topic.name, topic.id, *topic.aliases))
        for topic in catalog.topics.values()
    ]
    found = [(name[:CHOICE], prefix + value) for name, value in rank(last, entries)]
    return [(name, value) for name, value in found if len(value) <= CHOICE]


def timezones(current: str) -> list[Suggestion]:
    """IANA timezone names for `current`; popular ones when nothing is typed yet."""
    if not compact(current):
        return [(zone, zone) for zone in POPULAR_ZONES]
    return rank(current, (((zone, zone), (zone,)) for zone in _zones()))


def tracks(catalog: Catalog, current: str) -> list[Suggestion]:
    """The study tracks, and `all`."""
    entries: list[tuple[Suggestion, tuple[str, ...]]] = [
        ((f"{track.id}: {track.name}", track.id), (track.id, track.name, track.goal))
        for track in catalog.roadmaps.values()
    ]
    entries.append((("all: every topic", "all"), ("all",)))
    return [(name[:CHOICE], value) for name, value in rank(current, entries)]


@cache
def _zones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))
