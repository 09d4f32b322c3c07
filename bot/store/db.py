"""The SQLite store: one aiosqlite connection in WAL mode, serialized write transactions."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

from bot.clock import Clock
from bot.messages import GroupRef, UserRef
from bot.store.migrate import bundled_migrations, migrate


class Store:
    """Groups, members and settings; later features add their own tables and methods."""

    def __init__(self, db: aiosqlite.Connection, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._write_lock = asyncio.Lock()
        self._group_ids: dict[GroupRef, int] = {}
        self._member_ids: dict[tuple[int, UserRef], int] = {}

    @classmethod
    async def open(cls, path: str | Path, clock: Clock) -> Store:
        """Open (creating if needed) the database at `path` and migrate it."""
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(str(path), isolation_level=None)
        try:
            await db.execute("PRAGMA journal_mode = WAL")
            await db.execute("PRAGMA foreign_keys = ON")
            await db.execute("PRAGMA busy_timeout = 5000")
            await migrate(db, bundled_migrations())
        except BaseException:
            await db.close()
            raise
        return cls(db, clock)

    async def close(self) -> None:
        """Close the connection."""
        await self._db.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction: BEGIN IMMEDIATE, one at a time on this connection."""
        async with self._write_lock:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")

    async def fetch_all(self, sql: str, params: tuple[object, ...] = ()) -> list[aiosqlite.Row]:
        """Run a read query."""
        async with self._db.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    def _stamp(self) -> str:
        return self._clock.now().isoformat(timespec="seconds")

    async def ensure_group(self, group: GroupRef) -> int:
        """The id of `group`, recording it on first sight."""
        known = self._group_ids.get(group)
        if known is not None:
            return known
        async with self.transaction() as db:
            cursor = await db.execute(
                "INSERT INTO groups (platform, workspace, channel, name, created_at)"
                " VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (platform, workspace, channel) DO UPDATE SET name ="
                " CASE WHEN excluded.name != '' THEN excluded.name ELSE groups.name END"
                " RETURNING id",
                (group.platform, group.workspace, group.channel, group.name, self._stamp()),
            )
            row = await cursor.fetchone()
        assert row is not None
        self._group_ids[group] = int(row[0])
        return int(row[0])

    async def ensure_member(self, group_id: int, user: UserRef) -> int:
        """The id of `user`, recording them and their membership of `group_id` on first sight."""
        known = self._member_ids.get((group_id, user))
        if known is not None:
            return known
        now = self._stamp()
        async with self.transaction() as db:
            cursor = await db.execute(
                "INSERT INTO members (platform, workspace, user_id, name, created_at)"
                " VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (platform, workspace, user_id) DO UPDATE SET name ="
                " CASE WHEN excluded.name != '' THEN excluded.name ELSE members.name END"
                " RETURNING id",
                (user.platform, user.workspace, user.id, user.name, now),
            )
            row = await cursor.fetchone()
            assert row is not None
            await db.execute(
                "INSERT OR IGNORE INTO group_members (group_id, member_id, joined_at)"
                " VALUES (?, ?, ?)",
                (group_id, int(row[0]), now),
            )
        self._member_ids[(group_id, user)] = int(row[0])
        return int(row[0])

    async def settings(self, group_id: int) -> dict[str, str]:
        """The group's stored settings (defaults are the caller's business)."""
        rows = await self.fetch_all(
            "SELECT key, value FROM group_settings WHERE group_id = ? ORDER BY key", (group_id,)
        )
        return {str(k): str(v) for k, v in rows}

    async def put_settings(
        self, group_id: int, values: Mapping[str, str], by: int | None = None
    ) -> None:
        """Store several settings at once: all of them or none."""
        now = self._stamp()
        async with self.transaction() as db:
            await db.executemany(
                "INSERT INTO group_settings (group_id, key, value, updated_at, updated_by)"
                " VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (group_id, key) DO UPDATE SET value = excluded.value,"
                " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                [(group_id, k, v, now, by) for k, v in values.items()],
            )
