"""/answer, /hint and /problem on a daily post, with the real checker pool."""

from datetime import timedelta

from bot.core import Core
from bot.messages import Tone
from tests.conftest import make_request, publish

TODAY = "2026-11-21"  # the clock fixture starts at 2026-11-21 09:00 UTC


async def _submissions(core: Core) -> list[tuple]:
    rows = await core.context.store.fetch_all("SELECT answer, correct, mistake FROM submissions")
    return [tuple(r) for r in rows]


async def test_nothing_to_answer_before_the_first_post(core: Core) -> None:
    reply = await core.handle(make_request("answer", "42"))
    assert reply.title == "No problem to answer yet" and reply.private


async def test_an_empty_answer_explains_how(core: Core) -> None:
    await publish(core, TODAY, "vectors-sum")
    reply = await core.handle(make_request("answer", "  "))
    assert "Write it after the command" in reply.body


async def test_unreadable_is_not_an_attempt(core: Core) -> None:
    await publish(core, TODAY, "vectors-sum")
    reply = await core.handle(make_request("answer", "[4, 6"))
    assert reply.title == "I couldn't read that answer"
    assert "did not count as an attempt" in reply.body
    assert await _submissions(core) == []


async def test_hostile_input_is_harmless(core: Core) -> None:
    await publish(core, TODAY, "vectors-sum")
    reply = await core.handle(make_request("answer", "__import__('os').system('echo hi')"))
    assert reply.private and reply.tone is Tone.WARNING
    assert await _submissions(core) == []


async def test_wrong_answers_count_and_the_solution_is_offered_after_three(core: Core) -> None:
    await publish(core, TODAY, "vectors-sum")
    first = await core.handle(make_request("answer", "[3, 8]"))
    assert first.title == "Not yet" and first.private
    assert "You multiplied the entries" in first.body  # the author's named mistake
    assert "after 2 more" in first.body
    await core.handle(make_request("answer", "[4, 5]"))
    third = await core.handle(make_request("answer", "[5, 6]"))
    assert "`/problem solution`" in third.body
    assert ("Show the worked solution", "/problem solution") in [
        (b.label, b.command) for b in third.buttons
    ]
    assert [r[1] for r in await _submissions(core)] == [0, 0, 0]


async def test_a_correct_answer_counts_for_the_streak_once(core: Core) -> None:
    await publish(core, TODAY, "vectors-sum")
    reply = await core.handle(make_request("answer", "(4, 6)"))
    assert reply.title == "Correct!" and reply.tone is Tone.SUCCESS
    assert "your streak is 1 day" in reply.body
    again = await core.handle(make_request("answer", "[4, 6]"))
    assert again.title == "Already solved"
    rows = await core.context.store.fetch_all("SELECT local_date, kind FROM streak_events")
    assert [tuple(r) for r in rows] == [(TODAY, "solved")]


async def test_after_the_deadline_it_is_correct_but_does_not_count(core: Core) -> None:
    await publish(core, TODAY, "vectors-sum")
    core.context.clock.advance(timedelta(hours=16, minutes=1))  # 01:01 next day, UTC group
    reply = await core.handle(make_request("answer", "[4, 6]"))
    assert reply.title == "Correct!" and "after the day closed" in reply.body
    assert await core.context.store.fetch_all("SELECT * FROM streak_events") == []


async def test_within_the_grace_hour_it_counts(core: Core) -> None:
    await publish(core, TODAY, "vectors-sum")
    core.context.clock.advance(timedelta(hours=15, minutes=59))  # 00:59 next day
    reply = await core.handle(make_request("answer", "[4, 6]"))
    assert "Today counts" in reply.body


async def test_hints_come_one_at_a_time_and_are_recorded(core: Core) -> None:
    await publish(core, TODAY, "vectors-sum")
    first = await core.handle(make_request("hint"))
    second = await core.handle(make_request("hint"))
    third = await core.handle(make_request("hint"))
    assert (first.title, first.body) == ("Hint 1 of 2", "Add entry by entry.")
    assert second.title == "Hint 2 of 2" and first.private
    assert third.title == "No more hints" and "1. Add entry by entry." in third.body
    rows = await core.context.store.fetch_all("SELECT hints FROM hints_taken")
    assert rows[0][0] == 2


async def test_problem_again_and_its_solution_gate(core: Core) -> None:
    await publish(core, TODAY, "vectors-sum")
    shown = await core.handle(make_request("problem"))
    assert (
        shown.body.startswith("Add $[1, 2]$") and shown.title == "Problem of Saturday 21 November"
    )
    locked = await core.handle(make_request("problem", "solution"))
    assert locked.title == "Not yet" and "after 3 more tries" in locked.body
    for wrong in ("[1, 1]", "[2, 2]", "[3, 3]"):
        await core.handle(make_request("answer", wrong))
    opened = await core.handle(make_request("problem", "solution"))
    assert opened.title == "Worked solution" and "[4, 6]" in opened.body
    late = await core.handle(make_request("answer", "[4, 6]"))
    assert "seen the worked solution" in late.body
    assert await core.context.store.fetch_all("SELECT * FROM streak_events") == []


async def test_members_answer_independently(core: Core) -> None:
    await publish(core, TODAY, "vectors-sum")
    await core.handle(make_request("answer", "[4, 6]", user="ada"))
    reply = await core.handle(make_request("answer", "[4, 6]", user="bo"))
    assert reply.title == "Correct!"
