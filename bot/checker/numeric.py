"""Evaluate a syntax tree: exactly with fractions, fast with complex floats, or with mpmath."""

from __future__ import annotations

import cmath
import dataclasses
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import mpmath
from mpmath import mag
from mpmath.libmp import NoConvergence

from bot.checker.errors import TooLarge
from bot.checker.nodes import Node

PRECISE_DPS = 50  # decimal digits for the high-precision recheck
MAX_PRECISE_BITS = 10_000  # |values| up to 2**10000 (about 10**3000)
MAX_PRECISE_DPS = 3200  # enough digits to see x next to a term as large as 10**3000
_BITS_PER_DIGIT = 3.33
# Every way a numeric library reports a value it cannot compute.
_FAILURES = (ArithmeticError, ValueError, TypeError, NoConvergence)


class Undefined(ArithmeticError):
    """The expression has no value at this point (or cannot be computed here)."""


class NotRational(ArithmeticError):
    """The expression is not a plain rational computation."""


def exact(node: Node) -> Fraction:
    """The exact value of a rational expression (integers, fractions, decimals, + - * / ^n)."""
    op, args = node.op, node.args
    if op == "num":
        return node.value
    if op == "neg":
        return -exact(args[0])
    if op == "pct":
        return exact(args[0]) / 100
    if op in ("add", "sub", "mul", "imul", "div"):
        left, right = exact(args[0]), exact(args[1])
        if op == "add":
            return left + right
        if op == "sub":
            return left - right
        if op == "div":
            if right == 0:
                raise Undefined("division by zero")
            return left / right
        return left * right
    if op == "pow":
        base, power = exact(args[0]), exact(args[1])
        if power.denominator != 1:
            raise NotRational
        if base == 0 and power < 0:
            raise Undefined("division by zero")
        return base ** int(power)
    if op == "fact":
        value = exact(args[0])
        if value.denominator != 1 or value < 0:
            raise NotRational
        return Fraction(math.factorial(int(value)))
    raise NotRational


def _cbrt(z: complex) -> complex:
    if z.imag == 0:
        return complex(math.copysign(abs(z.real) ** (1 / 3), z.real))
    return z ** (1 / 3)


def _real(f: Callable[[float], float]) -> Callable[[complex], complex]:
    def apply(z: complex) -> complex:
        if abs(z.imag) > 1e-12 * max(1.0, abs(z.real)):
            raise Undefined("a real-only function at a complex point")
        return complex(f(z.real))

    return apply


def _sign(x: float) -> float:
    return float((x > 0) - (x < 0))


_DOUBLE: dict[str, Callable[..., complex]] = {
    "sin": cmath.sin,
    "cos": cmath.cos,
    "tan": cmath.tan,
    "cot": lambda z: 1 / cmath.tan(z),
    "sec": lambda z: 1 / cmath.cos(z),
    "csc": lambda z: 1 / cmath.sin(z),
    "asin": cmath.asin,
    "acos": cmath.acos,
    "atan": cmath.atan,
    "sinh": cmath.sinh,
    "cosh": cmath.cosh,
    "tanh": cmath.tanh,
    "exp": cmath.exp,
    "sqrt": cmath.sqrt,
    "cbrt": _cbrt,
    "log": lambda z, base=None: cmath.log(z) if base is None else cmath.log(z) / cmath.log(base),
    "root": lambda z, n: _cbrt(z) if n == 3 else z ** (1 / n),
    "abs": lambda z: complex(abs(z)),
    "floor": _real(math.floor),
    "ceil": _real(math.ceil),
    "sign": _real(_sign),
    "sigmoid": lambda z: 1 / (1 + cmath.exp(-z)),
    "erf": lambda z: complex(mpmath.fp.erf(z)),
    "binomial": lambda n, k: complex(mpmath.fp.binomial(n, k)),
    "gamma": lambda z: complex(mpmath.fp.gamma(z)),
}


def _mp_cbrt(z: mpmath.mpc) -> mpmath.mpc:
    if mpmath.im(z) == 0:
        return mpmath.mpf(mpmath.cbrt(abs(mpmath.re(z)))) * mpmath.sign(mpmath.re(z))
    return mpmath.power(z, mpmath.mpf(1) / 3)


def _mp_real(f: Callable[[mpmath.mpf], mpmath.mpf]) -> Callable[[mpmath.mpc], mpmath.mpf]:
    def apply(z: mpmath.mpc) -> mpmath.mpf:
        if mpmath.im(z) != 0:
            raise Undefined("a real-only function at a complex point")
        return f(mpmath.re(z))

    return apply


_PRECISE: dict[str, Callable[..., mpmath.mpc]] = {
    "sin": mpmath.sin,
    "cos": mpmath.cos,
    "tan": mpmath.tan,
    "cot": mpmath.cot,
    "sec": mpmath.sec,
    "csc": mpmath.csc,
    "asin": mpmath.asin,
    "acos": mpmath.acos,
    "atan": mpmath.atan,
    "sinh": mpmath.sinh,
    "cosh": mpmath.cosh,
    "tanh": mpmath.tanh,
    "exp": mpmath.exp,
    "sqrt": mpmath.sqrt,
    "cbrt": _mp_cbrt,
    "log": lambda z, base=None: mpmath.log(z) if base is None else mpmath.log(z) / mpmath.log(base),
    "root": lambda z, n: _mp_cbrt(z) if n == 3 else mpmath.power(z, 1 / n),
    "abs": mpmath.fabs,
    "floor": _mp_real(mpmath.floor),
    "ceil": _mp_real(mpmath.ceil),
    "sign": _mp_real(mpmath.sign),
    "sigmoid": lambda z: 1 / (1 + mpmath.exp(-z)),
    "erf": mpmath.erf,
    "binomial": mpmath.binomial,
    "gamma": mpmath.gamma,
}


