"""The slash commands Discord gets, built from the core's command table."""

from __future__ import annotations

from typing import Any

import discord
import pytest
from discord import app_commands

from adapters.discord import registered_commands
from adapters.discord.tree import build_commands, params_of
from bot.commands import BY_NAME, COMMANDS

STRING, INTEGER, BOOLEAN, USER, CHANNEL, NUMBER = 3, 4, 5, 6, 7, 10


@pytest.fixture(scope="module")
def payload() -> dict[str, dict[str, Any]]:
    """Each command as the sync sends it."""
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    for command in build_commands():
        tree.add_command(command)
    return {c.name: c.to_dict(tree) for c in tree.get_commands()}


def _options(payload: dict[str, dict[str, Any]], command: str) -> dict[str, dict[str, Any]]:
    return {o["name"]: o for o in payload[command]["options"]}


def test_every_core_command_is_registered_with_its_options() -> None:
    registered = registered_commands()
    assert list(registered) == [c.name for c in COMMANDS]
    for command in COMMANDS:
        expected = [command.argument] if command.argument else []
        expected += [o.name for o in command.options]
        assert sorted(registered[command.name]) == sorted(expected), command.name


def test_the_issue_names_the_options() -> None:
    registered = registered_commands()
    assert registered["roadmap"] == ["topic", "goal", "weeks", "background"]
    assert registered["resource"] == ["topic", "cost", "format", "max"]
    assert registered["answer"] == ["answer"]
    assert registered["hint"] == []
    assert registered["practice"] == ["topic"]
    assert registered["streak"] == ["member", "show"]  # show:history reaches the audit trail
    assert registered["leaderboard"] == ["period"]


def test_option_types_follow_the_table(payload: dict[str, dict[str, Any]]) -> None:
    for command in COMMANDS:
        options = _options(payload, command.name)
        for option in command.options:
            sent = options[option.name]
            assert sent["description"] and len(sent["description"]) <= 100
            if option.choices:
                assert [c["value"] for c in sent["choices"]] == list(option.choices)
            elif option.kind == "int":
                assert (sent["type"], sent["min_value"], sent["max_value"]) == (
                    INTEGER,
                    option.low,
                    option.high,
                )
            elif option.kind == "price":
                assert (sent["type"], sent["min_value"]) == (NUMBER, 0)
            elif option.name != "channel":
                assert sent["type"] == STRING
            assert sent.get("autocomplete", False) == bool(option.autocomplete)
            assert not sent["required"]


def test_arguments_use_discords_richer_types(payload: dict[str, dict[str, Any]]) -> None:
    assert _options(payload, "answer")["answer"] == {
        "type": STRING,
        "name": "answer",
        "description": "your answer as you would write it: 3/4, 2x cos(x^2), [[1,2],[3,4]]",
        "required": True,
    }
    assert _options(payload, "streak")["member"]["type"] == USER
    assert _options(payload, "problem")["solution"]["type"] == BOOLEAN
    channel = _options(payload, "config")["channel"]
    assert (channel["type"], channel["channel_types"]) == (CHANNEL, [0, 5])  # text, announcement
    period = _options(payload, "leaderboard")["period"]
    assert [c["value"] for c in period["choices"]] == ["week", "month", "all"]
    for name in ("roadmap", "resource", "practice"):
        assert _options(payload, name)["topic"]["autocomplete"] is True


def test_config_is_for_server_managers(payload: dict[str, dict[str, Any]]) -> None:
    manage_guild = discord.Permissions(manage_guild=True).value
    assert payload["config"]["default_member_permissions"] == manage_guild
    others = {name for name, c in payload.items() if c["default_member_permissions"] is not None}
    assert others == {"config"}


def test_descriptions_are_plain_text_within_discords_limit(
    payload: dict[str, dict[str, Any]],
) -> None:
    for command in payload.values():
        assert 0 < len(command["description"]) <= 100 and "`" not in command["description"]


@pytest.mark.parametrize(
    ("command", "name", "value", "text"),
    [
        ("problem", "solution", True, "solution"),
        ("problem", "solution", False, ""),
        ("config", "streak-fix", "sam 2026-11-20 bot down", "streak-fix sam 2026-11-20 bot down"),
        ("resource", "max", 50.0, "50"),
        ("resource", "max", 19.99, "19.99"),
        ("roadmap", "weeks", 8, "8"),
        ("streak", "member", discord.Object(42), "42"),
    ],
)
def test_values_reach_the_core_as_text(command: str, name: str, value: object, text: str) -> None:
    [param] = [p for p in params_of(BY_NAME[command]) if p.name == name]
    assert param.text(value) == text
