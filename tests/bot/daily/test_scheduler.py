import asyncio
import json
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from bot.clock import Clock, ManualClock, SystemClock
from bot.daily import DailyGroup, DailyRunner, DailyScheduler
from bot.messages import Reply
from bot.store import Store
from tests.bot.daily.fakes import (
    ZONES,
    Reopen,
    Sender,
    add_group,
    choose,
    each,
    make_runner,
    render,
)

SLOT = datetime(2026, 11, 21, 10, tzinfo=UTC)  # the default group's 10:00 UTC
DAY = timedelta(days=1)
MakeScheduler = Callable[[DailyRunner, Clock, Store], DailyScheduler]


@pytest.fixture
async def make_scheduler() -> AsyncIterator[MakeScheduler]:
    made: list[DailyScheduler] = []

    def make(runner: DailyRunner, clock: Clock, store: Store) -> DailyScheduler:
        made.append(DailyScheduler(runner, clock, store))
        return made[-1]

    yield make
    for scheduler in made:
        await scheduler.shutdown()


async def fire(daily: DailyScheduler) -> None:
    """Let APScheduler look for due jobs now, and wait for the ones it started."""
    daily.wakeup()
    for _ in range(3):  # the wake-up, the job's task, its first step
        await asyncio.sleep(0)
    await daily.idle()


async def test_start_arms_one_job_per_daily_group_and_catches_up(
    store: Store,
    runner: DailyRunner,
    clock: ManualClock,
    sender: Sender,
    make_scheduler: MakeScheduler,
) -> None:
    early = await add_group(store, "early", at="08:00")  # an hour ago: caught up at start
    late = await add_group(store, "late")
    new_york = await add_group(store, "ny", at="09:00", zone="America/New_York")
    await add_group(store, "off", daily="off")
    daily = make_scheduler(runner, clock, store)
    await daily.start()
    assert [s.group_id for s in sender.sent] == [early]
    assert daily.scheduled() == {
        early: datetime(2026, 11, 22, 8, tzinfo=UTC),
        late: SLOT,
        new_york: datetime(2026, 11, 21, 14, tzinfo=UTC),
    }
    assert daily.retry_at() is None


async def test_clock_moved_posts_what_became_due(
    store: Store,
    runner: DailyRunner,
    clock: ManualClock,
    sender: Sender,
    make_scheduler: MakeScheduler,
) -> None:
    group = await add_group(store)
    daily = make_scheduler(runner, clock, store)
    await daily.start()
    clock.set(SLOT - timedelta(seconds=1))
    await daily.clock_moved()
    assert sender.sent == []
    clock.set(SLOT + timedelta(seconds=30))
    await daily.clock_moved()
    assert sender.days() == ["2026-11-21"]
    assert daily.scheduled() == {group: SLOT + DAY}
    clock.set(SLOT + 3 * DAY + timedelta(hours=1))  # a long jump: only the day within grace
    await daily.clock_moved()
    assert sender.days() == ["2026-11-21", "2026-11-24"]
    assert daily.scheduled() == {group: SLOT + 4 * DAY}


async def test_restart_mid_day_rebuilds_jobs_without_posting_again(
    store: Store,
    runner: DailyRunner,
    clock: ManualClock,
    sender: Sender,
    reopen: Reopen,
    make_scheduler: MakeScheduler,
) -> None:
    group = await add_group(store)
    first = make_scheduler(runner, clock, store)
    await first.start()
    clock.set(SLOT)
    await first.clock_moved()
    await first.shutdown()
    clock.set(SLOT + timedelta(hours=3))
    again = await reopen(clock)
    second = make_scheduler(make_runner(again, clock, sender), clock, again)
    await second.start()
    assert sender.days() == ["2026-11-21"]
    assert second.scheduled() == {group: SLOT + DAY}


async def test_reschedule_follows_the_settings(
    store: Store,
    runner: DailyRunner,
    clock: ManualClock,
    sender: Sender,
    make_scheduler: MakeScheduler,
) -> None:
    group = await add_group(store)
    daily = make_scheduler(runner, clock, store)
    await daily.start()
    await store.put_settings(group, {"time": "18:00"})
    await daily.reschedule(group)
    assert daily.scheduled() == {group: datetime(2026, 11, 21, 18, tzinfo=UTC)}
    await store.put_settings(group, {"daily": "off"})
    await daily.reschedule(group)
    assert daily.scheduled() == {}
    await store.put_settings(group, {"daily": "on", "time": "07:00"})  # passed, within grace
    await daily.reschedule(group)
    assert sender.days() == ["2026-11-21"]
    assert daily.scheduled() == {group: datetime(2026, 11, 22, 7, tzinfo=UTC)}


