"""Buttons and the answer modal: open, submit, verdict shown privately; every click acked."""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

import pytest

from adapters.slack import SlackAdapter
from adapters.slack.listeners import APOLOGY
from bot.core import Core
from bot.daily import ledger
from bot.messages import GroupRef, Request
from tests.adapters.slack.fake_slack import TEAM, FakeSlack, SlackSide, error, texts
from tests.adapters.slack.test_post import ADA, REPLY
from tests.conftest import publish

STUDY = GroupRef("slack", TEAM, "C0STUDY", "study-group")
TODAY = "2026-11-21"


async def daily_post(
    core: Core, adapter: SlackAdapter, fake: FakeSlack, group: GroupRef, channel: str = "C0STUDY"
) -> dict[str, dict[str, Any]]:
    """Publish today's problem for `group`, post it to `channel`; its buttons by label."""
    await publish(core, TODAY, "vectors-sum", group)
    group_id = await core.context.store.ensure_group(group)
    row = await ledger.find(core.context.store, group_id, date.fromisoformat(TODAY))
    assert row is not None
    await adapter.post(GroupRef("slack", TEAM, channel), REPLY, row.key)
    elements = fake.to("chat.postMessage")[-1].args["blocks"][-1]["elements"]
    return {e["text"]["text"]: e for e in elements}


async def open_modal(
    slack: SlackSide, fake: FakeSlack, button: dict[str, Any], channel: str = "C0STUDY"
) -> dict[str, Any]:
    """Click `button`; the modal views.open was asked to show."""
    payload, _ = slack.click(button, channel=channel)
    assert await slack.interact(payload) == (200, "")
    (opened,) = await fake.wait_for("views.open")
    assert opened.args["trigger_id"] == payload["trigger_id"]
    return dict(opened.args["view"]) | {"id": "V0MODAL"}


async def test_submit_answer_opens_a_modal_with_a_text_input(
    slack: SlackSide, fake: FakeSlack, core: Core, adapter: SlackAdapter
) -> None:
    buttons = await daily_post(core, adapter, fake, STUDY)
    view = await open_modal(slack, fake, buttons["Submit answer"])
    assert view["type"] == "modal" and view["callback_id"] == "studybot:answer"
    (field,) = [b for b in view["blocks"] if b["type"] == "input"]
    assert field["element"]["type"] == "plain_text_input"
    metadata = json.loads(view["private_metadata"])
    assert metadata["channel"] == "C0STUDY" and metadata["post"].startswith("studybot-post-")


async def test_a_submission_is_checked_and_the_verdict_shown_privately(
    slack: SlackSide, fake: FakeSlack, core: Core, adapter: SlackAdapter
) -> None:
    buttons = await daily_post(core, adapter, fake, STUDY)
    view = await open_modal(slack, fake, buttons["Submit answer"])
    status, body = await slack.interact(slack.submission(view, "[4, 6]"))
    assert status == 200
    ack = json.loads(body)
    assert ack["response_action"] == "update" and "Checking" in texts(ack["view"]["blocks"])
    (update,) = await fake.wait_for("views.update")
    assert update.args["view_id"] == "V0MODAL"
    shown = texts(update.args["view"]["blocks"])
    assert "Correct" in shown and "[4, 6]" in shown
    assert len(fake.to("chat.postMessage")) == 1  # the daily post; the verdict stayed private
    solved = await core.context.store.fetch_all("SELECT correct FROM submissions")
    assert [tuple(row) for row in solved] == [(1,)]


async def test_the_modal_answers_for_the_group_whose_post_it_is(
    slack: SlackSide, fake: FakeSlack, core: Core, adapter: SlackAdapter
) -> None:
    admin = Request("config", "channel:<#C0DAILY>", ADA, STUDY, is_admin=True)
    await core.handle(admin)
    buttons = await daily_post(core, adapter, fake, STUDY, channel="C0DAILY")
    view = await open_modal(slack, fake, buttons["Submit answer"], channel="C0DAILY")
    await slack.interact(slack.submission(view, "[3, 8]"))
    (update,) = await fake.wait_for("views.update")
    shown = texts(update.args["view"]["blocks"])
    assert "No problem to answer" not in shown and "multiplied" in shown


