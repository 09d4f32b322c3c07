import asyncio
import logging
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.clock import ManualClock
from bot.daily import DailyGroup, DailyRunner, SendFailed, daily_groups, ledger
from bot.daily.slots import next_slot
from bot.messages import Reply
from bot.store import Store
from tests.bot.daily import fakes
from tests.bot.daily.fakes import ZONES, ProcessDied, Reopen, Sender, add_group, make_runner

TODAY = date(2026, 11, 21)
SLOT = datetime(2026, 11, 21, 10, tzinfo=UTC)  # the default group's 10:00 UTC
MINUTE = timedelta(minutes=1)


async def rows(store: Store) -> list[tuple[object, ...]]:
    found = await store.fetch_all(
        "SELECT group_id, local_date, status, attempts, message_id, last_error FROM posts"
        " ORDER BY group_id, local_date"
    )
    return [tuple(row) for row in found]


async def test_posts_at_the_slot_and_only_once(
    store: Store, clock: ManualClock, runner: DailyRunner, sender: Sender
) -> None:
    group = await add_group(store)
    assert await runner.run_due(clock.now()) == []  # 09:00: not yet
    posted = await runner.run_due(clock.set(SLOT))
    assert [(p.group_id, p.local_date, p.status, p.message_id) for p in posted] == [
        (group, TODAY, "sent", "msg-1")
    ]
    assert posted[0].slot_at == SLOT and posted[0].posted_at == SLOT
    assert await runner.run_due(clock.advance(MINUTE)) == []
    assert sender.days() == ["2026-11-21"]
    assert sender.sent[0].key == posted[0].key


async def test_restart_mid_day_does_not_post_again(
    store: Store, clock: ManualClock, runner: DailyRunner, sender: Sender, reopen: Reopen
) -> None:
    await add_group(store)
    await runner.run_due(clock.set(SLOT))
    restarted = make_runner(await reopen(clock), clock, sender)
    assert await restarted.run_due(clock.set(SLOT + timedelta(hours=3))) == []
    assert sender.days() == ["2026-11-21"]
    assert await restarted.run_due(clock.set(SLOT + timedelta(days=1))) != []
    assert sender.days() == ["2026-11-21", "2026-11-22"]


async def test_crash_between_claim_and_send_is_sent_once_after_the_lease(
    store: Store, clock: ManualClock, runner: DailyRunner, sender: Sender, reopen: Reopen
) -> None:
    await add_group(store)
    sender.die_before = True
    with pytest.raises(ProcessDied):
        await runner.run_due(clock.set(SLOT))
    assert await rows(store) == [(1, "2026-11-21", "claimed", 1, None, None)]

    revived = Sender()
    after = make_runner(await reopen(clock), clock, revived)
    assert await after.run_due(clock.advance(MINUTE)) == []  # the lease may belong to a live sender
    assert await after.next_retry_at(clock.now()) == SLOT + 2 * MINUTE
    [post] = await after.run_due(clock.set(SLOT + 2 * MINUTE))
    assert (post.status, post.attempts, post.message_id) == ("sent", 2, "msg-1")
    assert revived.days() == ["2026-11-21"] and sender.sent == []
    assert await after.run_due(clock.advance(timedelta(hours=1))) == []
    assert len(revived.sent) == 1


async def test_a_resend_after_a_crash_reuses_the_send_key(
    store: Store, clock: ManualClock, runner: DailyRunner, sender: Sender, reopen: Reopen
) -> None:
    await add_group(store)
    sender.die_after = True  # the platform took the message, then the process died
    with pytest.raises(ProcessDied):
        await runner.run_due(clock.set(SLOT))
    revived = Sender()
    after = make_runner(await reopen(clock), clock, revived)
    await after.run_due(clock.advance(2 * MINUTE))
    assert revived.sent[0].key == sender.sent[0].key  # so the platform can drop the duplicate


