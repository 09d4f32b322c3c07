"""Small helpers the template modules share: drawing parameters, exact logs, written-out sums."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import sympy

from bot.problems.format import dec, show

LOG2 = sympy.log(2)


def nonzero(rng: random.Random, low: int, high: int) -> int:
    """A random integer in [low, high] other than 0."""
    return rng.choice([n for n in range(low, high + 1) if n != 0])


def paren(value: Any) -> str:
    """`show(value)`, in parentheses when negative: for writing out products."""
    text = show(value)
    return f"({text})" if text.startswith("-") else text


def products(left: Sequence[Any], right: Sequence[Any]) -> str:
    """Write out a dot product: 1·4 + (-2)·0."""
    return " + ".join(f"{paren(a)}·{paren(b)}" for a, b in zip(left, right, strict=True))


def log2(value: Any) -> sympy.Expr:
    """log base 2 of a positive rational, exact and canonical: log2(12) = 2 + log(3)/log(2)."""
    r = sympy.Rational(value)
    total: sympy.Expr = sympy.Integer(0)
    for n, sign in ((int(r.p), 1), (int(r.q), -1)):
        for prime, power in sympy.factorint(n).items():
            total += sign * power * (1 if prime == 2 else sympy.log(prime) / LOG2)
    return total


def approx(value: Any, places: int = 4) -> str:
    """A decimal approximation for worked solutions: 1.4591."""
    return f"{float(sympy.N(value, 30)):.{places}f}"


def listing(values: Sequence[int]) -> str:
    """Numbers separated by commas, for data sets in statements: 3, 1, 4."""
    return ", ".join(str(v) for v in values)


def pdec(value: Any) -> str:
    """`dec(value)`, in parentheses when negative: -0.5 -> (-0.5)."""
    text = dec(value)
    return f"({text})" if text.startswith("-") else text


def ratio(num: Any, den: Any) -> str:
    """Write a division and, when it reads differently, its value: 6/72 = 1/12, 9/14."""
    value = sympy.Rational(num) / sympy.Rational(den)
    text = f"{operand(num)}/{operand(den)}"
    return text if text == show(value) else f"{text} = {show(value)}"


def operand(value: Any) -> str:
    """`show(value)`, in parentheses when it is a fraction: for dividing by it."""
    text = show(value)
    return f"({text})" if "/" in text else text
