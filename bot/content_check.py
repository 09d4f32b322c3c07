"""`studybot content check`: the catalog and the problem bank, validated together."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.content import ContentError, read_catalog
from bot.content.quality import quality_check
from bot.plan_check import check_plans
from bot.problems import TEMPLATES, bank_stats, load_problems, verify_bank
from bot.problems.stats import variety_errors


def check_content(
    root: Path, *, seeds_per_template: int = 50
) -> tuple[dict[str, Any], list[ContentError]]:
    """A summary of everything in `root` and every fault found in it."""
    catalog, errors = read_catalog(root)
    if not errors:  # plans can only be made from a valid catalog
        errors += check_plans(catalog)
    errors += quality_check(catalog)
    problems, problem_errors = load_problems(root / "problems")
    errors += problem_errors
    errors += verify_bank(
        problems, TEMPLATES, set(catalog.topics), seeds_per_template=seeds_per_template
    )
    errors += variety_errors(TEMPLATES, seeds_per_template)
    bank = bank_stats(problems, TEMPLATES)
    summary: dict[str, Any] = {
        "topics": len(catalog.topics),
        "areas": len(catalog.areas),
        "resources": len(catalog.resources),
        "roadmaps": len(catalog.roadmaps),
        "advice": len(catalog.advice),
        **bank,
        "errors": [{"file": e.file, "field": e.field, "message": e.message} for e in errors],
    }
    return summary, errors
