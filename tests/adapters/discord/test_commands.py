"""Slash commands against a simulated Discord and a real core: replies, privacy, forms, buttons."""

from __future__ import annotations

import asyncio
from typing import Any

import discord
import pytest
import simcord

from bot.commands import COMMANDS
from bot.messages import Reply, Request
from tests.adapters.discord.conftest import World
from tests.conftest import publish


def _callbacks(env: simcord.Env) -> list[Any]:
    """The interaction responses the bot sent: type 4 is a reply, 5 a deferral."""
    return [r.json for r in env.http_requests if r.path.endswith("/callback")]


def _embed(result: simcord.InteractionResult) -> discord.Embed:
    assert result.response is not None
    return result.response.embeds[0]


async def test_every_command_is_synced_on_login(world: World) -> None:
    assert set(world.ada.available_commands(world.channel)) == {
        c.name for c in COMMANDS if c.name != "config"
    }
    assert "config" in world.admin.available_commands(world.channel)


async def test_roadmap_replies_with_a_public_embed(world: World) -> None:
    result = await world.ada.slash(world.channel, "roadmap", topic="vectors")
    assert result.acknowledged and not result.ephemeral
    embed = _embed(result)
    assert embed.title == "Vectors"
    assert "Why it matters for ML" in [f.name for f in embed.fields]
    assert world.channel.last_message is not None
    assert world.channel.last_message.embeds[0].title == "Vectors"


async def test_roadmap_plan_takes_typed_options(world: World) -> None:
    result = await world.ada.slash(world.channel, "roadmap", goal="job", weeks=8, background="none")
    assert not result.ephemeral
    assert "week" in (_embed(result).title or "").lower()


async def test_resource_filters_by_choices(world: World) -> None:
    result = await world.ada.slash(world.channel, "resource", topic="vectors", cost="free", max=0)
    embed = _embed(result)
    assert embed.title is not None and embed.title.startswith("Resources for Vectors")
    assert "cost:free" in embed.title


async def test_a_private_reply_to_a_public_command_is_ephemeral(world: World) -> None:
    result = await world.ada.slash(world.channel, "roadmap", topic="linear algbra")
    assert result.ephemeral
    assert "linear algbra" in (_embed(result).description or "")


async def test_answer_is_deferred_and_private(world: World) -> None:
    await publish(world.adapter.client.core, "2026-11-21", "vectors-sum", world.group)
    result = await world.ada.slash(world.channel, "answer", answer="[4, 6]")
    assert _callbacks(world.env)[-1] == {"type": 5, "data": {"flags": 64}}  # deferred privately
    assert result.ephemeral and result.response is not None and result.response.ephemeral
    assert "Correct!" in (_embed(result).description or "")
    assert world.channel.history(viewer=world.admin) == []  # nobody else sees the verdict


async def test_answer_form_checks_the_answer_privately(world: World) -> None:
    core = world.adapter.client.core
    await publish(core, "2026-11-21", "vectors-sum", world.group)
    shown = await world.ada.slash(world.channel, "problem")
    assert shown.ephemeral
    opened = await world.ada.click(shown.response, label="Submit answer")  # type: ignore[arg-type]
    assert opened.modal is not None and opened.modal["title"] == "Your answer"
    checked = await world.ada.submit_modal(opened, {"answer": "[3, 8]"})
    assert _callbacks(world.env)[-1] == {"type": 5, "data": {"flags": 64}}
    assert checked.ephemeral
    embed = _embed(checked)
    assert "multiplied" in (embed.description or "") + " ".join(f.value or "" for f in embed.fields)


async def test_hint_button_runs_the_command_for_the_clicker(world: World) -> None:
    await publish(world.adapter.client.core, "2026-11-21", "vectors-sum", world.group)
    shown = await world.ada.slash(world.channel, "problem")
    hint = await world.ada.click(shown.response, label="Hint")  # type: ignore[arg-type]
    assert hint.ephemeral
    assert "entry by entry" in (_embed(hint).description or "") + str(_embed(hint).fields)


async def test_problem_solution_is_a_yes_no_option(world: World) -> None:
    await publish(world.adapter.client.core, "2026-11-21", "vectors-sum", world.group)
    result = await world.ada.slash(world.channel, "problem", solution=True)
    assert result.ephemeral
    assert _embed(result).title == "Not yet"


async def test_streak_of_a_member_is_private_and_uses_their_id(world: World) -> None:
    await world.ada.slash(world.channel, "streak")
    result = await world.admin.slash(world.channel, "streak", member=world.ada)
    assert result.ephemeral
    assert _embed(result).title == "Ada's streak"


