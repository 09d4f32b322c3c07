from bot.core import Core
from tests.conftest import make_request, publish


async def test_practice_on_a_topic_then_back_to_the_daily(core: Core) -> None:
    await publish(core, "2026-11-21", "vectors-sum")
    given = await core.handle(make_request("practice", "derivatives"))
    assert given.private and given.title == "Practice: Derivatives"
    assert "never counts for streaks" in given.footer
    statement = given.body
    expected = "2x" if "x^2" in statement else "3x^2"
    hint = await core.handle(make_request("hint"))
    assert hint.title == "Hint 1 of 2"
    solved = await core.handle(make_request("answer", expected))
    assert solved.title == "Correct!" and "Practice never counts" in solved.body
    assert await core.context.store.fetch_all("SELECT * FROM streak_events") == []
    daily = await core.handle(make_request("answer", "[4, 6]"))
    assert "Today counts" in daily.body


async def test_practice_without_a_post_and_unknown_topics(core: Core) -> None:
    reply = await core.handle(make_request("practice"))
    assert reply.title == "Practice: your group's topics"
    assert (await core.handle(make_request("practice", "astrology"))).title == "Topic not found"
    empty = await core.handle(make_request("practice", "gradients"))
    assert empty.title == "No practice problems there yet"


async def test_a_new_practice_problem_differs_from_the_solved_one(core: Core) -> None:
    first = await core.handle(make_request("practice", "derivatives"))
    expected = "2x" if "x^2" in first.body else "3x^2"
    await core.handle(make_request("answer", expected))
    second = await core.handle(make_request("practice", "derivatives"))
    assert second.body != first.body