async def test_a_verdict_the_modal_cannot_show_arrives_as_an_ephemeral(
    slack: SlackSide, fake: FakeSlack, core: Core, adapter: SlackAdapter
) -> None:
    buttons = await daily_post(core, adapter, fake, STUDY)
    view = await open_modal(slack, fake, buttons["Submit answer"])
    fake.script("views.update", error("not_found"))
    await slack.interact(slack.submission(view, "[4, 6]"))
    (ephemeral,) = await fake.wait_for("chat.postEphemeral")
    assert ephemeral.args["channel"] == "C0STUDY" and ephemeral.args["user"] == "U0ADA"
    assert "Correct" in texts(ephemeral.args["blocks"])


async def test_a_modal_that_cannot_open_gets_an_apology(
    slack: SlackSide,
    fake: FakeSlack,
    core: Core,
    adapter: SlackAdapter,
    caplog: pytest.LogCaptureFixture,
) -> None:
    buttons = await daily_post(core, adapter, fake, STUDY)
    fake.script("views.open", error("expired_trigger_id"))
    payload, url = slack.click(buttons["Submit answer"])
    with caplog.at_level(logging.ERROR, "adapters.slack"):
        await slack.interact(payload)
        (apology,) = await fake.wait_for(f"respond:{url}")
    assert apology.args["text"] == APOLOGY and apology.args["response_type"] == "ephemeral"
    assert "expired_trigger_id" in caplog.text


async def test_hint_button_answers_the_clicker_privately(
    slack: SlackSide, fake: FakeSlack, core: Core, adapter: SlackAdapter
) -> None:
    buttons = await daily_post(core, adapter, fake, STUDY)
    payload, url = slack.click(buttons["Hint"], user="U0BOB")
    assert await slack.interact(payload) == (200, "")
    (hint,) = await fake.wait_for(f"respond:{url}")
    assert hint.args["response_type"] == "ephemeral" and hint.args["replace_original"] is False
    assert "Add entry by entry." in texts(hint.args["blocks"])


async def test_a_button_inside_the_modal_updates_the_modal(
    slack: SlackSide, fake: FakeSlack, core: Core, adapter: SlackAdapter
) -> None:
    buttons = await daily_post(core, adapter, fake, STUDY)
    view = await open_modal(slack, fake, buttons["Submit answer"])
    await slack.interact(slack.submission(view, "[3, 8]"))
    (verdict,) = await fake.wait_for("views.update")
    shown = {**verdict.args["view"], "id": "V0MODAL"}
    hint_button = next(
        e
        for b in shown["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["text"]["text"] == "Hint"
    )
    payload, _ = slack.click(hint_button, view=shown)
    assert await slack.interact(payload) == (200, "")
    _, hinted = await fake.wait_for("views.update", count=2)
    assert "Add entry by entry." in texts(hinted.args["view"]["blocks"])
    assert hinted.args["view"]["blocks"][-1]["type"] == "input"


async def test_link_clicks_and_unasked_requests_are_acked(
    slack: SlackSide, fake: FakeSlack
) -> None:
    link = {"action_id": "studybot:link:0", "text": {"type": "plain_text", "text": "Book"}}
    payload, _ = slack.click(link)
    assert await slack.interact(payload) == (200, "")
    shortcut = {
        "type": "shortcut",
        "callback_id": "anything",
        "team": {"id": TEAM},
        "user": {"id": "U0ADA"},
        "trigger_id": "t",
        "token": "legacy",
    }
    assert (await slack.interact(shortcut))[0] == 200
    event = {
        "type": "event_callback",
        "team_id": TEAM,
        "api_app_id": "A0APP",
        "event": {"type": "member_joined_channel", "user": "U0ADA", "channel": "C0STUDY"},
        "event_id": "Ev1",
        "event_time": 1763715600,
    }
    status, _ = await slack.post(json.dumps(event), content_type="application/json")
    assert status == 200
    assert [c.method for c in fake.calls] == ["auth.test"]
