"""Sync slash commands to Discord only when the command set changed since the last sync."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

log = logging.getLogger(__name__)


def fingerprint(tree: app_commands.CommandTree[Any], guild: discord.abc.Snowflake | None) -> str:
    """A digest of exactly what a sync would send for `guild` (None: global)."""
    payload = [command.to_dict(tree) for command in tree.get_commands(guild=guild)]
    text = json.dumps(sorted(payload, key=lambda c: c["name"]), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def scope_key(application_id: int | None, guild: discord.abc.Snowflake | None) -> str:
    """Where commands are synced: one application, globally or in one guild."""
    return f"{application_id}/{'global' if guild is None else f'guild:{guild.id}'}"


class SyncState:
    """The fingerprint last synced per scope, kept in a small JSON file beside the database."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> dict[str, str]:
        """Fingerprints by scope; empty when the file is missing or unreadable."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def write(self, key: str, digest: str) -> None:
        """Record a successful sync (atomically: a crash leaves the old file or the new one)."""
        data = {**self.read(), key: digest}
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(temporary, self.path)


async def sync_if_changed(
    tree: app_commands.CommandTree[Any],
    application_id: int | None,
    guild: discord.abc.Snowflake | None,
    state: SyncState,
) -> bool:
    """Sync the tree to `guild` (None: globally) unless it is unchanged; True when it synced."""
    key = scope_key(application_id, guild)
    digest = fingerprint(tree, guild)
    if state.read().get(key) == digest:
        log.info("slash commands unchanged for %s; not syncing", key)
        return False
    try:
        synced = await tree.sync(guild=guild)
    except discord.HTTPException as exc:
        hint = (
            " Is the bot in that guild, invited with the applications.commands scope?"
            if guild is not None
            else ""
        )
        log.error("could not sync slash commands for %s: %s.%s", key, exc, hint)
        return False
    try:
        state.write(key, digest)
    except OSError as exc:
        log.warning(
            "synced, but could not record it in %s (%s): next start syncs again", state.path, exc
        )
    log.info("synced %d slash commands for %s", len(synced), key)
    return True
