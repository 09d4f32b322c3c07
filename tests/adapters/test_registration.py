"""One command table for every platform: each core command is reachable on Discord and Slack."""

from adapters.discord import registered_commands
from adapters.slack.routing import HUB, route, slash_commands
from bot.commands import COMMANDS


def test_every_core_command_is_registered_on_discord_with_its_options() -> None:
    registered = registered_commands()
    assert set(registered) == {c.name for c in COMMANDS}
    for command in COMMANDS:
        expected = ([command.argument] if command.argument else []) + [
            o.name for o in command.options
        ]
        assert sorted(registered[command.name]) == sorted(expected), command.name


def test_every_core_command_is_reachable_on_slack() -> None:
    reachable = set()
    for slash in slash_commands():
        name = slash.lstrip("/")
        if name == HUB:
            reachable |= {route(slash, word)[0] for word in ("", "help", "config time:09:00")}
        else:
            reachable.add(route(slash, "")[0])
    assert reachable == {c.name for c in COMMANDS}
