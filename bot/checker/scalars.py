"""Decide whether two scalars are equal: exactly, at sample points, or within tolerance."""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

import mpmath

from bot.checker import numeric
from bot.checker.errors import TooLarge
from bot.checker.nodes import Node, has_decimal, is_decimal, walk
from bot.checker.numeric import NotRational, Undefined

POINTS = 6  # sample points for an expression
MIN_VALID = 3  # points where both sides must be defined before "equal"
DOUBLE_EQUAL = 1e-10  # relative agreement that counts as equal in double precision
PRECISE_EQUAL = mpmath.mpf("1e-30")  # ... and at numeric.PRECISE_DPS digits
MIN_FIGURES = 3  # significant figures a decimal for an exact answer must have
DOUBLE_LIMIT = 1e150  # |sample| beyond this is left to mpmath

Value = complex | None


@dataclass(frozen=True, slots=True)
class ScalarMatch:
    """The comparison of two scalars: `equal` is None when it could not be decided."""

    equal: bool | None
    approximate: bool = False  # accepted within tolerance rather than exactly
    coarse: bool = False  # right, but rounded to too few figures
    undefined: bool = False  # the submitted value does not exist (1/0)


@dataclass
class Sampler:
    """Sample points shared by every comparison in one check, and values cached per node."""

    names: tuple[str, ...]
    points: list[dict[str, complex]]
    tolerance: float
    up_to_constant: bool = False
    _cache: dict[int, list[Value]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        names: Iterable[str],
        *,
        tolerance: float,
        real: bool = False,
        up_to_constant: bool = False,
        fixed: Mapping[str, complex] | None = None,
    ) -> Sampler:
        """Points near the positive real axis (complex unless a function needs real input)."""
        ordered = tuple(sorted(names))
        rng = random.Random(zlib.crc32(",".join(ordered).encode()))
        fixed = fixed or {}
        points = []
        for k in range(POINTS):
            point: dict[str, complex] = {}
            for index, name in enumerate(ordered):
                size = rng.uniform(0.5, 2.5)
                if name in fixed:
                    point[name] = fixed[name]
                elif up_to_constant:
                    # One connected real interval, so ln|x| and ln(x) differ by a constant.
                    point[name] = complex(size)
                elif real:
                    point[name] = complex(size if (k + index) % 2 else -size)
                else:
                    point[name] = complex(size, rng.uniform(-0.5, 0.5))
            points.append(point)
        return cls(ordered, points, tolerance, up_to_constant)

    def values(self, node: Node) -> list[Value]:
        """The node's double-precision values at the sample points (None where undefined)."""
        key = id(node)
        if key not in self._cache:
            self._cache[key] = [_double(node, point) for point in self.points]
        return self._cache[key]


def _double(node: Node, point: Mapping[str, complex]) -> Value:
    try:
        value = numeric.double(node, point)
    except Undefined:
        return None
    return value if _finite(value) else None


def _finite(value: complex) -> bool:
    # Far below the float limit, so that sums, products and abs() of samples stay finite;
    # larger values are compared by the high-precision recheck.
    return all(part == part and abs(part) < DOUBLE_LIMIT for part in (value.real, value.imag))


def infinity(node: Node) -> int:
    """+1 for oo, -1 for -oo, 0 for anything else."""
    if node.op == "const" and node.value == "oo":
        return 1
    if node.op == "neg":
        return -infinity(node.args[0])
    return 0


def _mentions_infinity(node: Node) -> bool:
    return any(n.op == "const" and n.value == "oo" for n in walk(node))


def compare(expected: Node, submitted: Node, sampler: Sampler) -> ScalarMatch:
    """Compare two scalars: structurally, then exactly or numerically."""
    if expected == submitted:
        return ScalarMatch(True)
    if infinity(expected) or infinity(submitted):
        return ScalarMatch(infinity(expected) == infinity(submitted))
    if _mentions_infinity(expected) or _mentions_infinity(submitted):
        return ScalarMatch(None)  # sample points cannot say what x + oo is; sympy may
    constant = not any(n.op == "sym" for n in (*walk(expected), *walk(submitted)))
    if constant and not sampler.up_to_constant:
        return _constants(expected, submitted, sampler.tolerance)
    return _expressions(expected, submitted, sampler)


def _constants(expected: Node, submitted: Node, tolerance: float) -> ScalarMatch:
    try:
        exact_a, exact_b = numeric.exact(expected), numeric.exact(submitted)
    except Undefined:
        return ScalarMatch(False, undefined=True)
    except NotRational:
        try:
            a, b = numeric.precise(expected, {}), numeric.precise(submitted, {})
        except Undefined:
            return ScalarMatch(False, undefined=True)
        if _precisely_equal(a, b):
            return ScalarMatch(True)
    else:
        if exact_a == exact_b:
            return ScalarMatch(True)
        a, b = mpmath.mpf(exact_a.numerator) / exact_a.denominator, mpmath.mpf(exact_b.numerator)
        b /= exact_b.denominator
    return _approximately(expected, submitted, a, b, tolerance)


