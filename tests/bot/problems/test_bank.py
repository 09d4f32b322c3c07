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
