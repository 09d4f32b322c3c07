"""The SQLite store: one aiosqlite connection in WAL mode, serialized write transactions."""

from __future__ import annotations

import asyncio
import sqlite3
from collections import OrderedDict
from collections.abc import AsyncIterator, Hashable, Mapping
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Generic, TypeVar

import aiosqlite

from bot.clock import Clock
from bot.messages import GroupRef, UserRef
from bot.store.migrate import bundled_migrations, migrate


class DatabaseUnavailable(RuntimeError):
    """The database file cannot be opened, or is not a database."""


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Ids remembered per connection. A member costs about 500 bytes here, so the caches keep the
# recently active ones rather than everyone ever seen; a forgotten one costs one read.
GROUP_CACHE = 20_000
MEMBER_CACHE = 50_000


class Recent(Generic[K, V]):
    """The values of the `size` most recently used keys."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._values: OrderedDict[K, V] = OrderedDict()

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: K) -> bool:
        return key in self._values

    def get(self, key: K) -> V | None:
        """The value of `key`, if remembered."""
        found = self._values.get(key)
        if found is not None:
            self._values.move_to_end(key)
        return found

    def put(self, key: K, value: V) -> None:
        """Remember `key`, forgetting the least recently used key when full."""
        self._values[key] = value
        self._values.move_to_end(key)
        if len(self._values) > self._size:
            self._values.popitem(last=False)

    def clear(self) -> None:
        """Forget everything."""
        self._values.clear()


class Store:
    """Groups, members and settings; later features add their own tables and methods."""

    def __init__(self, db: aiosqlite.Connection, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._write_lock = asyncio.Lock()
        self._group_ids: Recent[GroupRef, int] = Recent(GROUP_CACHE)
        self._member_ids: Recent[tuple[int, UserRef], int] = Recent(MEMBER_CACHE)
        self._owners: Recent[GroupRef, GroupRef] = Recent(GROUP_CACHE)

    @classmethod
    async def open(cls, path: str | Path, clock: Clock) -> Store:
        """Open (creating if needed) the database at `path` and migrate it.

        Raises DatabaseUnavailable when the file cannot be opened or is not a database.
        """
        try:
            return await cls._open(path, clock)
        except OSError as exc:
            raise DatabaseUnavailable(
                f"cannot open the database {path}: {exc.strerror} ({exc.filename})"
            ) from exc
        except sqlite3.DatabaseError as exc:
            raise DatabaseUnavailable(f"cannot open the database {path}: {exc}") from exc

    @classmethod
    async def _open(cls, path: str | Path, clock: Clock) -> Store:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            # A file that cannot be opened fails here, not later in aiosqlite's thread.
            sqlite3.connect(path).close()
        db = await aiosqlite.connect(str(path), isolation_level=None)
        try:
            await db.execute("PRAGMA journal_mode = WAL")
            await db.execute("PRAGMA foreign_keys = ON")
            await db.execute("PRAGMA busy_timeout = 5000")
            # In WAL mode NORMAL never corrupts and loses nothing when the bot crashes; only
            # an OS crash or power cut may undo the last commits. Writes that must survive
            # even that ask for it (Store.write(durable=True)).
            await db.execute("PRAGMA synchronous = NORMAL")
            await migrate(db, bundled_migrations())
        except BaseException:
            await db.close()
            raise
        return cls(db, clock)

    def forget_caches(self) -> None:
        """Drop the remembered ids and channel owners (after rows were deleted)."""
        self._group_ids.clear()
        self._member_ids.clear()
        self._owners.clear()

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
        """Run a read query (one trip to the database thread)."""
        return list(await self._db.execute_fetchall(sql, params))

    async def write(
        self, sql: str, params: tuple[object, ...] = (), *, durable: bool = False
    ) -> list[aiosqlite.Row]:
        """Run one INSERT/UPDATE/DELETE as its own transaction; the rows it RETURNs.

        A single statement is atomic and, on a connection in autocommit mode, takes the
        write lock as it starts (no read-then-upgrade), so it needs no BEGIN IMMEDIATE and
        costs one trip to the database thread instead of three. It still waits for the
        write lock, so it never lands inside another task's open transaction.
        `durable`: on disk before this returns, even if the machine loses power next (the
        posting ledger: a message a platform accepted cannot be taken back).
        """
        async with self._write_lock:
            if not durable:
                return list(await self._db.execute_fetchall(sql, params))
            await self._db.execute("PRAGMA synchronous = FULL")
            try:
                return list(await self._db.execute_fetchall(sql, params))
            finally:
                await self._db.execute("PRAGMA synchronous = NORMAL")

    def _stamp(self) -> str:
        return self._clock.now().isoformat(timespec="seconds")

    async def resolve_group(self, group: GroupRef) -> GroupRef:
        """The group a message in `group.channel` belongs to (remembered until settings change).

        A channel with a configured group of its own is that group; otherwise a group whose
        `channel:` setting names it owns it (members answer where the daily problem appears).
        """
        known = self._owners.get(group)
        if known is not None:
            return known
        rows = await self.fetch_all(
            "SELECT g.channel, g.name, g.channel = ?3 AS own FROM groups g"
            " JOIN group_settings s ON s.group_id = g.id"
            " WHERE g.platform = ?1 AND g.workspace = ?2"
            " AND ((g.channel = ?3 AND s.key = 'daily') OR (s.key = 'channel' AND s.value = ?3))"
            " ORDER BY own DESC, g.id LIMIT 1",
            (group.platform, group.workspace, group.channel),
        )
        owner = group
        if rows and not rows[0][2]:
            owner = replace(group, channel=str(rows[0][0]), name=str(rows[0][1]))
        self._owners.put(group, owner)
        return owner

    async def ensure_group(self, group: GroupRef) -> int:
        """The id of `group`, recording it on first sight."""
        known = self._group_ids.get(group)
        if known is not None:
            return known
        found = await self.fetch_all(
            "SELECT id, name FROM groups WHERE platform = ? AND workspace = ? AND channel = ?",
            (group.platform, group.workspace, group.channel),
        )
        if found and group.name in ("", found[0][1]):  # nothing to record: skip the write
            self._group_ids.put(group, int(found[0][0]))
            return int(found[0][0])
        rows = await self.write(
            "INSERT INTO groups (platform, workspace, channel, name, created_at)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (platform, workspace, channel) DO UPDATE SET name ="
            " CASE WHEN excluded.name != '' THEN excluded.name ELSE groups.name END"
            " RETURNING id",
            (group.platform, group.workspace, group.channel, group.name, self._stamp()),
        )
        self._group_ids.put(group, int(rows[0][0]))
        return int(rows[0][0])

    async def ensure_member(self, group_id: int, user: UserRef) -> int:
        """The id of `user`, recording them and their membership of `group_id` on first sight."""
        known = self._member_ids.get((group_id, user))
        if known is not None:
            return known
        found = await self.fetch_all(
            "SELECT m.id, m.name, EXISTS (SELECT 1 FROM group_members gm"
            " WHERE gm.group_id = ? AND gm.member_id = m.id)"
            " FROM members m WHERE m.platform = ? AND m.workspace = ? AND m.user_id = ?",
            (group_id, user.platform, user.workspace, user.id),
        )
        if found and found[0][2] and user.name in ("", found[0][1]):  # known, in the group
            self._member_ids.put((group_id, user), int(found[0][0]))
            return int(found[0][0])
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
        self._member_ids.put((group_id, user), int(row[0]))
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
        self._owners.clear()  # a channel or daily setting may move a channel to another group
        async with self.transaction() as db:
            await db.executemany(
                "INSERT INTO group_settings (group_id, key, value, updated_at, updated_by)"
                " VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (group_id, key) DO UPDATE SET value = excluded.value,"
                " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                [(group_id, k, v, now, by) for k, v in values.items()],
            )
