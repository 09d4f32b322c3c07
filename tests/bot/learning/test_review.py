from datetime import timedelta
from itertools import pairwise
from pathlib import Path

from fsrs import Rating

from bot.clock import ManualClock
from bot.core import Core
from bot.learning import cards
from bot.learning.cards import MAX_LAPSES
from bot.problems.model import Problem
from bot.problems.snapshot import from_json, to_json
from bot.store import Store
from tests.bot.conftest import real_bank, real_catalog
from tests.conftest import make_request

TEMPLATE = "dot-product-3d"  # a number answer: "0.5" style answers are readable and wrong
WRONG = "123456789"


async def post_variant(core: Core, day: str, seed: int = 7) -> Problem:
    """The group's sent daily problem for `day`: a variant of TEMPLATE."""
    assert core.context.workers is not None
    problem = await core.context.workers.variant(TEMPLATE, seed)
    store = core.context.store
    group_id = await store.ensure_group(make_request("help").group)
    stamp = core.context.clock.now().isoformat(timespec="seconds")
    await store.write(
        "INSERT INTO posts (group_id, local_date, slot_at, problem_id, problem, status,"
        " attempts, claimed_at, posted_at) VALUES (?, ?, ?, ?, ?, 'sent', 1, ?, ?)",
        (group_id, day, stamp, problem.id, to_json(problem), stamp, stamp),
    )
    return problem


async def open_review(store: Store) -> Problem:
    """The review problem ada is answering."""
    rows = await store.fetch_all("SELECT problem FROM practice WHERE card_id IS NOT NULL")
    return from_json(rows[0][0])


def core_on(store: Store, clock: ManualClock, checker: object) -> Core:
    from bot.context import Context

    return Core(
        Context(
            catalog=real_catalog(),
            store=store,
            clock=clock,
            bank=real_bank(),
            workers=checker,  # type: ignore[arg-type]
        )
    )


async def test_a_miss_comes_back_on_growing_intervals_with_new_numbers_across_a_restart(
    real_core: Core, clock: ManualClock, tmp_path: Path
) -> None:
    daily = await post_variant(real_core, "2026-11-21")
    for _ in range(3):
        reply = await real_core.handle(make_request("answer", WRONG))
        assert reply.title == "Not yet"
    assert "joins your `/review` cards" in reply.body
    nothing = await real_core.handle(make_request("review"))
    assert nothing.title == "Nothing due" and "tomorrow" in nothing.body
    core, restarted = real_core, None
    review_days, statements = [], [daily.statement]
    for day in range(1, 40):
        clock.advance(timedelta(days=1))
        reply = await core.handle(make_request("review"))
        if reply.title == "Nothing due":
            continue
        assert reply.title.startswith("Review: "), reply
        review_days.append(day)
        problem = await open_review(core.context.store)
        assert problem.statement == reply.body and problem.id.startswith(f"{TEMPLATE}#")
        statements.append(problem.statement)
        answered = await core.handle(make_request("answer", problem.answer))
        assert answered.title == "Correct!" and "Review: knew it" in answered.body
        if day == 1:  # a restart: the card lives in the database
            restarted = await Store.open(tmp_path / "studybot.db", clock)
            core = core_on(restarted, clock, real_core.context.workers)
    assert review_days == [1, 3, 9, 26]
    gaps = [b - a for a, b in zip([0, *review_days], review_days, strict=False)]
    assert gaps == sorted(gaps) and len(set(gaps)) == len(gaps)  # growing
    assert all(a != b for a, b in pairwise(statements))
    assert restarted is not None
    await restarted.close()


async def ten_cards(core: Core) -> tuple[int, int]:
    """Ten cards for ada, of ten different skills, all missed now."""
    store = core.context.store
    group_id = await store.ensure_group(make_request("help").group)
    member_id = await store.ensure_member(group_id, make_request("help").user)
    seen: set[str] = set()
    for problem in real_bank().problems.values():
        if cards.skill_of(problem) in seen or len(seen) == 10:
            continue
        seen.add(cards.skill_of(problem))
        now = core.context.clock.now()
        assert await cards.add_card(store, group_id, member_id, problem, Rating.Again, now)
    assert len(seen) == 10
    return group_id, member_id