async def test_downtime_across_a_slot_is_caught_up_within_grace(
    store: Store, clock: ManualClock, sender: Sender, reopen: Reopen
) -> None:
    await add_group(store)
    runner = make_runner(await reopen(clock), clock, sender)
    [post] = await runner.run_due(clock.set(SLOT + timedelta(hours=5, minutes=59)))
    assert (post.local_date, post.slot_at, post.claimed_at) == (TODAY, SLOT, clock.now())
    assert sender.days() == ["2026-11-21"]


async def test_a_slot_missed_beyond_grace_is_skipped_and_reported(
    store: Store,
    clock: ManualClock,
    runner: DailyRunner,
    sender: Sender,
    caplog: pytest.LogCaptureFixture,
) -> None:
    group = await add_group(store)
    late = clock.set(SLOT + timedelta(hours=6))
    with caplog.at_level(logging.WARNING):
        assert await runner.report_missed(late) == [(group, TODAY)]
    assert "skipping the daily post of group 1 (test:ws/study) for 2026-11-21" in caplog.text
    assert await runner.run_due(late) == []
    assert await rows(store) == [] and sender.sent == []
    await runner.run_due(clock.set(SLOT + timedelta(days=1)))
    assert sender.days() == ["2026-11-22"]


async def test_two_runners_on_one_database_post_once(
    store: Store, clock: ManualClock, reopen: Reopen
) -> None:
    groups = [await add_group(store, f"g{n}", zone=zone) for n, zone in enumerate(ZONES)]
    one, two = Sender(), Sender()
    first = make_runner(await reopen(clock), clock, one)
    second = make_runner(await reopen(clock), clock, two)
    start = clock.now()
    due = [slot for group in await daily_groups(store) for slot in slots(group, start, days=2)]
    moments = sorted({slot + lag for slot in due for lag in (timedelta(0), MINUTE)})
    for moment in moments:  # both wake at each slot and a minute later
        await asyncio.gather(first.run_due(clock.set(moment)), second.run_due(moment))
    posts = [(s.group_id, s.title.removeprefix("Problem of ")) for s in one.sent + two.sent]
    assert len(posts) == len(set(posts)) >= 2 * len(groups)  # no (group, day) twice
    ledger_rows = await rows(store)
    assert set(posts) == {(group, day) for group, day, *_ in ledger_rows}
    assert {status for _, _, status, *_ in ledger_rows} == {"sent"}


def slots(group: DailyGroup, after: datetime, days: int) -> list[datetime]:
    settings, found = group.settings, []
    for _ in range(days):
        after = next_slot(after, settings.time, settings.zone)[1]
        found.append(after)
    return found


async def test_two_runners_retry_a_failed_post_once(
    store: Store, clock: ManualClock, reopen: Reopen
) -> None:
    for n in range(4):
        await add_group(store, f"g{n}")
    one, two = Sender(), Sender()
    one.failures = two.failures = 4  # the platform is down at the slot
    first = make_runner(await reopen(clock), clock, one)
    second = make_runner(await reopen(clock), clock, two)
    await asyncio.gather(first.run_due(clock.set(SLOT)), second.run_due(clock.now()))
    assert {row[2:4] for row in await rows(store)} == {("failed", 1)}
    one.failures = two.failures = 0  # and back up
    await asyncio.gather(first.retry(clock.set(SLOT + MINUTE)), second.retry(clock.now()))
    assert sorted(s.group_id for s in one.sent + two.sent) == [1, 2, 3, 4]
    assert {row[2:4] for row in await rows(store)} == {("sent", 2)}


@pytest.mark.parametrize(
    ("at", "day", "slot"),
    [
        # fall-back: 01:30 happens twice; only the first (EDT) posts
        ("01:30", date(2027, 11, 7), datetime(2027, 11, 7, 5, 30, tzinfo=UTC)),
        # spring-forward: 02:30 never happens; 03:00 EDT is the first valid time
        ("02:30", date(2027, 3, 14), datetime(2027, 3, 14, 7, tzinfo=UTC)),
    ],
)
async def test_daylight_saving_days_post_once(
    store: Store,
    clock: ManualClock,
    runner: DailyRunner,
    sender: Sender,
    at: str,
    day: date,
    slot: datetime,
) -> None:
    group = await add_group(store, at=at, zone="America/New_York")
    clock.set(slot - timedelta(hours=3))
    moments = []
    while clock.now() <= slot + timedelta(hours=3):  # across both 01:30s, or the whole gap
        if await runner.run_due(clock.now()):
            moments.append(clock.now())
        clock.advance(timedelta(minutes=15))
    assert moments == [slot]
    post = await ledger.find(store, group, day)
    assert post is not None and (post.slot_at, post.status) == (slot, "sent")
    assert sender.days() == [day.isoformat()]


