"""Huge literals and quotients: every answer kind gets a verdict, decided exactly or refused."""

from __future__ import annotations

import re
from datetime import timedelta

import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.checker import Verdict, check_answer, limits

SETTINGS = settings(
    max_examples=150,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
)
# A "too large" verdict says which limit caught the answer: a count or a power of ten.
NAMED_LIMIT = re.compile(r"too large to check: .*\d")


def _digits(count: int) -> st.SearchStrategy[str]:
    return st.integers(10 ** (count - 1), 10**count - 1).map(str)


_LONG_INTEGER = st.integers(1, 400).flatmap(_digits)
_SCIENTIFIC = st.builds(
    lambda mantissa, exponent: f"{mantissa[:1]}.{mantissa[1:] or '0'}e{exponent}",
    st.integers(1, 120).flatmap(_digits),
    st.integers(-400, 400),
)
_SMALL = st.sampled_from(["1", "2", "3/4", "0.5", "x", "pi", "1e-300"])
_OPERAND = st.one_of(_LONG_INTEGER, _SCIENTIFIC, _SMALL)
_OPERATOR = st.sampled_from(["+", "-", "*", "/", "/", "^"])


@st.composite
def _huge_expressions(draw: st.DrawFn) -> str:
    """Up to four operands, mixing huge and small, joined by arithmetic."""
    text = f"({draw(_OPERAND)})"
    for _ in range(draw(st.integers(1, 3))):
        operator = draw(_OPERATOR)
        right = draw(st.sampled_from(["2", "-1", "300", "1/2"])) if operator == "^" else None
        text = f"{text} {operator} ({right or draw(_OPERAND)})"
    return text


# Every answer kind, with the huge expression put where a learner would put a value.
KINDS = [
    ("3/4", None, "{}"),
    ("x + 1", None, "{}"),
    ("[1, 2]", None, "[{}, 2]"),
    ("[[1, 2], [3, 4]]", None, "[[{}, 2], [3, 4]]"),
    ("{1, 2}", None, "{{{}, 2}}"),
    ("(0, 1]", None, "({}, 1]"),
    ("x = 1 or x = 2", None, "x = {} or x = 2"),
    ("(1, 2)", "tuple", "(1, {})"),
    ("DNE", None, "{}"),
]


@SETTINGS
@given(_huge_expressions())
def test_huge_values_never_raise_in_any_kind(expression: str) -> None:
    for expected, kind, template in KINDS:
        verdict = check_answer(expected, template.format(expression), kind=kind)
        assert isinstance(verdict, Verdict)
        assert verdict.feedback
        assert verdict.mistake != "internal", (expected, template.format(expression))
        if verdict.error and "too large" in verdict.error:
            assert NAMED_LIMIT.search(verdict.error), verdict


@SETTINGS
@given(st.integers(2, 10**95), st.integers(-50, 50))
def test_huge_quotients_are_decided_exactly(big: int, small: int) -> None:
    assert check_answer(str(small), f"{big * small}/{big}").correct
    assert check_answer("x", f"x + {big} - {big}").correct
    assert check_answer(f"{small}/{big}", f"{small * 3}/{big * 3}").correct
    verdict = check_answer(str(big), str(big + 1))
    assert sp.Integer(big) != sp.Integer(big + 1)
    assert not verdict.correct and verdict.error is None


def test_a_value_beyond_what_the_checker_computes_with_is_too_large_and_says_so() -> None:
    huge = "sqrt(10^999 * 10^999 * 10^999 * 10^999)"  # passes the reading limits, not evaluation
    for expected, kind, template in KINDS[:7]:
        verdict = check_answer(expected, template.format(huge), kind=kind)
        if expected == "x + 1":  # a constant is never x + 1, whatever its size
            assert not verdict.correct and verdict.error is None, verdict
        else:
            assert verdict.error and "10^3000" in verdict.error, verdict


def test_a_literal_past_the_digit_limit_names_the_limit() -> None:
    verdict = check_answer("3/4", "7" * (limits.MAX_LITERAL_DIGITS + 1) + "/3")
    assert verdict.error and str(limits.MAX_LITERAL_DIGITS) in verdict.error


def test_a_huge_factor_is_shown_briefly_in_the_feedback() -> None:
    verdict = check_answer("x", "x * 1e100")
    assert verdict.mistake == "factor"
    assert "1e+100" in verdict.feedback and "0000000" not in verdict.feedback
