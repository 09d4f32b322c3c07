import asyncio
from datetime import UTC, date, datetime, timedelta

from bot.clock import ManualClock
from bot.daily import ledger
from bot.store import Store
from tests.bot.daily.fakes import Reopen, a_post, add_group

DAY = date(2026, 11, 21)
SLOT = datetime(2026, 11, 21, 10, tzinfo=UTC)


async def claim(
    store: Store, group_id: int, now: datetime, day: date = DAY
) -> ledger.PostRow | None:
    return await ledger.claim(store, group_id, day, SLOT, "p-1", '{"q": 1}', now)


async def test_a_day_is_claimed_once(store: Store, clock: ManualClock) -> None:
    group = await add_group(store)
    post = await claim(store, group, clock.now())
    assert post is not None
    assert (post.status, post.attempts, post.slot_at, post.claimed_at) == (
        "claimed",
        1,
        SLOT,
        clock.now(),
    )
    assert await ledger.claim(store, group, DAY, SLOT, "p-2", "{}", clock.now()) is None
    assert await ledger.find(store, group, DAY) == post  # the first problem stays
    assert await claim(store, group, clock.now(), DAY + timedelta(days=1)) is not None


async def test_two_connections_race_for_each_day_and_one_wins(
    store: Store, clock: ManualClock, reopen: Reopen
) -> None:
    group = await add_group(store)
    one, two = await reopen(clock), await reopen(clock)
    days = [DAY + timedelta(days=n) for n in range(20)]
    results = await asyncio.gather(
        *(claim(connection, group, clock.now(), day) for day in days for connection in (one, two))
    )
    winners = [post for post in results if post is not None]
    assert sorted(post.local_date for post in winners) == days
    assert len(await store.fetch_all("SELECT id FROM posts")) == 20


async def test_take_over_is_a_compare_and_swap(
    store: Store, clock: ManualClock, reopen: Reopen
) -> None:
    seen = await claim(store, await add_group(store), clock.now())
    assert seen is not None
    later = clock.advance(timedelta(minutes=3))
    one, two = await reopen(clock), await reopen(clock)
    taken = await asyncio.gather(
        ledger.take_over(one, seen, later), ledger.take_over(two, seen, later)
    )
    winners = [post for post in taken if post is not None]
    assert len(winners) == 1
    assert (winners[0].attempts, winners[0].claimed_at) == (2, later)
    assert await ledger.take_over(store, seen, later) is None  # a stale view never wins


async def test_only_the_holder_records_a_failure(store: Store, clock: ManualClock) -> None:
    mine = await claim(store, await add_group(store), clock.now())
    assert mine is not None
    theirs = await ledger.take_over(store, mine, clock.advance(timedelta(minutes=3)))
    assert theirs is not None
    assert await ledger.mark_failed(store, mine, "late", clock.now(), retry_at=None) is None
    later = clock.advance(timedelta(1))
    again = later + timedelta(seconds=45)
    failed = await ledger.mark_failed(
        store, theirs, "Boom: down", later, retry_at=again, maybe_posted=True
    )
    assert failed is not None
    assert (failed.status, failed.attempts, failed.last_error) == ("failed", 2, "Boom: down")
    assert failed.claimed_at == later
    assert (failed.retry_at, failed.maybe_posted) == (again, True)


async def test_a_failed_post_set_aside_is_never_unsent_again(
    store: Store, clock: ManualClock
) -> None:
    group = await add_group(store)
    now = clock.now()
    kept = await claim(store, group, now)
    aside = await claim(store, group, now, DAY + timedelta(days=1))
    assert kept and aside
    late = now + timedelta(minutes=5)
    kept = await ledger.mark_failed(store, kept, "e", now, retry_at=late)
    await ledger.mark_failed(store, aside, "e", now, retry_at=None, maybe_posted=True)
    found = await ledger.unsent(store, slot_after=SLOT - timedelta(hours=1), max_attempts=5)
    assert found == [kept]
    first = await ledger.first_unsent(store, slot_after=SLOT - timedelta(hours=1), max_attempts=5)
    assert first == [kept]


