from pathlib import Path

import aiosqlite
import pytest

from bot.clock import ManualClock
from bot.store import SchemaTooNew, Store, bundled_migrations, migrate, schema_version
from bot.store.migrate import Migration


async def _tables(db: aiosqlite.Connection) -> set[str]:
    async with db.execute("SELECT name FROM sqlite_master WHERE type = 'table'") as cursor:
        return {row[0] for row in await cursor.fetchall()}


def test_bundled_migrations_are_numbered_from_one() -> None:
    migrations = bundled_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert migrations[0].name == "0001_groups_members_settings.sql"


async def test_fresh_database_gets_every_table(tmp_path: Path) -> None:
    async with aiosqlite.connect(tmp_path / "db", isolation_level=None) as db:
        version = await migrate(db, bundled_migrations())
        assert version == len(bundled_migrations()) == await schema_version(db)
        assert {"groups", "members", "group_members", "group_settings"} <= await _tables(db)


async def test_rerun_is_a_no_op_and_keeps_data(tmp_path: Path, clock: ManualClock) -> None:
    path = tmp_path / "db"
    store = await Store.open(path, clock)
    await store.put_settings(await _group(store), {"time": "09:00"})
    await store.close()
    reopened = await Store.open(path, clock)
    assert await reopened.settings(1) == {"time": "09:00"}
    await reopened.close()


async def test_refuses_a_database_newer_than_the_code(tmp_path: Path, clock: ManualClock) -> None:
    path = tmp_path / "db"
    async with aiosqlite.connect(path, isolation_level=None) as db:
        await db.execute("PRAGMA user_version = 999")
    with pytest.raises(SchemaTooNew, match=r"schema version 999.*upgrade studybot"):
        await Store.open(path, clock)


async def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    good = Migration(1, "0001_a.sql", "CREATE TABLE a (x INTEGER);")
    bad = Migration(2, "0002_b.sql", "CREATE TABLE b (x INTEGER);\nINSERT INTO nowhere VALUES (1);")
    async with aiosqlite.connect(tmp_path / "db", isolation_level=None) as db:
        with pytest.raises(aiosqlite.OperationalError, match="no such table: nowhere"):
            await migrate(db, [good, bad])
        assert await schema_version(db) == 1
        assert await _tables(db) == {"a"}  # b was rolled back with its migration


async def test_statements_with_semicolons_in_strings_and_triggers(tmp_path: Path) -> None:
    sql = (
        "-- a comment; with a semicolon\n"
        "CREATE TABLE t (x TEXT DEFAULT 'a;b');\n"
        "CREATE TABLE log (x TEXT);\n"
        "CREATE TRIGGER t_log AFTER INSERT ON t BEGIN\n"
        "  INSERT INTO log VALUES (new.x);\n"
        "END;\n"
    )
    async with aiosqlite.connect(tmp_path / "db", isolation_level=None) as db:
        await migrate(db, [Migration(1, "0001_t.sql", sql)])
        await db.execute("INSERT INTO t DEFAULT VALUES")
        async with db.execute("SELECT x FROM log") as cursor:
            assert await cursor.fetchall() == [("a;b",)]


async def _group(store: Store) -> int:
    from bot.messages import GroupRef

    return await store.ensure_group(GroupRef("console", "local", "g"))
