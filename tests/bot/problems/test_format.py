"""The formatter: sympy values to checker syntax and to readable statement text."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

from bot.problems.format import answer_text, dec, show

x, y, t = sympy.symbols("x y t")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (sympy.Integer(-7), "-7"),
        (5, "5"),
        (sympy.Rational(-3, 4), "-3/4"),
        (Fraction(6, 8), "3/4"),
        (2 * x * sympy.cos(x**2), "2*x*cos(x^2)"),
        (3 * x**2 - 2 * x + 1, "3*x^2 - 2*x + 1"),
        (5 - 12 * sympy.exp(-2 * t), "5 - 12*exp(-2*t)"),
        (sympy.E, "e"),
        (2 * sympy.sqrt(5), "2*sqrt(5)"),
        (sympy.log(3) / sympy.log(2), "log(3)/log(2)"),
        (sympy.Matrix([[1, sympy.Rational(1, 2)], [3, -4]]), "[[1, 1/2], [3, -4]]"),
        (sympy.Matrix([1, -2]), "[1, -2]"),
        ([sympy.Integer(1), sympy.Rational(3, 2)], "[1, 3/2]"),
        ((sympy.Integer(3), sympy.Integer(-2)), "(3, -2)"),
        ({sympy.Integer(5), sympy.Integer(-5)}, "{-5, 5}"),
        (sympy.Interval(sympy.Rational(869, 10), sympy.Rational(213, 2)), "[869/10, 213/2]"),
        (sympy.Interval.Ropen(0, 1), "[0, 1)"),
        (sympy.Interval(2, sympy.oo, left_open=True), "(2, oo)"),
        ("saddle", "saddle"),
    ],
)
def test_answer_text_writes_checker_syntax(value: object, text: str) -> None:
    assert answer_text(value) == text


@pytest.mark.parametrize("value", [0.1, True, object()])
def test_answer_text_refuses_inexact_or_unknown_values(value: object) -> None:
    with pytest.raises(TypeError):
        answer_text(value)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3 * x**2 - 2 * x + 1, "3x^2 - 2x + 1"),
        (4 * x**2 * y**3 + 2 * x * y, "4x^2·y^3 + 2x·y"),
        (2 * (x + 1) ** 3, "2(x + 1)^3"),
        (1 + 3 * sympy.exp(-2 * t), "1 + 3·exp(-2t)"),
        (sympy.Rational(-3, 4), "-3/4"),
        ("already text", "already text"),
    ],
)
def test_show_reads_like_written_math(value: object, text: str) -> None:
    assert show(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (sympy.Rational(3, 8), "0.375"),
        (sympy.Rational(-1, 20), "-0.05"),
        (sympy.Rational(123, 100), "1.23"),
        (sympy.Rational(-3423, 625), "-5.4768"),
        (5, "5"),
        (sympy.Integer(-12), "-12"),
    ],
)
def test_dec_writes_exact_decimals(value: object, text: str) -> None:
    assert dec(value) == text


def test_dec_refuses_a_repeating_decimal() -> None:
    with pytest.raises(ValueError, match="no finite decimal"):
        dec(sympy.Rational(1, 3))
