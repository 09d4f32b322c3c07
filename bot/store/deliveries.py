"""The platform deliveries that acted, so that a replay acts no more."""

from __future__ import annotations

import json
from datetime import datetime

from bot.clock import as_utc
from bot.store.db import Store

Claim = tuple[str, str, datetime]  # platform, delivery id, when it arrived


async def claim(store: Store, platform: str, delivery: str, now: datetime) -> bool:
    """Record that a delivery acted; False when it was recorded before."""
    return (await claim_many(store, [(platform, delivery, now)]))[0]


async def claim_many(store: Store, claims: list[Claim]) -> list[bool]:
    """Record each delivery in one statement; whether each was new.

    The same delivery twice in one batch counts as new twice: callers send each once.
    """
    wanted = [(platform, delivery, _stamp(at)) for platform, delivery, at in claims]
    rows = await store.write(
        "INSERT INTO deliveries (platform, delivery, at) SELECT json_extract(value, '$[0]'),"
        " json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?) WHERE true"
        " ON CONFLICT DO NOTHING RETURNING platform, delivery",
        (json.dumps(wanted),),
    )
    new = {(str(platform), str(delivery)) for platform, delivery in rows}
    return [(platform, delivery) in new for platform, delivery, _ in claims]


async def forget_before(store: Store, before: datetime) -> None:
    """Delete the deliveries recorded before `before`: no platform replays that late."""
    await store.write("DELETE FROM deliveries WHERE at < ?", (_stamp(before),))


def _stamp(moment: datetime) -> str:
    return as_utc(moment).isoformat(timespec="seconds")
