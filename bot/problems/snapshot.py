"""A problem frozen as JSON, so a posted problem never changes when the content does."""

from __future__ import annotations

import json

from bot.problems.model import Problem, WrongAnswer


def to_json(problem: Problem) -> str:
    """The problem as compact JSON."""
    return json.dumps(
        {
            "id": problem.id,
            "topics": list(problem.topics),
            "difficulty": problem.difficulty,
            "statement": problem.statement,
            "answer": problem.answer,
            "kind": problem.kind,
            "options": dict(problem.options),
            "hints": list(problem.hints),
            "solution": problem.solution,
            "why_ml": problem.why_ml,
            "wrong_answers": [[w.answer, w.feedback] for w in problem.wrong_answers],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def from_json(text: str) -> Problem:
    """The problem a snapshot was taken of."""
    data = json.loads(text)
    return Problem(
        id=data["id"],
        topics=tuple(data["topics"]),
        difficulty=int(data["difficulty"]),
        statement=data["statement"],
        answer=data["answer"],
        kind=data["kind"],
        options=data["options"],
        hints=tuple(data["hints"]),
        solution=data["solution"],
        why_ml=data["why_ml"],
        wrong_answers=tuple(WrongAnswer(a, f) for a, f in data["wrong_answers"]),
    )
