"""A local stand-in for Slack on 127.0.0.1: the Web API, response_urls and Socket Mode.

It records every call, answers like Slack does, and can be scripted to fail: a Slack
error, an HTTP status (429 with Retry-After), a dropped connection after the request
arrived, or a response that never comes. Its other half sends signed requests into the
app, as Slack does.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from aiohttp import ClientSession, WSMsgType, web
from slack_sdk.signature import SignatureVerifier

TEAM = "T0TEAM"
BOT_USER = "U0BOT"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
EPOCH = 1795251600  # 2026-11-21 09:00 UTC, the tests' START: message ts count from here


@dataclass(frozen=True)
class Call:
    """One request the app made: a Web API method or a response_url post."""

    method: str
    args: dict[str, Any]
    token: str = ""


@dataclass(frozen=True)
class Outcome:
    """A scripted answer: a status and body, a dropped connection, or no answer at all."""

    status: int = 200
    body: dict[str, Any] | str = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False  # close the connection after reading the request: the answer is lost
    hang: bool = False  # never answer
    acted: bool = False  # Slack performed the call (a message was posted) before this answer


def error(code: str, status: int = 200) -> Outcome:
    """Slack's answer to a call it refuses."""
    return Outcome(status, {"ok": False, "error": code})


def lost(status: int = 500) -> Outcome:
    """Slack posted the message, then its answer failed: what a crash behind Slack's edge does."""
    return Outcome(status, {"ok": False, "error": "internal_error"}, acted=True)