async def test_at_most_three_reviews_a_day_with_ten_due(
    real_core: Core, clock: ManualClock
) -> None:
    await ten_cards(real_core)
    clock.advance(timedelta(days=1))
    streak = await real_core.handle(make_request("streak"))
    assert {f.name: f.value for f in streak.fields}["Reviews"].startswith("10 due today")
    for _ in range(3):
        reply = await real_core.handle(make_request("review"))
        assert reply.title.startswith("Review: ")
        again = await real_core.handle(make_request("review"))  # the same one, still open
        assert again.title.startswith("Your review, still open") and again.body == reply.body
        problem = await open_review(real_core.context.store)
        answered = await real_core.handle(make_request("answer", problem.answer))
        assert answered.title == "Correct!"
    capped = await real_core.handle(make_request("review"))
    assert capped.title == "That's today's reviews" and "7 more" in capped.body
    clock.advance(timedelta(days=1))
    assert (await real_core.handle(make_request("review"))).title.startswith("Review: ")


async def test_a_card_that_keeps_failing_is_set_aside_with_a_pointer(
    real_core: Core, clock: ManualClock
) -> None:
    await post_variant(real_core, "2026-11-21")
    for _ in range(3):
        await real_core.handle(make_request("answer", WRONG))
    last = None
    for _ in range(MAX_LAPSES - 1):
        clock.advance(timedelta(days=1))
        assert (await real_core.handle(make_request("review"))).title.startswith("Review: ")
        for _ in range(3):
            last = await real_core.handle(make_request("answer", WRONG))
    assert last is not None and "set it aside" in last.body and "/resource" in last.body
    clock.advance(timedelta(days=5))
    assert (await real_core.handle(make_request("review"))).title == "Nothing to review"


async def test_reviews_never_count_for_streaks_and_hints_make_a_card(
    real_core: Core, clock: ManualClock
) -> None:
    daily = await post_variant(real_core, "2026-11-21")
    await real_core.handle(make_request("hint"))
    solved = await real_core.handle(make_request("answer", daily.answer))
    assert solved.title == "Correct!" and "needed hints" in solved.body
    clock.advance(timedelta(days=1))
    await real_core.handle(make_request("review"))
    problem = await open_review(real_core.context.store)
    answered = await real_core.handle(make_request("answer", problem.answer))
    assert "never counts for streaks" in answered.body
    rows = await real_core.context.store.fetch_all("SELECT local_date FROM streak_events")
    assert [r[0] for r in rows] == ["2026-11-21"]  # the daily only, not the review


def test_skill_of_a_variant_is_its_template() -> None:
    problem = next(iter(real_bank().problems.values()))
    assert cards.skill_of(problem) == f"{problem.topic}:{problem.difficulty}"


async def test_the_worked_solution_makes_a_card_and_a_new_daily_replaces_an_open_review(
    real_core: Core, clock: ManualClock
) -> None:
    await post_variant(real_core, "2026-11-21")
    for _ in range(3):
        await real_core.handle(make_request("answer", WRONG, user="bo"))
    shown = await real_core.handle(make_request("problem", "solution", user="bo"))
    assert shown.title == "Worked solution"
    store = real_core.context.store
    assert [r[0] for r in await store.fetch_all("SELECT skill FROM review_cards")] == [TEMPLATE]
    clock.advance(timedelta(days=1))
    first = await real_core.handle(make_request("review", user="bo"))
    assert first.title.startswith("Review: ")
    clock.advance(timedelta(minutes=1))
    await post_variant(real_core, "2026-11-22", seed=8)  # /answer now goes to the new daily
    again = await real_core.handle(make_request("review", user="bo"))
    assert again.title.startswith("Review: ") and not again.title.startswith("Your review")