async def test_a_failed_send_is_retried_with_backoff_and_recorded(
    store: Store, clock: ManualClock, runner: DailyRunner, sender: Sender
) -> None:
    await add_group(store)
    sender.failures = 2
    [first] = await runner.run_due(clock.set(SLOT))
    assert (first.status, first.attempts, first.last_error) == (
        "failed",
        1,
        "ConnectionError: platform unavailable",
    )
    assert await runner.next_retry_at(clock.now()) == SLOT + timedelta(seconds=30)
    assert await runner.run_due(clock.advance(timedelta(seconds=29))) == []
    [second] = await runner.run_due(clock.set(SLOT + timedelta(seconds=30)))
    assert (second.status, second.attempts) == ("failed", 2)
    assert await runner.next_retry_at(clock.now()) == SLOT + timedelta(seconds=90)
    assert await runner.retry(clock.advance(timedelta(seconds=59))) == []
    [third] = await runner.retry(clock.set(SLOT + timedelta(seconds=90)))
    assert (third.status, third.attempts, third.message_id) == ("sent", 3, "msg-1")
    assert third.last_error == "ConnectionError: platform unavailable"  # kept as a record
    assert sender.calls == 3 and len(sender.sent) == 1
    assert await runner.next_retry_at(clock.now()) is None


