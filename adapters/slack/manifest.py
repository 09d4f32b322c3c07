"""The Slack app manifest, built from the command table; `studybot slack manifest`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from adapters.slack.routing import slash_commands
from bot.commands import BY_NAME

MANIFEST = Path(__file__).with_name("manifest.yaml")
SCOPES = (
    "commands",  # the slash commands
    "chat:write",  # the daily problem and private replies
    "chat:write.public",  # post the daily problem in a public channel without an invite first
    "users:read",  # users.info: workspace admins and owners may change a group's settings
    "channels:history",  # before re-sending a daily post that may have arrived: is it there?
    "groups:history",  # the same in a private channel
    "files:write",  # files_upload_v2: the pictures (math card, streak calendar, leaderboard)
)
MAX_DESCRIPTION = 100
HEADER = """\
# The studybot Slack app. Create it at https://api.slack.com/apps -> Create New App ->
# From a manifest, and paste this file. It runs in Socket Mode (no public URL needed).
# For HTTP mode instead: studybot slack manifest --url https://HOST
# For an app any workspace can install: studybot slack manifest --distributed --url https://HOST
# Generated from bot/commands.py by `studybot slack manifest > {path}`.
"""
EVENTS_PATH = "/slack/events"
REDIRECT_PATH = "/slack/oauth_redirect"
UNINSTALL_EVENTS = ("app_uninstalled", "tokens_revoked")


def build(request_url: str = "", *, distributed: bool = False) -> dict[str, Any]:
    """The manifest: Socket Mode, or HTTP mode sending everything to `request_url`.

    `distributed`: installable by any workspace through /slack/install (OAuth): a redirect
    URL, token rotation, and the uninstall events.
    """
    commands = []
    for slash, name in slash_commands().items():
        entry = {"command": slash, **_describe(name)}
        if request_url:
            entry["url"] = request_url
        entry["should_escape"] = True  # mentions arrive as ids: <@U123>, <#C123>
        commands.append(entry)
    interactivity: dict[str, Any] = {"is_enabled": True}
    if request_url:
        interactivity["request_url"] = request_url
    manifest = {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {
            "name": "studybot",
            "description": "A study companion for groups learning the math behind machine "
            "learning: roadmaps, resources and a daily problem.",
            "background_color": "#1d3557",
        },
        "features": {
            "bot_user": {"display_name": "studybot", "always_online": True},
            "slash_commands": commands,
        },
        "oauth_config": {"scopes": {"bot": list(SCOPES)}},
        "settings": {
            "interactivity": interactivity,
            "org_deploy_enabled": False,
            "socket_mode_enabled": not request_url,
            "token_rotation_enabled": distributed,
        },
    }
    if distributed:
        base = request_url.removesuffix(EVENTS_PATH)
        manifest["oauth_config"]["redirect_urls"] = [base + REDIRECT_PATH]
        manifest["settings"]["event_subscriptions"] = {
            "request_url": request_url,
            "bot_events": list(UNINSTALL_EVENTS),
        }
    return manifest


def _describe(name: str) -> dict[str, str]:
    """A slash command's description and usage hint, from the command table."""
    if not name:
        settings = " ".join(f"{option.name}:" for option in BY_NAME["config"].options)
        return {
            "description": "Help, and the group's daily settings (config).",
            "usage_hint": f"help [command] | config [{settings}]",
        }
    command = BY_NAME[name]
    description = command.summary.replace("`", "")
    if len(description) > MAX_DESCRIPTION:
        description = description[: MAX_DESCRIPTION - 1].rstrip() + "…"
    usage = command.usage().removeprefix(f"/{name}").strip()
    return {"description": description} | ({"usage_hint": usage} if usage else {})


def to_yaml(manifest: dict[str, Any]) -> str:
    """The manifest as YAML, with the comment that explains it."""
    body = yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True, width=1000)
    return HEADER.format(path=f"adapters/slack/{MANIFEST.name}") + body


def print_manifest(url: str = "", *, distributed: bool = False) -> int:
    """Print the manifest for a public base URL (`https://HOST`), or Socket Mode without one."""
    if distributed and not url:
        print(
            "studybot: a distributed app needs its public URL: --url https://HOST", file=sys.stderr
        )
        return 2
    base = url.rstrip("/").removesuffix(EVENTS_PATH)
    request_url = base + EVENTS_PATH if base else ""
    sys.stdout.write(to_yaml(build(request_url, distributed=distributed)))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Print the manifest."""
    parser = argparse.ArgumentParser(description="Print the studybot Slack app manifest.")
    parser.add_argument("--url", default="", help="HTTP mode: the public base URL, https://HOST")
    parser.add_argument("--distributed", action="store_true", help="installable by any workspace")
    args = parser.parse_args(argv)
    return print_manifest(args.url, distributed=args.distributed)


if __name__ == "__main__":
    raise SystemExit(main())