async def test_a_failed_send_arms_the_retry_job(
    store: Store,
    runner: DailyRunner,
    clock: ManualClock,
    sender: Sender,
    make_scheduler: MakeScheduler,
) -> None:
    await add_group(store)
    sender.failures = 1
    daily = make_scheduler(runner, clock, store)
    await daily.start()
    clock.set(SLOT)
    await daily.clock_moved()
    assert daily.retry_at() == SLOT + timedelta(seconds=30)
    clock.set(SLOT + timedelta(seconds=30))
    await daily.clock_moved()
    assert sender.days() == ["2026-11-21"]
    assert daily.retry_at() is None


async def test_apscheduler_fires_the_jobs_in_real_time(
    store: Store, sender: Sender, make_scheduler: MakeScheduler
) -> None:
    group = await add_group(store)
    with time_machine.travel(SLOT - timedelta(hours=1), tick=False) as traveller:
        clock = SystemClock()
        daily = make_scheduler(make_runner(store, clock, sender), clock, store)
        await daily.start()
        assert daily.scheduled() == {group: SLOT}
        traveller.move_to(SLOT - timedelta(seconds=1))
        await fire(daily)
        assert sender.sent == []
        sender.failures = 1
        traveller.move_to(SLOT)
        await fire(daily)  # the group's job: the send fails
        assert (sender.calls, sender.sent) == (1, [])
        assert daily.scheduled() == {group: SLOT + DAY}
        assert daily.retry_at() == SLOT + timedelta(seconds=30)
        traveller.shift(timedelta(minutes=10))  # a late wake-up (the machine slept) still runs
        await fire(daily)  # the retry job
        assert sender.days() == ["2026-11-21"]
        assert daily.retry_at() is None


async def test_two_schedulers_on_one_database_post_once(
    store: Store, reopen: Reopen, make_scheduler: MakeScheduler
) -> None:
    groups = [await add_group(store, f"g{n}", zone=zone) for n, zone in enumerate(ZONES)]
    senders = [Sender(), Sender()]
    with time_machine.travel(SLOT - timedelta(hours=1), tick=False) as traveller:
        clock = SystemClock()
        pair = []
        for send in senders:
            connection = await reopen(clock)
            pair.append(make_scheduler(make_runner(connection, clock, send), clock, connection))
        await asyncio.gather(*(daily.start() for daily in pair))
        for _ in range(2):  # two days: every slot fires on both schedulers at once
            for slot in sorted(set(pair[0].scheduled().values())):
                traveller.move_to(slot)
                await asyncio.gather(*(fire(daily) for daily in pair))
    posts = [(s.group_id, s.title) for send in senders for s in send.sent]
    assert len(posts) == len(set(posts)) == 2 * len(groups)


async def test_jobs_run_as_far_off_in_real_time_as_their_slot_is_on_the_clock(
    store: Store, clock: ManualClock, sender: Sender, make_scheduler: MakeScheduler
) -> None:
    await add_group(store)
    real = datetime(2031, 5, 1, tzinfo=UTC)
    with time_machine.travel(real, tick=False) as traveller:
        daily = make_scheduler(make_runner(store, clock, sender), clock, store)
        await daily.start()  # the clock says 09:00: the slot is an hour off
        clock.set(SLOT)
        traveller.move_to(real + timedelta(minutes=59))
        await fire(daily)
        assert sender.sent == []  # due on the clock, but nobody told the scheduler
        traveller.move_to(real + timedelta(hours=1))
        await fire(daily)
        assert sender.days() == ["2026-11-21"]


async def test_shutdown_lets_a_running_job_finish(
    store: Store, make_scheduler: MakeScheduler
) -> None:
    await add_group(store)
    started, release = asyncio.Event(), asyncio.Event()

    async def slow_send(group: DailyGroup, reply: Reply, key: str) -> str:
        started.set()
        await release.wait()
        return "m-1"

    with time_machine.travel(SLOT - timedelta(seconds=1), tick=False) as traveller:
        clock = SystemClock()
        runner = DailyRunner(store, clock, choose=choose, render=render, send=slow_send)
        daily = make_scheduler(runner, clock, store)
        await daily.start()
        traveller.move_to(SLOT)
        daily.wakeup()
        await asyncio.wait_for(started.wait(), 5)  # the group's job is sending
        stopping = asyncio.create_task(daily.shutdown())
        for _ in range(5):
            await asyncio.sleep(0)
        assert not stopping.done()
        release.set()
        await stopping
    rows = await store.fetch_all("SELECT status, message_id FROM posts")
    assert [tuple(row) for row in rows] == [("sent", "m-1")]


