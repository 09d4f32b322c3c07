"""Persistence on SQLite through aiosqlite, with numbered migrations."""

from bot.store import workspaces
from bot.store.db import DatabaseUnavailable, Store
from bot.store.migrate import SchemaTooNew, bundled_migrations, migrate, schema_version

__all__ = [
    "DatabaseUnavailable",
    "SchemaTooNew",
    "Store",
    "bundled_migrations",
    "migrate",
    "schema_version",
    "workspaces",
]
