from bot.core import Core
from bot.problems.snapshot import from_json
from tests.conftest import make_request


async def test_a_member_who_keeps_solving_gets_harder_practice(real_core: Core) -> None:
    levels, footers = [], []
    for _ in range(7):
        reply = await real_core.handle(make_request("practice", "backpropagation"))
        assert reply.title == "Practice: Backpropagation", reply
        footers.append(reply.footer)
        rows = await real_core.context.store.fetch_all("SELECT problem FROM practice")
        problem = from_json(rows[0][0])
        levels.append(problem.difficulty)
        answered = await real_core.handle(make_request("answer", problem.answer))
        assert answered.title == "Correct!"
    assert levels[0] == 1 and levels == sorted(levels) and levels[-1] > 1, levels
    assert footers[0].startswith("A first problem at level 1")
    assert any(f.startswith("A step up from your last one") for f in footers)
    rows = await real_core.context.store.fetch_all(
        "SELECT value, count FROM abilities WHERE topic = 'backpropagation'"
    )
    assert rows[0][1] == 7 and rows[0][0] > 1.0
