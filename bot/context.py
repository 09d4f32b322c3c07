"""What command handlers work with: content, problems, the store, the clock and the workers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.checker.verdict import Verdict
from bot.clock import Clock
from bot.content import Catalog
from bot.problems.model import Problem
from bot.problems.pick import Bank
from bot.store import Store


class MathWorkers(Protocol):
    """Runs sympy and the pictures away from the event loop (bot.workers.Workers)."""

    async def check(
        self, expected: str, submitted: str, *, kind: str | None = None, **options: Any
    ) -> Verdict: ...

    async def diagnose(
        self,
        expected: str,
        submitted: str,
        mistakes: Sequence[str] = (),
        *,
        kind: str | None = None,
        **options: Any,
    ) -> tuple[Verdict, int | None]: ...

    async def variant(self, template_id: str, seed: int) -> Problem: ...

    async def picture(
        self, kind: str, theme: str, payload: dict[str, Any], *, wait: bool = True
    ) -> bytes | None: ...


async def _no_schedule(group_id: int) -> None:
    return None


@dataclass(frozen=True)
class Context:
    """The services a handler may use, injected by the composition root."""

    catalog: Catalog
    store: Store
    clock: Clock
    bank: Bank = field(default_factory=lambda: Bank({}, {}))
    workers: MathWorkers | None = None
    # Called after a group's daily settings change, so its next post is rescheduled.
    reschedule: Callable[[int], Awaitable[None]] = _no_schedule
