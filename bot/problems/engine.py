"""Turn a template and a seed into a concrete Problem; templates compute with sympy."""

from __future__ import annotations

import random
from collections.abc import Mapping
from string import Formatter
from typing import Any

from bot.problems.format import answer_text, show
from bot.problems.model import Problem, Template, WrongAnswer


def generate(template: Template, seed: int) -> Problem:
    """The variant of `template` drawn with `seed`: same seed, same problem."""
    params = template.make(random.Random(seed))
    shown = {name: show(value) for name, value in params.items()}
    typed_names = {"answer"} | {
        name
        for w in template.wrong_answers
        for _, name, _, _ in Formatter().parse(w.answer)
        if name
    }
    typed = {name: answer_text(params[name]) for name in typed_names}
    return Problem(
        id=f"{template.id}#{seed}",
        topics=template.topics,
        difficulty=template.difficulty,
        statement=_fill(template.statement, shown),
        answer=typed["answer"],
        kind=template.kind,
        hints=tuple(_fill(h, shown) for h in template.hints),
        solution=_fill(template.solution, shown),
        why_ml=template.why_ml,
        options=template.options,
        wrong_answers=tuple(
            WrongAnswer(_fill(w.answer, typed), _fill(w.feedback, shown))
            for w in template.wrong_answers
        ),
        source=template_source(template),
    )


def template_source(template: Template) -> str:
    """The file a template is written in, for error messages: bot/problems/templates/x.py."""
    return template.make.__module__.replace(".", "/") + ".py"


def _fill(text: str, values: Mapping[str, Any]) -> str:
    return text.format_map(values).strip()
