"""Slack's names for the core's commands, and Slack's text escapes undone on the way in."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

from bot.commands import COMMANDS, Command
from bot.messages import Field, Reply

HUB = "studybot"
"""The one slash command that reaches every command: `/studybot config ...`, `/studybot help`."""
HUB_ONLY = ("help", "config")
"""Core commands with no slash command of their own: generic names that other apps may hold."""

_ESCAPED = re.compile(r"<(?P<kind>[@#!]?)(?P<target>[^|>]+)(?:\|(?P<label>[^>]*))?>")
_HUB_MENTION = re.compile(rf"(?<![\w/.:-])/({'|'.join(HUB_ONLY)})\b")


def slash_commands(commands: tuple[Command, ...] = COMMANDS) -> dict[str, str]:
    """Each Slack slash command and the core command it runs (`""` for the hub)."""
    direct = {f"/{c.name}": c.name for c in commands if c.name not in HUB_ONLY}
    return direct | {f"/{HUB}": ""}


def route(slash: str, text: str) -> tuple[str, str]:
    """(core command, its text) for a Slack slash command and the text typed after it."""
    name = slash.strip().lstrip("/").lower()
    if name != HUB:
        return name, text.strip()
    word, _, rest = text.strip().partition(" ")
    if not word:
        return "help", ""
    return word.lstrip("/").lower(), rest.strip()


def split_command(line: str) -> tuple[str, str]:
    """`/problem solution` -> (`problem`, `solution`)."""
    name, _, text = line.strip().lstrip("/").partition(" ")
    return name.lower(), text.strip()


def from_slack(text: str) -> str:
    """Slack's escaped text as typed: `<@U1|sam>` -> `<@U1>`, `<#C1|x>` -> `<#C1>`, `&lt;` -> `<`.

    Mentions keep the id form the core understands (`<@U1>` finds a member, `<#C1>` names a
    channel for `/config channel:`); links lose their brackets; the three HTML escapes go.
    """

    def plain(match: re.Match[str]) -> str:
        kind, target, label = match["kind"], match["target"], match["label"]
        if kind in {"@", "#"}:
            return f"<{kind}{target}>"
        if kind == "!":
            return label or f"@{target.split('^')[0]}"
        return target.removeprefix("mailto:")

    unescaped = _ESCAPED.sub(plain, text)
    return unescaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def localize(reply: Reply) -> Reply:
    """The reply with `/help` and `/config` written as Slack users type them: `/studybot help`."""

    def fix(text: str) -> str:
        return _HUB_MENTION.sub(rf"/{HUB} \1", text)

    return replace(
        reply,
        title=fix(reply.title),
        body=fix(reply.body),
        fields=tuple(Field(fix(f.name), fix(f.value), f.inline) for f in reply.fields),
        footer=fix(reply.footer),
    )


@dataclass(frozen=True)
class ButtonValue:
    """What a command button carries: the command line, and the daily post it came from."""

    command: str
    post: str = ""

    def encode(self) -> str:
        """The button's `value` (JSON)."""
        return json.dumps({"command": self.command} | ({"post": self.post} if self.post else {}))

    @classmethod
    def decode(cls, value: str | None) -> ButtonValue:
        """The value of a button we rendered; a foreign or broken value runs /help."""
        try:
            data = json.loads(value or "")
            return cls(str(data["command"]), str(data.get("post", "")))
        except (ValueError, KeyError, TypeError):
            return cls("/help")