async def test_a_jump_from_a_known_moment_posts_every_slot_it_passed(
    store: Store,
    runner: DailyRunner,
    clock: ManualClock,
    sender: Sender,
    make_scheduler: MakeScheduler,
) -> None:
    await add_group(store)
    daily = make_scheduler(runner, clock, store)
    await daily.start()
    before = clock.now()
    clock.set(SLOT + 3 * DAY + timedelta(hours=1))  # the console's /clock +3d1h
    await daily.clock_moved(before)
    assert sender.days() == ["2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24"]
    await daily.clock_moved(before)  # the ledger keeps a replay from posting twice
    assert len(sender.sent) == 4


def test_passed_slots_keeps_the_latest_and_respects_dst() -> None:
    from zoneinfo import ZoneInfo

    from bot.daily.scheduler import MAX_REPLAY, passed_slots

    new_york = ZoneInfo("America/New_York")
    at = datetime(2026, 1, 1, 1, 30).time()
    since = datetime(2026, 10, 31, 12, tzinfo=UTC)
    slots = passed_slots(since, since + 2 * DAY, at, new_york)
    # 01:30 on the fall-back night is posted once, at its first occurrence (05:30 UTC)
    assert slots == [
        datetime(2026, 11, 1, 5, 30, tzinfo=UTC),
        datetime(2026, 11, 2, 6, 30, tzinfo=UTC),
    ]
    year = passed_slots(since, since + 365 * DAY, at, new_york)
    assert len(year) == MAX_REPLAY and year[-1] > since + 334 * DAY
    assert passed_slots(since, since, at, new_york) == []


async def test_groups_due_at_one_moment_share_a_job_and_leave_it_one_by_one(
    store: Store, sender: Sender, make_scheduler: MakeScheduler
) -> None:
    utc = await add_group(store, "utc", at="10:00")
    berlin = await add_group(store, "berlin", at="11:00", zone="Europe/Berlin")  # the same moment
    later = await add_group(store, "later", at="12:00")
    with time_machine.travel(SLOT - timedelta(hours=1), tick=False) as traveller:
        clock = SystemClock()
        daily = make_scheduler(make_runner(store, clock, sender), clock, store)
        await daily.start()
        assert daily.scheduled() == {utc: SLOT, berlin: SLOT, later: SLOT + timedelta(hours=2)}
        assert daily.jobs() == 2
        await store.put_settings(utc, {"daily": "off"})
        await daily.reschedule(utc)  # Berlin still waits in the shared job
        assert daily.scheduled() == {berlin: SLOT, later: SLOT + timedelta(hours=2)}
        assert daily.jobs() == 2
        await store.put_settings(berlin, {"time": "13:00"})
        await daily.reschedule(berlin)  # the shared job is left empty: it goes
        assert daily.jobs() == 1
        traveller.move_to(SLOT + timedelta(hours=2))  # both now share 12:00 UTC
        await fire(daily)
        assert sorted(s.group_id for s in sender.sent) == [berlin, later]
        assert daily.scheduled() == {
            berlin: SLOT + DAY + timedelta(hours=2),
            later: SLOT + DAY + timedelta(hours=2),
        }
        assert daily.jobs() == 1


async def test_a_claim_that_fails_at_the_slot_is_retried_the_same_day(
    store: Store, sender: Sender, make_scheduler: MakeScheduler
) -> None:
    groups = [await add_group(store, f"g{n}") for n in range(3)]

    async def choose_big(group: DailyGroup, day: object) -> tuple[str, str]:
        return f"problem-{day}", json.dumps({"day": str(day), "text": "x" * 20_000})

    with time_machine.travel(SLOT - timedelta(hours=1), tick=False) as traveller:
        clock = SystemClock()
        runner = DailyRunner(store, clock, choose=each(choose_big), render=render, send=sender)
        daily = make_scheduler(runner, clock, store)
        await daily.start()
        [[pages]] = await store.fetch_all("PRAGMA page_count")
        await store.fetch_all(f"PRAGMA max_page_count = {pages}")  # the disk is full
        traveller.move_to(SLOT)
        await fire(daily)  # the slot: SQLite says "database or disk is full" to the claim
        assert sender.sent == [] and await store.fetch_all("SELECT * FROM posts") == []
        assert daily.retry_at() == SLOT + timedelta(seconds=30)
        traveller.move_to(SLOT + timedelta(seconds=30))
        await fire(daily)  # still full: the next try backs off
        assert daily.retry_at() == SLOT + timedelta(seconds=90)
        await store.fetch_all("PRAGMA max_page_count = 1000000000")  # space again
        traveller.move_to(SLOT + timedelta(seconds=90))
        await fire(daily)
        assert sorted(s.group_id for s in sender.sent) == groups
        assert sender.days() == ["2026-11-21"] * 3
        assert daily.retry_at() is None
        assert daily.scheduled() == dict.fromkeys(groups, SLOT + DAY)
