from bot.commands import COMMANDS
from bot.core import Core
from bot.messages import Tone
from tests.conftest import make_request


async def test_help_lists_every_command_privately(core: Core) -> None:
    reply = await core.handle(make_request("help"))
    assert reply.private
    assert [f.name for f in reply.fields] == [f"`{c.usage()}`" for c in COMMANDS]


async def test_help_for_one_command_explains_options_and_examples(core: Core) -> None:
    reply = await core.handle(make_request("help", "/resource"))
    names = [f.name for f in reply.fields]
    assert reply.title.startswith("`/resource [topic]")
    assert names == [
        "topic",
        "cost:free|paid",
        "format:book|course|video|article",
        "max:PRICE",
        "Examples",
    ]
    assert "/resource bayes cost:free" in reply.fields[-1].value


async def test_help_for_an_unknown_command(core: Core) -> None:
    reply = await core.handle(make_request("help", "teleport"))
    assert reply.tone is Tone.WARNING and "`/teleport`" in reply.body
