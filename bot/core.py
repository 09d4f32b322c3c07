"""The Core: turns a Request from any platform into a Reply, through the command table."""

from __future__ import annotations

import difflib
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace

from bot.commands import COMMANDS, Command
from bot.context import Context
from bot.deliveries import Deliveries
from bot.handlers import (
    answer,
    config,
    hint,
    leaderboard,
    practice,
    problem,
    progress,
    resource,
    review,
    roadmap,
    streak,
)
from bot.handlers import help as help_command
from bot.messages import Reply, Request, Tone
from bot.options import MAX_TEXT, Args, OptionError, parse_values, split_options

log = logging.getLogger(__name__)

Handler = Callable[[Context, Request, str, Args], Awaitable[Reply]]

HANDLERS: Mapping[str, Handler] = {
    "help": help_command.handle,
    "roadmap": roadmap.handle,
    "resource": resource.handle,
    "problem": problem.handle,
    "answer": answer.handle,
    "hint": hint.handle,
    "practice": practice.handle,
    "review": review.handle,
    "progress": progress.handle,
    "streak": streak.handle,
    "leaderboard": leaderboard.handle,
    "config": config.handle,
}


class Core:
    """Dispatches requests to handlers; never lets an exception reach the platform."""

    def __init__(
        self,
        context: Context,
        commands: tuple[Command, ...] = COMMANDS,
        handlers: Mapping[str, Handler] = HANDLERS,
    ) -> None:
        missing = {c.name for c in commands} - handlers.keys()
        if missing:
            raise ValueError(f"commands without a handler: {sorted(missing)}")
        self.context = context
        self.commands = {c.name: c for c in commands}
        self._handlers = handlers
        self._deliveries = Deliveries()

    async def handle(self, request: Request) -> Reply:
        """Answer one request; a learner's mistake gets a helpful reply, ours gets logged."""
        if not (request.user.id and request.group.workspace and request.group.channel):
            log.warning("refused /%s without a user, workspace or channel id", request.command)
            return UNIDENTIFIED
        command = self.commands.get(request.command.lower().lstrip("/"))
        if command is None:
            return unknown_command(request.command, list(self.commands))
        if len(request.text) > MAX_TEXT:
            return too_long(command, len(request.text))
        try:
            text, words = split_options(request.text, command.options)
            args = parse_values({**words, **request.options}, command.options)
        except OptionError as exc:
            return Reply(
                title="That option needs a fix",
                body=f"{exc}\n\nUsage: `{command.usage()}`",
                tone=Tone.ERROR,
                private=True,
            )
        try:
            request = replace(request, group=await self.context.store.resolve_group(request.group))
            group_id = await self.context.store.ensure_group(request.group)
            await self.context.store.ensure_member(group_id, request.user)
            handler = self._handlers[command.name]
            if command.acts and request.delivery:
                reply = await self._deliveries.once(
                    self.context.store,
                    self.context.clock.now(),
                    request,
                    lambda: handler(self.context, request, text, args),
                )
            else:
                reply = await handler(self.context, request, text, args)
        except Exception:
            log.exception(
                "command /%s failed for %r in %r", command.name, request.user, request.group
            )
            return Reply(
                title="Something went wrong on our side",
                body="Sorry, that command failed. It has been logged; please try again shortly.",
                tone=Tone.ERROR,
                private=True,
            )
        return replace(reply, private=True) if command.private else reply


UNIDENTIFIED = Reply(
    title="I can't tell who or where you are",
    body="That request came without a member, workspace or channel, so nothing was recorded."
    " Please try again from the study group's channel.",
    tone=Tone.ERROR,
    private=True,
)


def too_long(command: Command, length: int) -> Reply:
    """A friendly refusal of a message too long to read, before anything parses it."""
    return Reply(
        title="That message is too long",
        body=(
            f"`/{command.name}` reads at most {MAX_TEXT:,} characters and this one has"
            f" {length:,}. Nothing was recorded; send a shorter one."
        ),
        tone=Tone.WARNING,
        private=True,
    )


def unknown_command(name: str, known: list[str]) -> Reply:
    """A friendly reply to a command we do not have."""
    name = name.lstrip("/")[:40]
    close = difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.5)
    hint = f" Did you mean `/{close[0]}`?" if close else ""
    return Reply(
        title="Unknown command",
        body=f"There is no `/{name}` command.{hint} Type `/help` to see what I can do.",
        tone=Tone.WARNING,
        private=True,
    )
