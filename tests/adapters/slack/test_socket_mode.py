"""Socket Mode against the fake's websocket: envelopes are acked, commands answered."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest

from adapters.slack import SlackAdapter
from bot.config import ConfigError, Settings
from bot.core import Core
from tests.adapters.slack.fake_slack import TEAM, FakeSlack, error


@pytest.fixture
async def running(core: Core, fake: FakeSlack) -> AsyncIterator[SlackAdapter]:
    """The adapter connected in Socket Mode (no signing secret needed)."""
    settings = Settings(slack_bot_token="xoxb-test", slack_app_token="xapp-test")
    adapter = SlackAdapter(core, settings, base_url=fake.api_url)
    task = asyncio.create_task(adapter.run())
    await fake.socket_connected()
    yield adapter
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def test_a_slash_command_envelope_is_acked_and_answered(
    running: SlackAdapter, fake: FakeSlack
) -> None:
    assert {call.token for call in fake.to("apps.connections.open")} == {"xapp-test"}
    command = {
        "team_id": TEAM,
        "channel_id": "C0STUDY",
        "channel_name": "study-group",
        "user_id": "U0ADA",
        "user_name": "ada",
        "command": "/roadmap",
        "text": "vectors",
        "response_url": fake.response_url("socket"),
        "trigger_id": "trigger-socket",
        "api_app_id": "A0APP",
    }
    ack = await fake.envelope("slash_commands", command)
    assert ack == {"envelope_id": "env-1-slash_commands"}
    (answer,) = await fake.wait_for("respond:socket")
    assert answer.args["blocks"][0]["text"]["text"] == "Vectors"


async def test_unasked_envelopes_are_acked_too(running: SlackAdapter, fake: FakeSlack) -> None:
    event = {
        "type": "event_callback",
        "team_id": TEAM,
        "api_app_id": "A0APP",
        "event": {"type": "member_joined_channel", "user": "U0ADA", "channel": "C0STUDY"},
        "event_id": "Ev1",
        "event_time": 1763715600,
    }
    assert (await fake.envelope("events_api", event))["envelope_id"].endswith("events_api")
    click = {
        "type": "block_actions",
        "team": {"id": TEAM},
        "user": {"id": "U0ADA", "team_id": TEAM},
        "trigger_id": "t",
        "actions": [{"action_id": "studybot:link:0", "type": "button"}],
    }
    assert (await fake.envelope("interactive", click))["envelope_id"].endswith("interactive")


@pytest.mark.parametrize(
    ("method", "token"),
    [("apps.connections.open", "SLACK_APP_TOKEN"), ("auth.test", "SLACK_BOT_TOKEN")],
)
async def test_a_refused_token_is_a_clear_error(
    core: Core, fake: FakeSlack, method: str, token: str
) -> None:
    fake.script(method, error("invalid_auth"))
    settings = Settings(slack_bot_token="xoxb-test", slack_app_token="xapp-wrong")
    adapter = SlackAdapter(core, settings, base_url=fake.api_url)
    with pytest.raises(ConfigError, match=f"{token} \\(invalid_auth\\)"):
        await adapter.run()
