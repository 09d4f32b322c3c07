"""Read content/problems/*.yaml into Problems, reporting every schema fault with file and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.content.errors import ContentError
from bot.content.fields import Fields, read_yaml
from bot.problems.model import Problem, WrongAnswer
from bot.problems.rules import shape_faults


def load_problems(problems_dir: Path) -> tuple[list[Problem], list[ContentError]]:
    """The folder's valid problems, and a finding for every fault; faulty entries are left out."""
    if not problems_dir.is_dir():
        return [], [ContentError(problems_dir.name, "", "problems folder not found")]
    problems: list[Problem] = []
    errors: list[ContentError] = []
    first_file: dict[str, str] = {}
    for path in sorted(problems_dir.glob("*.yaml")):
        doc = read_yaml(path, f"{problems_dir.name}/{path.name}", errors)
        if doc is None:
            continue
        for item in doc.items("problems"):
            problem = _problem(item, path.stem)
            if problem is None:
                continue
            if problem.id in first_file:
                item.error(
                    "id", f"duplicate problem id {problem.id!r} (also in {first_file[problem.id]})"
                )
                continue
            first_file[problem.id] = doc.file
            problems.append(problem)
        doc.finish()
    return problems, errors


def _problem(f: Fields, file_topic: str) -> Problem | None:
    """Build one problem; None when any of its fields is faulty (each fault is recorded)."""
    before = len(f.errors)
    problem = Problem(
        id=f.ident(),
        topics=f.text_list("topics", ids=True),
        difficulty=int(f.number("difficulty", low=1, high=3, integer=True) or 0),
        statement=f.text("statement"),
        answer=_answer(f),
        kind=f.text("kind"),
        hints=f.text_list("hints"),
        solution=f.text("solution"),
        why_ml=f.text("why_ml"),
        options=_options(f),
        wrong_answers=_wrong_answers(f),
        source=f.file,
    )
    faulty = {e.field for e in f.errors[before:]}
    for name, message in shape_faults(problem):
        if f"{f.path}.{name}" not in faulty:
            f.error(name, message)
    if problem.topics and problem.topics[0] != file_topic:
        f.error("topics", f"the first (primary) topic must be {file_topic!r}, the file's name")
    f.finish()
    return problem if len(f.errors) == before else None


def _answer(f: Fields) -> str:
    value = f.data.get("answer")
    if isinstance(value, int | float) and not isinstance(value, bool):
        f.seen.add("answer")
        f.error("answer", f'write the answer as quoted text, like answer: "{value}"')
        return ""
    return f.text("answer")


def _options(f: Fields) -> dict[str, Any]:
    f.seen.add("options")
    value = f.data.get("options")
    if value is None:
        return {}
    if not isinstance(value, dict):
        f.error("options", "expected a mapping, like {variables: [x]}")
        return {}
    return dict(value)


def _wrong_answers(f: Fields) -> tuple[WrongAnswer, ...]:
    if f.data.get("wrong_answers") is None:
        f.seen.add("wrong_answers")
        return ()
    wrong = []
    for item in f.items("wrong_answers"):
        wrong.append(WrongAnswer(answer=_answer(item), feedback=item.text("feedback")))
        item.finish()
    return tuple(wrong)
