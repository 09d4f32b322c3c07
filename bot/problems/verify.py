"""Check the whole bank: shape, topics, unique ids, and every answer through the real checker."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from bot.checker import AuthorError, Verdict, check_answer
from bot.content.errors import ContentError
from bot.problems.engine import generate, template_source
from bot.problems.model import Problem, Template
from bot.problems.rules import Fault, shape_faults

# At least this share of a template's variants must differ in statement or answer.
MIN_DISTINCT_SHARE = 0.9


def verify_bank(
    problems: Sequence[Problem],
    templates: Sequence[Template],
    topic_ids: set[str],
    *,
    seeds_per_template: int = 50,
) -> list[ContentError]:
    """Every fault in the bank: hand-written problems, then `seeds_per_template` variants each."""
    errors = _duplicate_ids(problems, templates)
    for problem in problems:
        errors += _findings(problem, problem_faults(problem, topic_ids))
    for template in templates:
        errors += template_findings(template, topic_ids, seeds_per_template)
    return errors


def problem_faults(problem: Problem, topic_ids: set[str]) -> list[Fault]:
    """What is wrong with one problem: its shape, its topics and its answers."""
    faults = shape_faults(problem)
    faults += [("topics", f"unknown topic {t!r}") for t in problem.topics if t not in topic_ids]
    if any(field in ("kind", "options") for field, _ in faults):
        return faults  # the checker cannot be asked without a valid kind and options
    return faults + answer_faults(problem)


def answer_faults(problem: Problem) -> list[Fault]:
    """The expected answer must check correct against itself; each anticipated mistake, wrong."""
    try:
        verdict = _check(problem, problem.answer)
    except AuthorError as exc:
        return [("answer", f"the checker rejects it: {exc}")]
    if verdict.error:
        return [("answer", f"the checker cannot read it: {verdict.error}")]
    if not verdict.correct:
        return [("answer", f"is not accepted as an answer to itself ({verdict.feedback})")]
    faults: list[Fault] = []
    for i, wrong in enumerate(problem.wrong_answers):
        where = f"wrong_answers[{i}].answer"
        verdict = _check(problem, wrong.answer)
        if verdict.error:
            faults.append((where, f"the checker cannot read {wrong.answer!r}: {verdict.error}"))
        elif verdict.correct:
            faults.append((where, f"{wrong.answer!r} is judged correct; it must be a mistake"))
    return faults


def template_findings(template: Template, topic_ids: set[str], seeds: int) -> list[ContentError]:
    """Faults in the variants of one template for seeds 0..seeds-1, and too little variety.

    A fault that recurs across seeds is reported once, with the seeds it occurs in.
    """
    source, where = template_source(template), f"templates[{template.id}]"
    errors: list[ContentError] = []
    variants: list[Problem] = []
    seen: dict[Fault, list[int]] = {}
    for seed in range(seeds):
        try:
            problem = generate(template, seed)
        except Exception as exc:  # authored code: report the failure, keep checking the rest
            errors.append(ContentError(source, where, f"seed {seed} fails: {exc!r}"))
            break
        variants.append(problem)
        for fault in problem_faults(problem, topic_ids):
            seen.setdefault(fault, []).append(seed)
    for (field, message), failing in seen.items():
        found_in = (
            f"seed {failing[0]}"
            if len(failing) == 1
            else f"{len(failing)} seeds, first {failing[0]}"
        )
        errors.append(ContentError(source, f"{where}.{field}", f"{message} ({found_in})"))
    distinct = len({(p.statement, p.answer) for p in variants})
    if variants and distinct < math.ceil(MIN_DISTINCT_SHARE * seeds):
        errors.append(
            ContentError(
                source,
                where,
                f"only {distinct} of {seeds} variants differ; widen the parameter ranges",
            )
        )
    return errors


def _check(problem: Problem, submitted: str) -> Verdict:
    return check_answer(problem.answer, submitted, kind=problem.kind, **problem.options)


def _findings(problem: Problem, faults: Iterable[Fault]) -> list[ContentError]:
    return [ContentError(problem.source, f"problems[{problem.id}].{f}", m) for f, m in faults]


def _duplicate_ids(
    problems: Sequence[Problem], templates: Sequence[Template]
) -> list[ContentError]:
    counts = Counter([p.id for p in problems] + [t.id for t in templates])
    return [
        ContentError(_source_of(i, problems, templates), "id", f"id {i!r} is used {n} times")
        for i, n in counts.items()
        if n > 1
    ]


def _source_of(id_: str, problems: Sequence[Problem], templates: Sequence[Template]) -> str:
    sources = [p.source for p in problems if p.id == id_]
    sources += [template_source(t) for t in templates if t.id == id_]
    return ", ".join(dict.fromkeys(sources))
