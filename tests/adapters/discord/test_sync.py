"""The record of the last sync: what decides whether a start syncs commands."""

from __future__ import annotations

from pathlib import Path

import discord
from discord import app_commands

from adapters.discord.sync import SyncState, fingerprint, scope_key
from adapters.discord.tree import build_commands
from bot.commands import COMMANDS, Command


def _tree(commands: tuple[Command, ...] = COMMANDS) -> app_commands.CommandTree[discord.Client]:
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    for command in build_commands(commands):
        tree.add_command(command)
    return tree


def test_the_fingerprint_follows_what_a_sync_would_send() -> None:
    assert fingerprint(_tree(), None) == fingerprint(_tree(), None)
    changed = (*COMMANDS[:-1], Command(COMMANDS[-1].name, "Another summary."))
    assert fingerprint(_tree(changed), None) != fingerprint(_tree(), None)
    assert fingerprint(_tree(COMMANDS[:-1]), None) != fingerprint(_tree(), None)


def test_each_application_and_scope_is_recorded_apart(tmp_path: Path) -> None:
    state = SyncState(tmp_path / "sync.json")
    state.write(scope_key(1, None), "a")
    state.write(scope_key(1, discord.Object(5)), "b")
    assert state.read() == {"1/global": "a", "1/guild:5": "b"}


def test_an_unreadable_record_means_sync_again(tmp_path: Path) -> None:
    path = tmp_path / "sync.json"
    path.write_text("{not json", encoding="utf-8")
    assert SyncState(path).read() == {}
    path.write_text("[1, 2]", encoding="utf-8")
    assert SyncState(path).read() == {}
    assert SyncState(tmp_path / "missing.json").read() == {}
