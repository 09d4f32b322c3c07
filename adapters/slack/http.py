"""Slack's HTTP endpoint: verify the signature before reading anything, then hand over to bolt."""

from __future__ import annotations

import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier

log = logging.getLogger(__name__)


def events_app(app: AsyncApp, signing_secret: str, path: str) -> web.Application:
    """An aiohttp application serving Slack's signed requests at `path`.

    bolt's own development server parses a body before its middleware checks the
    signature, so a forged or malformed request became a 500 with a traceback. Here an
    unsigned request gets 401 and a signed one that is not a Slack payload gets 400.
    """
    verifier = SignatureVerifier(signing_secret)

    async def receive(request: web.Request) -> web.StreamResponse:
        body = await request.text()
        if not verifier.is_valid_request(body, dict(request.headers)):
            log.info("refused a Slack request with no valid signature from %s", request.remote)
            return web.Response(status=401, text="invalid signature")
        try:
            bolt_request = AsyncBoltRequest(
                body=body,
                query=request.query_string,
                headers=dict(request.headers),
            )
            answer = await app.async_dispatch(bolt_request)
        except Exception as error:  # a signed request of the wrong shape: nothing to act on
            log.warning("refused a malformed Slack request: %s", type(error).__name__)
            return web.Response(status=400, text="malformed request")
        return await to_aiohttp_response(answer)

    web_app = web.Application()
    web_app.router.add_post(path, receive)
    return web_app


def add_install_routes(web_app: web.Application, flow: AsyncOAuthFlow) -> None:
    """The browser's side of the install: /slack/install and /slack/oauth_redirect (GET)."""

    async def install(request: web.Request) -> web.StreamResponse:
        return await to_aiohttp_response(await flow.handle_installation(_bolt(request)))

    async def redirect(request: web.Request) -> web.StreamResponse:
        return await to_aiohttp_response(await flow.handle_callback(_bolt(request)))

    web_app.router.add_get(flow.install_path, install)
    web_app.router.add_get(flow.redirect_uri_path, redirect)


def _bolt(request: web.Request) -> AsyncBoltRequest:
    return AsyncBoltRequest(body="", query=request.query_string, headers=dict(request.headers))
