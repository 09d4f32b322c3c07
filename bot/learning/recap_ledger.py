"""The recap ledger: one row per group per week, claimed before the recap is sent.

The same discipline as the daily posting ledger (bot/daily/ledger.py), in its own table:
claim (UNIQUE group, week), send with a key that stays the same on every attempt, record.
Every write is durable: a recap a platform accepted cannot be taken back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from bot.clock import as_utc
from bot.store import Store

Status = Literal["claimed", "sent", "failed"]
_COLUMNS = "id, group_id, week_start, slot_at, status, attempts, message_id, claimed_at"


@dataclass(frozen=True)
class RecapRow:
    """One group's recap of one week."""

    id: int
    group_id: int
    week_start: date  # the Monday it is posted on (it looks back on the 7 days before)
    slot_at: datetime
    status: Status
    attempts: int
    message_id: str | None
    claimed_at: datetime

    @property
    def key(self) -> str:
        """The send key, the same for every attempt, so a platform can drop a re-send."""
        return f"studybot-recap-{self.id}"


def _stamp(moment: datetime) -> str:
    return as_utc(moment).isoformat(timespec="seconds")


def _row(row: tuple) -> RecapRow:
    return RecapRow(
        id=int(row[0]),
        group_id=int(row[1]),
        week_start=date.fromisoformat(row[2]),
        slot_at=datetime.fromisoformat(row[3]),
        status=row[4],
        attempts=int(row[5]),
        message_id=row[6],
        claimed_at=datetime.fromisoformat(row[7]),
    )


async def _one(store: Store, sql: str, params: tuple[object, ...]) -> RecapRow | None:
    rows = await store.write(sql, params, durable=True)
    return _row(tuple(rows[0])) if rows else None


async def claim(
    store: Store, group_id: int, week_start: date, slot_at: datetime, now: datetime
) -> RecapRow | None:
    """Claim the group's week as attempt 1; None when that week is held already."""
    return await _one(
        store,
        "INSERT INTO recaps (group_id, week_start, slot_at, status, attempts, claimed_at)"
        " VALUES (?, ?, ?, 'claimed', 1, ?) ON CONFLICT (group_id, week_start) DO NOTHING"
        f" RETURNING {_COLUMNS}",
        (group_id, week_start.isoformat(), _stamp(slot_at), _stamp(now)),
    )


async def take_over(store: Store, seen: RecapRow, now: datetime) -> RecapRow | None:
    """Claim an unsent row for another attempt if it is still as seen; None if it moved on."""
    return await _one(
        store,
        "UPDATE recaps SET status = 'claimed', attempts = attempts + 1, claimed_at = ?"
        " WHERE id = ? AND status != 'sent' AND claimed_at = ? AND attempts = ?"
        f" RETURNING {_COLUMNS}",
        (_stamp(now), seen.id, _stamp(seen.claimed_at), seen.attempts),
    )


async def mark_sent(
    store: Store, held: RecapRow, message_id: str, now: datetime
) -> RecapRow | None:
    """Record the platform's message id; None when it was sent already."""
    return await _one(
        store,
        "UPDATE recaps SET status = 'sent', message_id = ?, posted_at = ?"
        f" WHERE id = ? AND status != 'sent' RETURNING {_COLUMNS}",
        (message_id, _stamp(now), held.id),
    )


async def mark_failed(store: Store, held: RecapRow, error: str, now: datetime) -> None:
    """Record a failed attempt, if the row is still ours."""
    await _one(
        store,
        "UPDATE recaps SET status = 'failed', last_error = ?, claimed_at = ?"
        " WHERE id = ? AND status = 'claimed' AND claimed_at = ? AND attempts = ?"
        f" RETURNING {_COLUMNS}",
        (error[:500], _stamp(now), held.id, _stamp(held.claimed_at), held.attempts),
    )


async def unsent(store: Store, *, slot_after: datetime, max_attempts: int) -> list[RecapRow]:
    """Rows not sent yet, with attempts left, whose slot is later than `slot_after`."""
    rows = await store.fetch_all(
        f"SELECT {_COLUMNS} FROM recaps WHERE status IN ('claimed', 'failed')"
        " AND attempts < ? AND slot_at > ? ORDER BY slot_at, id",
        (max_attempts, _stamp(slot_after)),
    )
    return [_row(tuple(row)) for row in rows]


async def sent_weeks(store: Store, group_id: int) -> list[date]:
    """The weeks whose recap reached the group."""
    rows = await store.fetch_all(
        "SELECT week_start FROM recaps WHERE group_id = ? AND status = 'sent' ORDER BY 1",
        (group_id,),
    )
    return [date.fromisoformat(r[0]) for r in rows]