def _approximately(
    expected: Node, submitted: Node, a: mpmath.mpc, b: mpmath.mpc, tolerance: float
) -> ScalarMatch:
    """Exact answers match exactly; a decimal matches within tolerance (and 3 figures)."""
    literal = _literal(submitted)
    rough_integer = literal is not None and not is_decimal(literal[0]) and not _is_integer(a)
    if not (has_decimal(expected) or has_decimal(submitted) or rough_integer):
        return ScalarMatch(False)
    error = abs(b - a)
    within = error <= tolerance * abs(a) or error <= 1e-12
    rounded = literal is not None and error <= _half_unit(*literal) * (1 + 1e-9)
    if has_decimal(expected):
        return ScalarMatch(within, approximate=within, coarse=rounded and not within)
    if not (within or rounded):
        return ScalarMatch(False)
    if literal is not None and significant_figures(literal[0].text) < MIN_FIGURES:
        return ScalarMatch(False, coarse=True)
    return ScalarMatch(True, approximate=True)


def _expressions(expected: Node, submitted: Node, sampler: Sampler) -> ScalarMatch:
    """Agreement at every sample point where both are defined (enough of them)."""
    approximate = has_decimal(expected) or has_decimal(submitted)
    tolerance = sampler.tolerance if approximate else None
    a, b = sampler.values(expected), sampler.values(submitted)
    base = None
    if sampler.up_to_constant:  # compare differences from a point where both are defined
        base = next((k for k in range(len(a)) if a[k] is not None and b[k] is not None), None)
        if base is None:
            return ScalarMatch(None)
    valid, loose = 0, False
    for k in range(len(sampler.points)):
        if k == base:
            continue
        verdict = _point(a, b, k, base, tolerance)
        if verdict is not True:
            verdict = _precise_point(expected, submitted, sampler, k, base, tolerance)
        if verdict is None:
            continue
        if verdict is False:
            return ScalarMatch(False)
        valid += 1
        loose = loose or (approximate and not _point(a, b, k, base, None))
    if valid < MIN_VALID - (base is not None):
        return ScalarMatch(None)
    return ScalarMatch(True, approximate=loose)


def _point(
    a: list[Value], b: list[Value], k: int, base: int | None, tolerance: float | None
) -> bool | None:
    """Whether the samples agree at point k (as differences from point `base` when given)."""
    x, y = a[k], b[k]
    if x is None or y is None:
        return None if x is None and y is None else False
    if base is None:
        return _close(x, y, max(abs(x), abs(y)), tolerance, DOUBLE_EQUAL)
    x0, y0 = a[base], b[base]
    if x0 is None or y0 is None:
        return False
    scale = max(abs(x), abs(y), abs(x0), abs(y0))
    return _close(x - x0, y - y0, scale, tolerance, DOUBLE_EQUAL)


def _close(x: complex, y: complex, scale: float, tolerance: float | None, exact: float) -> bool:
    error = abs(x - y)
    if tolerance is not None:
        return error <= tolerance * scale or error <= 1e-12
    return error <= exact * scale if scale > 1e-200 else error == 0


def _precise_point(
    expected: Node,
    submitted: Node,
    sampler: Sampler,
    k: int,
    base: int | None,
    tolerance: float | None,
) -> bool | None:
    """Recheck one point at high precision before calling two expressions different."""

    def at(node: Node, index: int) -> mpmath.mpc | None:
        try:
            return numeric.precise(node, sampler.points[index])
        except (Undefined, TooLarge):  # one sample point too large says nothing of the others
            return None

    x, y = at(expected, k), at(submitted, k)
    if x is None or y is None:
        return None if x is None and y is None else False
    scale = max(abs(x), abs(y), 1)
    if base is not None:
        x0, y0 = at(expected, base), at(submitted, base)
        if x0 is None or y0 is None:
            return None
        scale = max(scale, abs(x0), abs(y0))
        x, y = x - x0, y - y0
    if tolerance is not None:
        return bool(abs(x - y) <= tolerance * scale or abs(x - y) <= 1e-12)
    return bool(abs(x - y) <= PRECISE_EQUAL * scale)


def _precisely_equal(a: mpmath.mpc, b: mpmath.mpc) -> bool:
    return bool(abs(a - b) <= PRECISE_EQUAL * max(abs(a), abs(b), 1) * mpmath.mpf("1e-5"))


def _is_integer(value: mpmath.mpc) -> bool:
    return bool(mpmath.im(value) == 0 and mpmath.isint(mpmath.re(value)))


def _literal(node: Node) -> tuple[Node, Fraction] | None:
    """A single written number (maybe negated or a percent) and its scale, else None."""
    scale = Fraction(1)
    while node.op in ("neg", "pct"):
        scale = scale / 100 if node.op == "pct" else scale
        node = node.args[0]
    return (node, scale) if node.op == "num" else None


def _half_unit(literal: Node, scale: Fraction) -> mpmath.mpf:
    """Half a unit in the last written digit: 0.707 -> 0.0005, 2.5e3 -> 50."""
    exponent = Decimal(literal.text).as_tuple().exponent
    assert isinstance(exponent, int)
    unit = Fraction(10) ** exponent * scale
    return mpmath.mpf(unit.numerator) / unit.denominator / 2


def significant_figures(text: str) -> int:
    """Significant figures of a written number (trailing zeros of integers count)."""
    mantissa = text.lower().partition("e")[0].lstrip("+-")
    digits = mantissa.replace(".", "").lstrip("0")
    return max(len(digits), 1)
