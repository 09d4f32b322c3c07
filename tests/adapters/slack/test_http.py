"""HTTP mode end to end: signed slash commands into the app's server, answers at the fake Slack."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time

import pytest
from aiohttp import ClientSession

from adapters.slack import SlackAdapter
from adapters.slack.listeners import APOLOGY
from bot.config import ConfigError, Settings
from bot.core import Core
from bot.messages import GroupRef, Reply, Request
from tests.adapters.slack.fake_slack import SECRET, TEAM, FakeSlack, Outcome, SlackSide, texts
from tests.conftest import publish

GROUP = GroupRef("slack", TEAM, "C0STUDY", "study-group")


async def test_a_signed_roadmap_gets_its_answer_in_the_channel(
    slack: SlackSide, fake: FakeSlack
) -> None:
    status, body, url = await slack.command("/roadmap", "vectors")
    assert (status, body) == (200, "")
    (answer,) = await fake.wait_for(f"respond:{url}")
    assert answer.args["response_type"] == "in_channel"
    assert answer.args["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Vectors", "emoji": True},
    }
    assert "Why it matters for ML" in texts(answer.args["blocks"])
    assert answer.args["text"].startswith("Vectors")


async def test_the_group_and_member_are_team_and_channel_and_user(
    slack: SlackSide, fake: FakeSlack, core: Core
) -> None:
    _, _, url = await slack.command("/streak")
    await fake.wait_for(f"respond:{url}")
    store = core.context.store
    groups = await store.fetch_all("SELECT platform, workspace, channel, name FROM groups")
    members = await store.fetch_all("SELECT platform, workspace, user_id, name FROM members")
    assert [tuple(g) for g in groups] == [("slack", TEAM, "C0STUDY", "study-group")]
    assert [tuple(m) for m in members] == [("slack", TEAM, "U0ADA", "ada")]


async def test_answer_and_its_verdict_are_ephemeral(
    slack: SlackSide, fake: FakeSlack, core: Core
) -> None:
    await publish(core, "2026-11-21", "vectors-sum", GROUP)
    _, _, url = await slack.command("/answer", "[4, 6]")
    (answer,) = await fake.wait_for(f"respond:{url}")
    assert answer.args["response_type"] == "ephemeral"
    assert "Correct" in answer.args["text"] or "Right" in answer.args["text"]
    assert fake.to("chat.postMessage") == []


async def test_slack_escapes_are_undone_before_the_core_reads(
    slack: SlackSide, fake: FakeSlack, core: Core
) -> None:
    await publish(core, "2026-11-21", "vectors-sum", GROUP)
    _, _, url = await slack.command("/answer", "x &gt; 0")
    (answer,) = await fake.wait_for(f"respond:{url}")
    assert "x > 0" in answer.args["text"] or "x &gt; 0" in answer.args["text"]


@pytest.mark.parametrize(
    ("text", "title"),
    [("", "studybot commands"), ("help resource", "/resource"), ("config", "Daily challenge")],
)
async def test_studybot_reaches_help_and_config(
    slack: SlackSide, fake: FakeSlack, text: str, title: str
) -> None:
    _, _, url = await slack.command("/studybot", text)
    (answer,) = await fake.wait_for(f"respond:{url}")
    assert title in answer.args["blocks"][0]["text"]["text"]


async def test_help_speaks_of_the_slack_commands(slack: SlackSide, fake: FakeSlack) -> None:
    _, _, url = await slack.command("/studybot", "help")
    (answer,) = await fake.wait_for(f"respond:{url}")
    shown = texts(answer.args["blocks"])
    assert "/studybot config" in shown and "/studybot help" in shown
    assert "`/config" not in shown


async def test_a_bad_signature_is_refused(slack: SlackSide, fake: FakeSlack) -> None:
    body, _ = slack.command_body("/roadmap")
    status, _ = await slack.post(body, secret="not-the-secret")
    assert status == 401
    await asyncio.sleep(0)
    assert [c for c in fake.calls if c.method.startswith("respond")] == []


async def test_a_stale_timestamp_is_refused(slack: SlackSide) -> None:
    body, _ = slack.command_body("/roadmap")
    status, _ = await slack.post(body, timestamp=int(time.time()) - 6 * 60)
    assert status == 401


async def test_an_unsigned_request_is_refused(slack: SlackSide) -> None:
    body, _ = slack.command_body("/roadmap")
    async with slack.session.post(slack.url, data=body) as answer:
        assert answer.status == 401


class GatedCore(Core):
    """The real core, held back until the test opens the gate."""

    gate: asyncio.Event

    async def handle(self, request: Request) -> Reply:
        await self.gate.wait()
        return await super().handle(request)


async def test_the_ack_does_not_wait_for_the_core(
    core: Core, settings: Settings, fake: FakeSlack
) -> None:
    gated = GatedCore(core.context)
    gated.gate = asyncio.Event()
    adapter = SlackAdapter(gated, settings, base_url=fake.api_url)
    async with adapter.serve_http("127.0.0.1") as url, ClientSession() as session:
        slack = SlackSide(session, url, fake)
        status, body, name = await asyncio.wait_for(slack.command("/roadmap"), 3)
        assert (status, body) == (200, "")
        assert fake.to(f"respond:{name}") == []
        gated.gate.set()
        await fake.wait_for(f"respond:{name}")


async def test_a_refused_response_gets_an_apology(
    slack: SlackSide, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    fake.script("respond:1", Outcome(404, "expired_url"), Outcome(404, "expired_url"))
    with caplog.at_level(logging.ERROR, "adapters.slack"):
        await slack.command("/roadmap")
        (apology,) = await fake.wait_for("chat.postEphemeral")
    wanted = {"channel": "C0STUDY", "user": "U0ADA", "text": APOLOGY}
    assert {key: apology.args[key] for key in wanted} == wanted
    assert "expired_url" in caplog.text


async def test_invalid_blocks_get_an_apology_through_the_response_url(
    slack: SlackSide, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    fake.script("respond:1", Outcome(400, "invalid_blocks"))
    with caplog.at_level(logging.ERROR, "adapters.slack"):
        await slack.command("/roadmap")
        _, apology = await fake.wait_for("respond:1", count=2)
    assert apology.args["text"] == APOLOGY
    assert apology.args["response_type"] == "ephemeral"
    assert "invalid_blocks" in caplog.text


def test_http_mode_needs_a_signing_secret(core: Core) -> None:
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        SlackAdapter(core, Settings(slack_bot_token="xoxb-test"))


def test_a_bot_token_is_required(core: Core) -> None:
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        SlackAdapter(core, Settings(slack_app_token="xapp-test"))


async def test_run_serves_http_on_port_until_cancelled(core: Core, fake: FakeSlack) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = Settings(slack_bot_token="xoxb-test", slack_signing_secret=SECRET, port=port)
    adapter = SlackAdapter(core, settings, base_url=fake.api_url)
    task = asyncio.create_task(adapter.run())
    await asyncio.wait_for(adapter.connected(), 10)  # the port is open: no polling
    async with ClientSession() as session:
        slack = SlackSide(session, f"http://127.0.0.1:{port}/slack/events", fake)
        _, _, name = await slack.command("/roadmap", "vectors")
        await fake.wait_for(f"respond:{name}")
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    assert task.cancelled()


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("payload=notjson", "application/x-www-form-urlencoded"),
        ("payload=%5B1%5D", "application/x-www-form-urlencoded"),  # a list, not an object
        ("{bad json", "application/json"),
    ],
)
async def test_a_signed_request_of_the_wrong_shape_gets_400_and_no_traceback(
    slack: SlackSide, body: str, content_type: str, caplog: pytest.LogCaptureFixture
) -> None:
    status, text = await slack.post(body, content_type=content_type)
    assert (status, text) == (400, "malformed request")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


async def test_an_unsigned_malformed_request_gets_401_before_anything_reads_it(
    slack: SlackSide, caplog: pytest.LogCaptureFixture
) -> None:
    async with slack.session.post(slack.url, data="payload=notjson") as answer:
        assert answer.status == 401
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