async def test_gives_up_after_max_attempts(
    store: Store,
    clock: ManualClock,
    runner: DailyRunner,
    sender: Sender,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await add_group(store)
    sender.failures = 100
    clock.set(SLOT)
    for _ in range(40):
        await runner.run_due(clock.now())
        clock.advance(MINUTE)
    assert sender.calls == 5
    assert await rows(store) == [
        (1, "2026-11-21", "failed", 5, None, "ConnectionError: platform unavailable")
    ]
    assert "attempt 5 of post 1 for group 1 (test:ws/study), 2026-11-21, failed; giving up" in (
        caplog.text
    )
    assert await runner.next_retry_at(clock.now()) is None


async def test_a_retry_gives_up_when_its_slot_leaves_the_grace_window(
    store: Store, clock: ManualClock, runner: DailyRunner, sender: Sender
) -> None:
    await add_group(store)
    sender.failures = 1
    await runner.run_due(clock.set(SLOT))
    assert await runner.run_due(clock.set(SLOT + timedelta(hours=6))) == []
    assert sender.sent == []


async def test_one_group_failing_does_not_stop_the_others(
    store: Store, clock: ManualClock, sender: Sender, caplog: pytest.LogCaptureFixture
) -> None:
    broken = await add_group(store, "broken")
    fine = await add_group(store, "fine")

    async def choose(group: DailyGroup, day: date) -> tuple[str, str]:
        if group.group_id == broken:
            raise LookupError("no problem fits")
        return "p", "{}"

    runner = DailyRunner(store, clock, choose=fakes.each(choose), render=fakes.render, send=sender)
    posted = await runner.run_due(clock.set(SLOT))
    assert [p.group_id for p in posted] == [fine]
    assert "daily post of group 1 (test:ws/broken) for 2026-11-21 failed" in caplog.text
    assert "LookupError: no problem fits" in caplog.text


async def test_a_render_failure_is_a_failed_attempt(
    store: Store, clock: ManualClock, sender: Sender
) -> None:
    await add_group(store)
    calls = []

    async def render(group: DailyGroup, post: ledger.PostRow) -> Reply:
        calls.append(post.attempts)
        if len(calls) == 1:
            raise KeyError("template")
        return await fakes.render_one(group, post)

    runner = DailyRunner(store, clock, choose=fakes.choose, render=fakes.each(render), send=sender)
    [failed] = await runner.run_due(clock.set(SLOT))
    assert (failed.status, failed.last_error) == ("failed", "KeyError: 'template'")
    [sent] = await runner.run_due(clock.advance(timedelta(seconds=30)))
    assert sent.status == "sent" and calls == [1, 2]


async def test_run_groups_posts_those_groups_only(
    store: Store, clock: ManualClock, runner: DailyRunner, sender: Sender
) -> None:
    await add_group(store, "one")
    two = await add_group(store, "two")
    [post] = await runner.run_groups({two}, clock.set(SLOT))
    assert post.group_id == two and [s.group_id for s in sender.sent] == [two]
    assert await runner.run_groups({999}, clock.now()) == []


async def test_a_group_that_stopped_posting_daily_is_not_retried(
    store: Store, clock: ManualClock, runner: DailyRunner, sender: Sender
) -> None:
    group = await add_group(store)
    sender.failures = 1
    await runner.run_due(clock.set(SLOT))
    await store.put_settings(group, {"daily": "off"})
    assert await runner.next_retry_at(clock.now()) is None
    assert await runner.run_due(clock.advance(timedelta(minutes=5))) == []
    assert sender.sent == []


async def test_groups_go_in_batches_and_each_outcome_is_recorded(
    store: Store, clock: ManualClock, sender: Sender
) -> None:
    groups = [await add_group(store, f"g{n}") for n in range(5)]
    sizes = []

    async def choose(
        wanted: Sequence[tuple[DailyGroup, date]],
    ) -> list[tuple[str, str] | Exception]:
        sizes.append(len(wanted))
        return await fakes.choose(wanted)

    sender.failures = 1  # the first send of the first batch fails; the rest go out
    runner = DailyRunner(store, clock, choose=choose, render=fakes.render, send=sender, batch=2)
    posted = await runner.run_due(clock.set(SLOT))
    assert sizes == [2, 2, 1]
    assert sorted(p.group_id for p in posted) == groups
    assert sorted(p.status for p in posted) == ["failed"] + ["sent"] * 4
    assert [status for _, _, status, *_ in await rows(store)].count("sent") == 4


async def test_a_post_that_waits_long_for_its_turn_renews_its_claim(
    store: Store, clock: ManualClock, sender: Sender
) -> None:
    for n in range(3):
        await add_group(store, f"g{n}")
    other = make_runner(store, clock, Sender())  # a second bot process on the same database
    taken: list[ledger.PostRow] = []

    async def slow_send(group: DailyGroup, reply: Reply, key: str) -> str:
        clock.advance(timedelta(seconds=50))  # a slow platform: a lease is 2 minutes
        taken.extend(await other.retry(clock.now()))  # would take over an expired claim
        return await sender(group, reply, key)

    runner = DailyRunner(
        store, clock, choose=fakes.choose, render=fakes.render, send=slow_send, fan_out=1
    )
    posted = await runner.run_due(clock.set(SLOT))
    assert [p.status for p in posted] == ["sent"] * 3 and len(sender.sent) == 3
    assert taken == []
    assert [p.attempts for p in posted] == [1, 1, 1]  # a renewal is not another attempt


async def test_an_unclaimed_day_is_forgotten_once_the_group_stops_posting(
    store: Store, clock: ManualClock, sender: Sender
) -> None:
    group = await add_group(store)

    async def no_database(batch: Sequence[tuple[DailyGroup, date]]) -> list[tuple[str, str]]:
        raise OSError("database or disk is full")

    runner = DailyRunner(store, clock, choose=no_database, render=fakes.render, send=sender)
    assert await runner.run_groups({group}, clock.set(SLOT)) == []
    assert await runner.next_retry_at(clock.now()) == SLOT + timedelta(seconds=30)
    await store.put_settings(group, {"daily": "off"})
    assert await runner.retry(clock.advance(timedelta(seconds=30))) == []
    assert await runner.next_retry_at(clock.now()) is None
    assert sender.calls == 0


async def test_a_longer_wait_asked_by_the_platform_is_waited_out(
    store: Store, clock: ManualClock, runner: DailyRunner, sender: Sender
) -> None:
    await add_group(store)
    sender.refusals = [SendFailed("rate limited", retry_after=timedelta(seconds=45))]
    [failed] = await runner.run_due(clock.set(SLOT))
    assert (failed.status, failed.retry_at) == ("failed", SLOT + timedelta(seconds=45))
    assert await runner.next_retry_at(clock.now()) == SLOT + timedelta(seconds=45)
    assert await runner.retry(clock.advance(timedelta(seconds=30))) == []  # the backoff alone
    [sent] = await runner.retry(clock.advance(timedelta(seconds=15)))
    assert sent.status == "sent" and sender.calls == 2


async def test_a_post_that_may_be_in_the_channel_is_never_sent_again_unasked(
    store: Store, clock: ManualClock, sender: Sender, caplog: pytest.LogCaptureFixture
) -> None:
    await add_group(store)
    runner = make_runner(store, clock, sender)  # a platform that cannot be asked
    sender.lost_answers = 1
    [failed] = await runner.run_due(clock.set(SLOT))
    assert (failed.status, failed.maybe_posted, failed.retry_at) == ("failed", True, None)
    assert "it may be in the channel, so it is not sent again" in caplog.text
    assert await runner.next_retry_at(clock.now()) is None
    assert await runner.run_due(clock.advance(timedelta(hours=1))) == []
    assert len(sender.sent) == 1


async def test_a_post_that_may_be_in_the_channel_is_looked_up_before_a_resend(
    store: Store, clock: ManualClock, sender: Sender
) -> None:
    first, second = await add_group(store, "one"), await add_group(store, "two")
    runner = make_runner(store, clock, sender, find=sender.find)
    sender.refusals = [SendFailed("500 before posting", maybe_posted=True)]  # the first group
    sender.lost_answers = 1  # the second group's post arrived; its answer was lost
    failed = await runner.run_due(clock.set(SLOT))
    assert [(p.group_id, p.status, p.maybe_posted) for p in failed] == [
        (first, "failed", True),
        (second, "failed", True),
    ]
    done = await runner.retry(clock.advance(timedelta(seconds=30)))
    assert [(p.group_id, p.status, p.message_id) for p in done] == [
        (first, "sent", "msg-2"),  # not there: sent
        (second, "sent", "msg-1"),  # found in the channel, not sent again
    ]
    assert sender.looks == 2
    assert sorted(s.group_id for s in sender.sent) == [first, second]


async def test_a_post_whose_sender_died_mid_send_is_looked_up_after_the_lease(
    store: Store, clock: ManualClock, sender: Sender, reopen: Reopen
) -> None:
    await add_group(store)
    sender.die_after = True
    with pytest.raises(ProcessDied):
        await make_runner(store, clock, sender).run_due(clock.set(SLOT))
    sender.die_after = False
    after = make_runner(await reopen(clock), clock, sender, find=sender.find)
    [post] = await after.run_due(clock.advance(3 * MINUTE))
    assert (post.status, post.message_id, sender.looks) == ("sent", "msg-1", 1)
    assert len(sender.sent) == 1


async def test_a_failed_look_up_keeps_the_post_unsure_and_tries_later(
    store: Store, clock: ManualClock, sender: Sender
) -> None:
    await add_group(store)

    async def blind(group: DailyGroup, post: ledger.PostRow) -> str | None:
        raise ConnectionError("history unavailable")

    runner = make_runner(store, clock, sender, find=blind)
    sender.lost_answers = 1
    await runner.run_due(clock.set(SLOT))
    [unsure] = await runner.retry(clock.advance(timedelta(seconds=30)))
    assert (unsure.status, unsure.maybe_posted, unsure.attempts) == ("failed", True, 2)
    assert "could not tell if it was posted" in (unsure.last_error or "")
    assert len(sender.sent) == 1 and unsure.retry_at is not None
