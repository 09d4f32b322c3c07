"""Slack's install flow on studybot's own database: installations, OAuth states, pages."""

from __future__ import annotations

import html
import logging
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from slack_bolt.oauth.async_callback_options import (
    AsyncCallbackOptions,
    AsyncFailureArgs,
    AsyncSuccessArgs,
)
from slack_bolt.response import BoltResponse
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore

from bot.store import Store, workspaces
from bot.store.workspaces import Install

log = logging.getLogger(__name__)

PLATFORM = "slack"
STATE_LIFETIME = timedelta(minutes=10)
Now = Callable[[], datetime]


class InstallationStore(AsyncInstallationStore):
    """bolt's installation store on the workspaces table (bot installs only)."""

    def __init__(self, store: Callable[[], Store], now: Now) -> None:
        self._store = store
        self._now = now

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        await self.async_save_bot(installation.to_bot())

    async def async_save_bot(self, bot: Bot) -> None:
        if not bot.team_id:
            raise ValueError("studybot installs into workspaces, not whole organizations")
        await workspaces.save(self._store(), install_of(bot, self._now()))
        log.info("Slack: installed in workspace %s (%s)", bot.team_id, bot.team_name or "?")

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        found = await workspaces.find(self._store(), PLATFORM, team_id or "")
        return None if found is None else bot_of(found)

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        found = await workspaces.find(self._store(), PLATFORM, team_id or "")
        if found is None:
            return None
        bot = bot_of(found)
        return Installation(
            app_id=bot.app_id,
            team_id=bot.team_id,
            team_name=bot.team_name,
            bot_token=bot.bot_token,
            bot_id=bot.bot_id,
            bot_user_id=bot.bot_user_id,
            bot_scopes=bot.bot_scopes,
            bot_refresh_token=bot.bot_refresh_token,
            bot_token_expires_at=bot.bot_token_expires_at,
            user_id=user_id or "",
            installed_at=bot.installed_at,
        )

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await workspaces.uninstall(
            self._store(), PLATFORM, team_id or "", "uninstalled", self._now()
        )

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        if user_id is None:  # a user's own token: studybot stores none
            await self.async_delete_bot(enterprise_id=enterprise_id, team_id=team_id)


class StateStore(AsyncOAuthStateStore):
    """OAuth `state` values, each good once for STATE_LIFETIME."""

    def __init__(self, store: Callable[[], Store], now: Now) -> None:
        self._store = store
        self._now = now

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        state = secrets.token_urlsafe(24)
        await workspaces.issue_state(self._store(), state, self._now() + STATE_LIFETIME)
        return state

    async def async_consume(self, state: str) -> bool:
        return await workspaces.consume_state(self._store(), state, self._now())


def install_of(bot: Bot, now: datetime) -> Install:
    """Our record of a bolt Bot."""
    expires = bot.bot_token_expires_at
    return Install(
        platform=PLATFORM,
        workspace=str(bot.team_id),
        name=str(bot.team_name or ""),
        bot_token=bot.bot_token,
        bot_id=bot.bot_id,
        bot_user_id=bot.bot_user_id,
        scopes=",".join(bot.bot_scopes),
        refresh_token=bot.bot_refresh_token,
        token_expires_at=None if expires is None else int(expires),
        installed_at=now,
    )


def bot_of(install: Install) -> Bot:
    """A bolt Bot from our record."""
    return Bot(
        team_id=install.workspace,
        team_name=install.name,
        bot_token=install.bot_token,
        bot_id=install.bot_id,
        bot_user_id=install.bot_user_id,
        bot_scopes=install.scopes,
        bot_refresh_token=install.refresh_token,
        bot_token_expires_at=install.token_expires_at,
        installed_at=install.installed_at.astimezone(UTC).timestamp(),
    )


_REASONS = {
    "invalid_state": "This install link has expired or was already used.",
    "missing_state": "This install link has expired or was already used.",
    "invalid_browser": "This install was started in another browser.",
    "access_denied": "The install was cancelled in Slack.",
    "missing_code": "Slack did not send the install code.",
    "invalid_code": "Slack refused the install code.",
    "storage_error": "studybot could not save the installation.",
}


async def _success(args: AsyncSuccessArgs) -> BoltResponse:
    team = html.escape(str(args.installation.team_name or "your workspace"))
    return _page(
        200,
        "studybot is installed",
        f"studybot is now part of <b>{team}</b>. In your study channel, type "
        "<code>/invite @studybot</code> and then <code>/studybot config time:09:00</code>.",
    )


async def _failure(args: AsyncFailureArgs) -> BoltResponse:
    reason = _REASONS.get(args.reason, "Something went wrong with the install.")
    log.warning("Slack install failed: %s", args.reason)
    return _page(
        args.suggested_status_code,
        "studybot was not installed",
        f"{html.escape(reason)} Nothing was saved. "
        '<a href="/slack/install">Start the install again</a>.',
    )


def _page(status: int, title: str, body: str) -> BoltResponse:
    page = (
        f"<!doctype html><html><head><meta charset=utf-8><title>{title}</title></head>"
        f"<body style='font-family:sans-serif;max-width:36em;margin:4em auto'>"
        f"<h1>{title}</h1><p>{body}</p></body></html>"
    )
    return BoltResponse(
        status=status, body=page, headers={"Content-Type": "text/html; charset=utf-8"}
    )


CALLBACKS = AsyncCallbackOptions(success=_success, failure=_failure)
