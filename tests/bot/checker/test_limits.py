"""Size limits: huge or deep input is refused before any computation, quickly and clearly."""

from __future__ import annotations

import pytest

from bot.checker import check_answer, limits
from bot.checker.errors import TooLarge
from bot.checker.parse import read

HUGE = [
    "9^9^9^9",
    "factorial(10^6)",
    "(10^6)!",
    "1000!!",
    "1e999999",
    "1e-999999",
    "10^10^10",
    "2^100000",
    "(10^100)^(10^100)",
    "x^(10^9)",
    "x^1001",
    "exp(10^6)",
    "binomial(10^6, 3)",
    "1" * (limits.MAX_LITERAL_DIGITS + 1),
    "(" * (limits.MAX_BRACKET_DEPTH + 1) + "x" + ")" * (limits.MAX_BRACKET_DEPTH + 1),
    "|" * (limits.MAX_BRACKET_DEPTH + 1),
    "x" + "^x" * (limits.MAX_DEPTH + 1),
    "-" * (limits.MAX_DEPTH + 1) + "x",
    "+".join(["x"] * (limits.MAX_NODES // 2 + 1)),
    "x = ±1 ± 2 ± 3 ± 4 ± 5",
    "x" * (limits.MAX_LENGTH + 1),
    "\\frac{1}{2}" * 200,
]


@pytest.mark.parametrize("text", HUGE, ids=lambda t: t[:30])
def test_huge_input_is_refused_while_reading_before_any_maths(text: str) -> None:
    with pytest.raises(TooLarge, match="too large"):
        read(text, ("x",))


@pytest.mark.parametrize("text", HUGE[:6], ids=lambda t: t[:30])
def test_check_answer_reports_too_large_as_unreadable(text: str) -> None:
    verdict = check_answer("3/4", text)
    assert not verdict.correct
    assert verdict.error is not None and "too large" in verdict.error


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("2^1000", "pow"),
        ("1000!", "fact"),
        ("binomial(1000, 500)", "call"),
        ("x^1000", "pow"),
        ("1e300", "num"),
        ("exp(1000)", "call"),
        ("(x+1)^40", "pow"),
        ("1" * limits.MAX_LITERAL_DIGITS, "num"),
        ("(" * limits.MAX_BRACKET_DEPTH + "x" + ")" * limits.MAX_BRACKET_DEPTH, "sym"),
        ("x = ±1 ± 2", "rel"),
    ],
    ids=lambda t: str(t)[:30],
)
def test_large_but_reasonable_input_is_accepted(text: str, op: str) -> None:
    assert read(text, ("x",)).op == op


def test_check_text_counts_characters() -> None:
    limits.check_text("x" * limits.MAX_LENGTH)
    with pytest.raises(TooLarge):
        limits.check_text("x" * (limits.MAX_LENGTH + 1))


def test_check_literal() -> None:
    limits.check_literal("0." + "0" * 500 + "1")  # leading zeros are not significant digits
    with pytest.raises(TooLarge):
        limits.check_literal("2e301")


def test_division_by_zero_is_not_too_large() -> None:
    assert read("1/0", ()).op == "div"
    assert read("0^5", ()).op == "pow"
