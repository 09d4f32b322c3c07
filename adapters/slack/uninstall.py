"""app_uninstalled and tokens_revoked: stop the workspace's posts now, purge its data later."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from adapters.slack.installations import PLATFORM
from bot.store import Store, deliveries, workspaces

log = logging.getLogger(__name__)

EVENTS = "slack-event"  # the deliveries' platform for Events API ids


class Uninstalls:
    """Handles the uninstall events once each, in either order; purges after `keep`."""

    def __init__(
        self, store: Callable[[], Store], now: Callable[[], datetime], keep: timedelta
    ) -> None:
        self._store = store
        self._now = now
        self._keep = keep

    def register(self, app: AsyncApp) -> None:
        """Listen to both events (before any catch-all listener)."""
        app.event("app_uninstalled")(self.on_uninstalled)
        app.event("tokens_revoked")(self.on_tokens_revoked)

    async def on_uninstalled(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        """The app was removed from a workspace."""
        await ack()
        await self._forget(body, "uninstalled")

    async def on_tokens_revoked(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        """Tokens were revoked; the bot's token means the app can no longer act there."""
        await ack()
        tokens = (body.get("event") or {}).get("tokens") or {}
        if tokens.get("bot"):
            await self._forget(body, "tokens_revoked")

    async def purge(self) -> None:
        """Delete the data of workspaces uninstalled longer ago than the grace period."""
        for platform, workspace in await workspaces.purge(self._store(), self._now(), self._keep):
            log.warning("purged the data of %s workspace %s (uninstalled)", platform, workspace)

    async def _forget(self, body: dict[str, Any], reason: str) -> None:
        team = str(body.get("team_id") or "")
        event_id = str(body.get("event_id") or "")
        if not team:
            log.warning("a Slack %s event without a team id; ignored", reason)
            return
        store, now = self._store(), self._now()
        if event_id and not await deliveries.claim(store, EVENTS, event_id, now):
            log.info("Slack event %s (%s) was handled before", event_id, reason)
            return
        if await workspaces.uninstall(store, PLATFORM, team, reason, now):
            log.warning(
                "Slack workspace %s removed studybot (%s): its daily posts stopped; its data "
                "is purged after %d days unless it installs again",
                team,
                reason,
                self._keep.days,
            )
        if not self._keep:
            await self.purge()
