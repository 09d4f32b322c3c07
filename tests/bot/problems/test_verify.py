"""Bank verification: every rule, through the real answer checker."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.content.errors import ContentError
from bot.problems.load import load_problems
from bot.problems.model import Problem, Template, WrongAnswer
from bot.problems.templates.linear_algebra import DETERMINANT
from bot.problems.verify import answer_faults, verify_bank

from .test_load import _good, _write

TOPICS = {"chain-rule", "derivatives", "determinants-inverses", "limits"}
GOOD = Problem(
    id="limits-half",
    topics=("limits",),
    difficulty=1,
    statement="Compute $\\lim_{x \\to 0} \\sin(x)/(2x)$.",
    answer="1/2",
    kind="number",
    hints=("Small angles.", "$\\sin x \\approx x$."),
    solution="The ratio tends to $1/2$.",
    why_ml="Limits.",
    wrong_answers=(WrongAnswer("1", "You dropped the 2."),),
    source="problems/limits.yaml",
)


def test_a_good_problem_has_no_findings() -> None:
    assert verify_bank([GOOD], [], TOPICS) == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"topics": ("limits", "astrology")}, "topics", "unknown topic 'astrology'"),
        ({"answer": "2*x*("}, "answer", "A bracket is never closed"),
        ({"answer": "[1, 2]"}, "answer", "reads as a vector, but the answer is a number"),
        ({"options": {"tolerance": 2}}, "options", "tolerance must be"),
        (
            {"wrong_answers": (WrongAnswer("0.5", "Hmm."),)},
            "wrong_answers[0].answer",
            "judged correct",
        ),
        (
            {"wrong_answers": (WrongAnswer("1/(", "Hmm."),)},
            "wrong_answers[0].answer",
            "cannot read",
        ),
        ({"hints": ("one",)}, "hints", "give 2 or 3 hints"),
        ({"difficulty": 5}, "difficulty", "not 1, 2 or 3"),
        ({"why_ml": ""}, "why_ml", "is required"),
        ({"kind": "essay"}, "kind", "not one of"),
    ],
)
def test_each_rule_is_a_finding_on_file_and_field(
    changes: dict[str, Any], field: str, message: str
) -> None:
    findings = verify_bank([replace(GOOD, **changes)], [], TOPICS)
    assert findings, changes
    assert {(f.file, f.field) for f in findings} == {
        ("problems/limits.yaml", f"problems[limits-half].{field}")
    }
    assert any(message in f.message for f in findings), findings


def test_answer_faults_pass_a_sound_problem() -> None:
    assert answer_faults(GOOD) == []


def test_a_problem_id_used_by_a_template_is_a_finding() -> None:
    clash = replace(GOOD, id=DETERMINANT.id)
    findings = verify_bank([clash], [DETERMINANT], TOPICS, seeds_per_template=0)
    assert findings == [
        ContentError(
            "problems/limits.yaml, bot/problems/templates/linear_algebra.py",
            "id",
            "id 'determinant-2x2' is used 2 times",
        )
    ]


def test_files_with_faults_give_findings_naming_file_and_field(tmp_path: Path) -> None:
    folder = tmp_path / "problems"
    _write(
        folder,
        "chain-rule.yaml",
        [
            _good(id="chain-rule-unknown-topic", topics=["chain-rule", "astrology"]),
            _good(id="chain-rule-unreadable", answer="2*x*cos(x^2"),
            _good(
                id="chain-rule-right-wrong",
                wrong_answers=[{"answer": "2*cos(x^2)*x", "feedback": "Same thing."}],
            ),
        ],
    )
    problems, errors = load_problems(folder)
    assert errors == []
    findings = verify_bank(problems, [], TOPICS)
    assert [(f.file, f.field) for f in findings] == [
        ("problems/chain-rule.yaml", "problems[chain-rule-unknown-topic].topics"),
        ("problems/chain-rule.yaml", "problems[chain-rule-unreadable].answer"),
        ("problems/chain-rule.yaml", "problems[chain-rule-right-wrong].wrong_answers[0].answer"),
    ]


def _constant(rng: random.Random) -> dict[str, Any]:
    return {"answer": 7}


def _varied(rng: random.Random) -> dict[str, Any]:
    n = rng.randint(1, 10**6)
    return {"n": n, "answer": n, "wrong": n + 1}


def _broken(rng: random.Random) -> dict[str, Any]:
    return {"answer": 1 / 0}


TOY = Template(
    id="toy-count",
    topics=("limits",),
    difficulty=1,
    kind="number",
    statement="Write the number {n}.",
    hints=("Read it.", "Copy it."),
    solution="It is {n}.",
    why_ml="Reading.",
    make=_varied,
    wrong_answers=(WrongAnswer("{wrong}", "Off by one."),),
)


def test_a_sound_template_has_no_findings() -> None:
    assert verify_bank([], [TOY], TOPICS, seeds_per_template=20) == []


def test_a_template_with_too_little_variety_is_a_finding() -> None:
    dull = replace(TOY, statement="Write 7.", solution="It is 7.", make=_constant, wrong_answers=())
    findings = verify_bank([], [dull], TOPICS, seeds_per_template=20)
    assert [(f.field, f.message) for f in findings] == [
        ("templates[toy-count]", "only 1 of 20 variants differ; widen the parameter ranges")
    ]
    assert findings[0].file == "tests/bot/problems/test_verify.py"


def test_a_template_that_raises_is_one_finding() -> None:
    findings = verify_bank([], [replace(TOY, make=_broken)], TOPICS, seeds_per_template=20)
    assert len(findings) == 1
    assert findings[0].field == "templates[toy-count]"
    assert findings[0].message.startswith("seed 0 fails: ZeroDivisionError")


def test_a_fault_in_every_variant_is_one_finding_naming_the_seeds() -> None:
    bad = replace(TOY, hints=("Just one.",), topics=("astrology",))
    findings = verify_bank([], [bad], TOPICS, seeds_per_template=2)
    assert {f.field for f in findings} == {
        "templates[toy-count].hints",
        "templates[toy-count].topics",
    }
    assert all(f.message.endswith("(2 seeds, first 0)") for f in findings)


def test_a_template_mistake_that_equals_the_answer_is_a_finding() -> None:
    same = replace(TOY, wrong_answers=(WrongAnswer("{n}", "Not a mistake at all."),))
    findings = verify_bank([], [same], TOPICS, seeds_per_template=3)
    # The wrong answer differs per seed, so each seed's finding is its own line.
    assert [f.field for f in findings] == ["templates[toy-count].wrong_answers[0].answer"] * 3
    assert [f.message[-8:] for f in findings] == ["(seed 0)", "(seed 1)", "(seed 2)"]
