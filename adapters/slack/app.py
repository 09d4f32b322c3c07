"""The Slack adapter: a slack-bolt AsyncApp over Socket Mode or HTTP, and the daily post."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError

from adapters.slack.files import Uploads
from adapters.slack.http import events_app
from adapters.slack.identity import Admins
from adapters.slack.listeners import Listeners
from adapters.slack.render import fallback_text, to_blocks
from adapters.slack.routing import localize
from adapters.slack.web import TIMEOUT, PostFailed, error_code, make_client, may_have_arrived
from bot.config import ConfigError, Settings
from bot.core import Core
from bot.messages import GroupRef, Reply

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
POST_EVENT = "studybot_daily_post"  # message metadata type; its payload holds the ledger key


class SlackAdapter:
    """Serves one workspace's slash commands, buttons and modals; posts the daily problem."""

    def __init__(
        self,
        core: Core,
        settings: Settings,
        *,
        base_url: str | None = None,
        timeout: float = TIMEOUT,
    ) -> None:
        if not settings.slack_bot_token:
            raise ConfigError("SLACK_BOT_TOKEN is not set: copy the app's Bot User OAuth Token")
        self.socket_mode = bool(settings.slack_app_token)
        if not self.socket_mode and not settings.slack_signing_secret:
            raise ConfigError(
                "Slack needs SLACK_APP_TOKEN (Socket Mode) or, for HTTP mode, "
                "SLACK_SIGNING_SECRET to verify requests"
            )
        self.core = core
        self.settings = settings
        self.client = make_client(settings.slack_bot_token, base_url, timeout=timeout)
        self.app = AsyncApp(
            client=self.client,
            signing_secret=settings.slack_signing_secret,
            request_verification_enabled=not self.socket_mode,
            name="studybot",
            logger=logging.getLogger("adapters.slack.bolt"),
        )
        self._connected = asyncio.Event()
        self.uploads = Uploads(self.client)
        admins = Admins(self.client, lambda: self.core.context.store)
        Listeners(core, self.client, admins, self.uploads).register(self.app)

    async def run(self) -> None:
        """Serve until cancelled: Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT."""
        await self.check_tokens()
        if self.socket_mode:
            await self._run_socket_mode()
            return
        async with self.serve_http(port=self.settings.port) as url:
            log.info("Slack: HTTP mode, receiving requests at %s", url)
            self._connected.set()
            await asyncio.Event().wait()

    async def connected(self) -> None:
        """Return once requests are being received (the HTTP port is open, or the socket is)."""
        await self._connected.wait()

    async def check_tokens(self) -> None:
        """Fail fast on a token Slack refuses (slack_sdk's Socket Mode would retry forever)."""
        try:
            await self.client.auth_test()
        except SlackApiError as error:
            raise ConfigError(
                f"Slack refused SLACK_BOT_TOKEN ({error_code(error)}): copy the Bot User "
                "OAuth Token (xoxb-...) from the app's OAuth & Permissions page"
            ) from error
        if not self.socket_mode:
            return
        try:
            await self.client.apps_connections_open(app_token=self.settings.slack_app_token)
        except SlackApiError as error:
            raise ConfigError(
                f"Slack refused SLACK_APP_TOKEN ({error_code(error)}): create an app-level "
                "token (xapp-...) with the connections:write scope on the app's Basic "
                "Information page"
            ) from error

    async def _run_socket_mode(self) -> None:
        handler = AsyncSocketModeHandler(self.app, self.settings.slack_app_token)
        await handler.connect_async()
        log.info("Slack: connected in Socket Mode")
        self._connected.set()
        try:
            await asyncio.Event().wait()
        finally:
            await handler.close_async()

    @asynccontextmanager
    async def serve_http(self, host: str = "0.0.0.0", port: int = 0) -> AsyncIterator[str]:
        """Serve the signed-request endpoint while inside; yields its URL (port 0: any free)."""
        web_app = events_app(self.app, self.settings.slack_signing_secret, EVENTS_PATH)
        runner = web.AppRunner(web_app)
        await runner.setup()
        try:
            site = web.TCPSite(runner, host, port)
            await site.start()
            bound = runner.addresses[0][1]
            yield f"http://{host}:{bound}{EVENTS_PATH}"
        finally:
            await runner.cleanup()

    async def post(self, group: GroupRef, reply: Reply, key: str) -> str:
        """Post to the group's channel with chat.postMessage, once; the message ts.

        Raises PostFailed when Slack did not confirm: the ledger records it and decides
        about a retry (`maybe_posted` says whether the message may be there anyway).
        The ledger key rides in the message metadata and the buttons.
        """
        reply = localize(reply)
        files = await self.uploads.files(reply, key)  # a retried post reuses its uploads
        try:
            answer = await self.client.chat_postMessage(
                channel=group.channel,
                text=fallback_text(reply),
                blocks=to_blocks(reply, origin=key, files=files),
                metadata={"event_type": POST_EVENT, "event_payload": {"key": key}},
                unfurl_links=False,
                unfurl_media=False,
            )
        except Exception as error:
            code = error_code(error)
            if code in {"not_in_channel", "channel_not_found", "is_archived"}:
                log.error("cannot post in %s (%s): invite the bot there", group.channel, code)
            raise PostFailed(group.channel, code, may_have_arrived(error)) from error
        return str(answer["ts"])
