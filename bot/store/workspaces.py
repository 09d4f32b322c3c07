"""Installed workspaces: their bot tokens, whether they take posts, and their purge."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import as_utc
from bot.store.db import Store

_COLUMNS = (
    "platform, workspace, name, bot_token, bot_id, bot_user_id, scopes, refresh_token,"
    " token_expires_at, installed_at, inactive_since, inactive_reason, uninstalled_at"
)


@dataclass(frozen=True)
class Install:
    """One workspace's installation: who the bot is there and the token it acts with."""

    platform: str
    workspace: str
    name: str
    bot_token: str
    bot_id: str
    bot_user_id: str
    scopes: str
    refresh_token: str | None
    token_expires_at: int | None  # Unix seconds
    installed_at: datetime

    def __repr__(self) -> str:  # tokens stay out of logs and tracebacks
        return f"Install({self.platform}:{self.workspace} {self.name!r})"


@dataclass(frozen=True)
class WorkspaceState:
    """What `studybot export` shows of a workspace: never its tokens."""

    platform: str
    workspace: str
    name: str
    installed_at: str
    inactive_since: str | None
    inactive_reason: str | None
    uninstalled_at: str | None


async def save(store: Store, install: Install) -> None:
    """Record an install (a reinstall keeps the history and takes posts again)."""
    await store.write(
        f"INSERT INTO workspaces ({_COLUMNS})"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)"
        " ON CONFLICT (platform, workspace) DO UPDATE SET name = excluded.name,"
        " bot_token = excluded.bot_token, bot_id = excluded.bot_id,"
        " bot_user_id = excluded.bot_user_id, scopes = excluded.scopes,"
        " refresh_token = excluded.refresh_token, token_expires_at = excluded.token_expires_at,"
        " installed_at = excluded.installed_at, inactive_since = NULL, inactive_reason = NULL,"
        " uninstalled_at = NULL",
        (
            install.platform,
            install.workspace,
            install.name,
            install.bot_token,
            install.bot_id,
            install.bot_user_id,
            install.scopes,
            install.refresh_token,
            install.token_expires_at,
            _stamp(install.installed_at),
        ),
    )


async def rotated(
    store: Store, platform: str, workspace: str, token: str, refresh: str | None, expires_at: int
) -> None:
    """Record a refreshed token."""
    await store.write(
        "UPDATE workspaces SET bot_token = ?, refresh_token = ?, token_expires_at = ?"
        " WHERE platform = ? AND workspace = ? AND bot_token IS NOT NULL",
        (token, refresh, expires_at, platform, workspace),
    )


async def find(store: Store, platform: str, workspace: str) -> Install | None:
    """The workspace's installation while it takes posts; None when absent or inactive."""
    rows = await store.fetch_all(
        f"SELECT {_COLUMNS} FROM workspaces WHERE platform = ? AND workspace = ?"
        " AND bot_token IS NOT NULL AND inactive_since IS NULL",
        (platform, workspace),
    )
    if not rows:
        return None
    row = rows[0]
    return Install(
        platform=str(row[0]),
        workspace=str(row[1]),
        name=str(row[2]),
        bot_token=str(row[3]),
        bot_id=str(row[4] or ""),
        bot_user_id=str(row[5] or ""),
        scopes=str(row[6]),
        refresh_token=row[7],
        token_expires_at=None if row[8] is None else int(row[8]),
        installed_at=datetime.fromisoformat(row[9]),
    )


async def deactivate(
    store: Store, platform: str, workspace: str, reason: str, now: datetime
) -> bool:
    """Stop the workspace's posts (its token is refused); False when it already was."""
    rows = await store.write(
        "UPDATE workspaces SET inactive_since = ?, inactive_reason = ?"
        " WHERE platform = ? AND workspace = ? AND inactive_since IS NULL RETURNING 1",
        (_stamp(now), reason, platform, workspace),
    )
    return bool(rows)


async def uninstall(
    store: Store, platform: str, workspace: str, reason: str, now: datetime
) -> bool:
    """Forget the tokens and stop the posts at once; False when it was uninstalled already."""
    rows = await store.write(
        "INSERT INTO workspaces (platform, workspace, installed_at, inactive_since,"
        " inactive_reason, uninstalled_at) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (platform, workspace) DO UPDATE SET bot_token = NULL,"
        " refresh_token = NULL, token_expires_at = NULL,"
        " inactive_since = COALESCE(workspaces.inactive_since, excluded.inactive_since),"
        " inactive_reason = excluded.inactive_reason, uninstalled_at = excluded.uninstalled_at"
        " WHERE workspaces.uninstalled_at IS NULL RETURNING 1",
        (platform, workspace, _stamp(now), _stamp(now), reason, _stamp(now)),
    )
    return bool(rows)


async def purge(store: Store, now: datetime, after: timedelta) -> list[tuple[str, str]]:
    """Delete the groups and members of workspaces uninstalled longer than `after` ago."""
    cutoff = _stamp(now - after)
    async with store.transaction() as db:
        cursor = await db.execute(
            "DELETE FROM workspaces WHERE uninstalled_at IS NOT NULL AND uninstalled_at <= ?"
            " RETURNING platform, workspace",
            (cutoff,),
        )
        gone = [(str(p), str(w)) for p, w in await cursor.fetchall()]
        for platform, workspace in gone:
            # Posts, submissions, hints, practice and streak events go with their group.
            await db.execute(
                "DELETE FROM groups WHERE platform = ? AND workspace = ?", (platform, workspace)
            )
            await db.execute(
                "DELETE FROM members WHERE platform = ? AND workspace = ?", (platform, workspace)
            )
    if gone:
        store.forget_caches()
    return gone


async def states(store: Store) -> list[WorkspaceState]:
    """Every workspace as export shows it."""
    rows = await store.fetch_all(
        "SELECT platform, workspace, name, installed_at, inactive_since, inactive_reason,"
        " uninstalled_at FROM workspaces ORDER BY platform, workspace"
    )
    return [WorkspaceState(*(None if v is None else str(v) for v in row)) for row in rows]


async def issue_state(store: Store, state: str, expires_at: datetime) -> None:
    """Remember an OAuth state until it expires (and forget the expired ones)."""
    await store.write(
        "DELETE FROM oauth_states WHERE expires_at < ?", (_stamp(expires_at - timedelta(days=1)),)
    )
    await store.write(
        "INSERT INTO oauth_states (state, expires_at) VALUES (?, ?)", (state, _stamp(expires_at))
    )


async def consume_state(store: Store, state: str, now: datetime) -> bool:
    """True once for a state we issued that has not expired; a reused one is False."""
    rows = await store.write(
        "DELETE FROM oauth_states WHERE state = ? RETURNING expires_at", (state,)
    )
    return bool(rows) and datetime.fromisoformat(rows[0][0]) >= as_utc(now)


def _stamp(moment: datetime) -> str:
    return as_utc(moment).isoformat(timespec="seconds")
