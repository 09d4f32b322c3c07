"""The Web API client for each workspace: the one token self-hosted, the installing
workspace's own (refreshed before it expires) when distributed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from slack_sdk.errors import SlackTokenRotationError
from slack_sdk.oauth.token_rotation.async_rotator import AsyncTokenRotator
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.installations import PLATFORM, bot_of
from adapters.slack.web import REVOKED, PostFailed, error_code, make_client
from bot.config import Settings
from bot.messages import GroupRef
from bot.store import Store, workspaces

log = logging.getLogger(__name__)

ROTATE_BEFORE = 120  # minutes: a token expiring sooner is refreshed before it is used


class Tokens:
    """Finds, refreshes and retires workspace tokens; hands out a client per token."""

    def __init__(
        self,
        settings: Settings,
        app_client: AsyncWebClient,
        store: Callable[[], Store],
        now: Callable[[], datetime],
        *,
        base_url: str | None,
        timeout: float,
    ) -> None:
        self.distributed = settings.slack_distributed
        self.app_client = app_client
        self._store = store
        self._now = now
        self._base_url = base_url
        self._timeout = timeout
        self._clients: dict[str, AsyncWebClient] = {}  # by workspace
        self._rotator = AsyncTokenRotator(
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret,
            client=app_client,
        )

    async def client_for(self, group: GroupRef) -> AsyncWebClient:
        """A client acting in the group's workspace; PostFailed when it has no usable token."""
        if not self.distributed:
            return self.app_client
        install = await workspaces.find(self._store(), PLATFORM, group.workspace)
        if install is None:
            raise PostFailed(group.channel, "not_installed", False, permanent=True)
        token = install.bot_token
        try:
            fresh = await self._rotator.perform_bot_token_rotation(
                bot=bot_of(install), minutes_before_expiration=ROTATE_BEFORE
            )
        except SlackTokenRotationError as error:
            code = error_code(error.api_error)
            if code in REVOKED or code == "invalid_refresh_token":
                await self.refused(group.workspace, code)
                raise PostFailed(group.channel, code, False, permanent=True) from error
            raise PostFailed(group.channel, f"token refresh failed: {code}", False) from error
        if fresh is not None:
            token = fresh.bot_token
            expires = int(fresh.bot_token_expires_at or 0)
            await workspaces.rotated(
                self._store(), PLATFORM, group.workspace, token, fresh.bot_refresh_token, expires
            )
            log.info("Slack: refreshed the token of workspace %s", group.workspace)
        return self._client(group.workspace, token)

    async def refused(self, workspace: str, code: str) -> None:
        """Slack refused the workspace's token for good: stop its posts, without retrying."""
        if not self.distributed:
            log.error("Slack refused SLACK_BOT_TOKEN (%s): copy a new one from the app", code)
            return
        if await workspaces.deactivate(self._store(), PLATFORM, workspace, code, self._now()):
            log.error(
                "Slack refused the token of workspace %s (%s): its daily posts are stopped "
                "until it installs studybot again",
                workspace,
                code,
            )

    def _client(self, workspace: str, token: str) -> AsyncWebClient:
        """The workspace's client, made anew when its token changed."""
        known = self._clients.get(workspace)
        if known is None or known.token != token:
            # No rate-limit wait inside the call: it would hold one of the fan-out's few
            # sends while other workspaces' posts queue behind it. The ledger waits instead.
            known = make_client(token, self._base_url, timeout=self._timeout, max_wait=0.0)
            self._clients[workspace] = known
        return known
