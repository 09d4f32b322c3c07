"""Equivalence: options, author errors, kinds, tolerance and the numeric / symbolic checks."""

from __future__ import annotations

import math
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bot.checker import AuthorError, Verdict, check_answer, symbolic, validate_expected
from bot.checker.nodes import Node
from bot.checker.parse import read
from bot.checker.scalars import Sampler, compare, significant_figures

REPO = Path(__file__).resolve().parents[3]
EXPANDED_40 = " + ".join(f"{math.comb(40, k)}*x^{k}" for k in range(41))


def test_verdict_fields() -> None:
    verdict = check_answer("2*x*cos(x^2)", "2x cos(x^2)")
    assert isinstance(verdict, Verdict)
    assert (verdict.correct, verdict.error, verdict.kind) == (True, None, "expression")
    assert verdict.reading == "2x·cos(x²)" and verdict.feedback == "Correct!"
    assert verdict.to_dict()["reading"] == "2x·cos(x²)"
    assert verdict.readable


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"tolerence": 0.1}, "unknown checker option"),
        ({"tolerance": -1}, "tolerance"),
        ({"tolerance": "big"}, "tolerance"),
        ({"tolerance": float("nan")}, "tolerance"),
        ({"form": "pretty"}, "form must be"),
        ({"variables": "x"}, "variables must be"),
        ({"variables": [1]}, "variables must be"),
        ({"up_to_constant": "yes"}, "up_to_constant must be"),
    ],
)
def test_bad_options_are_author_errors(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_answer("1", "1", **options)  # type: ignore[arg-type]
    with pytest.raises(AuthorError):
        check_answer("1", "1", **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("expected", "kind", "message"),
    [
        ("1/(", None, "never closed"),
        ("", None, "empty"),
        ("2x", "number", "uses variables"),
        ("[[1, 2], [3]]", None, "different lengths"),
        ("[1, 2, 3]", "interval", "interval"),
        ("x^2 = 4", "solutions", "Solve it"),
        ("1", "scalar", "unknown answer kind"),
        ("9^9^9^9", None, "too large"),
        ("1/0", None, "has no value"),
        ("log(0)", "number", "has no value"),
    ],
)
def test_malformed_expected_answers_are_author_errors(
    expected: str, kind: str | None, message: str
) -> None:
    with pytest.raises(AuthorError, match=message):
        check_answer(expected, "1", kind=kind)


def test_validate_expected_returns_the_kind() -> None:
    assert validate_expected("[0, oo)") == "interval"
    assert validate_expected("(0, 1)", kind="interval") == "interval"
    with pytest.raises(AuthorError):
        validate_expected("(0,", kind="interval")


@pytest.mark.parametrize(
    ("expected", "kind"),
    [
        ("3/4", "number"),
        ("2*x", "expression"),
        ("[1, 2, 3]", "vector"),
        ("[[1, 2], [3, 4]]", "matrix"),
        ("{1, 2}", "set"),
        ("(0, 1]", "interval"),
        ("[0, oo)", "interval"),
        ("(-oo, 1) U (2, oo)", "interval"),
        ("x = 3 or x = -3", "solutions"),
        ("x = 2", "solutions"),
        ("(1, 2)", "tuple"),
        ("DNE", "keyword"),
        ("none", "keyword"),
    ],
)
def test_kind_is_inferred_from_the_expected_text(expected: str, kind: str) -> None:
    assert check_answer(expected, expected).kind == kind


def test_ambiguous_brackets_follow_the_kind_option() -> None:
    assert check_answer("(0, 1)", "(0, 1)").kind == "tuple"
    assert check_answer("(0, 1)", "0 < x < 1", kind="interval").correct
    assert not check_answer("(0, 1)", "0 < x < 1").correct


def test_tolerance_is_overridable() -> None:
    assert not check_answer("100", "101.0").correct
    assert check_answer("100", "101.0", tolerance=0.02).correct
    assert not check_answer("0.5", "0.51", tolerance=0.01).correct


def test_exact_answers_match_exactly() -> None:
    assert not check_answer("1/3", "333333/1000000").correct
    assert not check_answer("pi", "355/113").correct
    assert check_answer("pi", "3.14159").correct


def test_significant_figures() -> None:
    assert significant_figures("0.0500") == 3
    assert significant_figures("300") == 3
    assert significant_figures("-1.5e3") == 2
    assert significant_figures("0") == 1


def test_double_precision_failure_is_rechecked_at_high_precision() -> None:
    expected, submitted = read("(x + 1)^40", ["x"]), read(EXPANDED_40, ["x"])
    sampler = Sampler.build(["x"], tolerance=1e-3)
    assert compare(expected, submitted, sampler).equal
    near_miss = read(EXPANDED_40 + " + 1", ["x"])
    assert compare(expected, near_miss, sampler).equal is False


def test_expected_answers_are_cached() -> None:
    from bot.checker.check import prepare

    prepare.cache_clear()
    check_answer("x^2", "x*x")
    check_answer("x^2", "x^3")
    assert prepare.cache_info().hits == 1


def test_sympy_confirms_when_sampling_cannot_decide() -> None:
    # oo cannot be sampled, so the numeric check is inconclusive; sympy proves exp(-oo) = 0.
    assert check_answer("x", "x + exp(-oo)").correct
    undecided = check_answer("x + 1", "x + oo - oo")
    assert undecided.error is not None and not undecided.correct
    assert undecided.mistake == "undecided"


def test_symbolic_confirmation_needs_the_main_thread() -> None:
    a, b = read("x + exp(-oo)", ["x"]), read("x", ["x"])
    assert symbolic.confirm_equal(a, b) is True
    results: list[bool | None] = []
    thread = threading.Thread(target=lambda: results.append(symbolic.confirm_equal(a, b)))
    thread.start()
    thread.join()
    assert results == [None]


def test_symbolic_confirmation_is_time_limited() -> None:
    slow = read("(x + 1)^30 * (x - 1)^30 - (x^2 - 1)^30 + sin(x)^2 + cos(x)^2", ["x"])
    assert symbolic.confirm_equal(slow, Node("num", value=1), seconds=0.01) is None


def test_to_sympy_builds_objects_without_parsing_text() -> None:
    import sympy as sp

    x = sp.Symbol("x")
    built = symbolic.to_sympy(read("2x cos(x^2) + log_2(x) + 50% + 3! + |x|", ["x"]))
    assert (
        sp.simplify(built - (2 * x * sp.cos(x**2) + sp.log(x, 2) + sp.Rational(13, 2) + sp.Abs(x)))
        == 0
    )


def test_real_only_functions_are_compared_at_real_points() -> None:
    assert check_answer("abs(x)", "sqrt(x^2)").correct
    assert not check_answer("abs(x)", "x").correct
    assert check_answer("floor(x)", "floor(x) + 0").correct


def test_sets_ignore_order_and_duplicates_but_not_values() -> None:
    assert check_answer("{1, 2, 3}", "{3, 3, 2, 1}").correct
    assert not check_answer("{1, 2, 3}", "{1, 2}").correct


def test_solutions_of_systems_compare_as_points() -> None:
    expected = "x = 1, y = 2 or x = 2, y = 1"
    options = {"variables": ["x", "y"]}
    swapped = check_answer(expected, "x = 2, y = 1 or x = 1, y = 2", kind="solutions", **options)
    assert swapped.correct
    mixed = check_answer(expected, "x = 1, y = 1 or x = 2, y = 2", kind="solutions", **options)
    assert not mixed.correct


def test_infinite_end_written_closed_is_accepted_with_a_note() -> None:
    verdict = check_answer("[0, oo)", "[0, oo]")
    assert verdict.correct and "never included" in verdict.feedback


def test_approximate_answers_say_so() -> None:
    assert "approximation" in check_answer("sqrt(2)", "1.414").feedback
    assert check_answer("sqrt(2)", "sqrt(2)").feedback == "Correct!"


def test_sympy_failures_count_as_undecided_not_crashes() -> None:
    verdict = check_answer("1/cos(x)^2", "1 + oo tan(x)^2")  # sympy's fu.py raises inside
    assert not verdict.correct


def test_solution_tuples_must_hold_values() -> None:
    verdict = check_answer("x = 1, y = 2", "(1; 2)", kind="solutions", variables=["x", "y"])
    assert not verdict.correct and verdict.mistake == "kind"


def test_a_deadline_never_interrupts_the_sympy_import() -> None:
    script = (
        "from bot.checker.parse import read\n"
        "from bot.checker.symbolic import confirm_equal\n"
        "a, b = read('x + exp(-oo)', ['x']), read('x', ['x'])\n"
        "confirm_equal(a, b, seconds=0.001)\n"
        "import sympy\n"
        "assert sympy.simplify(sympy.Symbol('x') - sympy.Symbol('x')) == 0\n"
        "assert confirm_equal(a, b) is True\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
