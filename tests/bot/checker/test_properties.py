# ruff: noqa: RUF001 (the unicode math symbols are meant)
"""Properties: equivalent rewrites are accepted, perturbed ones rejected, nothing crashes."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import timedelta
from fractions import Fraction

import sympy as sp
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bot.checker import Verdict, check_answer
from bot.checker.parse import read
from bot.checker.render import reading

SETTINGS = settings(
    max_examples=100,
    deadline=timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow],
)
x, y = sp.symbols("x y")
VARIABLES = ["x", "y"]

_small = st.integers(-3, 4)
_linear = st.builds(lambda a, b, v: a * v + b, st.integers(1, 3), _small, st.sampled_from([x, y]))
_leaves = st.one_of(st.sampled_from([x, y]), _small.map(sp.Integer), st.just(sp.Rational(1, 2)))


def _extend(children: st.SearchStrategy[sp.Expr]) -> st.SearchStrategy[sp.Expr]:
    pairs = st.tuples(children, children)
    return st.one_of(
        pairs.map(lambda p: p[0] + p[1]),
        pairs.map(lambda p: p[0] - p[1]),
        pairs.map(lambda p: p[0] * p[1]),
        pairs.map(lambda p: p[0] / (p[1] ** 2 + 1)),
        st.tuples(children, st.integers(2, 3)).map(lambda p: p[0] ** p[1]),
        st.tuples(st.sampled_from([sp.sin, sp.cos, sp.exp, sp.tanh]), _linear).map(
            lambda p: p[0](p[1])
        ),
    )


EXPRESSIONS = st.recursive(_leaves, _extend, max_leaves=6)
REWRITES: list[Callable[[sp.Expr], sp.Expr]] = [
    sp.expand,
    sp.together,
    sp.expand_trig,
    lambda e: sp.expand(e, power_exp=True, mul=False),
    lambda e: e.rewrite(sp.exp),
]


def text(expression: sp.Expr) -> str:
    """Our plain syntax for a sympy expression (sympy prints e as E and i as I)."""
    return re.sub(r"\bI\b", "i", re.sub(r"\bE\b", "e", sp.sstr(expression)))


def _check(expected: str, submitted: str) -> Verdict:
    return check_answer(expected, submitted, variables=VARIABLES)


@SETTINGS
@given(EXPRESSIONS, st.sampled_from(REWRITES))
def test_equivalent_rewrites_are_accepted(expression: sp.Expr, rewrite: Callable) -> None:
    rewritten = text(rewrite(expression))
    assume(len(rewritten) < 1000)
    verdict = _check(text(expression), rewritten)
    assert verdict.correct, (text(expression), rewritten, verdict)


@SETTINGS
@given(
    EXPRESSIONS,
    st.sampled_from([lambda e: e + 1, lambda e: 2 * e, lambda e: e + x, lambda e: e - y / 3]),
)
def test_perturbed_expressions_are_rejected(expression: sp.Expr, perturb: Callable) -> None:
    assume(not sp.expand(expression).is_zero)
    verdict = _check(text(expression), text(sp.expand(perturb(expression))))
    assert not verdict.correct and verdict.error is None, (text(expression), verdict)


@SETTINGS
@given(EXPRESSIONS)
def test_readings_read_back_as_the_same_answer(expression: sp.Expr) -> None:
    original = text(expression)
    shown = reading(read(original, ("x", "y")))
    assert _check(original, shown).correct, (original, shown)


@SETTINGS
@given(st.fractions(min_value=Fraction(-1000), max_value=Fraction(1000), max_denominator=50))
def test_decimals_within_tolerance_pass_and_outside_fail(value: Fraction) -> None:
    assume(value != 0)
    expected = f"{value.numerator}/{value.denominator}"
    assert check_answer(expected, f"{float(value):.6g}").correct
    assert not check_answer(expected, f"{float(value) * 1.01:.6g}").correct


ALPHABET = st.sampled_from(
    [
        *"0123456789xy+-*/^()[]{},.=<>|!% ",
        *["sin", "sqrt", "e", "pi", "oo", "√", "²", "\\frac"],
        *";∖ℝ≈~½ᵀ∈?'\n±∞−·",
        *["^T", "array(", "I think ", "idk", "f'(x) =", "P(", " or ", " U "],
        *["\\begin{pmatrix}", "&", "\\\\", "\\end{pmatrix}", "1 1/2", "0,5", "x_1", "R \\ "],
    ]
)


@SETTINGS
@given(st.lists(ALPHABET, max_size=25).map("".join))
def test_any_text_gets_a_verdict_and_never_an_exception(submitted: str) -> None:
    for expected, kind in (
        ("x + 1", None),
        ("3/4", None),
        ("{1, 2}", None),
        ("(0, 1]", None),
        ("x = 2", None),
        ("[1, 2]", None),
        ("[[1, 2], [3, 4]]", None),
        ("(1, 2)", "tuple"),
        ("DNE", None),
    ):
        verdict = check_answer(expected, submitted, kind=kind)
        assert isinstance(verdict, Verdict)
        assert verdict.error is None or not verdict.correct
        assert verdict.mistake != "internal", (expected, submitted)  # the safety net stayed idle


LABELS = ["f'(x)", "y'", "dy/dx", "f(x)", "\\frac{dy}{dx}", "g''(x)"]


@SETTINGS
@given(EXPRESSIONS, st.sampled_from(LABELS))
def test_a_plausible_label_never_changes_the_verdict(expression: sp.Expr, label: str) -> None:
    expected = text(expression)
    assume(not sp.expand(expression).is_zero)
    for submitted in (text(sp.expand(expression)), text(sp.expand(2 * expression + 1))):
        plain = _check(expected, submitted)
        labelled = _check(expected, f"{label} = {submitted}")
        assert labelled.correct == plain.correct, (expected, label, submitted, labelled)
        assert labelled.error is None


@SETTINGS
@given(
    st.fractions(min_value=Fraction(-100), max_value=Fraction(100), max_denominator=20),
    st.sampled_from(["P(A|B)", "P(X = 2)", "E[X]", "Var(X)", "f(2)"]),
)
def test_a_number_keeps_its_verdict_behind_a_label(value: Fraction, label: str) -> None:
    expected = f"{value.numerator}/{value.denominator}"
    assert check_answer(expected, f"{label} = {expected}").correct
    assert not check_answer(expected, f"{label} = {value + 1}").correct


_ROOTS = st.lists(
    st.fractions(min_value=Fraction(-20), max_value=Fraction(20), max_denominator=6),
    min_size=2,
    max_size=4,
    unique=True,
)
_SEPARATORS = st.sampled_from(["; ", ", ", " or ", " and ", ";"])


def _value(q: Fraction) -> str:
    return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"


@SETTINGS
@given(_ROOTS, _SEPARATORS, st.randoms(use_true_random=False))
def test_solutions_in_any_separator_and_order_match_the_set(
    roots: list[Fraction], separator: str, rng: object
) -> None:
    expected_set = "{" + ", ".join(_value(q) for q in roots) + "}"
    expected_solutions = " or ".join(f"x = {_value(q)}" for q in roots)
    shuffled = list(roots)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    written = separator.join(f"x = {_value(q)}" for q in shuffled)
    missing = separator.join(f"x = {_value(q)}" for q in shuffled[1:])
    assert sp.FiniteSet(*roots) == sp.FiniteSet(*shuffled)
    for expected in (expected_set, expected_solutions):
        assert check_answer(expected, written).correct, (expected, written)
        verdict = check_answer(expected, missing)
        assert not verdict.correct and verdict.mistake == "elements", (expected, missing, verdict)


_ENDS = st.tuples(
    st.fractions(min_value=Fraction(-50), max_value=Fraction(50), max_denominator=4),
    st.fractions(min_value=Fraction(1, 4), max_value=Fraction(50), max_denominator=4),
)


def _interval(low: str, high: str, closed: tuple[bool, bool], outward: bool) -> str:
    left = "[" if closed[0] else ("]" if outward else "(")
    right = "]" if closed[1] else ("[" if outward else ")")
    return f"{left}{low}, {high}{right}"


@SETTINGS
@given(_ENDS, st.tuples(st.booleans(), st.booleans()), st.sampled_from(["∞", "+∞", "oo", "inf"]))
def test_outward_brackets_and_unicode_infinity_read_as_the_ascii_interval(
    ends: tuple[Fraction, Fraction], closed: tuple[bool, bool], infinity: str
) -> None:
    low, width = ends
    a, b = _value(low), _value(low + width)
    assert sp.Interval(low, low + width).measure == width > 0
    expected = _interval(a, b, closed, outward=False)
    assert check_answer(expected, _interval(a, b, closed, True), kind="interval").correct
    opened = (not closed[0], closed[1])
    verdict = check_answer(expected, _interval(a, b, opened, True), kind="interval")
    assert not verdict.correct and verdict.mistake == "openness", verdict
    ray = _interval(a, "oo", (closed[0], False), False)
    assert check_answer(ray, _interval(a, infinity, (closed[0], False), True)).correct
    assert check_answer(ray, f"x ∈ {_interval(a, infinity, (closed[0], False), True)}").correct


@SETTINGS
@given(st.lists(st.integers(-20, 20), min_size=1, max_size=3, unique=True))
def test_the_reals_minus_points_are_the_union_between_them(points: list[int]) -> None:
    ordered = sorted(points)
    ends = ["-oo", *map(str, ordered), "oo"]
    union = " U ".join(f"({low}, {high})" for low, high in itertools.pairwise(ends))
    expected_set = sp.Complement(sp.S.Reals, sp.FiniteSet(*points))
    bounds = [-sp.oo, *map(sp.Integer, ordered), sp.oo]
    pieces = [sp.Interval.open(lo, hi) for lo, hi in itertools.pairwise(bounds)]
    assert sp.Union(*pieces) == expected_set
    removed = "{" + ", ".join(map(str, points)) + "}"
    assert check_answer(union, f"ℝ \\ {removed}").correct
    if len(points) > 1:
        assert not check_answer(union, f"ℝ \\ {{{points[0]}}}").correct


_MATRICES = st.integers(2, 3).flatmap(
    lambda n: st.lists(st.lists(st.integers(-9, 9), min_size=n, max_size=n), min_size=n, max_size=n)
)
_LAYOUTS: list[Callable[[list[list[int]]], str]] = [
    lambda m: f"array({m})",
    lambda m: "[" + "\n ".join("[" + " ".join(map(str, row)) + "]" for row in m) + "]",
    lambda m: "[" + "; ".join(" ".join(map(str, row)) for row in m) + "]",
    lambda m: "; ".join(", ".join(map(str, row)) for row in m),
    lambda m: "\n".join(" ".join(map(str, row)) for row in m),
    lambda m: (
        "\\begin{bmatrix}" + "\\\\".join(" & ".join(map(str, r)) for r in m) + "\\end{bmatrix}"
    ),
]


@SETTINGS
@given(_MATRICES, st.sampled_from(_LAYOUTS))
def test_pasted_matrix_layouts_are_read_and_a_transpose_stays_wrong(
    rows: list[list[int]], layout: Callable[[list[list[int]]], str]
) -> None:
    expected = str(rows)
    assert check_answer(expected, layout(rows)).correct, layout(rows)
    transposed = [list(column) for column in zip(*rows, strict=True)]
    if sp.Matrix(transposed) != sp.Matrix(rows):
        verdict = check_answer(expected, layout(transposed))
        assert not verdict.correct and verdict.mistake == "transposed", (
            layout(transposed),
            verdict,
        )


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


@SETTINGS
@given(st.lists(st.integers(-9, 9), min_size=2, max_size=4), st.sampled_from(["·", "×", ""]))
def test_unicode_polynomials_read_as_their_ascii_form(coefficients: list[int], times: str) -> None:
    assume(any(coefficients[1:]))
    terms_ascii, terms_unicode = [], []
    for power, c in enumerate(coefficients):
        if c:
            terms_ascii.append(f"({c})*x^{power}")
            sign = "−" if c < 0 else "+"
            terms_unicode.append(f"{sign} {abs(c)}{times}x{str(power).translate(_SUPERSCRIPT)}")
    expected = " + ".join(terms_ascii)
    unicode_text = " ".join(terms_unicode).lstrip("+ ")
    assert check_answer(expected, unicode_text).correct, unicode_text
    assert not check_answer(expected, unicode_text + " + 1").correct


_PROSE = st.sampled_from(
    ["I think it's {}", "the answer is {}", "answer: {}", "{}, I think", "{} I guess", "maybe {}"]
)


@SETTINGS
@given(
    st.fractions(min_value=Fraction(-99), max_value=Fraction(99), max_denominator=9),
    _PROSE,
)
def test_prose_around_a_number_keeps_its_verdict(value: Fraction, wrapper: str) -> None:
    expected = _value(value)
    assert check_answer(expected, wrapper.format(expected)).correct
    other = _value(value + Fraction(1, 3))
    verdict = check_answer(expected, wrapper.format(other))
    assert not verdict.correct and verdict.readable, verdict
    hedged = check_answer(expected, wrapper.format(f"{expected} or {other}"))
    assert not hedged.correct and not hedged.readable, hedged
    assert not check_answer(expected, f"is it {expected}?").readable
