"""Counts that describe the bank: sizes by topic and difficulty, and each template's variety."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from bot.content.errors import ContentError
from bot.problems.engine import template_source
from bot.problems.format import answer_text
from bot.problems.model import DIFFICULTIES, Problem, Template

MAX_TOP_SHARE = 0.4  # no answer in more than 40% of a template's variants


def bank_stats(problems: Sequence[Problem], templates: Sequence[Template]) -> dict[str, Any]:
    """Sizes of the bank; topics count each problem or template once, under its primary topic.

    `by_kind` counts hand-written problems and templates together by answer kind.
    """
    return {
        "problems": len(problems),
        "templates": len(templates),
        "by_topic": dict(sorted(Counter(p.topic for p in problems).items())),
        "by_difficulty": _by_difficulty(p.difficulty for p in problems),
        "by_kind": dict(
            sorted(Counter([*(p.kind for p in problems), *(t.kind for t in templates)]).items())
        ),
        "templates_by_topic": dict(sorted(Counter(t.topics[0] for t in templates).items())),
        "templates_by_difficulty": _by_difficulty(t.difficulty for t in templates),
    }


def _by_difficulty(levels: Iterable[int]) -> dict[str, int]:
    counts = Counter(levels)
    return {str(level): counts[level] for level in DIFFICULTIES}


def answer_variety(templates: Sequence[Template], seeds: int) -> list[dict[str, Any]]:
    """Per template over seeds 0..seeds-1: distinct answers and the most common answer's share."""
    rows = []
    for template in templates:
        answers = Counter(template_answer(template, seed) for seed in range(seeds))
        top, count = answers.most_common(1)[0]
        rows.append(
            {
                "template": template.id,
                "seeds": seeds,
                "distinct_answers": len(answers),
                "most_common_answer": top,
                "most_common_share": round(count / seeds, 4),
            }
        )
    return rows


def template_answer(template: Template, seed: int) -> str:
    """The answer, in checker syntax, of one variant."""
    return answer_text(template.make(random.Random(seed))["answer"])


def variety_errors(templates: Sequence[Template], seeds: int) -> list[ContentError]:
    """A fault for each template whose most common answer is over 40% of its variants."""
    by_id = {t.id: t for t in templates}
    return [
        ContentError(
            template_source(by_id[row["template"]]),
            row["template"],
            f"the answer {row['most_common_answer']!r} comes up in "
            f"{row['most_common_share']:.0%} of seeds 0-{seeds - 1}; keep every answer to "
            f"{MAX_TOP_SHARE:.0%} at most",
        )
        for row in answer_variety(templates, seeds)
        if row["most_common_share"] > MAX_TOP_SHARE
    ]