async def test_a_sent_post_stays_sent(store: Store, clock: ManualClock) -> None:
    post = await claim(store, await add_group(store), clock.now())
    assert post is not None
    sent = await ledger.mark_sent(store, post, "m-1", clock.now())
    assert sent is not None
    assert (sent.status, sent.message_id, sent.posted_at) == ("sent", "m-1", clock.now())
    assert await ledger.mark_sent(store, post, "m-2", clock.now()) is None  # a duplicate
    assert await ledger.mark_failed(store, post, "late", clock.now(), retry_at=None) is None
    assert await ledger.take_over(store, sent, clock.now()) is None
    assert (await ledger.find(store, post.group_id, DAY)) == sent


async def test_unsent_lists_posts_within_grace_with_attempts_left(
    store: Store, clock: ManualClock
) -> None:
    group = await add_group(store)
    now = clock.now()
    fresh = await claim(store, group, now)
    spent = await claim(store, group, now, DAY + timedelta(days=1))
    done = await claim(store, group, now, DAY + timedelta(days=2))
    assert fresh and spent and done
    for _ in range(4):
        spent = await ledger.take_over(store, spent, now)
        assert spent is not None
    await ledger.mark_sent(store, done, "m", now)
    found = await ledger.unsent(store, slot_after=SLOT - timedelta(hours=1), max_attempts=5)
    assert found == [fresh]
    assert await ledger.unsent(store, slot_after=SLOT, max_attempts=5) == []


def test_the_send_key_is_stable_and_fits_a_discord_nonce() -> None:
    post = a_post(id=123456789)
    assert post.key == "studybot-post-123456789"
    assert len(post.key) <= 25


async def test_claim_many_is_one_transaction_that_skips_days_already_held(
    store: Store, clock: ManualClock
) -> None:
    one, two = await add_group(store, "one"), await add_group(store, "two")
    held = await claim(store, one, clock.now())
    assert held is not None
    tomorrow = DAY + timedelta(days=1)
    claimed = await ledger.claim_many(
        store,
        [
            ledger.Claim(one, DAY, SLOT, "p-2", "{}"),  # held already: left out
            ledger.Claim(two, DAY, SLOT, "p-3", '{"q": 3}'),
            ledger.Claim(one, tomorrow, SLOT + timedelta(days=1), "p-4", '{"q": 4}'),
        ],
        clock.now(),
    )
    assert [(p.group_id, p.local_date, p.problem_id, p.problem) for p in claimed] == [
        (two, DAY, "p-3", '{"q": 3}'),
        (one, tomorrow, "p-4", '{"q": 4}'),
    ]
    assert all((p.status, p.attempts, p.claimed_at) == ("claimed", 1, clock.now()) for p in claimed)
    assert await ledger.find(store, one, DAY) == held
    assert await ledger.claim_many(store, [], clock.now()) == []


async def test_mark_sent_many_answers_in_order_and_spots_a_duplicate(
    store: Store, clock: ManualClock
) -> None:
    one, two = await add_group(store, "one"), await add_group(store, "two")
    first, second = await claim(store, one, clock.now()), await claim(store, two, clock.now())
    assert first is not None and second is not None
    await ledger.mark_sent(store, second, "earlier", clock.now())
    done = await ledger.mark_sent_many(store, [(first, "m-1"), (second, "m-2")], clock.now())
    assert done[1] is None  # already sent: a duplicate
    assert done[0] is not None and (done[0].status, done[0].message_id) == ("sent", "m-1")
    assert (await ledger.find(store, two, DAY)).message_id == "earlier"  # type: ignore[union-attr]


async def test_renew_extends_our_claim_only_while_it_is_ours(
    store: Store, clock: ManualClock
) -> None:
    group = await add_group(store)
    post = await claim(store, group, clock.now())
    assert post is not None
    renewed = await ledger.renew(store, post, clock.advance(timedelta(minutes=1)))
    assert renewed is not None
    assert (renewed.claimed_at, renewed.attempts) == (clock.now(), 1)
    assert await ledger.renew(store, post, clock.now()) is None  # an old view of the claim
    taken = await ledger.take_over(store, renewed, clock.advance(timedelta(minutes=3)))
    assert taken is not None and await ledger.renew(store, renewed, clock.now()) is None
