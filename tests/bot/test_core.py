import logging
from dataclasses import replace

import pytest

from bot.commands import Command
from bot.context import Context
from bot.core import HANDLERS, Core
from bot.messages import Reply, Request, Tone
from bot.options import MAX_TEXT, Args, Option
from tests.conftest import make_request


async def test_dispatches_to_the_named_command(core: Core) -> None:
    reply = await core.handle(make_request("roadmap", "vectors"))
    assert reply.title == "Vectors"
    assert not reply.private


async def test_command_names_ignore_case_and_leading_slash(core: Core) -> None:
    reply = await core.handle(make_request("/RoadMap", "vectors"))
    assert reply.title == "Vectors"


async def test_unknown_command_suggests_the_closest(core: Core) -> None:
    reply = await core.handle(make_request("roadmpa"))
    assert reply.tone is Tone.WARNING and reply.private
    assert "Did you mean `/roadmap`" in reply.body


async def test_unknown_command_is_clipped_and_never_raises(core: Core) -> None:
    reply = await core.handle(make_request("x" * 5000))
    assert "Unknown command" in reply.title
    assert len(reply.body) < 200


async def test_bad_option_gets_usage_privately(core: Core) -> None:
    reply = await core.handle(make_request("resource", "vectors cost:cheap"))
    assert reply.private and reply.tone is Tone.ERROR
    assert "choose one of free, paid" in reply.body
    assert "Usage: `/resource [topic]" in reply.body


async def test_platform_options_override_text_words(core: Core) -> None:
    reply = await core.handle(make_request("resource", "vectors cost:paid", cost="free"))
    assert reply.title == "Resources for Vectors (cost:free)"


async def test_records_group_and_member(core: Core) -> None:
    await core.handle(make_request("help", user="ada"))
    await core.handle(make_request("help", user="bo"))
    await core.handle(make_request("help", user="ada"))
    store = core.context.store
    groups = await store.fetch_all("SELECT platform, workspace, channel FROM groups")
    members = await store.fetch_all(
        "SELECT m.user_id FROM members m JOIN group_members gm ON gm.member_id = m.id"
        " ORDER BY m.user_id"
    )
    assert [tuple(g) for g in groups] == [("test", "ws", "general")]
    assert [m[0] for m in members] == ["ada", "bo"]


async def test_a_failing_handler_is_logged_and_answered_kindly(
    context: Context, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(ctx: Context, request: Request, text: str, args: Args) -> Reply:
        raise RuntimeError("boom")

    core = Core(context, (Command("boom", "Explodes."),), {"boom": broken})
    with caplog.at_level(logging.ERROR):
        reply = await core.handle(make_request("boom"))
    assert reply.tone is Tone.ERROR and reply.private
    assert "boom" not in reply.body and "Traceback" not in reply.body
    assert "command /boom failed" in caplog.text and "RuntimeError: boom" in caplog.text


async def test_private_commands_force_private_replies(context: Context) -> None:
    async def public(ctx: Context, request: Request, text: str, args: Args) -> Reply:
        return Reply(body="secret")

    core = Core(context, (Command("peek", "Private.", private=True),), {"peek": public})
    assert (await core.handle(make_request("peek"))).private


async def test_handlers_receive_text_without_option_words(context: Context) -> None:
    seen = {}

    async def echo(ctx: Context, request: Request, text: str, args: Args) -> Reply:
        seen.update(text=text, args=args)
        return Reply()

    command = Command(
        "echo", "Echo.", argument="thing", options=(Option("n", "", kind="int", low=1, high=9),)
    )
    await Core(context, (command,), {"echo": echo}).handle(make_request("echo", "hello n:3 world"))
    assert seen == {"text": "hello world", "args": {"n": 3}}


def test_a_command_without_handler_is_refused_at_start(context: Context) -> None:
    with pytest.raises(ValueError, match="without a handler"):
        Core(context, (Command("ghost", "Nothing."),), HANDLERS)


@pytest.fixture
def context(core: Core) -> Context:
    return core.context


async def test_a_group_posting_elsewhere_owns_that_channel(core: Core) -> None:
    from dataclasses import replace as with_

    from bot.messages import GroupRef

    in_post_channel = with_(
        make_request("config"), group=GroupRef("test", "ws", "daily-room", "daily-room")
    )
    store = core.context.store
    assert await store.resolve_group(in_post_channel.group) == in_post_channel.group  # remembered
    admin = with_(make_request("config", "channel:<#daily-room> time:08:00"), is_admin=True)
    await core.handle(admin)
    reply = await core.handle(in_post_channel)
    assert dict((f.name, f.value) for f in reply.fields)["Posted at"] == "08:00 UTC, in #daily-room"
    groups = await core.context.store.fetch_all("SELECT channel FROM groups")
    assert [g[0] for g in groups] == ["general"]  # no empty group for the post channel
    # Settings changed from the post channel change the group that posts there.
    await core.handle(with_(in_post_channel, text="time:10:00", is_admin=True))
    stored = await core.context.store.settings(1)
    assert stored["time"] == "10:00" and stored["channel"] == "daily-room"
    assert len(await core.context.store.fetch_all("SELECT id FROM groups")) == 1


async def test_an_oversized_message_is_refused_before_parsing(core: Core) -> None:
    reply = await core.handle(make_request("answer", "a" * (MAX_TEXT + 1)))
    assert reply.private and reply.tone is Tone.WARNING
    assert "too long" in reply.title and f"{MAX_TEXT:,}" in reply.body
    rows = await core.context.store.fetch_all("SELECT count(*) FROM submissions")
    assert rows[0][0] == 0


@pytest.mark.parametrize("missing", ["user", "workspace", "channel"])
async def test_a_request_without_ids_is_refused_and_stores_nothing(
    core: Core, missing: str
) -> None:
    request = make_request("answer", "42")
    if missing == "user":
        request = replace(request, user=replace(request.user, id=""))
    else:
        request = replace(request, group=replace(request.group, **{missing: ""}))
    reply = await core.handle(request)
    assert reply.private and reply.tone is Tone.ERROR and "who or where" in reply.title
    for table in ("groups", "members", "submissions"):
        assert (await core.context.store.fetch_all(f"SELECT count(*) FROM {table}"))[0][0] == 0
