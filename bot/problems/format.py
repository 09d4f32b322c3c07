"""Render computed values as checker syntax (answers) and as readable text (statements)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import sympy
from sympy.printing.str import StrPrinter


class _CheckerPrinter(StrPrinter):
    """sympy's str printer with the checker's spelling of e."""

    def _print_Exp1(self, expr: sympy.Basic) -> str:
        return "e"

    def _print_Infinity(self, expr: sympy.Basic) -> str:
        return "oo"

    def _print_NegativeInfinity(self, expr: sympy.Basic) -> str:
        return "-oo"


_PRINTER = _CheckerPrinter()
# 3*x -> 3x and 2*(x + 1) -> 2(x + 1), but not 3*exp(x), x^2*y or 1.5*x
_JOIN_DIGIT = re.compile(r"(?<![\w.^])(\d+)\*(?=[^\W\d_](?![^\W\d_])|\()")


def answer_text(value: Any) -> str:
    """Checker syntax for a computed value: 3/4, 2*x^2, [[1, 2], [3, 4]], {1, 2}, [0, 1)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise TypeError("booleans have no checker syntax; use a keyword")
    if isinstance(value, sympy.MatrixBase):
        if value.cols == 1:
            return _seq("[", (value[i, 0] for i in range(value.rows)), "]")
        rows = (_seq("[", value.row(i), "]") for i in range(value.rows))
        return "[" + ", ".join(rows) + "]"
    if isinstance(value, list):
        return _seq("[", value, "]")
    if isinstance(value, tuple | sympy.Tuple):
        return _seq("(", value, ")")
    if isinstance(value, set | frozenset | sympy.FiniteSet):
        return _seq("{", sorted(value, key=sympy.default_sort_key), "}")
    if isinstance(value, sympy.Interval):
        left = "(" if value.left_open else "["
        right = ")" if value.right_open else "]"
        return f"{left}{answer_text(value.start)}, {answer_text(value.end)}{right}"
    if isinstance(value, Fraction):
        value = sympy.Rational(value.numerator, value.denominator)
    if isinstance(value, int):
        value = sympy.Integer(value)
    if not isinstance(value, sympy.Basic):
        raise TypeError(f"{value!r} is not exact; compute answers with sympy (Rational, not float)")
    return _PRINTER.doprint(value).replace("**", "^")


def show(value: Any) -> str:
    """Readable text for statements: checker syntax with 3x for 3*x and · for other products."""
    text = answer_text(value)
    if isinstance(value, str):
        return text
    return _JOIN_DIGIT.sub(r"\1", text).replace("*", "·")


def dec(value: Any) -> str:
    """A terminating rational as an exact decimal: 3/8 -> 0.375; raises if it does not terminate."""
    r = sympy.Rational(value)
    q = int(r.q)
    twos = fives = 0
    while q % 2 == 0:
        q //= 2
        twos += 1
    while q % 5 == 0:
        q //= 5
        fives += 1
    if q != 1:
        raise ValueError(f"{r} has no finite decimal expansion")
    places = max(twos, fives)
    scaled = abs(int(r.p)) * 10**places // int(r.q)
    whole, frac = divmod(scaled, 10**places) if places else (scaled, 0)
    sign = "-" if r < 0 else ""
    return f"{sign}{whole}.{frac:0{places}d}" if places else f"{sign}{whole}"


def _seq(left: str, items: Iterable[Any], right: str) -> str:
    return left + ", ".join(answer_text(v) for v in items) + right
