from dataclasses import replace

from bot.core import Core
from tests.bot.learning.test_review import WRONG, post_variant
from tests.conftest import make_request


async def test_progress_shows_states_and_the_next_topic(real_core: Core) -> None:
    await real_core.handle(replace(make_request("config", "track:job weeks:8"), is_admin=True))
    empty = await real_core.handle(make_request("progress"))
    assert empty.title == "Your progress" and "0 solved" in empty.body
    [picture] = empty.images
    assert picture.data.startswith(b"\x89PNG") and picture.name == "progress.png"
    assert picture.alt.startswith("Your progress: a map of") and "not started" in picture.alt
    fields = {f.name: f.value for f in empty.fields}
    assert fields["Next: Reading formulas"] == "It is on this week's plan."
    await post_variant(real_core, "2026-11-21")  # dot products: missed three times
    for _ in range(3):
        await real_core.handle(make_request("answer", WRONG))
    await real_core.handle(make_request("practice", "vectors and matrices"))
    rows = await real_core.context.store.fetch_all("SELECT problem FROM practice")
    from bot.problems.snapshot import from_json

    await real_core.handle(make_request("answer", from_json(rows[0][0]).answer))
    shown = await real_core.handle(make_request("progress", "ada"))
    fields = {f.name: f.value for f in shown.fields}
    assert shown.title == "Ada's progress"
    assert fields["■ Solved (1)"] == "Vectors and matrices"
    assert fields["◐ Reviewing (1)"] == "Dot products and matrix multiplication"
    assert fields["Next: Reading formulas"] == "It is on this week's plan."  # still unsolved
    unknown = await real_core.handle(make_request("progress", "nobody"))
    assert unknown.title == "Who?"
