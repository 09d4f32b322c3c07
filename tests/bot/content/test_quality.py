"""The quality rules about resources, summaries and missing prerequisites, on broken copies."""

from dataclasses import replace

from bot.content import content_dir, load_catalog
from bot.content.quality import quality_check


def _messages(catalog) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{e.file}: {e.field}: {e.message}" for e in quality_check(catalog)]


def test_real_content_passes_the_rules() -> None:
    assert _messages(load_catalog(content_dir())) == []


def test_a_topic_without_a_free_resource_is_reported() -> None:
    catalog = load_catalog(content_dir())
    for rid, r in catalog.resources.items():
        if "reading-formulas" in r.topics and r.cost == "free":
            catalog.resources[rid] = replace(r, cost="paid")
    assert _messages(catalog) == [
        "topics/calculus.yaml: topics[reading-formulas]: no free resource lists this topic"
    ]


def test_a_book_needs_a_link_and_a_roadmap_a_date() -> None:
    catalog = load_catalog(content_dir())
    book = catalog.resources["dive-into-deep-learning"]
    catalog.resources[book.id] = replace(book, url="")
    plan = catalog.resources["ai-expert-roadmap"]
    catalog.resources[plan.id] = replace(plan, dated="")
    hands_on = catalog.resources["hands-on-machine-learning"]
    catalog.resources[hands_on.id] = replace(hands_on, dated="Uses TensorFlow.")
    assert _messages(catalog) == [
        "resources.yaml: resources[hands-on-machine-learning].dated: name the year",
        "resources.yaml: resources[ai-expert-roadmap].dated: a roadmap goes stale: date it",
        "resources.yaml: resources[dive-into-deep-learning].url: a book needs a link",
    ]


def test_a_step_without_resources_is_reported() -> None:
    catalog = load_catalog(content_dir())
    job = catalog.roadmaps["job"]
    steps = (replace(job.steps[0], resources=()), *job.steps[1:])
    catalog.roadmaps["job"] = replace(job, steps=steps)
    assert _messages(catalog) == [
        "roadmaps/job.yaml: steps[0].resources: give at least one resource"
    ]


def test_a_summary_that_states_a_number_of_weeks_is_reported() -> None:
    catalog = load_catalog(content_dir())
    for summary in ("Eight weeks of study.", "It takes 12 weeks.", "In twenty-six weeks."):
        catalog.roadmaps["job"] = replace(catalog.roadmaps["job"], summary=summary)
        assert _messages(catalog) == [
            "roadmaps/job.yaml: summary: do not state a number of weeks: plans have any"
        ], summary


def test_regression_without_determinants_is_reported() -> None:
    catalog = load_catalog(content_dir())
    regression = catalog.topics["linear-regression"]
    catalog.topics[regression.id] = replace(
        regression,
        prerequisites=tuple(p for p in regression.prerequisites if p != "determinants-inverses"),
    )
    messages = _messages(catalog)
    assert (
        "topics/probability-statistics.yaml: topics[linear-regression].prerequisites: "
        "'linear-regression' must come after 'determinants-inverses'"
    ) in messages
    assert any("'multicollinearity' must come after 'determinants-inverses'" in m for m in messages)
