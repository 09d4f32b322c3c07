"""Numbered SQL migrations, applied in order inside one transaction each."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

import aiosqlite

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class SchemaTooNew(RuntimeError):
    """The database was written by a newer studybot than this one."""


@dataclass(frozen=True)
class Migration:
    """One numbered SQL script."""

    version: int
    name: str
    sql: str


def bundled_migrations() -> list[Migration]:
    """The migrations shipped in bot/store/migrations, in version order."""
    folder = resources.files("bot.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(
            f"migrations must be numbered 1..n without gaps: {[m.name for m in found]}"
        )
    return found


async def schema_version(db: aiosqlite.Connection) -> int:
    """The version recorded in the database header (0 for a new file)."""
    async with db.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def migrate(db: aiosqlite.Connection, migrations: list[Migration]) -> int:
    """Bring the schema up to date; refuse a database newer than `migrations`. Returns the version.

    The connection must be in autocommit mode (isolation_level=None): each migration runs
    between our own BEGIN IMMEDIATE and COMMIT, and user_version is written in the same
    transaction, so a failed migration leaves the previous version intact.
    """
    current = await schema_version(db)
    latest = migrations[-1].version if migrations else 0
    if current > latest:
        raise SchemaTooNew(
            f"the database is at schema version {current}, but this studybot knows only up to "
            f"{latest}: upgrade studybot or point DATABASE_URL at another file"
        )
    for migration in migrations:
        if migration.version <= current:
            continue
        await db.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(migration.sql):
                await db.execute(statement)
            await db.execute(f"PRAGMA user_version = {migration.version:d}")
        except BaseException:
            await db.execute("ROLLBACK")
            raise
        await db.execute("COMMIT")
    return max(current, latest)


def _statements(sql: str) -> list[str]:
    """Split a migration script into complete statements, as sqlite itself would."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(
        ln.strip().startswith("--") or not ln.strip() for ln in buffer.splitlines()
    ):
        raise RuntimeError(f"incomplete SQL statement at the end of a migration: {buffer[:80]!r}")
    return statements
