"""Templates for single-variable calculus: the power and chain rules, limits and integrals."""

from __future__ import annotations

import random
from typing import Any

import sympy

from bot.problems.model import Template, WrongAnswer
from bot.problems.templates.common import nonzero, paren

X = sympy.Symbol("x")


def _power_rule(rng: random.Random) -> dict[str, Any]:
    n = rng.randint(3, 7)
    m = rng.randint(1, n - 1)
    a, b, c = nonzero(rng, -9, 9), nonzero(rng, -9, 9), rng.randint(-9, 9)
    f = a * X**n + b * X**m + c
    return {
        "f": f,
        "t1": a * X**n,
        "d1": sympy.diff(a * X**n, X),
        "t2": b * X**m,
        "d2": sympy.diff(b * X**m, X),
        "wrong": a * n * X**n + b * m * X**m,
        "answer": sympy.diff(f, X),
    }


POWER_RULE = Template(
    id="power-rule-polynomial",
    topics=("derivatives",),
    difficulty=1,
    kind="expression",
    options={"variables": ["x"]},
    statement=(
        "Differentiate $f(x) = {f}$ with respect to $x$. Enter an expression in $x$, like 3*x^2 - "
        "1."
    ),
    hints=(
        "Differentiate term by term; a constant term contributes nothing.",
        "The power rule: the derivative of $c x^n$ is $c n x^{{n-1}}$.",
        "The first term ${t1}$ gives ${d1}$; do the same for ${t2}$.",
    ),
    solution=(
        "Term by term: ${t1} \\to {d1}$, ${t2} \\to {d2}$, and the constant gives 0.\n\n"
        "So $f'(x) = {answer}$."
    ),
    why_ml="Gradients of polynomial losses and features are built from the power rule.",
    make=_power_rule,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "Multiply by the exponent and also lower it by one: $x^n \\to n x^{{n-1}}$.",
        ),
    ),
)


def _chain_trig(rng: random.Random) -> dict[str, Any]:
    while True:
        outer = rng.choice([sympy.sin, sympy.cos])
        n = rng.choice([2, 3])
        a, b = nonzero(rng, -9, 9), rng.randint(-5, 5)
        inner = a * X**n + b * X
        f = outer(inner)
        if f.func is outer and f.args[0] == inner:  # sympy rewrites cos(-u) as cos(u)
            break
    sine = outer is sympy.sin
    return {
        "f": f,
        "outer": "sin" if sine else "cos",
        "outer_d": "cos(u)" if sine else "-sin(u)",
        "inner": inner,
        "inner_d": sympy.diff(inner, X),
        "wrong": sympy.cos(inner) if sine else -sympy.sin(inner),
        "answer": sympy.diff(f, X),
    }


CHAIN_TRIG = Template(
    id="trig-of-polynomial-derivative",
    topics=("chain-rule", "derivatives"),
    difficulty=2,
    kind="expression",
    options={"variables": ["x"]},
    statement=(
        "Differentiate $f(x) = {f}$ with respect to $x$. Enter an expression in $x$, like "
        "x*sin(x^2)."
    ),
    hints=(
        "This is a function of a function: an outer {outer} applied to an inner polynomial.",
        "Chain rule: $f'(x) = (\\text{{outer}})'(u) \\cdot u'(x)$ with $u = {inner}$.",
        "The outer derivative is ${outer_d}$ and $u'(x) = {inner_d}$; multiply them.",
    ),
    solution=(
        "Let $u = {inner}$, so $f = {outer}(u)$. Then ${outer}'(u) = {outer_d}$ and "
        "$u'(x) = {inner_d}$.\n\nBy the chain rule, $f'(x) = {answer}$."
    ),
    why_ml="Backpropagation is the chain rule applied layer by layer.",
    make=_chain_trig,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "You differentiated the outside only; the chain rule also multiplies by the "
            "derivative of the inside.",
        ),
    ),
)


def _chain_at_point(rng: random.Random) -> dict[str, Any]:
    while True:
        a, b = rng.choice([-3, -2, 2, 3, 4]), nonzero(rng, -4, 4)
        n, x0 = rng.randint(3, 5), rng.randint(-2, 2)
        inner = a * x0 + b
        if inner != 0 and abs(inner) ** (n - 1) <= 500:
            break
    return {
        "f": (a * X + b) ** n,
        "n": n,
        "nm1": n - 1,
        "a": a,
        "x0": x0,
        "inner": inner,
        "pinner": paren(inner),
        "pa": paren(a),
        "wrong": sympy.Integer(n * inner ** (n - 1)),
        "answer": sympy.Integer(n * a * inner ** (n - 1)),
    }


CHAIN_AT_POINT = Template(
    id="power-of-linear-derivative-at-point",
    topics=("chain-rule",),
    difficulty=2,
    kind="number",
    statement="Let $f(x) = {f}$. Compute $f'({x0})$. Enter an exact number.",
    hints=(
        "Treat the bracket as one quantity $u$: the outside is a power $u^{n}$.",
        "$f'(x) = {n}\\,u^{nm1} \\cdot u'(x)$, and the inside has derivative {a}.",
        "At $x = {x0}$ the inside equals {inner}.",
    ),
    solution=(
        "By the chain rule, $f'(x) = {n}(\\ldots)^{nm1} \\cdot {a}$. At $x = {x0}$ the bracket "
        "is {inner}, so $f'({x0}) = {n} \\cdot {pinner}^{nm1} \\cdot {pa} = {answer}$."
    ),
    why_ml="Every layer's local derivative gets multiplied in, exactly like the inner "
    "derivative here.",
    make=_chain_at_point,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "Don't forget the inner derivative: multiply by the coefficient of $x$ inside.",
        ),
    ),
)


