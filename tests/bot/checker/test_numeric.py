"""Evaluation: exact fractions, double-precision complex, and guarded high precision."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from bot.checker import numeric, symbolic
from bot.checker.errors import TooLarge
from bot.checker.numeric import NotRational, Undefined
from bot.checker.parse import read
from bot.checker.vocabulary import FUNCTIONS


def test_exact_rational_arithmetic() -> None:
    assert numeric.exact(read("1/3 + 0.5 - 2^-2 + 50% + 3!", ())) == Fraction(85, 12)
    with pytest.raises(NotRational):
        numeric.exact(read("sqrt(2)", ()))
    with pytest.raises(NotRational):
        numeric.exact(read("2^(1/2)", ()))
    with pytest.raises(Undefined):
        numeric.exact(read("1/(1 - 1)", ()))


def test_double_and_precise_agree() -> None:
    node = read("sin(x) e^x + log_2(x) + √x - |x| + x!", ("x",))
    point = {"x": 1.3 + 0.2j}
    fast, slow = numeric.double(node, point), numeric.precise(node, point)
    assert abs(fast - complex(slow)) < 1e-12


def test_undefined_values() -> None:
    for text in ("1/0", "log(0)", "0^-1", "floor(i)"):
        with pytest.raises(Undefined):
            numeric.double(read(text, ()), {})
        with pytest.raises(Undefined):
            numeric.precise(read(text, ()), {})


def test_precise_values_are_precise() -> None:
    value = numeric.precise(read("(x + 1)^40 - x^40", ("x",)), {"x": 1e10})
    exact = (10**10 + 1) ** 40 - 10**400  # double precision gets this badly wrong
    assert mpmath.almosteq(value, exact, rel_eps=mpmath.mpf(10) ** -40)


def test_towers_stop_instead_of_growing_without_bound() -> None:
    with pytest.raises(TooLarge, match=r"too large to check: .* 10\^3000"):
        numeric.precise(read("exp(exp(exp(exp(exp(x)))))", ("x",)), {"x": 2})


def test_log_of_zero_has_no_value_rather_than_being_too_large() -> None:
    with pytest.raises(Undefined):
        numeric.precise(read("log(0)"), {})


def test_terms_that_cancel_are_recomputed_with_enough_digits() -> None:
    value = numeric.precise(read("x + 10^400 - 10^400", ("x",)), {"x": 0.7})
    assert abs(value - mpmath.mpf(0.7)) < mpmath.mpf("1e-40")


def test_every_whitelisted_function_can_be_evaluated_and_built() -> None:
    for name in set(FUNCTIONS.values()):
        args = "x, 3" if name in ("root", "binomial") else "x"
        node = read(f"{name}({args})", ("x",))
        point = {"x": 0.7}
        assert abs(numeric.double(node, point) - complex(numeric.precise(node, point))) < 1e-9
        assert symbolic.to_sympy(node) is not None
