"""Templates for the loss landscape: learning-rate stability, convexity, critical points, gradient
flow."""

from __future__ import annotations

import random
from typing import Any

import sympy

from bot.problems.format import dec
from bot.problems.model import Template, WrongAnswer
from bot.problems.templates.common import nonzero, pdec

X, Y, Z, T = sympy.symbols("x y z t")
R = sympy.Rational


def _lr_threshold(rng: random.Random) -> dict[str, Any]:
    a, b, c = rng.sample(range(1, 21), 3)
    top, bottom = max(a, b, c), min(a, b, c)
    return {
        "f": a * X**2 + b * Y**2 + c * Z**2,
        "a": a,
        "b": b,
        "c": c,
        "top": top,
        "wrong": R(1, bottom),
        "answer": R(1, top),
    }


LR_THRESHOLD = Template(
    id="learning-rate-stability-threshold",
    topics=("learning-rates", "gradient-descent"),
    difficulty=2,
    kind="number",
    statement=(
        "Gradient descent with a fixed learning rate $\\eta$ runs on "
        "$f(x, y, z) = {f}$. Gradient descent converges from every starting point exactly "
        "when $\\eta$ is below some threshold. Find the threshold. Enter an exact fraction."
    ),
    hints=(
        "The coordinates do not interact, so each one follows its own 1-D update.",
        "For $c x^2$ the update is $x \\leftarrow x - 2 c \\eta x = (1 - 2c\\eta) x$; it "
        "shrinks exactly when $|1 - 2c\\eta| < 1$, that is $\\eta < 1/c$.",
        "Every coordinate must converge, so the steepest one, with coefficient {top}, decides.",
    ),
    solution=(
        "Each coordinate evolves as $u \\leftarrow (1 - 2c\\eta) u$ with $c$ its coefficient, "
        "and converges iff $0 < \\eta < 1/c$.\n\n"
        "All three converge iff $\\eta < 1/{top}$, so the threshold is {answer}."
    ),
    why_ml="The sharpest direction of the loss sets the largest stable learning rate; "
    "beyond it training diverges.",
    make=_lr_threshold,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "The flattest direction is not the limit: the steepest one diverges first.",
        ),
    ),
)


def _lr_iterates(rng: random.Random) -> dict[str, Any]:
    while True:
        a, x0 = rng.randint(1, 5), nonzero(rng, -8, 8)
        eta = rng.choice([R(1, 20), R(1, 10), R(3, 20), R(1, 5), R(1, 4), R(3, 10), R(2, 5)])
        r = 1 - 2 * a * eta
        if r not in (0, 1):
            break
    behaviour = (
        "shrinks towards the minimum at 0"
        if 0 < r < 1
        else "oscillates around 0 but shrinks"
        if -1 < r < 0
        else "flips sign without shrinking"
        if r == -1
        else "oscillates and grows: the learning rate is too large, so it diverges"
    )
    return {
        "f": a * X**2,
        "x0": x0,
        "eta": dec(eta),
        "two_a": 2 * a,
        "r": dec(r),
        "pr": pdec(r),
        "behaviour": behaviour,
        "result": dec(x0 * r**3),
        "answer": x0 * r**3,
    }


LR_ITERATES = Template(
    id="learning-rate-iterates",
    topics=("learning-rates", "gradient-descent"),
    difficulty=2,
    kind="number",
    statement=(
        "Run gradient descent on $f(x) = {f}$ with learning rate $\\eta = {eta}$ from "
        "$x_0 = {x0}$. What is $x_3$, after three steps? Enter an exact number."
    ),
    hints=(
        "Write one step as $x_{{t+1}} = x_t - \\eta f'(x_t)$ and simplify.",
        "$f'(x) = {two_a} x$, so each step multiplies $x$ by $1 - {two_a}\\eta$.",
        "The factor is ${r}$, so $x_3 = {x0} \\cdot {pr}^3$.",
    ),
    solution=(
        "$x_{{t+1}} = x_t - {eta} \\cdot {two_a} x_t = {r}\\,x_t$, so "
        "$x_3 = {x0} \\cdot {pr}^3 = {result}$.\n\n"
        "With a factor of ${r}$ the iterate {behaviour}."
    ),
    why_ml="Too large a learning rate makes training oscillate or blow up; this is the "
    "1-D picture of why.",
    make=_lr_iterates,
)


