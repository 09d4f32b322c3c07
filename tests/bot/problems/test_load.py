"""The loader: problem files in, Problems and file-and-field findings out."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.content.errors import ContentError
from bot.problems.load import load_problems
from bot.problems.model import Problem, WrongAnswer

GOOD: dict[str, Any] = {
    "id": "chain-rule-sin-square",
    "topics": ["chain-rule", "derivatives"],
    "difficulty": 2,
    "statement": "Differentiate $f(x) = \\sin(x^2)$.\n",
    "answer": "2*x*cos(x^2)",
    "kind": "expression",
    "options": {"variables": ["x"]},
    "hints": ["A function of a function.", "Chain rule.", "The inner derivative is $2x$."],
    "solution": "$f'(x) = \\cos(x^2) \\cdot 2x$.\n",
    "why_ml": "Backpropagation is the chain rule.",
    "wrong_answers": [{"answer": "cos(x^2)", "feedback": "Multiply by the inner derivative."}],
}


def _write(folder: Path, name: str, problems: list[dict[str, Any]]) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump({"problems": problems}, sort_keys=False), encoding="utf-8")
    return path


def _good(**changes: Any) -> dict[str, Any]:
    problem = copy.deepcopy(GOOD)
    for key, value in changes.items():
        if value is None:
            del problem[key]
        else:
            problem[key] = value
    return problem


def _load_one(tmp_path: Path, problem: dict[str, Any]) -> tuple[list[Problem], list[ContentError]]:
    folder = tmp_path / "problems"
    _write(folder, "chain-rule.yaml", [problem])
    return load_problems(folder)


def test_a_good_file_loads_into_problems(tmp_path: Path) -> None:
    second = _good(id="chain-rule-exp", answer="3*exp(3*x)", options=None, wrong_answers=None)
    _write(tmp_path / "problems", "chain-rule.yaml", [GOOD, second])
    problems, errors = load_problems(tmp_path / "problems")
    assert errors == []
    first = problems[0]
    assert first == Problem(
        id="chain-rule-sin-square",
        topics=("chain-rule", "derivatives"),
        difficulty=2,
        statement="Differentiate $f(x) = \\sin(x^2)$.",
        answer="2*x*cos(x^2)",
        kind="expression",
        hints=("A function of a function.", "Chain rule.", "The inner derivative is $2x$."),
        solution="$f'(x) = \\cos(x^2) \\cdot 2x$.",
        why_ml="Backpropagation is the chain rule.",
        options={"variables": ["x"]},
        wrong_answers=(WrongAnswer("cos(x^2)", "Multiply by the inner derivative."),),
        source="problems/chain-rule.yaml",
    )
    assert first.topic == "chain-rule"
    assert (problems[1].options, problems[1].wrong_answers) == ({}, ())


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"hints": None}, "problems[0].hints", "is required"),
        ({"hints": ["a", "b", "c", "d"]}, "problems[0].hints", "give 2 or 3 hints"),
        ({"hints": ["only one"]}, "problems[0].hints", "give 2 or 3 hints"),
        ({"difficulty": 5}, "problems[0].difficulty", "out of range"),
        ({"difficulty": "hard"}, "problems[0].difficulty", "whole number"),
        ({"kind": "essay"}, "problems[0].kind", "not one of"),
        ({"id": "Chain_Rule"}, "problems[0].id", "not a valid id"),
        ({"statement": "  "}, "problems[0].statement", "non-empty text"),
        ({"solution": None}, "problems[0].solution", "is required"),
        ({"why_ml": None}, "problems[0].why_ml", "is required"),
        ({"answer": 14}, "problems[0].answer", "quoted text"),
        ({"topics": ["derivatives", "chain-rule"]}, "problems[0].topics", "'chain-rule'"),
        ({"topics": []}, "problems[0].topics", "at least one topic"),
        ({"hint": ["typo"]}, "problems[0].hint", "unknown field"),
        ({"options": {"tolerence": 0.1}}, "problems[0].options", "unknown checker option"),
        ({"options": {"tolerance": -1}}, "problems[0].options", "tolerance must be"),
        ({"options": {"form": "neat"}}, "problems[0].options", "form must be one of"),
        ({"options": {"variables": "x"}}, "problems[0].options", "variables must be a list"),
        ({"options": {"up_to_constant": "no"}}, "problems[0].options", "true or false"),
        ({"options": [1]}, "problems[0].options", "expected a mapping"),
        (
            {"wrong_answers": [{"answer": "x"}]},
            "problems[0].wrong_answers[0].feedback",
            "is required",
        ),
    ],
)
def test_each_schema_fault_names_file_and_field(
    tmp_path: Path, changes: dict[str, Any], field: str, message: str
) -> None:
    problems, errors = _load_one(tmp_path, _good(**changes))
    assert problems == []
    assert len(errors) == 1, errors
    assert errors[0].file == "problems/chain-rule.yaml"
    assert errors[0].field == field
    assert message in errors[0].message


def test_a_problem_with_several_faults_reports_each_once(tmp_path: Path) -> None:
    _, errors = _load_one(tmp_path, _good(hints=["a", "b", "c", "d"], difficulty=5, why_ml=None))
    assert sorted(e.field for e in errors) == [
        "problems[0].difficulty",
        "problems[0].hints",
        "problems[0].why_ml",
    ]


def test_a_duplicate_id_in_another_file_is_reported_there(tmp_path: Path) -> None:
    folder = tmp_path / "problems"
    _write(folder, "chain-rule.yaml", [GOOD])
    _write(folder, "derivatives.yaml", [_good(topics=["derivatives"])])
    problems, errors = load_problems(folder)
    assert [p.source for p in problems] == ["problems/chain-rule.yaml"]
    assert errors == [
        ContentError(
            "problems/derivatives.yaml",
            "problems[0].id",
            "duplicate problem id 'chain-rule-sin-square' (also in problems/chain-rule.yaml)",
        )
    ]


def test_a_yaml_syntax_error_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "problems"
    _write(folder, "chain-rule.yaml", [GOOD])
    (folder / "limits.yaml").write_text("problems:\n  - id: [unclosed\n", encoding="utf-8")
    problems, errors = load_problems(folder)
    assert [p.id for p in problems] == ["chain-rule-sin-square"]
    assert len(errors) == 1
    assert (errors[0].file, errors[0].field) == ("problems/limits.yaml", "")
    assert errors[0].message.startswith("not valid YAML")


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("problems: []\n", "problems", "non-empty list"),
        ("- just a list\n", "", "expected a mapping"),
        ("problems:\n  - just text\n", "problems[0]", "expected a mapping"),
        ("problems: []\nextra: 1\n", "extra", "unknown field"),
    ],
)
def test_a_badly_shaped_file_is_reported(
    tmp_path: Path, text: str, field: str, message: str
) -> None:
    folder = tmp_path / "problems"
    folder.mkdir()
    (folder / "limits.yaml").write_text(text, encoding="utf-8")
    problems, errors = load_problems(folder)
    assert problems == []
    assert any(e.field == field and message in e.message for e in errors), errors


def test_a_missing_folder_is_one_finding(tmp_path: Path) -> None:
    assert load_problems(tmp_path / "nowhere") == (
        [],
        [ContentError("nowhere", "", "problems folder not found")],
    )
