"""A small local Discord: the REST routes and gateway frames the adapter uses, on 127.0.0.1."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from typing import Any

import discord
from aiohttp import WSMsgType, web

BOT_ID = 900
APP_ID = 901
GUILD_ID = 910
CHANNEL_ID = 911
EVERYONE = discord.Permissions(
    view_channel=True,
    send_messages=True,
    embed_links=True,
    create_public_threads=True,
    send_messages_in_threads=True,
    read_message_history=True,
)
BOT_USER = {
    "id": str(BOT_ID),
    "username": "studybot",
    "discriminator": "0",
    "global_name": None,
    "avatar": None,
    "bot": True,
}
STAMP = "2026-11-21T09:00:00+00:00"


@dataclass(frozen=True)
class Call:
    """One REST request the client made."""

    method: str
    path: str
    body: Any


@dataclass
class FakeDiscord:
    """Discord's REST API and gateway, as far as studybot's adapter uses them."""

    calls: list[Call] = field(default_factory=list)
    messages: dict[str, dict[str, Any]] = field(default_factory=dict)
    threads: dict[str, dict[str, Any]] = field(default_factory=dict)
    identify: dict[str, Any] = field(default_factory=dict)
    limited: list[float] = field(default_factory=list)  # the next sends get 429, retry_after
    _nonces: dict[tuple[str, str], str] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))
    _runner: web.AppRunner | None = None
    url: str = ""

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"

    async def close(self) -> None:
        """Stop listening."""
        if self._runner is not None:
            await self._runner.cleanup()

    def called(self, method: str, path: str) -> list[Call]:
        """The requests made to one route."""
        return [c for c in self.calls if (c.method, c.path) == (method, path)]

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["path"]
        body = await request.json() if request.can_read_body else None
        self.calls.append(Call(request.method, path, body))
        handler = _ROUTES.get((request.method, _shape(path)))
        if handler is None:
            return _error(404, 0, f"the fake has no route {request.method} {path}")
        return handler(self, path.split("/"), body)

    def _me(self, parts: list[str], body: Any) -> web.Response:
        return _json(BOT_USER)

    def _application(self, parts: list[str], body: Any) -> web.Response:
        return _json(
            {
                "id": str(APP_ID),
                "name": "studybot",
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": {**BOT_USER, "id": "1", "username": "owner", "bot": False},
                "verify_key": "0" * 64,
                "flags": 0,
            }
        )

    def _gateway_bot(self, parts: list[str], body: Any) -> web.Response:
        gateway = self.url.replace("http", "ws", 1) + "/gateway"
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        return _json({"url": gateway, "shards": 1, "session_start_limit": limit})

    def _put_commands(self, parts: list[str], body: Any) -> web.Response:
        return _json(
            [
                {"id": str(next(self._ids)), "application_id": str(APP_ID), "version": "1", **c}
                for c in body
            ]
        )

    def _send(self, parts: list[str], body: Any) -> web.Response:
        if self.limited:
            wait = self.limited.pop(0)
            limit = {"message": "You are being rate limited.", "retry_after": wait, "global": False}
            limited = _json(limit, status=429)
            limited.headers.update({"Retry-After": str(int(wait)), "Via": "1.1 google"})
            return limited
        channel = parts[2]
        nonce = str(body.get("nonce", ""))
        if body.get("enforce_nonce") and (channel, nonce) in self._nonces:
            return _json(self.messages[self._nonces[(channel, nonce)]])
        message = {
            "id": str(next(self._ids)),
            "channel_id": channel,
            "guild_id": str(GUILD_ID),
            "author": BOT_USER,
            "content": body.get("content") or "",
            "timestamp": STAMP,
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds", []),
            "components": body.get("components", []),
            "pinned": False,
            "type": 0,
            "nonce": nonce,
        }
        self.messages[message["id"]] = message
        if body.get("enforce_nonce"):
            self._nonces[(channel, nonce)] = message["id"]
        return _json(message)

    def _start_thread(self, parts: list[str], body: Any) -> web.Response:
        channel, message = parts[2], parts[4]
        if message in self.threads:
            return _error(400, 160004, "A thread has already been created for this message")
        thread = {
            "id": str(next(self._ids)),
            "guild_id": str(GUILD_ID),
            "parent_id": channel,
            "owner_id": str(BOT_ID),
            "name": body["name"],
            "type": 11,
            "member_count": 1,
            "message_count": 0,
            "rate_limit_per_user": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": body.get("auto_archive_duration", 1440),
                "archive_timestamp": STAMP,
                "locked": False,
            },
        }
        self.threads[message] = thread
        return _json(thread)

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        """HELLO, wait for IDENTIFY, then READY and one server; answer heartbeats until closed."""
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        await socket.send_json({"op": 10, "d": {"heartbeat_interval": 45_000}})
        sequence = itertools.count(1)
        async for frame in socket:
            if frame.type != WSMsgType.TEXT:
                break
            payload = json.loads(frame.data)
            if payload["op"] == 1:
                await socket.send_json({"op": 11})
            elif payload["op"] == 2:
                self.identify = payload["d"]
                shard = payload["d"].get("shard", [0, 1])
                await socket.send_json(_dispatch("READY", next(sequence), _ready(shard)))
                await socket.send_json(_dispatch("GUILD_CREATE", next(sequence), _guild()))
        return socket


_ROUTES = {
    ("GET", "/users/@me"): FakeDiscord._me,
    ("GET", "/oauth2/applications/@me"): FakeDiscord._application,
    ("GET", "/gateway/bot"): FakeDiscord._gateway_bot,
    ("PUT", "/applications/*/commands"): FakeDiscord._put_commands,
    ("PUT", "/applications/*/guilds/*/commands"): FakeDiscord._put_commands,
    ("POST", "/channels/*/messages"): FakeDiscord._send,
    ("POST", "/channels/*/messages/*/threads"): FakeDiscord._start_thread,
}


def _shape(path: str) -> str:
    """A path with its ids as `*`: /channels/911/messages -> /channels/*/messages."""
    return "/".join("*" if part.isdigit() else part for part in path.split("/"))


def _json(data: Any, status: int = 200) -> web.Response:
    """JSON as Discord sends it: discord.py reads a body as JSON only for exactly this type."""
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"}
    )


def _error(status: int, code: int, message: str) -> web.Response:
    return _json({"code": code, "message": message}, status=status)


def _dispatch(event: str, sequence: int, data: dict[str, Any]) -> dict[str, Any]:
    return {"op": 0, "t": event, "s": sequence, "d": data}


def _ready(shard: list[int]) -> dict[str, Any]:
    return {
        "v": 10,
        "user": BOT_USER,
        "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
        "session_id": "fake-session",
        "resume_gateway_url": "ws://127.0.0.1:1",
        "shard": shard,
        "application": {"id": str(APP_ID), "flags": 0},
    }


def _guild() -> dict[str, Any]:
    return {
        "id": str(GUILD_ID),
        "name": "ML study",
        "owner_id": "1",
        "unavailable": False,
        "member_count": 2,
        "roles": [
            {
                "id": str(GUILD_ID),
                "name": "@everyone",
                "permissions": str(EVERYONE.value),
                "position": 0,
                "color": 0,
                "hoist": False,
                "managed": False,
                "mentionable": False,
            }
        ],
        "channels": [
            {
                "id": str(CHANNEL_ID),
                "type": 0,
                "name": "study",
                "position": 0,
                "permission_overwrites": [],
            }
        ],
        "members": [
            {
                "user": BOT_USER,
                "roles": [],
                "joined_at": STAMP,
                "deaf": False,
                "mute": False,
                "flags": 0,
            }
        ],
        "threads": [],
        "emojis": [],
        "stickers": [],
        "features": [],
    }
