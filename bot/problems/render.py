"""A problem as a learner reads it: statement first, hints and the solution only on request."""

from __future__ import annotations

from bot.problems.model import Problem


def render_text(problem: Problem, *, hints: bool = False, solution: bool = False) -> str:
    """Plain Markdown for one problem; hints and the worked solution only when asked for."""
    also = f" (also {', '.join(problem.topics[1:])})" if len(problem.topics) > 1 else ""
    lines = [
        f"Problem {problem.id}",
        f"Topic: {problem.topic}{also} · difficulty {problem.difficulty} of 3",
        "",
        problem.statement,
    ]
    if hints:
        lines += ["", "Hints:"]
        lines += [f"{i}. {hint}" for i, hint in enumerate(problem.hints, 1)]
    if solution:
        lines += ["", "Solution:", problem.solution, "", f"Answer: {problem.answer}"]
        lines += ["", f"Why it matters for ML: {problem.why_ml}"]
    return "\n".join(lines)
