"""The daily post on a simulated Discord, driven by the core's real runner and ledger."""

from __future__ import annotations

from typing import Any

import discord
import pytest
import simcord

from adapters.discord.daily import DailyPostError, nonce_for
from bot.challenge.post import daily_runner
from bot.clock import ManualClock
from bot.messages import GroupRef, Reply
from tests.adapters.discord.conftest import World
from tests.conftest import publish


async def _configure(world: World, channel: simcord.ChannelHandle | None = None) -> None:
    """The admin starts the daily problem at 09:00 UTC, which is now."""
    options = {"channel": channel} if channel is not None else {}
    result = await world.admin.slash(
        world.channel, "config", time="09:00", timezone="UTC", **options
    )
    assert result.response is not None
    assert result.response.embeds[0].title == "Settings saved"


def _daily(channel: simcord.ChannelHandle) -> list[discord.Message]:
    """The daily problems in a channel (not the /config reply or the thread notice)."""
    return [
        m for m in channel.history() if m.embeds and (m.embeds[0].title or "").startswith("Daily")
    ]


def _posts(env: simcord.Env) -> list[Any]:
    return [
        r.json
        for r in env.http_requests
        if r.method == "POST" and r.path.endswith("/messages") and "/webhooks/" not in r.path
    ]


async def test_the_daily_post_goes_out_once_with_its_button_and_thread(
    world: World, clock: ManualClock
) -> None:
    core = world.adapter.client.core
    await _configure(world)
    runner = daily_runner(core.context, world.adapter.post, world.adapter.find_post)
    await runner.run_due(clock.now())
    await runner.run_due(clock.now())  # the ledger already has today's post
    [post] = _daily(world.channel)
    assert post.embeds[0].title == "Daily problem · Saturday 21 November"
    labels = [child.label for row in post.components for child in row.children]  # type: ignore[union-attr]
    assert labels == ["Submit answer", "Hint"]
    sent = _posts(world.env)
    assert len(sent) == 1
    assert sent[0]["nonce"] == "studybot-post-1" and sent[0]["enforce_nonce"] is True
    assert sent[0]["allowed_mentions"] == {"parse": []}
    [thread] = world.channel.threads
    assert thread.name == "Daily problem · Saturday 21 November"
    rows = await core.context.store.fetch_all("SELECT status, message_id FROM posts")
    assert [tuple(row) for row in rows] == [("sent", str(post.id))]


async def test_yesterdays_solution_is_behind_spoiler_tags(world: World, clock: ManualClock) -> None:
    core = world.adapter.client.core
    await _configure(world)
    await publish(core, "2026-11-20", "vectors-length", world.group)
    await daily_runner(core.context, world.adapter.post, world.adapter.find_post).run_due(
        clock.now()
    )
    [post] = _daily(world.channel)
    [solution] = [f for f in post.embeds[0].fields if "Yesterday's solution" in str(f.name)]
    assert solution.value is not None
    assert solution.value.startswith("||") and solution.value.endswith("||")
    assert "√(9 + 16) = 5" in solution.value  # the math reads as math


async def test_a_resend_with_the_same_key_sends_the_same_nonce(world: World) -> None:
    reply = Reply(title="Daily problem", body="Differentiate $x^2$.")
    await world.adapter.post(world.group, reply, "studybot-post-7")
    await world.adapter.post(world.group, reply, "studybot-post-7")
    nonces = [(p["nonce"], p["enforce_nonce"]) for p in _posts(world.env)]
    assert nonces == [("studybot-post-7", True)] * 2  # Discord keeps the first (see test_transport)


def test_a_long_key_becomes_a_short_deterministic_nonce() -> None:
    key = "studybot-post-123456789012345678901234567890"
    assert len(nonce_for(key)) == 25
    assert nonce_for(key) == nonce_for(key) != nonce_for(key + "1")
    assert nonce_for("studybot-post-12") == "studybot-post-12"


async def test_members_answer_from_the_post_and_its_thread(
    world: World, clock: ManualClock
) -> None:
    core = world.adapter.client.core
    await _configure(world)
    await daily_runner(core.context, world.adapter.post, world.adapter.find_post).run_due(
        clock.now()
    )
    [post] = _daily(world.channel)
    form = await world.ada.click(post, label="Submit answer")
    checked = await world.ada.submit_modal(form, {"answer": "42"})
    assert checked.ephemeral and checked.response is not None
    verdicts = {"Correct!", "Not yet", "I couldn't read that answer"}
    assert checked.response.embeds[0].title in verdicts  # checked against today's problem
    [thread] = world.channel.threads
    again = await world.admin.slash(thread, "problem")  # the thread is the channel's group
    assert again.ephemeral and again.response is not None
    assert again.response.embeds[0].title == "Problem of Saturday 21 November"


async def test_a_missing_permission_tells_the_admin_who_configured_it(
    world: World, clock: ManualClock
) -> None:
    muted = world.muted_channel()
    await _configure(world, channel=muted)
    with pytest.raises(DailyPostError, match="Send Messages"):
        await world.adapter.post(
            GroupRef("discord", world.group.workspace, str(muted.id)),
            Reply(title="Daily problem"),
            "studybot-post-1",
        )
    [notice] = world.admin.user.dm_channel.history()
    assert notice.embeds[0].title == "I can't post the daily problem"
    assert "Send Messages" in (notice.embeds[0].description or "")
    assert _daily(muted) == []


async def test_the_runner_records_the_failure_for_a_retry(world: World, clock: ManualClock) -> None:
    muted = world.muted_channel()
    core = world.adapter.client.core
    await _configure(world, channel=muted)
    await daily_runner(core.context, world.adapter.post, world.adapter.find_post).run_due(
        clock.now()
    )
    rows = await core.context.store.fetch_all("SELECT status, last_error FROM posts")
    assert [row[0] for row in rows] != ["sent"]
    assert "Send Messages" in str(rows[0][1])
    assert len(world.admin.user.dm_channel.history()) == 1


async def test_a_channel_discord_no_longer_has_is_reported_to_the_admin(
    world: World, clock: ManualClock
) -> None:
    await _configure(world)
    world.env.inject_error(
        "POST", "/channels/*/messages", status=404, code=10003, message="Unknown Channel"
    )
    with pytest.raises(DailyPostError, match="no channel"):
        await world.adapter.post(world.group, Reply(title="Daily problem"), "studybot-post-1")
    [notice] = world.admin.user.dm_channel.history()
    assert notice.embeds[0].title == "I can't post the daily problem"
    assert "no longer exists" in (notice.embeds[0].description or "")
    assert "/config channel:" in (notice.embeds[0].description or "")


async def test_a_daily_post_carries_its_math_card_as_an_attachment(
    world: World, clock: ManualClock
) -> None:
    core = world.adapter.client.core
    await _configure(world)
    for problem in core.context.bank.problems.values():  # drawn before the slot
        await core.context.workers.picture("card", "light", {"text": problem.statement})
    runner = daily_runner(core.context, world.adapter.post, world.adapter.find_post)
    await runner.run_due(clock.now())
    [post] = _daily(world.channel)
    assert post.embeds[0].image.url == "attachment://card.png"
    [attachment] = post.attachments
    assert attachment.filename == "card.png"
    assert "$" not in (attachment.description or "") and attachment.description