async def test_leaderboard_period_is_a_choice(world: World) -> None:
    result = await world.ada.slash(world.channel, "leaderboard", period="month")
    assert not result.ephemeral
    assert _embed(result).title == "Leaderboard: the last 30 days"


async def test_config_needs_manage_server_and_knows_admins(world: World) -> None:
    with pytest.raises(simcord.SetupError, match="not visible"):
        await world.ada.slash(world.channel, "config")
    result = await world.admin.slash(
        world.channel, "config", time="07:30", timezone="Europe/Berlin", channel=world.channel
    )
    assert _embed(result).title == "Settings saved"
    store = world.adapter.client.core.context.store
    settings = await store.settings(await store.ensure_group(world.group))
    assert settings["channel"] == str(world.channel.id)
    assert settings["timezone"] == "Europe/Berlin"


async def test_topic_autocomplete_is_fuzzy(world: World) -> None:
    choices = await world.ada.autocomplete(world.channel, "roadmap", "topic", "eigen valus")
    assert choices[0]["value"] == "Eigenvalues and eigenvectors"
    assert len(await world.ada.autocomplete(world.channel, "resource", "topic", "")) <= 25


async def test_timezone_autocomplete_offers_iana_names(world: World) -> None:
    choices = await world.admin.autocomplete(world.channel, "config", "timezone", "berlin")
    assert [c["value"] for c in choices] == ["Europe/Berlin"]


async def test_a_direct_message_is_told_to_use_a_server(world: World) -> None:
    result = await world.ada.user.slash("roadmap")
    assert result.ephemeral
    assert _embed(result).title == "Use me in a server"


async def test_a_failure_still_answers(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    async def broken(request: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(world.adapter.client.core, "handle", broken)
    result = await world.ada.slash(world.channel, "roadmap")
    assert result.ephemeral
    assert _embed(result).title == "Something went wrong on our side"


def _slow(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the core slower than the adapter waits before deferring (scaled down from 2 s)."""
    world.adapter.client.responder.defer_after = 0.01
    core = world.adapter.client.core
    handle = core.handle

    async def slow(request: Request) -> Reply:
        await asyncio.sleep(0.05)
        return await handle(request)

    monkeypatch.setattr(core, "handle", slow)


async def test_a_slow_public_command_is_deferred_publicly(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    _slow(world, monkeypatch)
    result = await world.ada.slash(world.channel, "roadmap", topic="vectors")
    assert _callbacks(world.env)[-1] == {"type": 5}  # deferred, publicly
    assert not result.ephemeral and _embed(result).title == "Vectors"


async def test_a_private_reply_after_a_public_deferral_stays_private(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    _slow(world, monkeypatch)
    result = await world.ada.slash(world.channel, "roadmap", topic="linear algbra")
    [private] = result.followups
    assert private.ephemeral
    assert "linear algbra" in (private.embeds[0].description or "")
    assert result.response is None  # the public "thinking…" message was removed
    assert world.channel.history(viewer=world.admin) == []


async def test_config_warns_when_the_daily_post_cannot_go_out(world: World) -> None:
    muted = world.muted_channel()
    result = await world.admin.slash(world.channel, "config", channel=muted, time="09:00")
    note = _embed(result).fields[-1]
    assert note.name == "⚠ I can't post the daily problem there yet"
    assert "Send Messages" in (note.value or "") and muted.mention in (note.value or "")
    fine = await world.admin.slash(world.channel, "config", channel=world.channel)
    assert not any("⚠" in (f.name or "") for f in _embed(fine).fields)


async def test_an_interaction_replayed_after_a_resume_acts_once(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    core = world.adapter.client.core
    await publish(core, "2026-11-21", "vectors-sum", world.group)
    delivered: list[Any] = []
    emit = world.env.backend.emit

    def recording(event: str, payload: Any) -> None:
        if event == "INTERACTION_CREATE":
            delivered.append(payload)
        emit(event, payload)

    monkeypatch.setattr(world.env.backend, "emit", recording)
    result = await world.ada.slash(world.channel, "hint")
    assert "Hint 1" in (_embed(result).title or "")
    [interaction] = delivered
    emit("INTERACTION_CREATE", interaction)  # the gateway replays it after a resume
    await world.env.settle()
    rows = await core.context.store.fetch_all("SELECT hints FROM hints_taken")
    assert [row[0] for row in rows] == [1]
