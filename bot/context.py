"""What command handlers work with: the content, the store and the clock."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.content import Catalog
from bot.store import Store


@dataclass(frozen=True)
class Context:
    """The services a handler may use, injected by the composition root."""

    catalog: Catalog
    store: Store
    clock: Clock
