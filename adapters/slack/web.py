"""Slack Web API clients that never re-send a request Slack may have acted on.

slack_sdk's default retry handler re-sends a call after `ServerDisconnectedError`,
`ClientOSError` (connection reset) and `ServerTimeoutError`: each can happen after the
request reached Slack, so a re-sent `chat.postMessage` posts twice. Here a call is
retried only when Slack certainly did not act on it:

* the connection was never made (`ClientConnectorError`: DNS, refused, TLS handshake;
  `ConnectionTimeoutError`: connect timed out). slack_sdk opens a fresh session per
  call unless given one (we never give one), so no request byte was written;
* Slack answered 429: a rate-limited call is rejected, not performed. We wait exactly
  the `Retry-After` it asks for, unless that is longer than `max_wait`: then the error
  goes to the caller (for a daily post, the ledger retries it later).

Everything else (5xx, a lost response, a read timeout) raises, and the caller decides.

Two 429 waits and a slow last call (2 x MAX_WAIT + TIMEOUT) fit inside the daily
runner's send window (half its 2-minute lease), so the runner does not cancel a post
while its request is in flight; cancelling during a wait or a failed connect is harmless.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from aiohttp import ClientConnectorError, ConnectionTimeoutError
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.daily import SendFailed

log = logging.getLogger(__name__)

SLACK_API = "https://slack.com/api/"
TIMEOUT = 20.0  # seconds for one call; Slack answers in well under one
MAX_WAIT = 15.0  # the longest Retry-After we wait for; a longer one goes back to the caller
NOT_SENT = (ClientConnectorError, ConnectionTimeoutError)
"""Errors raised before any byte of the request left this machine."""

Sleep = Callable[[float], Awaitable[None]]


class NotSentRetryHandler(AsyncRetryHandler):
    """Retries a call whose connection could not be made, so Slack never saw it."""

    def __init__(self, max_retry_count: int = 2, sleep: Sleep = asyncio.sleep) -> None:
        super().__init__(max_retry_count, BackoffRetryIntervalCalculator(backoff_factor=0.5))
        self._sleep = sleep

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return isinstance(error, NOT_SENT)

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        wait = self.interval_calculator.calculate_sleep_duration(state.current_attempt)
        log.info("could not connect to Slack for %s (%s); retrying", request.url, error)
        state.next_attempt_requested = True
        await self._sleep(wait)
        state.increment_current_attempt()


class RetryAfterHandler(AsyncRetryHandler):
    """Retries a rate-limited (429) call after the Retry-After Slack asked for, if short enough."""

    def __init__(
        self, max_retry_count: int = 2, max_wait: float = MAX_WAIT, sleep: Sleep = asyncio.sleep
    ) -> None:
        super().__init__(max_retry_count)
        self.max_wait = max_wait
        self._sleep = sleep

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return (
            response is not None
            and response.status_code == 429
            and (retry_after(response) <= self.max_wait)
        )

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        assert response is not None
        wait = retry_after(response)
        log.info("Slack rate-limited %s; retrying in %.1f s as asked", request.url, wait)
        state.next_attempt_requested = True
        await self._sleep(wait)
        state.increment_current_attempt()


def retry_after(response: HttpResponse) -> float:
    """The Retry-After of a 429 in seconds (1 when missing or unreadable)."""
    for name, values in response.headers.items():
        if name.lower() == "retry-after":
            value = values[0] if isinstance(values, list) else values  # slack_sdk lists them
            try:
                return max(0.0, float(value))
            except ValueError:
                break
    return 1.0


def safe_retry_handlers(
    sleep: Sleep = asyncio.sleep, max_wait: float = MAX_WAIT
) -> list[AsyncRetryHandler]:
    """The only retries that can never make Slack act twice."""
    return [NotSentRetryHandler(sleep=sleep), RetryAfterHandler(max_wait=max_wait, sleep=sleep)]


def make_client(
    token: str,
    base_url: str | None = None,
    *,
    timeout: float = TIMEOUT,
    sleep: Sleep = asyncio.sleep,
    max_wait: float = MAX_WAIT,
) -> AsyncWebClient:
    """A Web API client with safe retries only; `base_url` points it at a fake in tests.

    `max_wait`: the longest Retry-After waited inside a call; a longer one raises.
    """
    return AsyncWebClient(
        token=token,
        base_url=base_url or SLACK_API,
        timeout=timeout,  # type: ignore[arg-type]  # aiohttp takes float seconds
        retry_handlers=safe_retry_handlers(sleep, max_wait),
        logger=log,
    )


class RespondFailed(RuntimeError):
    """A response_url refused our message; `code` is Slack's answer, like `expired_url`."""

    def __init__(self, status: int, code: str) -> None:
        super().__init__(f"response_url answered {status}: {code}")
        self.status = status
        self.code = code


async def respond(url: str, payload: dict[str, Any], *, timeout: float = TIMEOUT) -> None:
    """Send a message to a response_url with the same safe retries; raise on refusal."""
    client = AsyncWebhookClient(
        url,
        timeout=timeout,  # type: ignore[arg-type]  # aiohttp takes float seconds
        retry_handlers=safe_retry_handlers(),
        logger=log,
    )
    answer = await client.send_dict(payload)
    if answer.status_code != 200:
        raise RespondFailed(answer.status_code, (answer.body or "").strip()[:100])


def error_code(error: BaseException) -> str:
    """Slack's error code for a failed call (`not_in_channel`), or the exception's kind."""
    if isinstance(error, SlackApiError):
        response = error.response
        data = response.data if isinstance(response.data, dict) else {}
        return str(data.get("error") or f"http_{response.status_code}")
    if isinstance(error, RespondFailed):
        return error.code or f"http_{error.status}"
    if isinstance(error, TimeoutError):
        return "timeout"
    return type(error).__name__


def asked_wait(error: BaseException) -> timedelta | None:
    """The wait a 429 asked for (longer than we wait in the call), or None."""
    if isinstance(error, SlackApiError) and error.response.status_code == 429:
        wait = retry_after(HttpResponse(status_code=429, headers=error.response.headers or {}))
        return timedelta(seconds=wait)
    return None


REVOKED = frozenset({"invalid_auth", "token_revoked", "account_inactive", "not_authed"})
"""Slack's answers that mean the token will never work again."""


def may_have_arrived(error: BaseException) -> bool:
    """Whether Slack may have acted on the call that failed with `error`."""
    if isinstance(error, NOT_SENT):
        return False
    if isinstance(error, SlackApiError):
        return error.response.status_code >= 500
    return True


class PostFailed(SendFailed):
    """chat.postMessage failed; `maybe_posted` says whether the message may be in the channel."""

    def __init__(
        self,
        channel: str,
        code: str,
        maybe_posted: bool,
        retry_after: timedelta | None = None,
        *,
        permanent: bool = False,
    ) -> None:
        outcome = (
            "it may have been posted all the same (the response was lost)"
            if maybe_posted
            else "nothing was posted"
        )
        super().__init__(
            f"chat.postMessage to {channel} failed: {code}; {outcome}",
            maybe_posted=maybe_posted,
            retry_after=retry_after,
            permanent=permanent,
        )
        self.channel = channel
        self.code = code
