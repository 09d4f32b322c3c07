from dataclasses import replace
from datetime import date, timedelta

from bot.challenge.post import plan_topics
from bot.clock import ManualClock
from bot.core import Core
from bot.daily import DailyRunner, daily_group
from bot.group_plan import daily_topics, group_plan, position, topics_until, week_topics
from bot.group_settings import GroupSettings
from bot.messages import Request
from bot.problems.snapshot import from_json
from tests.bot.conftest import Posted, real_catalog
from tests.conftest import make_request


def admin(command: str, text: str) -> Request:
    return replace(make_request(command, text), is_admin=True)


JOB = GroupSettings(track="job", weeks=8, start=date(2026, 11, 21), daily=True)


async def test_first_seven_daily_problems_come_from_the_plans_first_weeks(
    real_core: Core, runner: DailyRunner, posted: Posted, clock: ManualClock
) -> None:
    config = admin("config", "track:job weeks:8 daily:on")
    reply = await real_core.handle(config)
    assert reply.title == "Settings saved"
    fields = {f.name: f.value for f in reply.fields}
    assert fields["Plan"].startswith("8 weeks of the Fast path to a junior ML role track from")
    group_id = await real_core.context.store.ensure_group(config.group)
    group = await daily_group(real_core.context.store, group_id)
    assert group is not None
    plan = group_plan(real_catalog(), group.settings)
    assert plan is not None
    allowed = set(topics_until(plan, 2))
    for _ in range(7):
        await runner.run_due(clock.now())
        clock.advance(timedelta(days=1))
    topics = [r.fields[0].value for r in posted.replies]
    assert len(posted.replies) == 7
    rows = await real_core.context.store.fetch_all(
        "SELECT problem FROM posts WHERE group_id = ? ORDER BY local_date", (group_id,)
    )
    drawn = [from_json(row[0]).topic for row in rows]
    assert len(drawn) == 7 and set(drawn) <= allowed, (drawn, topics)
    assert "adam" not in drawn


async def test_roadmap_in_a_plan_group_starts_with_the_week(
    real_core: Core, clock: ManualClock
) -> None:
    await real_core.handle(admin("config", "track:job weeks:8 start:2026-11-07"))
    reply = await real_core.handle(make_request("roadmap"))
    assert reply.body.startswith("Week 3 of 8: ")  # 2026-11-21 is day 14 of the plan
    plan = group_plan(real_catalog(), JOB)
    assert plan is not None
    names = [real_catalog().topics[t].name for t in week_topics(plan, 3)]
    assert reply.body.split("\n")[0] == "Week 3 of 8: " + ", ".join(names)
    assert (await real_core.handle(make_request("roadmap", "map"))).title == "The map of ML math"


def test_weeks_and_revisits() -> None:
    plan = group_plan(real_catalog(), JOB)
    assert plan is not None
    start = JOB.start
    assert start is not None
    assert position(JOB, start - timedelta(days=3)).week == 1
    assert position(JOB, start + timedelta(days=20)).week == 3
    assert position(JOB, start + timedelta(days=56)).finished
    revisits = 0
    days = 400
    for n in range(days):
        day = start + timedelta(days=14 + n % 7)  # week 3
        topics = daily_topics(plan, JOB, day, seed=n * 7919)
        current = set(week_topics(plan, 3))
        if topics <= current:
            continue
        assert topics <= set(topics_until(plan, 2)) - current
        revisits += 1
    assert 0.18 < revisits / days < 0.32
    after = daily_topics(plan, JOB, start + timedelta(days=60), seed=1)
    assert after == {step.topic for step in plan.roadmap.steps}


def test_no_plan_without_weeks_or_a_track() -> None:
    assert group_plan(real_catalog(), GroupSettings(track="job")) is None
    assert group_plan(real_catalog(), GroupSettings(weeks=8, start=date(2026, 1, 1))) is None


async def test_plan_topics_empty_without_a_plan(real_core: Core) -> None:
    group_id = await real_core.context.store.ensure_group(make_request("help").group)
    from bot.daily import DailyGroup

    group = DailyGroup(group_id, make_request("help").group, GroupSettings(daily=True))
    assert plan_topics(real_core.context, group, date(2026, 11, 21)) == frozenset()


async def test_bad_plan_settings_get_one_line_and_change_nothing(real_core: Core) -> None:
    for text, words in [
        ("track:job weeks:0", "weeks"),
        ("track:job weeks:8 start:someday", "`start:` is a date like"),
        ("weeks:8", "A plan follows a track"),
        ("track:job weeks:8 background:expert", "background"),
        ("recap:maybe", "recap"),
    ]:
        reply = await real_core.handle(admin("config", text))
        assert reply.title in ("Settings not changed", "That option needs a fix"), (text, reply)
        assert words in reply.body and "Traceback" not in reply.body
    assert (
        await real_core.context.store.settings(
            await real_core.context.store.ensure_group(make_request("help").group)
        )
        == {}
    )
