"""Templates for multivariable calculus: partial derivatives, gradients, directional derivatives,
Jacobians and Hessians."""

from __future__ import annotations

import random
from typing import Any

import sympy

from bot.problems.model import Template, WrongAnswer
from bot.problems.templates.common import nonzero, products

X, Y = sympy.symbols("x y")


def _partial(rng: random.Random) -> dict[str, Any]:
    wrt, other = rng.choice([(X, Y), (Y, X)])
    m, n, k = rng.randint(2, 4), rng.randint(1, 3), rng.randint(2, 3)
    a, b, c = (nonzero(rng, -6, 6) for _ in range(3))
    lone = c * other**k
    f = a * X**m * Y**n + b * X * Y + lone
    answer = sympy.diff(f, wrt)
    return {
        "f": f,
        "wrt": str(wrt),
        "other": str(other),
        "lone": lone,
        "wrong": answer + lone,
        "answer": answer,
    }


PARTIAL = Template(
    id="partial-derivative-polynomial",
    topics=("partial-derivatives",),
    difficulty=1,
    kind="expression",
    options={"variables": ["x", "y"]},
    statement=(
        "Let $f(x, y) = {f}$. Compute $\\partial f / \\partial {wrt}$. Enter an expression in $x$ "
        "and $y$, like 2*x*y^2."
    ),
    hints=(
        "A partial derivative differentiates in one variable and holds the other fixed.",
        "Treat ${other}$ as a constant number and use the power rule in ${wrt}$.",
        "The term ${lone}$ does not contain ${wrt}$, so it contributes 0.",
    ),
    solution=(
        "Holding ${other}$ fixed and differentiating each term in ${wrt}$ "
        "(the term ${lone}$ is a constant and drops out):\n\n"
        "$\\partial f / \\partial {wrt} = {answer}$."
    ),
    why_ml="Each entry of a gradient is a partial derivative: how the loss moves when one "
    "weight moves.",
    make=_partial,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "The term ${lone}$ has no ${wrt}$ in it, so it is a constant here and its "
            "derivative is 0.",
        ),
    ),
)


def _quadratic(rng: random.Random) -> tuple[sympy.Expr, tuple[int, int]]:
    a, c = nonzero(rng, -4, 4), nonzero(rng, -4, 4)
    b, d, e = rng.randint(-4, 4), rng.randint(-5, 5), rng.randint(-5, 5)
    point = (rng.randint(-3, 3), rng.randint(-3, 3))
    return a * X**2 + b * X * Y + c * Y**2 + d * X + e * Y, point


def _gradient(rng: random.Random) -> dict[str, Any]:
    f, (x0, y0) = _quadratic(rng)
    fx, fy = sympy.diff(f, X), sympy.diff(f, Y)
    at = {X: x0, Y: y0}
    return {
        "f": f,
        "x0": x0,
        "y0": y0,
        "fx": fx,
        "fy": fy,
        "answer": [fx.subs(at), fy.subs(at)],
    }


GRADIENT = Template(
    id="gradient-of-quadratic-at-point",
    topics=("gradients", "partial-derivatives"),
    difficulty=2,
    kind="vector",
    statement=(
        "Let $f(x, y) = {f}$. Compute the gradient $\\nabla f$ at the point $({x0}, {y0})$. Enter "
        "a vector like [a, b]."
    ),
    hints=(
        "The gradient is the vector of partial derivatives $(\\partial f/\\partial x, "
        "\\partial f/\\partial y)$.",
        "Differentiate in $x$ holding $y$ fixed, then in $y$ holding $x$ fixed; then plug in.",
        "$\\partial f/\\partial x = {fx}$ and $\\partial f/\\partial y = {fy}$.",
    ),
    solution=(
        "$\\partial f/\\partial x = {fx}$ and $\\partial f/\\partial y = {fy}$.\n\n"
        "At $({x0}, {y0})$: $\\nabla f = {answer}$."
    ),
    why_ml="Gradient descent moves the weights against this vector at every step.",
    make=_gradient,
)


_DIRECTIONS = [(3, 4), (4, 3), (5, 12), (12, 5), (8, 15), (15, 8), (1, 1), (1, 2), (2, 1)]


def _directional(rng: random.Random) -> dict[str, Any]:
    while True:
        f, (x0, y0) = _quadratic(rng)
        p, q = rng.choice(_DIRECTIONS)
        v = (p * rng.choice([-1, 1]), q * rng.choice([-1, 1]))
        at = {X: x0, Y: y0}
        grad = (sympy.diff(f, X).subs(at), sympy.diff(f, Y).subs(at))
        along = grad[0] * v[0] + grad[1] * v[1]
        length = sympy.sqrt(v[0] ** 2 + v[1] ** 2)
        if along != 0 and length != 1:
            break
    return {
        "f": f,
        "x0": x0,
        "y0": y0,
        "v": v,
        "grad": grad,
        "length": length,
        "dot": products(grad, v),
        "wrong": along,
        "answer": along / length,
    }


