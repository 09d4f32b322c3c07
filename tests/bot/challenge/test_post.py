from dataclasses import replace
from datetime import date

from bot.challenge.post import choose_problems, group_key, render_posts
from bot.core import Core
from bot.daily import DailyGroup
from bot.group_settings import GroupSettings
from bot.messages import Reply
from bot.problems import TEMPLATES
from bot.problems.index import entry
from bot.problems.pick import Bank
from bot.problems.snapshot import from_json, to_json
from tests.bot.daily.fakes import a_post
from tests.conftest import make_request, publish

DAY = date(2026, 11, 21)


async def daily_group(core: Core, settings: GroupSettings, channel: str = "general") -> DailyGroup:
    ref = replace(make_request("help").group, channel=channel, name=channel)
    return DailyGroup(await core.context.store.ensure_group(ref), ref, settings)


async def test_choose_respects_settings_and_widens_rather_than_fail(core: Core) -> None:
    easy = await daily_group(core, GroupSettings(topics=("derivatives",), difficulty=(1, 1)))
    none_fit = await daily_group(
        core, GroupSettings(topics=("gradients",), difficulty=(3, 3)), "other"
    )
    [(problem_id, snapshot), (widened, _)] = await choose_problems(
        core.context, [(easy, DAY), (none_fit, DAY)]
    )
    assert problem_id == "derivatives-square" and from_json(snapshot).id == problem_id
    assert widened in core.context.bank.problems


async def test_two_days_of_one_group_get_different_problems(core: Core) -> None:
    group = await daily_group(core, GroupSettings(topics=("vectors",)))  # a pool of two
    for day in range(1, 21):  # drawn alone, about half the pairs would repeat
        first, second = await choose_problems(
            core.context, [(group, date(2026, 11, day)), (group, date(2026, 11, day + 1))]
        )
        assert isinstance(first, tuple) and isinstance(second, tuple)
        assert first[0] != second[0]


async def test_a_template_variant_is_made_by_the_workers(core: Core) -> None:
    template = next(t for t in TEMPLATES if t.topics[0] == "derivatives")
    only_template = replace(core.context, bank=Bank({}, {template.id: entry(template)}))
    settings = GroupSettings(topics=("derivatives",), difficulty=(template.difficulty,) * 2)
    group = await daily_group(core, settings)
    [(problem_id, snapshot)] = await choose_problems(only_template, [(group, DAY)])
    assert problem_id.startswith(f"{template.id}#")
    assert from_json(snapshot).statement  # made in a worker, frozen here


async def test_a_group_with_nothing_to_draw_from_gets_its_error_not_the_batch(core: Core) -> None:
    empty = replace(core.context, bank=Bank({}, {}))
    group = await daily_group(core, GroupSettings())
    [result] = await choose_problems(empty, [(group, DAY)])
    assert isinstance(result, ValueError)


async def test_render_shows_the_problem_and_yesterdays_solution(core: Core) -> None:
    await publish(core, "2026-11-20", "vectors-sum")
    await core.handle(make_request("answer", "[4, 6]", user="ada"))
    group = await daily_group(core, GroupSettings())
    fresh = await daily_group(core, GroupSettings(), "fresh")
    problem = core.context.bank.problems["derivatives-square"]
    posts = [
        a_post(id=i, group_id=g.group_id, problem_id=problem.id, problem=to_json(problem))
        for i, g in enumerate((group, fresh), start=100)
    ]
    reply, first = await render_posts(core.context, list(zip((group, fresh), posts, strict=True)))
    assert isinstance(reply, Reply) and isinstance(first, Reply)
    assert reply.title == "Daily problem · Saturday 21 November"
    assert reply.body == problem.statement and not reply.private
    fields = {f.name: f.value for f in reply.fields}
    assert fields["Topic"] == "Derivatives" and fields["Difficulty"] == "★☆☆"
    assert "(1 solved it)" in next(k for k in fields if k.startswith("Yesterday"))
    assert [b.command for b in reply.buttons] == ["/answer", "/hint"]
    assert not any(f.name.startswith("Yesterday") for f in first.fields)  # nothing before it


def test_group_key_is_stable() -> None:
    assert group_key(make_request("help").group) == "test:ws:general"
