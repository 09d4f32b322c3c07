"""The real bank in content/problems: it loads cleanly and every answer checks out."""

from __future__ import annotations

from pathlib import Path

from bot.content import read_catalog
from bot.problems.load import load_problems
from bot.problems.templates import TEMPLATES
from bot.problems.verify import verify_bank

ROOT = Path(__file__).resolve().parents[3]


def test_the_real_bank_loads_and_verifies() -> None:
    catalog, _ = read_catalog(ROOT / "content")
    problems, errors = load_problems(ROOT / "content" / "problems")
    assert errors == []
    assert problems
    # with 0 seeds the templates only join the id-clash check; test_templates verifies them
    assert verify_bank(problems, TEMPLATES, set(catalog.topics), seeds_per_template=0) == []


def test_every_track_can_draw_thirty_days_without_repeats_at_mixed_difficulty() -> None:
    catalog, _ = read_catalog(ROOT / "content")
    problems, _ = load_problems(ROOT / "content" / "problems")
    for roadmap in catalog.roadmaps.values():
        topics = {step.topic for step in roadmap.steps}
        pool = [p for p in problems if p.topic in topics]
        assert len({p.id for p in pool}) >= 30, roadmap.id
        assert {p.difficulty for p in pool} == {1, 2, 3}, roadmap.id
        # the core steps alone, which a plan never drops, must also last a month
        core = {step.topic for step in roadmap.steps if step.priority == "core"}
        assert len([p for p in problems if p.topic in core]) >= 30, roadmap.id


def test_every_topic_has_five_problems_of_mixed_difficulty() -> None:
    catalog, _ = read_catalog(ROOT / "content")
    problems, _ = load_problems(ROOT / "content" / "problems")
    for topic in catalog.topics:
        mine = [p for p in problems if p.topic == topic]
        assert len(mine) >= 5, topic
        assert len({p.difficulty for p in mine}) >= 2, topic