DIRECTIONAL = Template(
    id="directional-derivative",
    topics=("multivariable-calculus", "gradients"),
    difficulty=3,
    kind="number",
    statement=(
        "Let $f(x, y) = {f}$. Find the rate of change of $f$ at $({x0}, {y0})$ in the "
        "direction of the vector ${v}$. Enter an exact number."
    ),
    hints=(
        "The directional derivative is $\\nabla f \\cdot u$ with $u$ a unit vector.",
        "Compute $\\nabla f({x0}, {y0})$ and divide ${v}$ by its length {length}.",
        "$\\nabla f({x0}, {y0}) = {grad}$.",
    ),
    solution=(
        "$\\nabla f({x0}, {y0}) = {grad}$. The direction ${v}$ has length {length}, so "
        "$u = {v}/{length}$.\n\n"
        "$\\nabla f \\cdot u = ({dot})/{length} = {answer}$."
    ),
    why_ml="The gradient is the direction of steepest ascent because it maximizes this "
    "directional derivative.",
    make=_directional,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "Normalize the direction first: divide the vector by its length {length}.",
        ),
    ),
)


def _jacobian(rng: random.Random) -> dict[str, Any]:
    a, b, c, d = (nonzero(rng, -4, 4) for _ in range(4))
    x0, y0 = rng.randint(-2, 2), rng.randint(-2, 2)
    f1, f2 = a * X**2 * Y + b * Y, c * X + d * X * Y**2
    jac = sympy.Matrix([f1, f2]).jacobian([X, Y])
    return {
        "f1": f1,
        "f2": f2,
        "x0": x0,
        "y0": y0,
        "jac": jac,
        "answer": jac.subs({X: x0, Y: y0}),
    }


JACOBIAN = Template(
    id="jacobian-at-point",
    topics=("jacobian-hessian", "partial-derivatives"),
    difficulty=2,
    kind="matrix",
    statement=(
        "Let $F(x, y) = (f_1, f_2)$ with $f_1 = {f1}$ and $f_2 = {f2}$. "
        "Compute the Jacobian matrix of $F$ at $({x0}, {y0})$, as a list of rows."
    ),
    hints=(
        "Row $i$ of the Jacobian holds the partial derivatives of $f_i$.",
        "Row 1 is $(\\partial f_1/\\partial x, \\partial f_1/\\partial y)$; row 2 likewise "
        "for $f_2$.",
        "In general the Jacobian is ${jac}$; now plug in the point.",
    ),
    solution=("The Jacobian is $J = {jac}$.\n\nAt $({x0}, {y0})$: $J = {answer}$."),
    why_ml="Backpropagation multiplies Jacobians of each layer, one after another.",
    make=_jacobian,
)


def _hessian(rng: random.Random) -> dict[str, Any]:
    a, b, c = (nonzero(rng, -4, 4) for _ in range(3))
    d = rng.randint(-4, 4)
    x0, y0 = rng.randint(-2, 2), rng.randint(-2, 2)
    f = a * X**3 + b * X**2 * Y + c * Y**2 + d * X * Y
    hess = sympy.hessian(f, [X, Y])
    return {
        "f": f,
        "x0": x0,
        "y0": y0,
        "fx": sympy.diff(f, X),
        "fy": sympy.diff(f, Y),
        "hess": hess,
        "answer": hess.subs({X: x0, Y: y0}),
    }


HESSIAN = Template(
    id="hessian-at-point",
    topics=("jacobian-hessian", "partial-derivatives"),
    difficulty=2,
    kind="matrix",
    statement=(
        "Let $f(x, y) = {f}$. Compute the Hessian matrix of $f$ at $({x0}, {y0})$, "
        "as a list of rows."
    ),
    hints=(
        "The Hessian holds all second partial derivatives: "
        "$[[f_{{xx}}, f_{{xy}}], [f_{{yx}}, f_{{yy}}]]$.",
        "Start from $f_x = {fx}$ and $f_y = {fy}$, and differentiate each again.",
        "In general the Hessian is ${hess}$; it is symmetric. Now plug in the point.",
    ),
    solution=(
        "$f_x = {fx}$ and $f_y = {fy}$. Differentiating again gives $H = {hess}$ "
        "(note $f_{{xy}} = f_{{yx}}$).\n\nAt $({x0}, {y0})$: $H = {answer}$."
    ),
    why_ml="The Hessian measures a loss surface's curvature: it separates minima from "
    "saddle points and drives Newton's method.",
    make=_hessian,
)


TEMPLATES: tuple[Template, ...] = (PARTIAL, GRADIENT, DIRECTIONAL, JACOBIAN, HESSIAN)
