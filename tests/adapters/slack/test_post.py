"""The daily post: chat.postMessage exactly once, with its button; retried only when safe."""

from __future__ import annotations

import json
import logging
import socket
import time
from datetime import timedelta

import pytest
from aiohttp import (
    ClientConnectorError,
    ConnectionTimeoutError,
    ServerDisconnectedError,
    SocketTimeoutError,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.state import RetryState

from adapters.slack import SlackAdapter
from adapters.slack.identity import member
from adapters.slack.web import NotSentRetryHandler, PostFailed, make_client
from bot.challenge.post import daily_runner
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import Core
from bot.daily import ledger
from bot.messages import ANSWER_BUTTON, Button, GroupRef, Reply, Request
from tests.adapters.slack.fake_slack import TEAM, FakeSlack, Outcome, error, lost, rate_limited
from tests.conftest import START

GROUP = GroupRef("slack", TEAM, "C0STUDY", "study-group")
ADA = member(TEAM, "U0ADA", "ada")
REPLY = Reply(
    title="Daily problem · Saturday 21 November",
    body=r"Add $[1, 2]$ and $[3, 4]$.",
    buttons=(ANSWER_BUTTON, Button("Hint", command="/hint")),
    footer="Answers are private.",
)


async def test_a_post_reaches_chat_post_message_once_with_its_button(
    adapter: SlackAdapter, fake: FakeSlack
) -> None:
    ts = await adapter.post(GROUP, REPLY, "studybot-post-7")
    (call,) = fake.to("chat.postMessage")
    assert ts == "1795251600.000001"
    assert call.token == "xoxb-test"
    assert call.args["channel"] == "C0STUDY"
    assert call.args["text"].startswith("Daily problem · Saturday 21 November")
    assert call.args["metadata"] == {
        "event_type": "studybot_daily_post",
        "event_payload": {"key": "studybot-post-7"},
    }
    submit, hint = call.args["blocks"][-1]["elements"]
    assert submit["text"]["text"] == "Submit answer"
    assert submit["action_id"].startswith("studybot:answer")
    assert json.loads(submit["value"]) == {"command": "/answer", "post": "studybot-post-7"}
    assert json.loads(hint["value"])["post"] == "studybot-post-7"


async def test_the_daily_runner_posts_through_slack_once(
    adapter: SlackAdapter, fake: FakeSlack, core: Core, clock: ManualClock
) -> None:
    admin = Request("config", "time:09:00 timezone:UTC", ADA, GROUP, is_admin=True)
    assert (await core.handle(admin)).title == "Settings saved"
    runner = daily_runner(core.context, adapter.post, adapter.find_post)
    (attempt,) = await runner.run_due(clock.now())
    assert await runner.run_due(clock.now()) == []
    (call,) = fake.to("chat.postMessage")
    assert attempt.status == "sent" and attempt.message_id == "1795251600.000001"
    assert call.args["metadata"]["event_payload"]["key"] == attempt.key
    assert "Submit answer" in [e["text"]["text"] for e in call.args["blocks"][-1]["elements"]]


async def test_a_failed_daily_post_is_recorded_for_the_ledger_to_retry(
    adapter: SlackAdapter, fake: FakeSlack, core: Core, clock: ManualClock
) -> None:
    admin = Request("config", "time:09:00", ADA, GROUP, is_admin=True)
    await core.handle(admin)
    fake.script("chat.postMessage", Outcome(500, {"ok": False, "error": "internal_error"}))
    runner = daily_runner(core.context, adapter.post, adapter.find_post)
    (failed,) = await runner.run_due(clock.now())
    assert failed.status == "failed"
    assert "internal_error" in (failed.last_error or "")
    assert len(fake.to("chat.postMessage")) == 1
    row = await ledger.find(core.context.store, failed.group_id, START.date())
    assert row is not None and row.status == "failed"


async def test_a_429_waits_for_retry_after_then_posts_once(
    adapter: SlackAdapter, fake: FakeSlack
) -> None:
    fake.script("chat.postMessage", rate_limited("1"))
    started = time.monotonic()
    ts = await adapter.post(GROUP, REPLY, "studybot-post-1")
    assert time.monotonic() - started >= 1.0
    assert len(fake.to("chat.postMessage")) == 2  # the first was refused, not performed
    assert ts == "1795251600.000001"


async def test_a_429_asking_for_too_long_goes_back_to_the_ledger(
    adapter: SlackAdapter, fake: FakeSlack
) -> None:
    fake.script("chat.postMessage", rate_limited("120"))
    with pytest.raises(PostFailed) as failed:
        await adapter.post(GROUP, REPLY, "studybot-post-1")
    assert failed.value.code == "ratelimited" and not failed.value.maybe_posted
    assert len(fake.to("chat.postMessage")) == 1


@pytest.mark.parametrize(
    ("outcome", "code"),
    [
        (Outcome(500, {"ok": False, "error": "internal_error"}), "internal_error"),
        (Outcome(503, "Service Unavailable"), "http_503"),
        (Outcome(drop=True), "ServerDisconnectedError"),
        (Outcome(hang=True), "timeout"),
    ],
)
async def test_a_post_that_may_have_reached_slack_is_never_resent(
    core: Core, settings: Settings, fake: FakeSlack, outcome: Outcome, code: str
) -> None:
    adapter = SlackAdapter(core, settings, base_url=fake.api_url, timeout=0.5)
    fake.script("chat.postMessage", outcome)
    with pytest.raises(PostFailed) as failed:
        await adapter.post(GROUP, REPLY, "studybot-post-1")
    assert len(fake.to("chat.postMessage")) == 1
    assert failed.value.maybe_posted
    assert failed.value.code == code
    assert "may have been posted" in str(failed.value)


async def test_a_refused_post_says_nothing_was_posted_and_what_to_do(
    adapter: SlackAdapter, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    fake.script("chat.postMessage", error("not_in_channel"))
    with caplog.at_level(logging.ERROR, "adapters.slack"), pytest.raises(PostFailed) as failed:
        await adapter.post(GROUP, REPLY, "studybot-post-1")
    assert failed.value.code == "not_in_channel" and not failed.value.maybe_posted
    assert "nothing was posted" in str(failed.value)
    assert "not_in_channel" in caplog.text and "invite" in caplog.text


async def test_a_connection_never_made_is_retried_then_reported() -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    client = make_client("xoxb-test", f"http://127.0.0.1:{port}/api/", sleep=sleep)
    with pytest.raises(ClientConnectorError):
        await client.chat_postMessage(channel="C0STUDY", text="hi")
    assert len(waits) == 2


async def test_a_429_is_honoured_for_any_call(fake: FakeSlack) -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    client = make_client("xoxb-test", fake.api_url, sleep=sleep)
    fake.script("users.info", rate_limited("7"), rate_limited("2.5"))
    answer = await client.users_info(user="U0ADA")
    assert answer["ok"] and waits == [7.0, 2.5]
    assert len(fake.to("users.info")) == 3


@pytest.mark.parametrize(
    ("error", "retried"),
    [
        (ClientConnectorError(None, OSError(111, "refused")), True),  # type: ignore[arg-type]
        (ConnectionTimeoutError(), True),
        (ServerDisconnectedError(), False),
        (SocketTimeoutError(), False),
        (TimeoutError(), False),
        (ConnectionResetError(), False),
    ],
)
async def test_only_errors_before_sending_are_retried(error: Exception, retried: bool) -> None:
    request = HttpRequest(method="POST", url="https://slack.com/api/chat.postMessage", headers={})
    assert (
        await NotSentRetryHandler().can_retry_async(
            state=RetryState(), request=request, error=error
        )
        is retried
    )


async def test_the_suite_cannot_reach_slack_com() -> None:
    async def no_wait(seconds: float) -> None:
        return None

    client = make_client("xoxb-test", sleep=no_wait)
    with pytest.raises(ClientConnectorError, match=r"slack\.com"):
        await client.auth_test()


async def test_a_long_retry_after_is_recorded_for_the_ledger_to_wait_out(
    adapter: SlackAdapter, fake: FakeSlack, core: Core, clock: ManualClock
) -> None:
    await core.handle(Request("config", "time:09:00", ADA, GROUP, is_admin=True))
    fake.script("chat.postMessage", rate_limited("45"))
    runner = daily_runner(core.context, adapter.post, adapter.find_post)
    (failed,) = await runner.run_due(clock.now())
    assert (failed.status, failed.maybe_posted) == ("failed", False)
    assert failed.retry_at == clock.now() + timedelta(seconds=45)
    assert await runner.retry(clock.advance(timedelta(seconds=44))) == []
    (sent,) = await runner.retry(clock.advance(timedelta(seconds=1)))
    assert sent.status == "sent" and len(fake.posted("C0STUDY")) == 1


async def test_a_post_whose_answer_was_lost_is_found_in_the_channel_not_sent_again(
    adapter: SlackAdapter, fake: FakeSlack, core: Core, clock: ManualClock
) -> None:
    await core.handle(Request("config", "time:09:00", ADA, GROUP, is_admin=True))
    fake.script("chat.postMessage", lost(500))
    runner = daily_runner(core.context, adapter.post, adapter.find_post)
    (failed,) = await runner.run_due(clock.now())
    assert (failed.status, failed.maybe_posted) == ("failed", True)
    (sent,) = await runner.retry(clock.advance(timedelta(seconds=30)))
    (message,) = fake.posted("C0STUDY")
    assert (sent.status, sent.message_id) == ("sent", message["ts"])
    assert len(fake.to("chat.postMessage")) == 1
    (look,) = fake.to("conversations.history")
    assert look.args["channel"] == "C0STUDY"


async def test_a_post_that_never_arrived_is_sent_again_after_looking(
    adapter: SlackAdapter, fake: FakeSlack, core: Core, clock: ManualClock
) -> None:
    await core.handle(Request("config", "time:09:00", ADA, GROUP, is_admin=True))
    fake.script("chat.postMessage", Outcome(503, "Service Unavailable"))
    runner = daily_runner(core.context, adapter.post, adapter.find_post)
    await runner.run_due(clock.now())
    (sent,) = await runner.retry(clock.advance(timedelta(seconds=30)))
    assert sent.status == "sent" and len(fake.posted("C0STUDY")) == 1
    assert len(fake.to("conversations.history")) == 1


async def test_without_access_to_the_history_an_unsure_post_is_not_sent_again(
    adapter: SlackAdapter, fake: FakeSlack, core: Core, clock: ManualClock
) -> None:
    await core.handle(Request("config", "time:09:00", ADA, GROUP, is_admin=True))
    fake.script("chat.postMessage", lost(500))
    fake.script("conversations.history", error("missing_scope"))
    runner = daily_runner(core.context, adapter.post, adapter.find_post)
    await runner.run_due(clock.now())
    (unsure,) = await runner.retry(clock.advance(timedelta(seconds=30)))
    assert (unsure.status, unsure.maybe_posted) == ("failed", True)
    assert "missing_scope" in (unsure.last_error or "")
    assert len(fake.to("chat.postMessage")) == 1


async def test_the_look_up_pages_through_a_busy_channel(
    adapter: SlackAdapter, fake: FakeSlack
) -> None:
    since = START
    ts = await adapter.post(GROUP, REPLY, "studybot-post-3")
    for n in range(450):  # newer chatter: the post is on the third page
        fake.posted("C0STUDY").append({"ts": f"{fake.epoch + 1}.{n:06d}", "text": "hi"})
    assert await adapter.find_post(GROUP, "studybot-post-3", since) == ts
    assert await adapter.find_post(GROUP, "studybot-post-4", since) is None
    assert len(fake.to("conversations.history")) == 6
