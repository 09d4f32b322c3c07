"""/help: the command list, or one command in detail."""

from __future__ import annotations

from bot.commands import BY_NAME, COMMANDS
from bot.context import Context
from bot.messages import Field, Reply, Request, Tone
from bot.options import Args


async def handle(context: Context, request: Request, text: str, args: Args) -> Reply:
    """List every command, or explain the one named."""
    name = text.strip().lstrip("/").lower()
    if not name:
        return Reply(
            title="studybot commands",
            body="I post a math problem every day and help you plan what to study for ML.",
            fields=tuple(Field(f"`{c.usage()}`", c.summary) for c in COMMANDS),
            footer="Options are written key:value, e.g. /resource linear algebra cost:free",
        )
    command = BY_NAME.get(name)
    if command is None:
        return Reply(
            title="Unknown command",
            body=f"There is no `/{name[:40]}` command. Type `/help` for the list.",
            tone=Tone.WARNING,
        )
    fields = []
    if command.argument:
        fields.append(Field(command.argument, command.argument_help))
    for option in command.options:
        fields.append(Field(option.usage(), option.summary))
    if command.examples:
        fields.append(Field("Examples", "\n".join(f"`{e}`" for e in command.examples)))
    return Reply(title=f"`{command.usage()}`", body=command.summary, fields=tuple(fields))
