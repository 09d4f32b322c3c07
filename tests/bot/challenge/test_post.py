from datetime import date

from bot.challenge.post import choose_problem, group_key, render_post
from bot.core import Core
from bot.group_settings import GroupSettings
from bot.problems.snapshot import from_json
from tests.conftest import make_request, publish


async def test_choose_respects_settings_and_widens_rather_than_fail(core: Core) -> None:
    ref = make_request("help").group
    group_id = await core.context.store.ensure_group(ref)
    easy = GroupSettings(topics=("derivatives",), difficulty=(1, 1))
    problem_id, snapshot = await choose_problem(
        core.context, group_id, ref, easy, date(2026, 11, 21)
    )
    assert problem_id == "derivatives-square" and from_json(snapshot).id == problem_id
    none_fit = GroupSettings(topics=("gradients",), difficulty=(3, 3))
    widened, _ = await choose_problem(core.context, group_id, ref, none_fit, date(2026, 11, 21))
    assert widened in core.context.bank.problems


async def test_render_shows_the_problem_and_yesterdays_solution(core: Core) -> None:
    await publish(core, "2026-11-20", "vectors-sum")
    await core.handle(make_request("answer", "[4, 6]", user="ada"))
    group_id = await core.context.store.ensure_group(make_request("help").group)
    problem = core.context.bank.problems["derivatives-square"]
    reply = await render_post(core.context, group_id, date(2026, 11, 21), problem)
    assert reply.title == "Daily problem · Saturday 21 November"
    assert reply.body == problem.statement and not reply.private
    fields = {f.name: f.value for f in reply.fields}
    assert fields["Topic"] == "Derivatives" and fields["Difficulty"] == "★☆☆"
    assert "(1 solved it)" in next(k for k in fields if k.startswith("Yesterday"))
    assert [b.command for b in reply.buttons] == ["/answer", "/hint"]


def test_group_key_is_stable() -> None:
    assert group_key(make_request("help").group) == "test:ws:general"
