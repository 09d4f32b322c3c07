"""A delivery replayed by a platform acts once: the same reply, one stored effect."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

from bot.clock import ManualClock
from bot.core import Core
from bot.deliveries import ALREADY_HANDLED
from bot.store import Store
from tests.conftest import make_request, publish


async def _submissions(store: Store) -> int:
    return int((await store.fetch_all("SELECT count(*) FROM submissions"))[0][0])


async def test_a_replayed_answer_is_stored_once_and_answered_alike(core: Core) -> None:
    await publish(core, "2026-11-21", "vectors-sum")
    wrong = replace(make_request("answer", "[4, 5]"), delivery="interaction-1")
    first = await core.handle(wrong)
    again = await core.handle(wrong)
    assert again == first and "[4, 5]" in first.body
    assert await _submissions(core.context.store) == 1
    other = replace(wrong, delivery="interaction-2")  # a new attempt, not a replay
    await core.handle(other)
    assert await _submissions(core.context.store) == 2


async def test_a_replay_arriving_while_the_first_works_waits_for_its_reply(core: Core) -> None:
    await publish(core, "2026-11-21", "vectors-sum")
    answer = replace(make_request("answer", "[4, 6]"), delivery="trigger-7")
    replies = await asyncio.gather(*(core.handle(answer) for _ in range(3)))
    assert replies[0].title == replies[1].title == replies[2].title
    assert "Correct" in replies[0].body
    assert await _submissions(core.context.store) == 1


async def test_a_hint_delivered_twice_advances_once(core: Core) -> None:
    await publish(core, "2026-11-21", "vectors-sum")
    hint = replace(make_request("hint"), delivery="trigger-9")
    await core.handle(hint)
    await core.handle(hint)
    second = await core.handle(replace(hint, delivery="trigger-10"))
    assert "2" in second.title  # the second hint, not the third
    shown = await core.context.store.fetch_all("SELECT hints FROM hints_taken")
    assert shown[0][0] == 2


async def test_a_replay_reaching_another_process_does_nothing(core: Core) -> None:
    await publish(core, "2026-11-21", "vectors-sum")
    answer = replace(make_request("answer", "[4, 5]"), delivery="trigger-3")
    await core.handle(answer)
    elsewhere = Core(core.context)  # a second bot process on the same database
    assert await elsewhere.handle(answer) == ALREADY_HANDLED
    assert await _submissions(core.context.store) == 1


async def test_requests_without_a_delivery_id_and_reads_are_not_recorded(core: Core) -> None:
    await publish(core, "2026-11-21", "vectors-sum")
    await core.handle(make_request("answer", "[4, 5]"))
    await core.handle(make_request("answer", "[4, 5]"))
    await core.handle(replace(make_request("roadmap"), delivery="trigger-4"))
    assert await _submissions(core.context.store) == 2
    assert await core.context.store.fetch_all("SELECT * FROM deliveries") == []


async def test_deliveries_older_than_a_day_are_forgotten(core: Core, clock: ManualClock) -> None:
    await publish(core, "2026-11-21", "vectors-sum")
    await core.handle(replace(make_request("answer", "[4, 5]"), delivery="old"))
    clock.advance(timedelta(days=1, hours=1))
    fresh = Core(core.context)
    await fresh.handle(replace(make_request("config"), delivery="new", is_admin=True))
    rows = await core.context.store.fetch_all("SELECT delivery FROM deliveries")
    assert [row[0] for row in rows] == ["new"]


async def test_each_delivery_is_stamped_when_it_arrived(core: Core, clock: ManualClock) -> None:
    await core.handle(replace(make_request("config"), delivery="a", is_admin=True))
    clock.advance(timedelta(hours=23))
    await core.handle(replace(make_request("config"), delivery="b", is_admin=True))
    clock.advance(timedelta(hours=2))  # a is a day old now, b is not
    await core.handle(replace(make_request("config"), delivery="c", is_admin=True))
    rows = await core.context.store.fetch_all("SELECT delivery FROM deliveries ORDER BY 1")
    assert [row[0] for row in rows] == ["b", "c"]