def rate_limited(retry_after: str) -> Outcome:
    """Slack's 429."""
    return Outcome(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": retry_after})


class FakeSlack:
    """Slack's side of the conversation, recorded."""

    def __init__(self, epoch: int = EPOCH) -> None:
        self.epoch = epoch
        self.calls: list[Call] = []
        self.admins: set[str] = set()
        self.channels: dict[str, list[dict[str, Any]]] = {}  # messages posted, oldest first
        # Unscripted calls: an outcome chosen from (method, args), or None for the usual one.
        self.decide: Callable[[str, dict[str, Any]], Outcome | None] | None = None
        self.latency = 0.0  # seconds before each chat.postMessage is answered
        # The install flow: an authorization code -> (team, team name, token lifetime or 0).
        self.codes: dict[str, tuple[str, str, int]] = {}
        self.tokens: dict[str, str] = {}  # bot token -> its team
        self._refresh: dict[str, str] = {}  # refresh token -> its team
        self._lifetime: dict[str, int] = {}  # team -> seconds its tokens last (0: forever)
        self._working = 0  # API calls being answered
        self.socket_acks: list[dict[str, Any]] = []
        self._scripts: dict[str, deque[Outcome]] = {}
        self._changed = asyncio.Condition()
        self._closing = asyncio.Event()
        self._sockets: list[web.WebSocketResponse] = []
        self._ts = 0
        self._files = 0
        self._runner: web.AppRunner | None = None
        self.base = ""

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/respond/{name}", self._respond)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.base = f"http://127.0.0.1:{self._runner.addresses[0][1]}"

    async def stop(self) -> None:
        """Stop listening; hanging answers and sockets end."""
        self._closing.set()
        for socket in self._sockets:
            await socket.close()
        if self._runner:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        """The base_url for a slack_sdk client."""
        return f"{self.base}/api/"

    def response_url(self, name: str = "1") -> str:
        """A response_url whose posts are recorded as method `respond:<name>`."""
        return f"{self.base}/respond/{name}"

    def script(self, method: str, *outcomes: Outcome) -> None:
        """Answer the next calls to `method` with these outcomes, then normally again."""
        self._scripts.setdefault(method, deque()).extend(outcomes)

    def to(self, method: str) -> list[Call]:
        """The calls made to `method` so far."""
        return [call for call in self.calls if call.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        """Wait until `method` was called `count` times; the calls to it."""
        await self._wait(lambda: len(self.to(method)) >= count, timeout)
        return self.to(method)

    async def _wait(self, ready: Callable[[], bool], timeout: float) -> None:
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(ready)

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    async def settled(self, timeout: float = 10.0) -> None:
        """Wait until every call that arrived has been acted on, even if its caller is gone."""
        await self._wait(lambda: self._working == 0, timeout)

    async def _api(self, request: web.Request) -> web.StreamResponse:
        self._working += 1
        try:
            # Shielded: a request that reached Slack is carried out even if the caller died.
            return await asyncio.shield(self._carry_out(request))
        finally:
            async with self._changed:
                self._working -= 1
                self._changed.notify_all()

    async def _carry_out(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        args = await _arguments(request)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        token = token or str(args.get("token") or "")
        await self._record(Call(method, args, token))
        if method == "chat.postMessage" and self.latency:
            await asyncio.sleep(self.latency)
        script = self._scripts.get(method)
        decided = self.decide(method, args) if self.decide and not script else None
        if script:
            outcome = script.popleft()
        else:
            outcome = decided or Outcome(body=self._answer(method, args, token))
        if outcome.acted:
            self._answer(method, args, token)
        return await self._deliver(request, outcome)

    def posted(self, channel: str) -> list[dict[str, Any]]:
        """The messages in a channel, oldest first."""
        return self.channels.get(channel, [])

    async def _respond(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        await self._record(Call(f"respond:{name}", await request.json()))
        script = self._scripts.get(f"respond:{name}")
        outcome = script.popleft() if script else Outcome(body="ok")
        return await self._deliver(request, outcome)

    async def _upload(self, request: web.Request) -> web.StreamResponse:
        """files_upload_v2's second step: the file's bytes, to the URL Slack handed out."""
        file_id = request.match_info["file_id"]
        data = await request.read()
        await self._record(Call(f"upload:{file_id}", {"size": len(data), "data": data}))
        return web.Response(text=f"OK - {len(data)}")

    async def _deliver(self, request: web.Request, outcome: Outcome) -> web.StreamResponse:
        if outcome.drop:
            assert request.transport is not None
            request.transport.close()
            return web.Response()
        if outcome.hang:
            await self._closing.wait()
        if isinstance(outcome.body, str):
            return web.Response(status=outcome.status, text=outcome.body, headers=outcome.headers)
        return web.json_response(outcome.body, status=outcome.status, headers=outcome.headers)

    def _answer(self, method: str, args: dict[str, Any], token: str = "") -> dict[str, Any]:
        """What Slack answers to a call that works."""
        if method == "auth.test":
            team = self.tokens.get(token, TEAM)
            return {"ok": True, "team_id": team, "user_id": BOT_USER, "bot_id": f"B{team}"}
        if method == "oauth.v2.access":
            return self._access(args)
        if method == "chat.postMessage":
            self._ts += 1
            ts = f"{self.epoch}.{self._ts:06d}"
            message = {"ts": ts, "text": args.get("text"), "metadata": args.get("metadata")}
            self.channels.setdefault(str(args.get("channel")), []).append(message)
            return {"ok": True, "channel": args.get("channel"), "ts": ts, "message": {"ts": ts}}
        if method == "conversations.history":
            return self._history(args)
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"{self.epoch}.900000"}
        if method == "users.info":
            user = str(args.get("user"))
            admin = user in self.admins
            return {"ok": True, "user": {"id": user, "is_admin": admin, "is_owner": False}}
        if method in {"views.open", "views.push", "views.update"}:
            view = dict(args.get("view") or {})
            return {"ok": True, "view": {"id": args.get("view_id") or "V0MODAL", **view}}
        if method == "files.getUploadURLExternal":
            self._files += 1
            file_id = f"F{self._files:08d}"
            return {"ok": True, "upload_url": f"{self.base}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = args.get("files")
            files = json.loads(files) if isinstance(files, str) else files
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in files]}
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws{self.base.removeprefix('http')}/socket"}
        return {"ok": True}

    def _access(self, args: dict[str, Any]) -> dict[str, Any]:
        """oauth.v2.access: a code for a first token, or a refresh token for the next one."""
        if args.get("grant_type") == "refresh_token":
            team = self._refresh.pop(str(args.get("refresh_token")), "")
            if not team:
                return {"ok": False, "error": "invalid_refresh_token"}
            name = ""
        elif str(args.get("code")) in self.codes:
            team, name, self._lifetime[team] = self.codes.pop(str(args.get("code")))
        else:
            return {"ok": False, "error": "invalid_code"}
        self._ts += 1
        token = f"xoxb-{team}-{self._ts}"
        self.tokens[token] = team
        answer: dict[str, Any] = {
            "ok": True,
            "access_token": token,
            "token_type": "bot",
            "scope": "commands,chat:write",
            "bot_user_id": BOT_USER,
            "app_id": "A0APP",
            "team": {"id": team, "name": name},
            "enterprise": None,
            "is_enterprise_install": False,
            "authed_user": {"id": "U0ADA"},
        }
        if self._lifetime.get(team):
            refresh = f"xoxe-{team}-{self._ts}"
            self._refresh[refresh] = team
            answer |= {"refresh_token": refresh, "expires_in": self._lifetime[team]}
        return answer

    def _history(self, args: dict[str, Any]) -> dict[str, Any]:
        """A channel's messages newest first, a page at a time, metadata only when asked."""
        oldest = float(args.get("oldest") or 0)
        found = [m for m in self.posted(str(args.get("channel"))) if float(m["ts"]) >= oldest]
        found.reverse()
        start = int(args.get("cursor") or 0)
        limit = int(args.get("limit") or 100)
        page = found[start : start + limit]
        if not _truthy(args.get("include_all_metadata")):
            page = [{k: v for k, v in m.items() if k != "metadata"} for m in page]
        more = start + limit < len(found)
        cursor = str(start + limit) if more else ""
        return {
            "ok": True,
            "messages": page,
            "has_more": more,
            "response_metadata": {"next_cursor": cursor},
        }

    # Socket Mode: Slack's websocket end.

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self._sockets.append(socket)
        await socket.send_json({"type": "hello", "num_connections": 1})
        async with self._changed:
            self._changed.notify_all()
        async for message in socket:
            if message.type == WSMsgType.TEXT:
                async with self._changed:
                    self.socket_acks.append(json.loads(message.data))
                    self._changed.notify_all()
        return socket

    async def socket_connected(self, timeout: float = 10.0) -> None:
        """Wait until the app opened its Socket Mode connection."""
        await self._wait(lambda: bool(self._sockets), timeout)

    async def envelope(self, kind: str, payload: dict[str, Any], timeout: float = 10.0) -> dict:
        """Send one Socket Mode envelope and wait for the app's ack of it."""
        envelope_id = f"env-{len(self.socket_acks) + 1}-{kind}"
        await self._sockets[-1].send_json(
            {
                "envelope_id": envelope_id,
                "type": kind,
                "payload": payload,
                "accepts_response_payload": kind != "events_api",
                "retry_attempt": 0,
                "retry_reason": "",
            }
        )
        await self._wait(
            lambda: any(a.get("envelope_id") == envelope_id for a in self.socket_acks), timeout
        )
        acked = [a for a in self.socket_acks if a.get("envelope_id") == envelope_id]
        return acked[0]


def _truthy(value: Any) -> bool:
    return value in {True, "1", "true", "True"}


def texts(blocks: Any) -> str:
    """Every text object's text in some blocks, one a line: what a reader sees."""
    if isinstance(blocks, list):
        return "\n".join(filter(None, (texts(block) for block in blocks)))
    if not isinstance(blocks, dict):
        return ""
    if blocks.get("type") in {"plain_text", "mrkdwn"}:
        return str(blocks.get("text", ""))
    return "\n".join(filter(None, (texts(value) for value in blocks.values())))


async def _arguments(request: web.Request) -> dict[str, Any]:
    """A Web API call's arguments, JSON or form or query; JSON-valued fields decoded."""
    if request.content_type == "application/json":
        args = dict(await request.json())
    else:
        args = {**request.query, **(await request.post())}
    for key in ("blocks", "view", "metadata"):
        if isinstance(args.get(key), str):
            args[key] = json.loads(args[key])
    return args


class SlackSide:
    """Sends what Slack sends: signed slash commands and interaction payloads."""

    def __init__(self, session: ClientSession, url: str, fake: FakeSlack) -> None:
        self.session = session
        self.url = url
        self.fake = fake
        self._sent = 0

    async def post(
        self,
        body: str,
        *,
        secret: str = SECRET,
        timestamp: int | None = None,
        content_type: str = "application/x-www-form-urlencoded",
        retry: int = 0,
    ) -> tuple[int, str]:
        """POST a signed body (the `retry`-th retry of it); (status, text) of the app's answer."""
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
        headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": signature,
        }
        if retry:
            headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        async with self.session.post(self.url, data=body, headers=headers) as answer:
            return answer.status, await answer.text()

    def command_body(
        self,
        command: str,
        text: str = "",
        *,
        user: str = "U0ADA",
        channel: str = "C0STUDY",
        team: str = TEAM,
    ) -> tuple[str, str]:
        """A slash command's form body, and the name of its response_url."""
        self._sent += 1
        name = str(self._sent)
        body = urlencode(
            {
                "token": "legacy",
                "team_id": team,
                "team_domain": "study",
                "channel_id": channel,
                "channel_name": "study-group",
                "user_id": user,
                "user_name": user.lower().removeprefix("u0"),
                "command": command,
                "text": text,
                "api_app_id": "A0APP",
                "response_url": self.fake.response_url(name),
                "trigger_id": f"trigger-{name}",
            }
        )
        return body, name

    async def command(self, command: str, text: str = "", **where: str) -> tuple[int, str, str]:
        """Send a slash command; (status, text, response_url name)."""
        body, name = self.command_body(command, text, **where)
        status, answer = await self.post(body)
        return status, answer, name

    async def event(self, team: str, event: dict[str, Any], event_id: str, retry: int = 0) -> int:
        """Deliver an Events API event; the app's status."""
        body = {
            "token": "legacy",
            "team_id": team,
            "api_app_id": "A0APP",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
        }
        status, _ = await self.post(json.dumps(body), content_type="application/json", retry=retry)
        return status

    async def interact(self, payload: dict[str, Any]) -> tuple[int, str]:
        """Send an interaction payload (a click, a modal submission)."""
        return await self.post(urlencode({"payload": json.dumps(payload)}))

    def click(
        self,
        button: dict[str, Any],
        *,
        user: str = "U0ADA",
        channel: str = "C0STUDY",
        view: dict[str, Any] | None = None,
        team: str = TEAM,
    ) -> tuple[dict[str, Any], str]:
        """The block_actions payload of a click on `button` (a rendered element); its url name."""
        self._sent += 1
        name = str(self._sent)
        payload: dict[str, Any] = {
            "type": "block_actions",
            "team": {"id": team, "domain": "study"},
            "user": {"id": user, "username": user.lower(), "team_id": team},
            "api_app_id": "A0APP",
            "token": "legacy",
            "trigger_id": f"trigger-{name}",
            "actions": [
                {
                    "type": "button",
                    "action_id": button["action_id"],
                    "block_id": "b1",
                    "text": button["text"],
                    "value": button.get("value", ""),
                    "action_ts": "1763715601.000001",
                }
            ],
        }
        if view is None:
            payload |= {
                "container": {"type": "message", "channel_id": channel, "is_ephemeral": False},
                "channel": {"id": channel, "name": "study-group"},
                "response_url": self.fake.response_url(name),
            }
        else:
            payload |= {"container": {"type": "view", "view_id": view["id"]}, "view": view}
        return payload, name

    @staticmethod
    def submission(view: dict[str, Any], answer: str, *, user: str = "U0ADA") -> dict[str, Any]:
        """The view_submission payload of the answer modal with `answer` typed in."""
        state = {"values": {"answer": {"text": {"type": "plain_text_input", "value": answer}}}}
        return {
            "type": "view_submission",
            "team": {"id": TEAM, "domain": "study"},
            "user": {"id": user, "username": user.lower(), "team_id": TEAM},
            "api_app_id": "A0APP",
            "token": "legacy",
            "trigger_id": "trigger-submit",
            "view": {**view, "id": view.get("id", "V0MODAL"), "state": state},
        }
