from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.core import Core
from bot.daily import DailyGroup, daily_group
from bot.learning import recap_ledger
from bot.learning.recap import recap_reply, with_recaps
from bot.learning.recap_runner import RecapRunner, WithRecaps
from bot.messages import GroupRef, Reply
from bot.store import Store
from tests.bot.conftest import nothing_found
from tests.bot.daily.fakes import ProcessDied, Sender, add_group, make_runner
from tests.bot.learning.test_review import WRONG, post_variant
from tests.conftest import make_request

HOUR = timedelta(hours=1)
MINUTE = timedelta(minutes=1)


async def titled(group: DailyGroup, monday: date) -> Reply:
    return Reply(title=f"Weekly recap {monday}", body="")


def runner(store: Store, clock: ManualClock, sender: Sender) -> WithRecaps:
    recaps = RecapRunner(store, clock, render=titled, send=sender)
    return WithRecaps(make_runner(store, clock, Sender()), recaps, store)


async def test_exactly_one_recap_a_week_over_three_weeks(store: Store, clock: ManualClock) -> None:
    await add_group(store, at="09:00", zone="Europe/Berlin")
    await add_group(store, "quiet", at="09:00", zone="UTC")
    quiet = await store.ensure_group(GroupRef("test", "ws", "quiet", "quiet"))
    await store.put_settings(quiet, {"recap": "off"})
    sender = Sender()
    both = runner(store, clock, sender)
    for _ in range(21 * 24):  # every hour of three weeks, from Saturday 2026-11-21 09:00 UTC
        await both.run_due(clock.advance(HOUR))
    assert [s.title for s in sender.sent] == [
        "Weekly recap 2026-11-23",
        "Weekly recap 2026-11-30",
        "Weekly recap 2026-12-07",
    ]
    assert {s.group_id for s in sender.sent} == {1}


async def test_a_restart_in_the_middle_of_sending_sends_one_recap(
    store: Store, clock: ManualClock, tmp_path: Path
) -> None:
    await add_group(store, at="09:00")
    sender = Sender()
    sender.die_before = True
    monday = datetime(2026, 11, 23, 9, tzinfo=UTC)
    with pytest.raises(ProcessDied):
        await runner(store, clock, sender).recaps.run(
            [await daily_group(store, 1)], clock.set(monday)
        )
    [row] = await recap_ledger.unsent(store, slot_after=monday - HOUR, max_attempts=5)
    assert row.status == "claimed"
    restarted = await Store.open(tmp_path / "studybot.db", clock)
    revived = Sender()
    after = runner(restarted, clock, revived)
    await after.run_due(clock.advance(MINUTE))  # the lease may still belong to a live sender
    assert revived.sent == []
    assert await after.next_retry_at(clock.now()) == monday + 2 * MINUTE
    for _ in range(30):
        await after.run_due(clock.advance(10 * MINUTE))
    assert [s.title for s in revived.sent] == ["Weekly recap 2026-11-23"]
    assert revived.sent[0].key == f"studybot-recap-{row.id}"
    assert await recap_ledger.sent_weeks(restarted, 1) == [date(2026, 11, 23)]
    await restarted.close()


async def test_nine_local_across_a_daylight_saving_change(store: Store) -> None:
    clock = ManualClock(datetime(2026, 10, 24, 12, tzinfo=UTC))
    store._clock = clock  # type: ignore[attr-defined]  # the same file, on this test's clock
    await add_group(store, at="09:00", zone="America/New_York")
    sender = Sender()
    moments: list[datetime] = []

    async def send(group: DailyGroup, reply: Reply, key: str) -> str:
        moments.append(clock.now())
        return await sender(group, reply, key)

    recaps = RecapRunner(store, clock, render=titled, send=send)
    both = WithRecaps(make_runner(store, clock, Sender()), recaps, store)
    for _ in range(14 * 24 * 4):  # every 15 minutes for two weeks: 2026-11-01 ends summer time
        await both.run_due(clock.advance(timedelta(minutes=15)))
    assert [s.title for s in sender.sent] == ["Weekly recap 2026-10-26", "Weekly recap 2026-11-02"]
    assert moments == [
        datetime(2026, 10, 26, 13, tzinfo=UTC),  # 09:00 EDT
        datetime(2026, 11, 2, 14, tzinfo=UTC),  # 09:00 EST
    ]


async def test_the_recap_tells_the_week(real_core: Core, clock: ManualClock, store: Store) -> None:
    admin = replace(make_request("config", "track:job weeks:8 start:2026-11-16"), is_admin=True)
    await real_core.handle(admin)
    daily = await post_variant(real_core, "2026-11-21")
    await real_core.handle(make_request("answer", daily.answer, user="bo"))
    for _ in range(3):
        await real_core.handle(make_request("answer", WRONG))
    group = await daily_group(store, 1)
    assert group is not None
    reply = await recap_reply(real_core.context, group, date(2026, 11, 23))
    assert reply.title == "Weekly recap · 16 November to 22 November"
    assert reply.body.startswith("The group streak counted 1 of 7 days")
    fields = {f.name: f.value for f in reply.fields}
    assert fields["Solves per day"] == "Mon 0 · Tue 0 · Wed 0 · Thu 0 · Fri 0 · Sat 1 · Sun 0"
    assert fields["Top solvers"] == "1. Bo: 1 day"
    [chart] = reply.images  # the top solvers as a chart, its alt text the same names
    assert chart.data.startswith(b"\x89PNG") and "Bo 1" in chart.alt
    assert fields["Most missed"].startswith("Dot products and matrix multiplication (3 wrong")
    assert "`/resource dot product matrix multiplication`" in fields["Most missed"]
    assert fields["This week"].startswith("Week 2 of 8:\n• ")


async def test_the_composed_runner_posts_recap_and_daily(
    real_core: Core, clock: ManualClock, store: Store
) -> None:
    posted: list[str] = []

    async def post(group: GroupRef, reply: Reply, key: str) -> str:
        posted.append(reply.title)
        return f"m{len(posted)}"

    await real_core.handle(replace(make_request("config", "track:job weeks:8"), is_admin=True))
    both = with_recaps(real_core.context, post, nothing_found)
    for _ in range(3):
        await both.run_due(clock.now())
        clock.advance(timedelta(days=1))
    assert [t.split(" · ")[0] for t in posted] == [
        "Daily problem",
        "Daily problem",
        "Weekly recap",  # Monday: the recap first, then the week's first problem
        "Daily problem",
    ]
    assert posted[3] == "Daily problem · Monday 23 November"


async def test_the_scheduler_posts_recaps_as_the_clock_moves(
    real_core: Core, clock: ManualClock, store: Store
) -> None:
    from bot.daily import DailyScheduler

    posted: list[str] = []

    async def post(group: GroupRef, reply: Reply, key: str) -> str:
        posted.append(reply.title)
        return f"m{len(posted)}"

    await real_core.handle(replace(make_request("config", "track:job weeks:8"), is_admin=True))
    scheduler = DailyScheduler(with_recaps(real_core.context, post, nothing_found), clock, store)
    real_core.context = replace(real_core.context, reschedule=scheduler.reschedule)
    try:
        await scheduler.start()
        since = clock.now()
        clock.advance(timedelta(days=10))  # Saturday 21 to Tuesday 1 December
        await scheduler.clock_moved(since)
    finally:
        await scheduler.shutdown()
    recaps = [t for t in posted if t.startswith("Weekly recap")]
    assert recaps == [
        "Weekly recap · 16 November to 22 November",
        "Weekly recap · 23 November to 29 November",
    ]
    assert sum(t.startswith("Daily problem") for t in posted) == 11
