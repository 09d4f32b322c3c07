import asyncio
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.messages import GroupRef, UserRef
from bot.store import DatabaseUnavailable, Store

GROUP = GroupRef("discord", "guild-1", "chan-1", "study")
ADA = UserRef("discord", "guild-1", "u-1", "Ada")


async def test_a_file_that_is_no_database_is_refused_with_its_path(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database")
    for path, reason in (
        (notes, "file is not a database"),
        (tmp_path, "unable to open database file"),
        (notes / "bot.db", f"File exists ({notes})"),
    ):
        with pytest.raises(DatabaseUnavailable, match="cannot open the database") as caught:
            await Store.open(path, ManualClock(datetime(2026, 11, 21, tzinfo=UTC)))
        assert str(caught.value) == f"cannot open the database {path}: {reason}"


async def test_wal_and_foreign_keys_are_on(store: Store) -> None:
    assert (await store.fetch_all("PRAGMA journal_mode"))[0][0] == "wal"
    assert (await store.fetch_all("PRAGMA foreign_keys"))[0][0] == 1


async def test_commits_are_normal_and_durable_writes_are_synced(store: Store) -> None:
    assert (await store.fetch_all("PRAGMA synchronous"))[0][0] == 1  # NORMAL
    statements: list[str] = []
    await store._db.set_trace_callback(statements.append)
    await store.write(
        "INSERT INTO groups (platform, workspace, channel, name, created_at)"
        " VALUES ('t', 'w', 'c1', '', 'now')"
    )
    await store.write(
        "INSERT INTO groups (platform, workspace, channel, name, created_at)"
        " VALUES ('t', 'w', 'c2', '', 'now')",
        durable=True,
    )
    with pytest.raises(sqlite3.IntegrityError):  # a failed durable write still resets it
        await store.write(
            "INSERT INTO groups (platform, workspace, channel, name, created_at)"
            " VALUES ('t', 'w', 'c2', '', 'now')",
            durable=True,
        )
    await store._db.set_trace_callback(None)
    assert [s.split(" VALUES")[0].split(" (")[0] for s in statements] == [
        "INSERT INTO groups",
        "PRAGMA synchronous = FULL",
        "INSERT INTO groups",
        "PRAGMA synchronous = NORMAL",
        "PRAGMA synchronous = FULL",
        "INSERT INTO groups",
        "PRAGMA synchronous = NORMAL",
    ]
    assert (await store.fetch_all("PRAGMA synchronous"))[0][0] == 1


async def test_ensure_group_is_idempotent_and_keeps_names(store: Store) -> None:
    first = await store.ensure_group(GROUP)
    assert await store.ensure_group(GROUP) == first
    renamed = GroupRef("discord", "guild-1", "chan-1", "")
    assert await store.ensure_group(renamed) == first
    rows = await store.fetch_all("SELECT name FROM groups")
    assert [r[0] for r in rows] == ["study"]  # an empty name never erases a known one


async def test_same_channel_id_on_two_platforms_is_two_groups(store: Store) -> None:
    slack = GroupRef("slack", "guild-1", "chan-1")
    assert await store.ensure_group(GROUP) != await store.ensure_group(slack)


async def test_members_join_groups_once(store: Store) -> None:
    group = await store.ensure_group(GROUP)
    other = await store.ensure_group(GroupRef("discord", "guild-1", "chan-2"))
    ada = await store.ensure_member(group, ADA)
    assert await store.ensure_member(other, ADA) == ada
    assert await store.ensure_member(group, ADA) == ada
    rows = await store.fetch_all("SELECT group_id, member_id FROM group_members ORDER BY 1")
    assert [tuple(r) for r in rows] == [(group, ada), (other, ada)]


async def test_settings_round_trip_and_record_who(store: Store, clock: ManualClock) -> None:
    group = await store.ensure_group(GROUP)
    ada = await store.ensure_member(group, ADA)
    await store.put_settings(group, {"time": "09:00", "timezone": "Europe/Berlin"}, by=ada)
    await store.put_settings(group, {"time": "18:30"}, by=ada)
    assert await store.settings(group) == {"time": "18:30", "timezone": "Europe/Berlin"}
    rows = await store.fetch_all("SELECT updated_by, updated_at FROM group_settings")
    assert {tuple(r) for r in rows} == {(ada, "2026-11-21T09:00:00+00:00")}


async def test_a_failed_transaction_writes_nothing(store: Store) -> None:
    group = await store.ensure_group(GROUP)
    with pytest.raises(RuntimeError):
        async with store.transaction() as db:
            await db.execute(
                "INSERT INTO group_settings VALUES (?, 'k', 'v', 'now', NULL)", (group,)
            )
            raise RuntimeError("interrupted")
    assert await store.settings(group) == {}


async def test_concurrent_first_sightings_do_not_collide(store: Store) -> None:
    groups = [GroupRef("console", "local", f"g{i % 5}") for i in range(50)]
    ids = await asyncio.gather(*(store.ensure_group(g) for g in groups))
    assert len(set(ids)) == 5
    assert (await store.fetch_all("SELECT count(*) FROM groups"))[0][0] == 5


async def test_two_connections_on_one_file(tmp_path: Path, clock: ManualClock) -> None:
    path = tmp_path / "shared.db"
    one, two = await Store.open(path, clock), await Store.open(path, clock)
    try:
        group = await one.ensure_group(GROUP)
        await one.put_settings(group, {"daily": "on"})
        assert await two.ensure_group(GROUP) == group
        await two.put_settings(group, {"daily": "off"})
        assert await one.settings(group) == {"daily": "off"}
    finally:
        await one.close()
        await two.close()


def test_recent_keeps_the_most_recently_used_ids() -> None:
    from bot.store.db import Recent

    recent: Recent[str, int] = Recent(2)
    recent.put("a", 1)
    recent.put("b", 2)
    assert recent.get("a") == 1  # now the most recent
    recent.put("c", 3)  # evicts b, the least recently used
    assert (recent.get("a"), recent.get("b"), recent.get("c"), len(recent)) == (1, None, 3, 2)
