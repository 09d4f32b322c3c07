"""The template engine: deterministic variants per seed."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import sympy

from bot.problems.engine import generate, template_source
from bot.problems.model import Template, WrongAnswer
from bot.problems.templates import TEMPLATES
from bot.problems.templates.linear_algebra import DETERMINANT

ROOT = Path(__file__).resolve().parents[3]
X = sympy.Symbol("x")


def _toy(rng: random.Random) -> dict[str, Any]:
    a = rng.randint(2, 9)
    return {
        "a": a,
        "half": sympy.Rational(1, a),
        "f": a * X**2,
        "wrong": a * X,
        "answer": 2 * a * X,
    }


TOY = Template(
    id="toy-template",
    topics=("derivatives",),
    difficulty=1,
    kind="expression",
    statement="Differentiate $f(x) = {f}$; note $1/{a} = {half}$.",
    hints=("Power rule.", "Bring the exponent down: ${f}$."),
    solution="$f'(x) = {answer}$.",
    why_ml="Gradients.",
    make=_toy,
    options={"variables": ["x"]},
    wrong_answers=(WrongAnswer("{wrong}", "Not ${wrong}$."),),
)


def test_same_seed_gives_the_same_problem() -> None:
    for template in TEMPLATES:
        assert generate(template, 12345) == generate(template, 12345), template.id


def test_seeds_give_different_problems() -> None:
    statements = {generate(DETERMINANT, seed).statement for seed in range(20)}
    assert len(statements) >= 18


def test_a_variant_is_pinned_so_a_change_in_random_shows_up() -> None:
    problem = generate(DETERMINANT, 0)
    assert problem.id == "determinant-2x2#0"
    assert problem.statement == (
        "Compute the determinant of $M = [[0, 1], [-6, 6]]$ (written row by row). "
        "Enter an exact number."
    )
    assert problem.answer == "6"


def test_answers_use_checker_syntax_and_text_uses_readable_math() -> None:
    problem = generate(TOY, 3)
    a = random.Random(3).randint(2, 9)
    assert problem.answer == f"{2 * a}*x"
    assert problem.statement == f"Differentiate $f(x) = {a}x^2$; note $1/{a} = 1/{a}$."
    assert problem.hints[1] == f"Bring the exponent down: ${a}x^2$."
    assert problem.wrong_answers == (WrongAnswer(f"{a}*x", f"Not ${a}x$."),)
    assert problem.options == {"variables": ["x"]}
    assert (problem.topics, problem.difficulty, problem.kind) == (("derivatives",), 1, "expression")


def test_template_source_names_the_module_file() -> None:
    source = template_source(DETERMINANT)
    assert source == "bot/problems/templates/linear_algebra.py"
    assert (ROOT / source).is_file()
    assert generate(DETERMINANT, 1).source == source
