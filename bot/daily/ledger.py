"""The posting ledger: one row per group per local date, claimed before anything is sent.

Every ledger write is durable (synchronous = FULL): what a platform accepted cannot be
taken back, so the record of it must survive even a power cut.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

import aiosqlite

from bot.clock import as_utc
from bot.store import Store

Status = Literal["claimed", "sent", "failed"]

_COLUMNS = (
    "id, group_id, local_date, slot_at, problem_id, problem, status, attempts,"
    " message_id, last_error, claimed_at, posted_at, retry_at, maybe_posted"
)
# The same columns, named through the table: in UPDATE ... FROM, `id` alone is ambiguous.
_RETURNED = ", ".join(f"posts.{name.strip()}" for name in _COLUMNS.split(","))


@dataclass(frozen=True)
class PostRow:
    """One ledger row; `claimed_at` is when the latest attempt began, or when it failed."""

    id: int
    group_id: int
    local_date: date
    slot_at: datetime
    problem_id: str
    problem: str  # the problem as posted (JSON), frozen at claim time
    status: Status
    attempts: int  # attempts begun, counted when claimed or taken over
    message_id: str | None
    last_error: str | None
    claimed_at: datetime
    posted_at: datetime | None
    retry_at: datetime | None = None  # a failed row's next attempt; None: set aside
    maybe_posted: bool = False  # the failed attempt may have reached the channel

    @property
    def key(self) -> str:
        """A send key that stays the same for every attempt, so a platform can drop a re-send."""
        return f"studybot-post-{self.id}"


async def find(store: Store, group_id: int, local_date: date) -> PostRow | None:
    """The group's row for `local_date`, if that day has been claimed."""
    rows = await store.fetch_all(
        f"SELECT {_COLUMNS} FROM posts WHERE group_id = ? AND local_date = ?",
        (group_id, local_date.isoformat()),
    )
    return _post(rows[0]) if rows else None


async def claimed_days(
    store: Store, first: date, last: date, group_ids: Iterable[int] | None = None
) -> set[tuple[int, date]]:
    """(group id, local date) of every row, in any state, for the dates first..last.

    Only the rows of `group_ids` when given (a few groups need not read every group's rows).
    """
    sql = "SELECT group_id, local_date FROM posts WHERE local_date BETWEEN ? AND ?"
    params: tuple[object, ...] = (first.isoformat(), last.isoformat())
    if group_ids is not None:
        sql += " AND group_id IN (SELECT value FROM json_each(?))"
        params += (json.dumps(sorted(group_ids)),)
    rows = await store.fetch_all(sql, params)
    return {(int(group_id), date.fromisoformat(day)) for group_id, day in rows}


@dataclass(frozen=True)
class Claim:
    """A group's day to claim, with the problem chosen for it."""

    group_id: int
    local_date: date
    slot_at: datetime
    problem_id: str
    problem: str


async def claim(
    store: Store,
    group_id: int,
    local_date: date,
    slot_at: datetime,
    problem_id: str,
    problem: str,
    now: datetime,
) -> PostRow | None:
    """Claim the group's day as attempt 1; None when someone already holds that day."""
    claimed = await claim_many(
        store, [Claim(group_id, local_date, slot_at, problem_id, problem)], now
    )
    return claimed[0] if claimed else None


async def claim_many(store: Store, claims: Sequence[Claim], now: datetime) -> list[PostRow]:
    """Claim each day as attempt 1, in one transaction; the rows claimed, without those held."""
    if not claims:
        return []
    wanted = json.dumps(
        [
            [c.group_id, c.local_date.isoformat(), _stamp(c.slot_at), c.problem_id, c.problem]
            for c in claims
        ]
    )
    rows = await store.write(
        "INSERT INTO posts (group_id, local_date, slot_at, problem_id, problem, status,"
        " attempts, claimed_at) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'),"
        " json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]'),"
        " 'claimed', 1, ? FROM json_each(?) WHERE true"  # WHERE: so ON CONFLICT parses as upsert
        f" ON CONFLICT (group_id, local_date) DO NOTHING RETURNING {_COLUMNS}",
        (_stamp(now), wanted),
        durable=True,
    )
    return sorted((_post(row) for row in rows), key=lambda post: post.id)


async def take_over(store: Store, seen: PostRow, now: datetime) -> PostRow | None:
    """Claim an unsent row for another attempt, if it is still as `seen`; None when it moved on."""
    return await _write_one(
        store,
        "UPDATE posts SET status = 'claimed', attempts = attempts + 1, claimed_at = ?"
        " WHERE id = ? AND status != 'sent' AND claimed_at = ? AND attempts = ?"
        f" RETURNING {_COLUMNS}",
        (_stamp(now), seen.id, _stamp(seen.claimed_at), seen.attempts),
    )


async def renew(store: Store, held: PostRow, now: datetime) -> PostRow | None:
    """Extend our claim on a row from `now` (not a new attempt); None when it is no longer ours."""
    return await _write_one(
        store,
        "UPDATE posts SET claimed_at = ?"
        " WHERE id = ? AND status = 'claimed' AND claimed_at = ? AND attempts = ?"
        f" RETURNING {_COLUMNS}",
        (_stamp(now), held.id, _stamp(held.claimed_at), held.attempts),
    )


