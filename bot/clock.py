"""The one source of time: the system clock in production, a manual one in the console and tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the current time as an aware UTC datetime."""

    def now(self) -> datetime: ...


class SystemClock:
    """Real time."""

    def now(self) -> datetime:
        """The current UTC time."""
        return datetime.now(UTC)


class ManualClock:
    """Time that moves only when told: the console's simulated clock and the tests' clock."""

    def __init__(self, start: datetime) -> None:
        self._now = as_utc(start)

    def now(self) -> datetime:
        """The simulated time."""
        return self._now

    def advance(self, delta: timedelta) -> datetime:
        """Move forward by `delta`; time never runs backwards."""
        if delta < timedelta(0):
            raise ValueError("the clock only moves forward")
        self._now += delta
        return self._now

    def set(self, moment: datetime) -> datetime:
        """Move forward to `moment`."""
        return self.advance(as_utc(moment) - self._now)


def as_utc(moment: datetime) -> datetime:
    """Read a naive datetime as UTC; convert an aware one to UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
