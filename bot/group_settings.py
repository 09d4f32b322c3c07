"""A study group's settings: typed values, their defaults, and parsing what an admin types."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from datetime import date, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.options import OptionError

_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$", re.IGNORECASE)
_RANGE = re.compile(r"^([123])(?:\s*-\s*([123]))?$")


@dataclass(frozen=True)
class GroupSettings:
    """How one group runs its daily challenge."""

    channel: str = ""  # where the daily problem goes; "" means the group's own channel
    time: time = time(9, 0)
    timezone: str = "UTC"
    difficulty: tuple[int, int] = (1, 3)
    track: str = ""  # a roadmap id; "" means every topic
    topics: tuple[str, ...] = ()  # explicit topics, used when set (overrides the track)
    daily: bool = False  # off until an admin configures the group
    threshold: int = 2  # members who must solve for the group's streak to count a day
    weeks: int = 0  # with a track: the length of the group's plan; 0 means no plan
    start: date | None = None  # the plan's first day
    background: str = ""  # the plan's background; "" means the track's default
    recap: bool = True  # the weekly recap, posted while the daily problem is on

    @property
    def has_plan(self) -> bool:
        """Whether the group follows a week-by-week plan of its track."""
        return bool(self.track and self.weeks and self.start)

    theme: str = "light"  # the pictures' card: light (the default) or dark

    @property
    def zone(self) -> ZoneInfo:
        """The timezone as an object."""
        return ZoneInfo(self.timezone)

    def group_threshold(self, members: int) -> int:
        """K for the group streak: the setting, but 1 for groups under 3 members."""
        return 1 if members < 3 else self.threshold

    def to_strings(self) -> dict[str, str]:
        """The values as stored in group_settings."""
        return {
            "channel": self.channel,
            "time": self.time.strftime("%H:%M"),
            "timezone": self.timezone,
            "difficulty": f"{self.difficulty[0]}-{self.difficulty[1]}",
            "track": self.track,
            "topics": ",".join(self.topics),
            "daily": "on" if self.daily else "off",
            "threshold": str(self.threshold),
            "weeks": str(self.weeks) if self.weeks else "",
            "start": self.start.isoformat() if self.start else "",
            "background": self.background,
            "recap": "on" if self.recap else "off",
            "theme": self.theme,
        }


def from_strings(stored: dict[str, str]) -> GroupSettings:
    """Settings from stored strings; unknown keys are ignored, bad values fall back to defaults."""
    settings = GroupSettings()
    for key, value in stored.items():
        if key in SETTING_KEYS and value != "":
            try:
                settings = apply(settings, key, value)
            except OptionError:
                continue  # a value written by an older version; keep the default
    return settings


SETTING_KEYS = (
    "channel",
    "time",
    "timezone",
    "difficulty",
    "track",
    "topics",
    "daily",
    "threshold",
    "weeks",
    "start",
    "background",
    "recap",
    "theme",
)
BACKGROUNDS = ("none", "some", "strong")


def apply(settings: GroupSettings, key: str, raw: str) -> GroupSettings:
    """`settings` with `key` set from what an admin typed; OptionError explains a bad value."""
    value = raw.strip()
    if key == "time":
        return replace(settings, time=parse_time(value))
    if key == "timezone":
        return replace(settings, timezone=parse_timezone(value))
    if key == "difficulty":
        return replace(settings, difficulty=parse_difficulty(value))
    if key in ("daily", "recap"):
        if value.lower() not in {"on", "off"}:
            raise OptionError(f"`{key}:` is `on` or `off`, not `{value[:20]}`.")
        return replace(settings, **{key: value.lower() == "on"})
    if key == "weeks":
        if not value.isdigit() or not 1 <= int(value) <= 104:
            raise OptionError(f"`weeks:` is a number of weeks from 1 to 104, not `{value[:20]}`.")
        return replace(settings, weeks=int(value))
    if key == "start":
        try:
            return replace(settings, start=date.fromisoformat(value))
        except ValueError:
            raise OptionError(f"`start:` is a date like 2026-12-07, not `{value[:20]}`.") from None
    if key == "background":
        if value.lower() not in BACKGROUNDS:
            raise OptionError(f"`background:` is none, some or strong, not `{value[:20]}`.")
        return replace(settings, background=value.lower())
    if key == "threshold":
        if not value.isdigit() or not 1 <= int(value) <= 50:
            raise OptionError(
                f"`threshold:` is a number of members from 1 to 50, not `{value[:20]}`."
            )
        return replace(settings, threshold=int(value))
    if key == "theme":
        if value.lower() not in {"light", "dark"}:
            raise OptionError(f"`theme:` is `light` or `dark`, not `{value[:20]}`.")
        return replace(settings, theme=value.lower())
    if key == "channel":
        return replace(settings, channel=value.lstrip("#<@>").rstrip(">")[:100])
    if key == "track":
        return replace(settings, track=value.lower(), topics=())
    if key == "topics":
        topics = tuple(t.strip().lower() for t in value.split(",") if t.strip())
        return replace(settings, topics=topics, track="" if topics else settings.track)
    raise OptionError(f"There is no `{key}:` setting.")


def parse_time(value: str) -> time:
    """`09:00`, `9`, `7pm`, `18:30` as a time of day."""
    match = _TIME.match(value)
    if not match:
        raise OptionError(f"`time:` takes a time of day like `09:00` or `7pm`, not `{value[:20]}`.")
    hour, minute, half = int(match[1]), int(match[2] or 0), (match[3] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise OptionError(f"`{value}` is not a time: with am/pm the hour is 1 to 12.")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise OptionError(f"`{value}` is not a time of day: hours go to 23, minutes to 59.")
    return time(hour, minute)


@functools.cache
def _known_zones() -> dict[str, str]:
    """Every IANA name by its lower-case form (reading them all takes ~13 ms)."""
    return {name.lower(): name for name in available_timezones()}


def parse_timezone(value: str) -> str:
    """An IANA timezone name, matched without regard to case; typos get suggestions."""
    known = _known_zones()
    name = known.get(value.lower().replace(" ", "_"))
    if name is None and value.upper() in {"UTC", "GMT", "Z"}:
        name = "UTC"
    if name is None:
        import difflib

        close = difflib.get_close_matches(value.lower(), known, n=3, cutoff=0.6)
        hint = f" Did you mean {', '.join(f'`{known[c]}`' for c in close)}?" if close else ""
        raise OptionError(
            f"`{value[:40]}` is not a timezone I know. Use an IANA name like "
            f"`Europe/Berlin` or `America/New_York`.{hint}"
        )
    try:
        ZoneInfo(name)
    except ZoneInfoNotFoundError:
        raise OptionError(f"`{value[:40]}` is not a timezone I know.") from None
    return name


def parse_difficulty(value: str) -> tuple[int, int]:
    """`2` or `1-2` as an inclusive range of difficulties."""
    match = _RANGE.match(value)
    if not match:
        raise OptionError(f"`difficulty:` takes 1, 2, 3 or a range like `1-2`, not `{value[:20]}`.")
    low, high = int(match[1]), int(match[2] or match[1])
    if low > high:
        raise OptionError(f"`difficulty:{value}` runs backwards; write `{high}-{low}`.")
    return (low, high)