def _convexity(rng: random.Random) -> dict[str, Any]:
    k, a = rng.randint(1, 3), nonzero(rng, -9, 9)
    b, c = rng.randint(-9, 9), rng.randint(-9, 9)
    f = k * X**3 + a * X**2 + b * X + c
    return {
        "f": f,
        "f2": sympy.diff(f, X, 2),
        "wrong": R(a, 3 * k),
        "answer": R(-a, 3 * k),
    }


CONVEXITY = Template(
    id="cubic-convex-region",
    topics=("convexity",),
    difficulty=2,
    kind="number",
    statement=(
        "The function $f(x) = {f}$ is convex on an interval $[t, \\infty)$ and concave "
        "to the left of it. Find $t$. Enter an exact number."
    ),
    hints=(
        "A twice-differentiable function is convex where its second derivative is $\\ge 0$.",
        "Differentiate twice and solve $f''(x) \\ge 0$.",
        "$f''(x) = {f2}$.",
    ),
    solution=(
        "$f''(x) = {f2}$, which is $\\ge 0$ exactly when $x \\ge {answer}$.\n\n"
        "So $f$ is convex on $[{answer}, \\infty)$: $t = {answer}$."
    ),
    why_ml="Convex losses (least squares, logistic regression) have no bad local minima; "
    "the second derivative is how you check.",
    make=_convexity,
    wrong_answers=(WrongAnswer("{wrong}", "Check the sign when solving $f''(x) = 0$ for $x$."),),
)


def _classify(rng: random.Random) -> dict[str, Any]:
    # Choose the kind first, so minima, saddles and maxima come equally often.
    kind = rng.randrange(3)
    while True:
        a, c = nonzero(rng, -4, 4), nonzero(rng, -4, 4)
        b = rng.randint(-6, 6)
        det = 4 * a * c - b * b
        found = 1 if det < 0 else (0 if a > 0 else 2)
        if det != 0 and found == kind:
            break
    p, q = rng.randint(-3, 3), rng.randint(-3, 3)
    u, v = X - p, Y - q
    f = sympy.expand(a * u**2 + b * u * v + c * v**2) + rng.randint(-5, 5)
    hess = sympy.hessian(f, [X, Y])
    negative = sum(m for value, m in hess.eigenvals().items() if value.is_negative)
    det, trace = hess.det(), hess.trace()
    reason = (
        f"$\\det H = {det} < 0$: one eigenvalue is positive and one negative"
        if det < 0
        else f"$\\det H = {det} > 0$: both eigenvalues have the sign of "
        f"$\\mathrm{{tr}}\\,H = {trace}$"
    )
    return {
        "f": f,
        "p": p,
        "q": q,
        "hess": hess,
        "reason": reason,
        "name": ("a minimum", "a saddle point", "a maximum")[negative],
        "answer": sympy.Integer(negative),
    }


CLASSIFY = Template(
    id="classify-critical-point",
    topics=("saddle-points", "local-global-minima", "jacobian-hessian"),
    difficulty=2,
    kind="number",
    statement=(
        "The function $f(x, y) = {f}$ has a critical point at $({p}, {q})$. How many "
        "eigenvalues of its Hessian are negative there: 0 (a minimum), 1 (a saddle point) or "
        "2 (a maximum)? Enter a number."
    ),
    hints=(
        "Compute the Hessian: the matrix of second partial derivatives.",
        "For a $2 \\times 2$ symmetric matrix the eigenvalues multiply to $\\det H$ and add "
        "up to $\\mathrm{{tr}}\\,H$, so their signs follow without solving for them.",
        "$H = {hess}$.",
    ),
    solution=(
        "$H = {hess}$ (constant, since $f$ is quadratic). {reason}.\n\n"
        "So {answer} eigenvalues are negative, and the critical point is {name}."
    ),
    why_ml="In high-dimensional losses most critical points are saddles, not minima; "
    "the signs of the Hessian's eigenvalues tell them apart.",
    make=_classify,
)


