import pytest

from bot.content import Catalog, content_dir, load_catalog
from bot.planning import make_plan, step_hours

# Fixture job track at background "some": vectors 4 + derivatives 5 (core) = 9 h,
# matrices 6 + gradients 5 (recommended) = 11 h, eigenvalues 8 (optional); 10 h a week.


def _topics(plan) -> list[str]:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    for week in plan.weeks:
        for part in week.topics:
            if part.step.topic not in seen:
                seen.append(part.step.topic)
    return seen


def test_enough_time_keeps_every_step_in_order(catalog: Catalog) -> None:
    plan = make_plan(catalog, catalog.roadmaps["job"], weeks=4)
    assert plan.dropped == ()
    assert not plan.too_short
    assert plan.total_hours == 28
    assert plan.hours_per_week == 7
    assert _topics(plan) == ["vectors", "derivatives", "matrices", "gradients", "eigenvalues"]
    assert len(plan.weeks) == 4 and [w.number for w in plan.weeks] == [1, 2, 3, 4]


def test_hours_are_conserved_across_weeks(catalog: Catalog) -> None:
    plan = make_plan(catalog, catalog.roadmaps["job"], weeks=3)
    planned = sum(p.hours for w in plan.weeks for p in w.topics)
    assert planned == pytest.approx(plan.total_hours, abs=0.3)


def test_optional_steps_go_first_then_recommended_from_the_end(catalog: Catalog) -> None:
    two = make_plan(catalog, catalog.roadmaps["job"], weeks=2)
    assert [s.topic for s in two.dropped] == ["eigenvalues"]
    assert not two.too_short and two.total_hours == 20

    one = make_plan(catalog, catalog.roadmaps["job"], weeks=1)
    assert [s.topic for s in one.dropped] == ["matrices", "gradients", "eigenvalues"]
    assert one.total_hours == 9 and not one.too_short


def test_too_short_keeps_the_core_and_says_so(catalog: Catalog) -> None:
    plan = make_plan(catalog, catalog.roadmaps["job"], weeks=1, background="none")
    assert plan.too_short
    assert {s.priority for s in plan.dropped} == {"recommended", "optional"}
    assert _topics(plan) == ["vectors", "derivatives"]
    assert plan.total_hours == pytest.approx(9 * 1.3)
    assert plan.weeks_needed_at_usual_pace == 2


def test_background_scales_hours(catalog: Catalog) -> None:
    step = catalog.roadmaps["job"].steps[0]
    assert step_hours(catalog, step, "none") > step_hours(catalog, step, "some")
    assert step_hours(catalog, step, "some") > step_hours(catalog, step, "strong")
    strong = make_plan(catalog, catalog.roadmaps["job"], weeks=2, background="strong")
    assert strong.dropped == ()


def test_every_week_has_something_to_do(catalog: Catalog) -> None:
    for weeks in range(1, 30):
        plan = make_plan(catalog, catalog.roadmaps["foundations"], weeks=weeks)
        assert all(week.topics for week in plan.weeks), weeks


def test_a_step_that_a_kept_step_needs_is_never_dropped(catalog: Catalog) -> None:
    from dataclasses import replace

    job = catalog.roadmaps["job"]
    # Make gradients (needs derivatives and vectors) core and derivatives merely optional.
    steps = tuple(
        replace(
            s, priority={"gradients": "core", "derivatives": "optional"}.get(s.topic, s.priority)
        )
        for s in job.steps
    )
    plan = make_plan(catalog, replace(job, steps=steps), weeks=1)
    kept = {p.step.topic for w in plan.weeks for p in w.topics}
    assert {"derivatives", "gradients", "vectors"} <= kept
    assert "derivatives" not in {s.topic for s in plan.dropped}


def test_strong_background_discounts_review_not_new_material() -> None:
    real = load_catalog(content_dir())
    steps = {s.topic: s for s in real.roadmaps["research"].steps}
    assert real.topics["svd"].level == 3 and real.topics["derivatives"].level == 1
    assert step_hours(real, steps["svd"], "strong") == real.topics["svd"].hours
    assert step_hours(real, steps["derivatives"], "strong") == pytest.approx(
        0.6 * real.topics["derivatives"].hours
    )
    assert step_hours(real, steps["svd"], "none") == pytest.approx(1.3 * real.topics["svd"].hours)


def test_ample_weeks_add_extension_topics_instead_of_thinning_the_pace() -> None:
    real = load_catalog(content_dir())
    job = real.roadmaps["job"]
    plan = make_plan(real, job, weeks=20, background="some")
    track = {s.topic for s in job.steps}
    assert plan.extensions and not plan.dropped
    assert all(s.topic not in track for s in plan.extensions)
    assert plan.hours_per_week >= 0.8 * job.hours_per_week
    order = _topics(plan)
    for step in plan.extensions:
        assert step.focus.startswith("Extension beyond the track: ")
        needs = real.topics[step.topic].prerequisites
        assert all(order.index(p) < order.index(step.topic) for p in needs), step.topic


def test_a_plan_that_needs_the_weeks_gets_no_extensions() -> None:
    real = load_catalog(content_dir())
    plan = make_plan(real, real.roadmaps["job"], weeks=8, background="some")
    assert plan.extensions == ()