@dataclass(frozen=True, slots=True)
class _Backend:
    """One arithmetic: its functions, how numbers enter it, and a check on every result."""

    functions: Mapping[str, Callable[..., Any]]
    variable: Callable[[complex], Any]
    number: Callable[[Fraction], Any]
    constants: Mapping[str, Any]
    guard: Callable[[Any], Any]


def _no_guard(value: Any) -> Any:
    return value


def _too_large() -> TooLarge:
    return TooLarge(
        "That answer is too large to check: a value in it passes 10^3000, "
        "the largest the checker computes with."
    )


_DOUBLE_BACKEND = _Backend(
    _DOUBLE,
    complex,
    lambda q: complex(q.numerator / q.denominator),
    {"pi": math.pi, "e": math.e, "i": 1j},
    _no_guard,
)


_PRECISE_BACKEND = _Backend(
    _PRECISE,
    mpmath.mpc,
    lambda q: mpmath.mpf(q.numerator) / q.denominator,
    {"pi": mpmath.pi, "e": mpmath.e, "i": mpmath.mpc(0, 1)},
    _no_guard,
)


def double(node: Node, point: Mapping[str, complex]) -> complex:
    """The value at `point` in double-precision complex arithmetic; raises Undefined."""
    try:
        return complex(_evaluate(node, point, _DOUBLE_BACKEND))
    except _FAILURES as exc:
        raise Undefined(str(exc)) from None


def precise(node: Node, point: Mapping[str, complex], dps: int = PRECISE_DPS) -> mpmath.mpc:
    """The value at `point` with `dps` significant digits (mpmath).

    Raises Undefined where there is no value, TooLarge past 10**3000. When terms far larger
    than the result cancel (x + 10^400 - 10^400), it recomputes with the digits they took.
    """
    value, largest = _precise_once(node, point, dps)
    # Comparisons are relative to max(|value|, 1), so digits below 1 are not lost.
    lost = largest - max(mpmath.mag(value) if value else 0, 0)
    if lost > dps * _BITS_PER_DIGIT / 2 and dps < MAX_PRECISE_DPS:
        more = min(MAX_PRECISE_DPS, dps + int(lost / _BITS_PER_DIGIT) + 10)
        value, _ = _precise_once(node, point, more)
    return value


def _precise_once(node: Node, point: Mapping[str, complex], dps: int) -> tuple[mpmath.mpc, int]:
    """The value at `dps` digits, and the largest magnitude (in bits) met on the way."""
    largest = [0]

    def bounded(value: Any) -> Any:
        size = mag(value)
        if size > largest[0]:
            if size > MAX_PRECISE_BITS:
                # Towers like exp(exp(exp(exp(x)))) would need astronomically many digits.
                if size == math.inf:
                    raise Undefined("no finite value")  # log(0) is -oo in mpmath
                raise _too_large()
            largest[0] = size
        elif size != size:
            raise Undefined("no value")  # nan
        return value

    backend = dataclasses.replace(_PRECISE_BACKEND, guard=bounded)
    with mpmath.workdps(dps):
        try:
            return mpmath.mpc(_evaluate(node, point, backend)), largest[0]
        except TooLarge:
            raise
        except _FAILURES as exc:
            raise Undefined(str(exc)) from None


def _evaluate(node: Node, point: Mapping[str, complex], backend: _Backend) -> Any:
    def ev(n: Node) -> Any:  # recursion depth is bounded by limits.MAX_DEPTH
        return backend.guard(step(n))

    def step(n: Node) -> Any:
        op, args = n.op, n.args
        if op == "num":
            return backend.number(n.value)
        if op == "sym":
            return backend.variable(point[str(n.value)])
        if op == "const":
            if n.value == "oo":
                raise Undefined("infinity inside an expression")
            return backend.constants[str(n.value)]
        if op == "neg":
            return -ev(args[0])
        if op == "pct":
            return ev(args[0]) / 100
        if op == "fact":
            return backend.functions["gamma"](ev(args[0]) + 1)
        if op == "call":
            return backend.functions[str(n.value)](*(ev(a) for a in args))
        if op in ("pm", "upm"):
            raise Undefined("± stands for two values")
        left, right = ev(args[0]), ev(args[1])
        if op == "add":
            return left + right
        if op == "sub":
            return left - right
        if op in ("mul", "imul"):
            return left * right
        if op == "div":
            return left / right
        if op == "pow":
            return _power(left, right)
        raise Undefined(f"cannot evaluate {op}")

    return ev(node)


def _power(base: Any, exponent: Any) -> Any:
    if isinstance(base, complex):
        if exponent.imag == 0 and exponent.real.is_integer() and abs(exponent.real) <= 64:
            return base ** int(exponent.real)  # exact repeated multiplication
        if base == 0:
            if exponent.real > 0:
                return 0j
            raise Undefined("zero to a non-positive power")
        return base**exponent
    return mpmath.power(base, exponent)
