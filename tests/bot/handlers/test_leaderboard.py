from datetime import timedelta

from bot.core import Core
from tests.conftest import make_request, publish


async def test_ranking_by_days_solved_in_the_period(core: Core) -> None:
    clock = core.context.clock
    await publish(core, "2026-11-21", "vectors-sum")
    for user in ("ada", "bo"):
        await core.handle(make_request("answer", "[4, 6]", user=user))
    clock.advance(timedelta(days=1))
    await publish(core, "2026-11-22", "vectors-length")
    await core.handle(make_request("answer", "5", user="bo"))
    await core.handle(make_request("answer", "4", user="cy"))
    reply = await core.handle(make_request("leaderboard"))
    assert reply.title == "Leaderboard: this week" and not reply.private
    assert reply.body.splitlines() == ["🥇 Bo: 2 days", "🥈 Ada: 1 day"]
    assert reply.fields[0].value == "1 day (longest 1)"  # K = 2 with 3 members; today open


async def test_periods_and_bad_input(core: Core) -> None:
    empty = await core.handle(make_request("leaderboard", "all"))
    assert empty.body.startswith("Nobody has solved")
    assert (await core.handle(make_request("leaderboard", "decade"))).title == "Which period?"
    month = await core.handle(make_request("leaderboard", "month"))
    assert month.title == "Leaderboard: the last 30 days"