def _removable_limit(rng: random.Random) -> dict[str, Any]:
    a = rng.choice([-2, -1, 1, 2, 3])
    r, s = rng.sample(range(-6, 7), 2)
    return {
        "r": r,
        "num": sympy.expand(a * (X - r) * (X - s)),
        "den": X - r,
        "factored": sympy.Mul(*([a] if a != 1 else []), X - r, X - s, evaluate=False),
        "rest": a * (X - s),
        "answer": sympy.Integer(a * (r - s)),
    }


REMOVABLE_LIMIT = Template(
    id="limit-removable-discontinuity",
    topics=("limits",),
    difficulty=2,
    kind="number",
    statement="Compute $\\lim_{{x \\to {r}}} \\dfrac{{{num}}}{{{den}}}$. Enter an exact number.",
    hints=(
        "Substituting $x = {r}$ directly gives $0/0$, which says nothing yet.",
        "Since the numerator vanishes at $x = {r}$, it has a factor ${den}$: factor and cancel.",
        "The numerator is ${factored}$.",
    ),
    solution=(
        "The numerator factors as ${factored}$. For $x \\ne {r}$ the factor ${den}$ cancels, "
        "leaving ${rest}$.\n\nLetting $x \\to {r}$ gives {answer}."
    ),
    why_ml="A derivative is such a $0/0$ limit, and numerical gradient checks approximate it.",
    make=_removable_limit,
)


def _limit_at_infinity(rng: random.Random) -> dict[str, Any]:
    while True:
        n = rng.randint(1, 3)
        top = [nonzero(rng, -9, 9), *(rng.randint(-9, 9) for _ in range(n))]
        bottom = [nonzero(rng, -9, 9), *(rng.randint(-9, 9) for _ in range(n))]
        if bottom[-1] != 0 and sympy.Rational(top[-1], bottom[-1]) != sympy.Rational(
            top[0], bottom[0]
        ):
            break
    num = sum(c * X ** (n - i) for i, c in enumerate(top))
    den = sum(c * X ** (n - i) for i, c in enumerate(bottom))
    return {
        "num": num,
        "den": den,
        "lead_num": top[0] * X**n,
        "lead_den": bottom[0] * X**n,
        "xn": X**n,
        "wrong": sympy.Rational(top[-1], bottom[-1]),
        "answer": sympy.Rational(top[0], bottom[0]),
    }


LIMIT_AT_INFINITY = Template(
    id="limit-at-infinity-rational",
    topics=("limits",),
    difficulty=1,
    kind="number",
    statement=(
        "Compute $\\lim_{{x \\to \\infty}} \\dfrac{{{num}}}{{{den}}}$. Enter an exact fraction."
    ),
    hints=(
        "For large $x$ the highest power in each polynomial dominates.",
        "Divide the numerator and the denominator by ${xn}$; every lower term tends to 0.",
        "What is left is the ratio of ${lead_num}$ to ${lead_den}$.",
    ),
    solution=(
        "Dividing top and bottom by ${xn}$, every term except the leading ones tends to 0, "
        "so the limit is the ratio of the leading coefficients: {answer}."
    ),
    why_ml="Limits at infinity describe how activations saturate and how losses behave for "
    "large inputs.",
    make=_limit_at_infinity,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That is the value at $x = 0$; as $x \\to \\infty$ the highest powers dominate.",
        ),
    ),
)


def _definite_integral(rng: random.Random) -> dict[str, Any]:
    while True:
        a, b, c = nonzero(rng, -3, 3), rng.randint(-4, 4), rng.randint(-5, 5)
        low = rng.randint(-2, 1)
        high = rng.randint(low + 1, 3)
        f = a * X**2 + b * X + c
        big_f = sympy.integrate(f, X)
        value = big_f.subs(X, high) - big_f.subs(X, low)
        if value != 0:
            break
    return {
        "f": f,
        "low": low,
        "high": high,
        "big_f": big_f,
        "f_high": big_f.subs(X, high),
        "f_low": big_f.subs(X, low),
        "pf_low": paren(big_f.subs(X, low)),
        "wrong": -value,
        "answer": value,
    }


DEFINITE_INTEGRAL = Template(
    id="definite-integral-quadratic",
    topics=("integration",),
    difficulty=2,
    kind="number",
    statement="Compute $\\int_{{{low}}}^{{{high}}} ({f})\\,dx$. Give an exact fraction.",
    hints=(
        "Find an antiderivative $F$, then evaluate $F({high}) - F({low})$.",
        "Integrate term by term: $x^n$ becomes $x^{{n+1}}/(n+1)$.",
        "$F(x) = {big_f}$.",
    ),
    solution=(
        "An antiderivative is $F(x) = {big_f}$.\n\n"
        "$F({high}) = {f_high}$ and $F({low}) = {f_low}$, so the integral is "
        "${f_high} - {pf_low} = {answer}$."
    ),
    why_ml="Expectations of continuous random variables are integrals, as are areas under "
    "ROC curves.",
    make=_definite_integral,
    wrong_answers=(
        WrongAnswer("{wrong}", "Subtract in the other order: upper limit minus lower limit."),
    ),
)


TEMPLATES: tuple[Template, ...] = (
    POWER_RULE,
    CHAIN_TRIG,
    CHAIN_AT_POINT,
    REMOVABLE_LIMIT,
    LIMIT_AT_INFINITY,
    DEFINITE_INTEGRAL,
)
