"""The Slack adapter: a slack-bolt AsyncApp over Socket Mode or HTTP, and the daily post."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.authorization.async_authorize import (
    AsyncAuthorize,
    AsyncInstallationStoreAuthorize,
)
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.files import Uploads
from adapters.slack.http import add_install_routes, events_app
from adapters.slack.identity import Admins
from adapters.slack.installations import CALLBACKS, STATE_LIFETIME, InstallationStore, StateStore
from adapters.slack.listeners import Listeners
from adapters.slack.manifest import EVENTS_PATH, SCOPES
from adapters.slack.render import fallback_text, to_blocks
from adapters.slack.routing import localize
from adapters.slack.tokens import ROTATE_BEFORE, Tokens
from adapters.slack.uninstall import Uninstalls
from adapters.slack.web import (
    REVOKED,
    TIMEOUT,
    PostFailed,
    asked_wait,
    error_code,
    make_client,
    may_have_arrived,
)
from bot.config import ConfigError, Settings
from bot.core import Core
from bot.messages import GroupRef, Reply
from bot.store import Store

log = logging.getLogger(__name__)


POST_EVENT = "studybot_daily_post"  # message metadata type; its payload holds the ledger key
HISTORY_PAGE = 200  # messages per conversations.history call (Slack's own cap is 999)
HISTORY_PAGES = 5  # a busier channel than 1,000 messages since the slot: cannot tell
SKEW = 300  # seconds: Slack's clock may differ from ours
PURGE_EVERY = 3600.0  # seconds between looks for uninstalled workspaces to purge


class SlackAdapter:
    """Serves slash commands, buttons and modals, and posts the daily problem.

    Self-hosted (SLACK_BOT_TOKEN): one workspace, Socket Mode or HTTP. Distributed
    (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET): any workspace that installs the app through
    /slack/install, each with its own token, over HTTP.
    """

    def __init__(
        self,
        core: Core,
        settings: Settings,
        *,
        base_url: str | None = None,
        timeout: float = TIMEOUT,
    ) -> None:
        _check(settings)
        self.socket_mode = bool(settings.slack_app_token) and not settings.slack_distributed
        self.core = core
        self.settings = settings
        api = base_url or settings.slack_api_url or None
        self.client = make_client(settings.slack_bot_token or None, api, timeout=timeout)
        store, now = (lambda: self.core.context.store), (lambda: self.core.context.clock.now())
        self.tokens = Tokens(settings, self.client, store, now, base_url=api, timeout=timeout)
        self.uninstalls = Uninstalls(store, now, timedelta(days=settings.slack_purge_days))
        oauth = oauth_settings(settings, store, now) if self.tokens.distributed else None
        self.app = AsyncApp(
            client=self.client,
            signing_secret=settings.slack_signing_secret,
            request_verification_enabled=not self.socket_mode,
            oauth_settings=oauth,
            authorize=None if oauth is None else authorize(oauth, self.client),
            name="studybot",
            logger=logging.getLogger("adapters.slack.bolt"),
        )
        self._connected = asyncio.Event()
        self._held: dict[str, datetime] = {}  # workspace -> rate-limited until
        self.uploads = Uploads()
        self.uninstalls.register(self.app)
        Listeners(core, Admins(store), self.uploads).register(self.app)

    async def run(self) -> None:
        """Serve until cancelled: Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT."""
        await self.check_tokens()
        if self.socket_mode:
            await self._run_socket_mode()
            return
        async with self.serve_http(port=self.settings.port) as url:
            mode = "distributed (install at /slack/install)" if self.tokens.distributed else "HTTP"
            log.info("Slack: %s mode, receiving requests at %s", mode, url)
            self._connected.set()
            while True:  # an uninstalled workspace's data goes once its grace period is over
                await self.uninstalls.purge()
                await asyncio.sleep(PURGE_EVERY)

    async def connected(self) -> None:
        """Return once requests are being received (the HTTP port is open, or the socket is)."""
        await self._connected.wait()

    async def check_tokens(self) -> None:
        """Fail fast on a token Slack refuses (slack_sdk's Socket Mode would retry forever)."""
        if self.tokens.distributed:  # each workspace's token is checked as it is used
            return
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
        if self.app.oauth_flow is not None:
            add_install_routes(web_app, self.app.oauth_flow)
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
        The ledger key rides in the message metadata and the buttons. A workspace that
        rate-limited us is not asked again before it said (the others go on).
        """
        now = self.core.context.clock.now()
        held = self._held.get(group.workspace)
        if held is not None and held > now:
            raise PostFailed(group.channel, "ratelimited", False, held - now)
        client = await self.tokens.client_for(group)
        reply = localize(reply)
        files = await self.uploads.files(client, reply, key)  # a retried post reuses them
        try:
            answer = await client.chat_postMessage(
                channel=group.channel,
                text=fallback_text(reply),
                blocks=to_blocks(reply, origin=key, files=files),
                metadata={"event_type": POST_EVENT, "event_payload": {"key": key}},
                unfurl_links=False,
                unfurl_media=False,
            )
        except Exception as error:
            raise await self._failed(group, error) from error
        return str(answer["ts"])

    async def _failed(self, group: GroupRef, error: Exception) -> PostFailed:
        """What a failed chat.postMessage means for the ledger, told to the log once."""
        code = error_code(error)
        wait = asked_wait(error)
        if wait is not None:
            self._held[group.workspace] = self.core.context.clock.now() + wait
        if code in {"not_in_channel", "channel_not_found", "is_archived"}:
            log.error("cannot post in %s (%s): invite the bot there", group.channel, code)
        refused = code in REVOKED
        if refused:
            await self.tokens.refused(group.workspace, code)
        return PostFailed(group.channel, code, may_have_arrived(error), wait, permanent=refused)

    async def find_post(self, group: GroupRef, key: str, since: datetime) -> str | None:
        """The ts of our post under ledger `key` in the channel since `since`; None if absent.

        The key rides in each post's metadata. Raises when Slack cannot tell (no access to
        the history, or too many messages to look through): the post stays unsure.
        """
        client = await self.tokens.client_for(group)
        cursor = None
        for _ in range(HISTORY_PAGES):
            answer = await client.conversations_history(
                channel=group.channel,
                oldest=f"{since.timestamp() - SKEW:.6f}",
                include_all_metadata=True,
                limit=HISTORY_PAGE,
                cursor=cursor,
            )
            for message in answer.get("messages") or []:
                metadata = message.get("metadata") or {}
                payload = metadata.get("event_payload") or {}
                if metadata.get("event_type") == POST_EVENT and payload.get("key") == key:
                    return str(message["ts"])
            cursor = (answer.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return None
        raise LookupError(f"more than {HISTORY_PAGES * HISTORY_PAGE} messages to look through")


def oauth_settings(
    settings: Settings, store: Callable[[], Store], now: Callable[[], datetime]
) -> AsyncOAuthSettings:
    """bolt's install flow on our database: /slack/install and /slack/oauth_redirect."""
    return AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(SCOPES),
        installation_store=InstallationStore(store, now),
        installation_store_bot_only=True,
        state_store=StateStore(store, now),
        state_expiration_seconds=int(STATE_LIFETIME.total_seconds()),
        token_rotation_expiration_minutes=ROTATE_BEFORE,
        callback_options=CALLBACKS,
        logger=logging.getLogger("adapters.slack.oauth"),
    )


