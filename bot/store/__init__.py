"""Persistence on SQLite through aiosqlite, with numbered migrations."""

from bot.store import deliveries, workspaces
from bot.store.db import DatabaseUnavailable, Store
from bot.store.migrate import SchemaTooNew, bundled_migrations, migrate, schema_version

__all__ = [
    "DatabaseUnavailable",
    "SchemaTooNew",
    "Store",
    "bundled_migrations",
    "deliveries",
    "migrate",
    "schema_version",
    "workspaces",
]
