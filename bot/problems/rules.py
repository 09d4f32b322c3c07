"""Shape rules every problem obeys, hand-written or generated: ids, topics, difficulty, hints."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.checker import KINDS, AuthorError, Options
from bot.content.fields import ID_PATTERN
from bot.problems.model import DIFFICULTIES, MAX_HINTS, MIN_HINTS, Problem

Fault = tuple[str, str]  # (field, message)


def shape_faults(problem: Problem) -> list[Fault]:
    """Every rule of the schema that `problem` breaks, as (field, message) pairs."""
    faults: list[Fault] = []
    base_id = problem.id.split("#", 1)[0]
    if not ID_PATTERN.match(base_id):
        faults.append(("id", f"{problem.id!r} is not a valid id (lowercase words joined by '-')"))
    if not problem.topics:
        faults.append(("topics", "list at least one topic; the first is the primary topic"))
    faults += [
        ("topics", f"{t!r} is not a valid topic id")
        for t in problem.topics
        if not ID_PATTERN.match(t)
    ]
    if problem.difficulty not in DIFFICULTIES:
        faults.append(("difficulty", f"{problem.difficulty} is not 1, 2 or 3"))
    if problem.kind not in KINDS:
        faults.append(("kind", f"{problem.kind!r} is not one of: {', '.join(KINDS)}"))
    if not MIN_HINTS <= len(problem.hints) <= MAX_HINTS:
        faults.append(
            (
                "hints",
                f"give 2 or 3 hints (a nudge, a method, nearly there), not {len(problem.hints)}",
            )
        )
    faults += [(f"hints[{i}]", "is empty") for i, h in enumerate(problem.hints) if not h.strip()]
    for name in ("statement", "answer", "solution", "why_ml"):
        if not getattr(problem, name).strip():
            faults.append((name, "is required"))
    faults += option_faults(problem.options)
    for i, wrong in enumerate(problem.wrong_answers):
        if not wrong.answer.strip():
            faults.append((f"wrong_answers[{i}].answer", "is required"))
        if not wrong.feedback.strip():
            faults.append((f"wrong_answers[{i}].feedback", "is required"))
    return faults


def option_faults(options: Mapping[str, Any]) -> list[Fault]:
    """The checker's own verdict on the options: unknown names or bad values."""
    try:
        Options.from_mapping(options)
    except AuthorError as exc:
        return [("options", str(exc))]
    if not isinstance(options.get("up_to_constant", False), bool):  # the checker takes any truthy
        return [("options", "up_to_constant must be true or false")]
    return []
