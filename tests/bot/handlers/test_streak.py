from dataclasses import replace
from datetime import timedelta

from bot.core import Core
from tests.conftest import make_request, publish


async def test_streak_after_solving_and_the_strip(core: Core) -> None:
    clock = core.context.clock
    for _ in range(3):
        day = (clock.now()).date().isoformat()
        await publish(core, day, "vectors-sum")
        await core.handle(make_request("answer", "[4, 6]"))
        clock.advance(timedelta(days=1))
    reply = await core.handle(make_request("streak"))
    assert reply.title == "Your streak" and reply.private
    assert reply.body.startswith("Current: 3 · Longest: 3 · Freezes banked: 0 of 2")
    strip = reply.fields[0].value.splitlines()[0]
    assert strip.endswith("■■■·`")  # three solved days, today has no post yet
    assert len(strip.strip("`")) == 30
    assert reply.fields[1].value == "3 (longest 3)"  # a group of one needs one solver


async def test_history_and_other_members(core: Core) -> None:
    await publish(core, "2026-11-20", "vectors-length")
    await publish(core, "2026-11-21", "vectors-sum")
    await core.handle(make_request("answer", "[4, 6]", user="sam"))
    history = await core.handle(make_request("streak", "sam history"))
    assert history.title == "Sam's streak history"
    assert history.body.splitlines() == [
        "2026-11-20 missed, the streak restarted · streak 0",
        "2026-11-21 solved · streak 1",
    ]
    fix = replace(make_request("config", "streak-fix sam 2026-11-20 was offline"), is_admin=True)
    await core.handle(fix)
    fixed = await core.handle(make_request("streak", "sam history"))
    assert fixed.body.splitlines()[0].startswith("2026-11-20 counted by an admin · streak 1")
    assert "(was offline)" in fixed.body
    other = await core.handle(make_request("streak", "Sam"))
    assert other.title == "Sam's streak" and "Current: 2" in other.body
    assert (await core.handle(make_request("streak", "nobody"))).title == "Who?"


async def test_history_as_an_option_for_platforms_with_a_member_picker(core: Core) -> None:
    await publish(core, "2026-11-21", "vectors-sum")
    await core.handle(make_request("answer", "[4, 6]"))
    typed = await core.handle(make_request("streak", "history"))
    picked = await core.handle(make_request("streak", "", show="history"))
    assert typed.body == picked.body == "2026-11-21 solved · streak 1"