def _global_minimum(rng: random.Random) -> dict[str, Any]:
    while True:
        p1, p2, p3 = sorted(rng.sample(range(-4, 5), 3))
        k, c = rng.randint(1, 2), rng.randint(-5, 5)
        f = sympy.expand(sympy.integrate(12 * k * (X - p1) * (X - p2) * (X - p3), X)) + c
        low, high = f.subs(X, p1), f.subs(X, p3)
        if low != high:
            break
    best, other = (p1, p3) if low < high else (p3, p1)
    return {
        "f": f,
        "fprime": sympy.Mul(12 * k, X - p1, X - p2, X - p3, evaluate=False),
        "p1": p1,
        "p2": p2,
        "p3": p3,
        "f1": low,
        "f2": f.subs(X, p2),
        "f3": high,
        "wrong": other,
        "answer": best,
    }


GLOBAL_MINIMUM = Template(
    id="global-minimum-quartic",
    topics=("local-global-minima",),
    difficulty=3,
    kind="number",
    statement=("Find the $x$ at which $f(x) = {f}$ attains its global minimum. Enter a number."),
    hints=(
        "Find the critical points ($f'(x) = 0$), then compare $f$ at the local minima.",
        "$f'(x)$ factors into three linear factors; it has three critical points.",
        "$f'(x) = {fprime}$: the critical points are {p1}, {p2} and {p3}.",
    ),
    solution=(
        "$f'(x) = {fprime}$, so the critical points are {p1}, {p2}, {p3}. "
        "$f'$ changes sign from $-$ to $+$ at {p1} and {p3} (local minima) and from $+$ to "
        "$-$ at {p2} (a local maximum).\n\n"
        "$f({p1}) = {f1}$ and $f({p3}) = {f3}$ (and $f({p2}) = {f2}$). "
        "The smaller is at $x = {answer}$, the global minimum."
    ),
    why_ml="Gradient descent stops at whichever local minimum is downhill from where it "
    "starts, which need not be the global one.",
    make=_global_minimum,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That is a local minimum, but $f$ is lower at the other one: compare the values.",
        ),
    ),
)


def _gradient_flow(rng: random.Random) -> dict[str, Any]:
    a, c = rng.randint(1, 5), nonzero(rng, -5, 5)
    x0 = rng.choice([v for v in range(-9, 10) if v != c])
    return {
        "f": R(a, 2) * (X - c) ** 2,
        "fprime": a * (X - c),
        "c": c,
        "x0": x0,
        "gap": x0 - c,
        "u": X - c,
        "du": -a * sympy.Symbol("u"),
        "rate": -a * T,
        "wrong": x0 * sympy.exp(-a * T),
        "answer": c + (x0 - c) * sympy.exp(-a * T),
    }


GRADIENT_FLOW = Template(
    id="quadratic-gradient-flow-solution",
    topics=("gradient-flow",),
    difficulty=3,
    kind="expression",
    options={"variables": ["t"]},
    statement=(
        "Gradient flow is the continuous-time limit of gradient descent: "
        "$dx/dt = -f'(x)$. Solve it for $f(x) = {f}$ with $x(0) = {x0}$: find $x(t)$. Enter an "
        "expression in $t$, like 1 + 2*exp(-3*t)."
    ),
    hints=(
        "Write the ODE out: $dx/dt = -({fprime})$.",
        "Substitute $u = {u}$: then $du/dt = {du}$, whose solution decays exponentially.",
        "$u(t) = u(0) e^{{{rate}}}$ with $u(0) = {gap}$.",
    ),
    solution=(
        "$dx/dt = -({fprime})$. With $u = {u}$, $du/dt = {du}$, so "
        "$u(t) = {gap}\\,e^{{{rate}}}$.\n\n$x(t) = {answer}$, which tends to the minimum "
        "{c} as $t \\to \\infty$."
    ),
    why_ml="Gradient descent with a small learning rate follows this curve; the ODE view "
    "explains why it slows down near a minimum.",
    make=_gradient_flow,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "The flow decays towards the minimum at {c}, not towards 0: solve for $x - {c}$.",
        ),
    ),
)


TEMPLATES: tuple[Template, ...] = (
    LR_THRESHOLD,
    LR_ITERATES,
    CONVEXITY,
    CLASSIFY,
    GLOBAL_MINIMUM,
    GRADIENT_FLOW,
)
