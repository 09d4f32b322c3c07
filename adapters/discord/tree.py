"""Slash commands built from the core's command table: one definition for every platform."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import Any, Literal, cast

import discord
from discord import app_commands

from adapters.discord import autocomplete
from adapters.discord.views import responder
from bot.commands import COMMANDS, Command
from bot.content import Catalog
from bot.handlers.leaderboard import PERIODS
from bot.options import Option

DESCRIPTION = 100  # Discord's limit on command and option descriptions

# Discord has richer option types than the table's free text; these arguments use them:
# a member picker (the core gets the user id) and a yes/no option (yes sends the word itself),
# each with a description that fits it better than the table's help for typed text.
USER_ARGUMENTS = {"member": "The member whose streak to show (default: you)."}
FLAG_ARGUMENTS = {"solution": "Show the worked solution (once you solved it or tried 3 times)."}
REQUIRED_ARGUMENTS = frozenset({"answer"})
KEYWORD_ARGUMENTS = frozenset({"streak-fix"})  # the text starts with the argument's own name
ARGUMENT_CHOICES: Mapping[str, tuple[str, ...]] = {
    "period": tuple(PERIODS),
    "command": tuple(c.name for c in COMMANDS),
}
ARGUMENT_COMPLETION = {"topic": "topic"}
CHANNEL_OPTIONS = frozenset({"channel"})  # a channel picker; the core gets the channel id

Role = Literal["argument", "option"]
Complete = Callable[
    [discord.Interaction[Any], str], Coroutine[Any, Any, list[app_commands.Choice[str]]]
]


@dataclass(frozen=True)
class Param:
    """One Discord option and what it means to the core."""

    name: str
    role: Role
    description: str
    annotation: Any
    required: bool = False
    choices: tuple[str, ...] = ()
    completion: str = ""

    @property
    def python_name(self) -> str:
        """The callback parameter that carries the option ("streak-fix" -> "streak_fix")."""
        return self.name.replace("-", "_")

    def text(self, value: object) -> str:
        """The option's value as the core reads it."""
        if isinstance(value, bool):
            return self.name if value else ""
        if isinstance(value, discord.abc.Snowflake):
            return str(value.id)
        if isinstance(value, float):
            return str(int(value)) if value.is_integer() else str(value)
        text = str(value).strip()
        if self.name in KEYWORD_ARGUMENTS and text:
            return f"{self.name} {text}"
        return text


def params_of(command: Command) -> list[Param]:
    """The Discord options of a command: its free-text argument first, then its options."""
    params = []
    if command.argument:
        params.append(_argument(command))
    params.extend(_option(option) for option in command.options)
    return params


def _argument(command: Command) -> Param:
    name = command.argument
    description = _plain(command.argument_help or name)
    if name in USER_ARGUMENTS:
        return Param(name, "argument", USER_ARGUMENTS[name], discord.User)
    if name in FLAG_ARGUMENTS:
        return Param(name, "argument", FLAG_ARGUMENTS[name], bool)
    return Param(
        name,
        "argument",
        description,
        str,
        required=name in REQUIRED_ARGUMENTS,
        choices=ARGUMENT_CHOICES.get(name, ()),
        completion=ARGUMENT_COMPLETION.get(name, ""),
    )


def _option(option: Option) -> Param:
    description = _plain(option.summary)
    if option.name in CHANNEL_OPTIONS:
        return Param(option.name, "option", description, discord.TextChannel)
    if option.kind == "int":
        annotation: Any = app_commands.Range[int, option.low, option.high]
    elif option.kind == "price":
        annotation = app_commands.Range[float, 0, None]
    else:
        annotation = str
    return Param(
        option.name,
        "option",
        description,
        annotation,
        choices=option.choices,
        completion=option.autocomplete,
    )


def _plain(text: str) -> str:
    """Discord shows descriptions as plain text: no backticks, at most 100 characters."""
    text = " ".join(text.replace("`", "").split())
    return text if len(text) <= DESCRIPTION else text[: DESCRIPTION - 1].rstrip() + "…"


def build_commands(
    commands: tuple[Command, ...] = COMMANDS,
) -> list[app_commands.Command[Any, ..., None]]:
    """One slash command per row of the table; callbacks reach the core through the client."""
    return [_slash(command) for command in commands]


def _slash(command: Command) -> app_commands.Command[Any, ..., None]:
    params = params_of(command)

    async def callback(interaction: discord.Interaction[Any], **values: Any) -> None:
        text, options = "", {}
        for param in params:
            value = values.get(param.python_name)
            if value is None:
                continue
            if param.role == "argument":
                text = param.text(value)
            elif param.text(value):
                options[param.name] = param.text(value)
        await responder(interaction).run(interaction, command.name, text, options)

    callback.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
        + [
            inspect.Parameter(
                p.python_name,
                inspect.Parameter.KEYWORD_ONLY,
                annotation=p.annotation,
                default=inspect.Parameter.empty if p.required else None,
            )
            for p in params
        ]
    )
    callback = app_commands.describe(**{p.python_name: p.description for p in params})(callback)
    renamed = {p.python_name: p.name for p in params if p.python_name != p.name}
    if renamed:
        callback = app_commands.rename(**renamed)(callback)
    choices = {
        p.python_name: [app_commands.Choice(name=c, value=c) for c in p.choices]
        for p in params
        if p.choices
    }
    if choices:
        callback = app_commands.choices(**choices)(callback)
    completions = {p.python_name: COMPLETIONS[p.completion] for p in params if p.completion}
    if completions:
        callback = app_commands.autocomplete(**completions)(callback)
    slash: app_commands.Command[Any, ..., None] = app_commands.Command(
        name=command.name, description=_plain(command.summary), callback=callback
    )
    if command.admin:  # hidden from members without Manage Server by default
        slash.default_permissions = discord.Permissions(manage_guild=True)
    return slash


def _catalog(interaction: discord.Interaction[Any]) -> Catalog:
    return cast(Catalog, interaction.client.core.context.catalog)  # type: ignore[attr-defined]


def _choices(found: list[autocomplete.Suggestion]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=name, value=value) for name, value in found]


async def _topics(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    return _choices(autocomplete.topics(_catalog(interaction), current))


async def _timezones(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    return _choices(autocomplete.timezones(current))


async def _tracks(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    return _choices(autocomplete.tracks(_catalog(interaction), current))


COMPLETIONS: Mapping[str, Complete] = {
    "topic": _topics,
    "timezone": _timezones,
    "track": _tracks,
}


def registered_commands() -> dict[str, list[str]]:
    """What Discord gets: each slash command's name and its option names, in the table's order."""
    return {slash.name: [p.display_name for p in slash.parameters] for slash in build_commands()}
