"""Counts that describe the bank: how many problems and templates, by topic and difficulty."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from bot.problems.model import DIFFICULTIES, Problem, Template


def bank_stats(problems: Sequence[Problem], templates: Sequence[Template]) -> dict[str, Any]:
    """Sizes of the bank; topics count each problem or template once, under its primary topic."""
    return {
        "problems": len(problems),
        "templates": len(templates),
        "by_topic": dict(sorted(Counter(p.topic for p in problems).items())),
        "by_difficulty": _by_difficulty(p.difficulty for p in problems),
        "templates_by_topic": dict(sorted(Counter(t.topics[0] for t in templates).items())),
        "templates_by_difficulty": _by_difficulty(t.difficulty for t in templates),
    }


def _by_difficulty(levels: Iterable[int]) -> dict[str, int]:
    counts = Counter(levels)
    return {str(level): counts[level] for level in DIFFICULTIES}
