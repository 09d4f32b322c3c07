"""A delivery Slack sends again (same trigger_id) acts once and answers alike."""

from __future__ import annotations

import json

from adapters.slack import SlackAdapter
from bot.core import Core
from tests.adapters.slack.fake_slack import FakeSlack, SlackSide, texts
from tests.adapters.slack.test_modal import STUDY, TODAY, daily_post, open_modal
from tests.conftest import publish


async def _answers(core: Core) -> list[tuple[object, ...]]:
    rows = await core.context.store.fetch_all("SELECT answer, correct FROM submissions")
    return [tuple(row) for row in rows]


async def test_a_slash_command_delivered_twice_is_stored_once(
    slack: SlackSide, fake: FakeSlack, core: Core
) -> None:
    await publish(core, TODAY, "vectors-sum", STUDY)
    body, name = slack.command_body("/answer", "[4, 5]")
    assert (await slack.post(body))[0] == 200
    assert (await slack.post(body))[0] == 200  # Slack retried: our ack looked lost
    first, again = await fake.wait_for(f"respond:{name}", 2)
    assert texts(first.args["blocks"]) == texts(again.args["blocks"])
    assert "not yet" in texts(first.args["blocks"]).lower()
    assert await _answers(core) == [("[4, 5]", 0)]


async def test_a_modal_submission_delivered_twice_is_stored_once(
    slack: SlackSide, fake: FakeSlack, core: Core, adapter: SlackAdapter
) -> None:
    buttons = await daily_post(core, adapter, fake, STUDY)
    view = await open_modal(slack, fake, buttons["Submit answer"])
    submission = slack.submission(view, "[4, 6]")
    for _ in range(2):
        status, body = await slack.interact(submission)
        assert status == 200 and json.loads(body)["response_action"] == "update"
    first, again = await fake.wait_for("views.update", 2)
    assert "Correct" in texts(first.args["view"]["blocks"])
    assert texts(first.args["view"]["blocks"]) == texts(again.args["view"]["blocks"])
    assert await _answers(core) == [("[4, 6]", 1)]


async def test_a_hint_click_delivered_twice_advances_once(
    slack: SlackSide, fake: FakeSlack, core: Core, adapter: SlackAdapter
) -> None:
    buttons = await daily_post(core, adapter, fake, STUDY)
    payload, name = slack.click(buttons["Hint"])
    await slack.interact(payload)
    await slack.interact(payload)
    await fake.wait_for(f"respond:{name}", 2)
    hints = await core.context.store.fetch_all("SELECT hints FROM hints_taken")
    assert [row[0] for row in hints] == [1]