async def mark_sent(store: Store, held: PostRow, message_id: str, now: datetime) -> PostRow | None:
    """Record the platform's message id; None when the row was already sent (a duplicate)."""
    return (await mark_sent_many(store, [(held, message_id)], now))[0]


async def mark_sent_many(
    store: Store, sent: Sequence[tuple[PostRow, str]], now: datetime
) -> list[PostRow | None]:
    """`mark_sent` for each (post, message id), in one transaction; in the same order."""
    if not sent:
        return []
    rows = await store.write(
        "UPDATE posts SET status = 'sent', message_id = json_extract(sent.value, '$[1]'),"
        " posted_at = ? FROM json_each(?) AS sent"
        " WHERE posts.id = json_extract(sent.value, '$[0]') AND posts.status != 'sent'"
        f" RETURNING {_RETURNED}",
        (_stamp(now), json.dumps([[post.id, message_id] for post, message_id in sent])),
        durable=True,
    )
    by_id = {post.id: post for post in map(_post, rows)}
    return [by_id.get(post.id) for post, _ in sent]


async def mark_failed(
    store: Store,
    held: PostRow,
    error: str,
    now: datetime,
    *,
    retry_at: datetime | None,
    maybe_posted: bool = False,
) -> PostRow | None:
    """Record a failed attempt, to be retried from `retry_at` (None: never); None when the row
    is no longer ours (taken over or sent)."""
    return await _write_one(
        store,
        "UPDATE posts SET status = 'failed', last_error = ?, claimed_at = ?, retry_at = ?,"
        " maybe_posted = ?"
        " WHERE id = ? AND status = 'claimed' AND claimed_at = ? AND attempts = ?"
        f" RETURNING {_COLUMNS}",
        (
            error,
            _stamp(now),
            None if retry_at is None else _stamp(retry_at),
            int(maybe_posted),
            held.id,
            _stamp(held.claimed_at),
            held.attempts,
        ),
    )


async def unsent(store: Store, *, slot_after: datetime, max_attempts: int) -> list[PostRow]:
    """Rows not sent yet and not set aside, with attempts left, whose slot is after `slot_after`."""
    rows = await store.fetch_all(
        f"SELECT {_COLUMNS} FROM posts WHERE"
        " (status = 'claimed' OR (status = 'failed' AND retry_at IS NOT NULL))"
        " AND attempts < ? AND slot_at > ? ORDER BY slot_at, id",
        (max_attempts, _stamp(slot_after)),
    )
    return [_post(row) for row in rows]


_MAX_CLASSES = 32  # max_attempts above this: one query per attempt count would be too many


async def first_unsent(
    store: Store, *, slot_after: datetime, max_attempts: int
) -> list[PostRow] | None:
    """The unsent rows that hold the earliest retry, as `unsent` would select them.

    A claimed row is ready when its lease ends, so per attempt count the earliest claim; a
    failed row at its retry_at, so the earliest of those. Each is one index seek, however
    many rows are unsent. None when max_attempts is too large to ask this way (use `unsent`).
    """
    if max_attempts > _MAX_CLASSES:
        return None
    if max_attempts <= 0:
        return []
    claimed = (
        f"SELECT * FROM (SELECT {_COLUMNS} FROM posts WHERE status = 'claimed' AND attempts = ?"
        " AND slot_at > ? ORDER BY claimed_at, id LIMIT 1)"
    )
    failed = (
        f"SELECT * FROM (SELECT {_COLUMNS} FROM posts WHERE status = 'failed'"
        " AND retry_at IS NOT NULL AND attempts < ? AND slot_at > ? ORDER BY retry_at, id LIMIT 1)"
    )
    after = _stamp(slot_after)
    params = [v for attempts in range(max_attempts) for v in (attempts, after)]
    rows = await store.fetch_all(
        " UNION ALL ".join([*[claimed] * max_attempts, failed]),
        (*params, max_attempts, after),
    )
    return [_post(row) for row in rows]


async def _write_one(store: Store, sql: str, params: tuple[object, ...]) -> PostRow | None:
    """Run one INSERT/UPDATE ... RETURNING as its own transaction; the row it returned, if any."""
    rows = await store.write(sql, params, durable=True)
    return _post(rows[0]) if rows else None


def _stamp(moment: datetime) -> str:
    """A UTC timestamp as stored: ISO 8601 to the second, so text order is time order."""
    return as_utc(moment).isoformat(timespec="seconds")


def _post(row: aiosqlite.Row) -> PostRow:
    """A PostRow from a row selected as _COLUMNS."""
    return PostRow(
        id=int(row[0]),
        group_id=int(row[1]),
        local_date=date.fromisoformat(row[2]),
        slot_at=datetime.fromisoformat(row[3]),
        problem_id=str(row[4]),
        problem=str(row[5]),
        status=row[6],
        attempts=int(row[7]),
        message_id=row[8],
        last_error=row[9],
        claimed_at=datetime.fromisoformat(row[10]),
        posted_at=None if row[11] is None else datetime.fromisoformat(row[11]),
        retry_at=None if row[12] is None else datetime.fromisoformat(row[12]),
        maybe_posted=bool(row[13]),
    )
