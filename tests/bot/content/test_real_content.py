"""The real content/ folder: valid, complete against the seeds, and usable by every track."""

from bot.content import content_dir, load_catalog
from bot.content.graph import study_order
from bot.content.names import find
from bot.planning import make_plan
from tests.conftest import REPO

SEED_RESOURCES = [
    "Grokking Deep Learning",
    "Mathematics for Machine Learning",
    "Hands-On Machine Learning",
    "Mathematics for Machine Learning Specialization",
    "Mathematics for Machine Learning and Data Science",
    "Essential Math for Data Science",
    "Probability and Statistics for Engineers and Scientists",
    "Introduction to Linear Algebra",
    "Essence of Linear Algebra",
    "Essence of Calculus",
    "StatQuest",
    "Manga Guide to Calculus",
    "Manga Guide to Linear Algebra",
    "Manga Guide to Statistics",
    "Practical Statistics for Data Scientists",
    "AI Expert Roadmap",
    "Why does gradient descent work",
]


def test_real_content_loads_without_errors() -> None:
    catalog = load_catalog(content_dir())
    assert content_dir() == REPO / "content"
    assert len(catalog.areas) == 5
    assert len(catalog.topics) >= 45
    assert {r.goal for r in catalog.roadmaps.values()} == {"job", "foundations", "research"}


def test_every_seed_resource_is_listed() -> None:
    titles = [r.title for r in load_catalog(content_dir()).resources.values()]
    missing = [name for name in SEED_RESOURCES if not any(name in t for t in titles)]
    assert missing == []


def test_prices_are_only_the_ones_the_seeds_give() -> None:
    priced = {
        r.id: r.price_usd for r in load_catalog(content_dir()).resources.values() if r.price_usd
    }
    assert sorted(priced.values()) == [40, 60]


def test_whole_graph_has_a_study_order() -> None:
    catalog = load_catalog(content_dir())
    assert len(study_order(catalog)) == len(catalog.topics)


def test_every_track_fits_its_default_weeks_for_the_learner_it_is_written_for() -> None:
    catalog = load_catalog(content_dir())
    for roadmap in catalog.roadmaps.values():
        plan = make_plan(catalog, roadmap, roadmap.default_weeks, roadmap.default_background)
        assert not plan.too_short, roadmap.id
        assert all(week.topics for week in plan.weeks)
        assert plan.total_hours >= 0.5 * roadmap.default_weeks * roadmap.hours_per_week


def test_beginners_on_job_track_open_with_reading_formulas() -> None:
    catalog = load_catalog(content_dir())
    plan = make_plan(catalog, catalog.roadmaps["job"], 8, "none")
    assert plan.weeks[0].topics[0].step.topic == "reading-formulas"


def test_on_ramp_topics_come_before_what_needs_them() -> None:
    catalog = load_catalog(content_dir())
    for later in ("derivatives", "entropy"):
        assert "reading-formulas" in catalog.topics[later].prerequisites
    assert "activations-softmax" in catalog.topics["backpropagation"].prerequisites


def test_on_ramp_words_name_the_on_ramp_topics() -> None:
    catalog = load_catalog(content_dir())
    for word in ("notation", "logarithms", "sigma notation", "greek letters", "subscripts"):
        assert find(catalog, word) == "reading-formulas", word
    for word in ("softmax", "sigmoid", "relu", "tanh", "neural network"):
        assert find(catalog, word) == "activations-softmax", word