def authorize(oauth: AsyncOAuthSettings, client: AsyncWebClient) -> AsyncAuthorize:
    """bolt's per-request token lookup and rotation, calling Slack through our client.

    The one bolt builds from the OAuth settings refreshes tokens through a client of its
    own, which ignores SLACK_API_URL.
    """
    return AsyncInstallationStoreAuthorize(
        logger=logging.getLogger("adapters.slack.oauth"),
        client_id=oauth.client_id,
        client_secret=oauth.client_secret,
        token_rotation_expiration_minutes=oauth.token_rotation_expiration_minutes,
        installation_store=oauth.installation_store,
        bot_only=True,
        client=client,
    )


def _check(settings: Settings) -> None:
    """Refuse settings that cannot work, saying which variable to set."""
    if settings.slack_distributed:
        if not settings.slack_signing_secret:
            raise ConfigError(
                "distributed mode (SLACK_CLIENT_ID) needs SLACK_SIGNING_SECRET to verify requests"
            )
        if settings.slack_app_token:
            raise ConfigError(
                "distributed mode serves HTTP: unset SLACK_APP_TOKEN (Socket Mode apps "
                "cannot be installed by other workspaces)"
            )
        return
    if not settings.slack_bot_token:
        raise ConfigError("SLACK_BOT_TOKEN is not set: copy the app's Bot User OAuth Token")
    if not settings.slack_app_token and not settings.slack_signing_secret:
        raise ConfigError(
            "Slack needs SLACK_APP_TOKEN (Socket Mode) or, for HTTP mode, "
            "SLACK_SIGNING_SECRET to verify requests"
        )
