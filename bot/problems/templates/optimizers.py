"""Templates for optimizers: gradient descent, SGD, momentum and Adam steps."""

from __future__ import annotations

import random
from typing import Any

import sympy

from bot.problems.format import dec
from bot.problems.model import Template, WrongAnswer
from bot.problems.templates.common import nonzero, paren, pdec

X, Y = sympy.symbols("x y")
R = sympy.Rational


def _gd_step(rng: random.Random) -> dict[str, Any]:
    a, c, d = rng.randint(1, 5), rng.randint(-5, 5), rng.randint(-5, 5)
    x0 = rng.choice([v for v in range(-5, 6) if v != c])
    eta = rng.choice([R(1, 100), R(1, 20), R(1, 10), R(1, 5), R(1, 4), R(3, 10)])
    grad = 2 * a * (x0 - c)
    return {
        "f": a * (X - c) ** 2 + d,
        "fprime": sympy.expand(2 * a * (X - c)),
        "x0": x0,
        "eta": dec(eta),
        "grad": grad,
        "pgrad": paren(grad),
        "result": dec(x0 - eta * grad),
        "wrong": x0 + eta * grad,
        "answer": x0 - eta * grad,
    }


GD_STEP = Template(
    id="one-gradient-step-1d",
    topics=("gradient-descent",),
    difficulty=1,
    kind="number",
    statement=(
        "Minimize $f(x) = {f}$ by gradient descent with learning rate $\\eta = {eta}$, "
        "starting from $x_0 = {x0}$. Compute $x_1$. Enter an exact number."
    ),
    hints=(
        "One step of gradient descent is $x_1 = x_0 - \\eta f'(x_0)$.",
        "Differentiate: $f'(x) = {fprime}$.",
        "$f'({x0}) = {grad}$.",
    ),
    solution=(
        "$f'(x) = {fprime}$, so $f'({x0}) = {grad}$.\n\n"
        "$x_1 = x_0 - \\eta f'(x_0) = {x0} - {eta} \\cdot {pgrad} = {result}$."
    ),
    why_ml="Training a network repeats exactly this update for millions of weights at once.",
    make=_gd_step,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "You stepped uphill: gradient descent subtracts $\\eta f'(x_0)$.",
        ),
    ),
)


def _gd_step_2d(rng: random.Random) -> dict[str, Any]:
    a, b, c = rng.randint(1, 4), rng.randint(1, 4), rng.randint(-2, 2)
    while True:
        x0, y0 = rng.randint(-4, 4), rng.randint(-4, 4)
        if (x0, y0) != (0, 0):
            break
    eta = rng.choice([R(1, 20), R(1, 10), R(1, 5), R(1, 4)])
    f = a * X**2 + b * Y**2 + c * X * Y
    grad = [sympy.diff(f, v).subs({X: x0, Y: y0}) for v in (X, Y)]
    new = [x0 - eta * grad[0], y0 - eta * grad[1]]
    return {
        "f": f,
        "x0": x0,
        "y0": y0,
        "eta": dec(eta),
        "fx": sympy.diff(f, X),
        "fy": sympy.diff(f, Y),
        "grad": tuple(grad),
        "result": tuple(dec(v) for v in new),
        "answer": new,
    }


GD_STEP_2D = Template(
    id="one-gradient-step-2d",
    topics=("gradient-descent", "gradients"),
    difficulty=2,
    kind="vector",
    statement=(
        "Take one gradient-descent step on $f(x, y) = {f}$ from $({x0}, {y0})$ with learning "
        "rate $\\eta = {eta}$. Enter the new point as a vector like [a, b]."
    ),
    hints=(
        "The update is $(x, y) \\leftarrow (x, y) - \\eta \\nabla f(x, y)$.",
        "$\\nabla f = (\\partial f/\\partial x, \\partial f/\\partial y) = ({fx}, {fy})$.",
        "At the start, $\\nabla f({x0}, {y0}) = {grad}$.",
    ),
    solution=(
        "$\\nabla f = ({fx}, {fy})$, which at $({x0}, {y0})$ is ${grad}$.\n\n"
        "New point: $({x0}, {y0}) - {eta} \\cdot {grad} = {result}$."
    ),
    why_ml="Each weight moves against its own partial derivative, all in the same step.",
    make=_gd_step_2d,
)


_BETAS = (R(1, 2), R(4, 5), R(9, 10))


def _momentum(rng: random.Random) -> dict[str, Any]:
    while True:
        a, x0 = rng.randint(1, 5), nonzero(rng, -9, 9)
        beta, eta = rng.choice(_BETAS), rng.choice([R(1, 50), R(1, 20), R(1, 10)])
        if 2 * a * eta < 1:
            break
    v1 = 2 * a * x0
    x1 = x0 - eta * v1
    g1 = 2 * a * x1
    v2 = beta * v1 + g1
    x2 = x1 - eta * v2
    return {
        "f": a * X**2,
        "fprime": 2 * a * X,
        "x0": x0,
        "beta": dec(beta),
        "eta": dec(eta),
        "v1": dec(v1),
        "pv1": pdec(v1),
        "x1": dec(x1),
        "g1": dec(g1),
        "pg1": pdec(g1),
        "v2": dec(v2),
        "pv2": pdec(v2),
        "x2": dec(x2),
        "wrong": x0 * (1 - 2 * a * eta) ** 2,
        "answer": x2,
    }


MOMENTUM = Template(
    id="heavy-ball-momentum-two-steps",
    topics=("momentum", "gradient-descent"),
    difficulty=3,
    kind="number",
    statement=(
        "Gradient descent with momentum updates $v_{{t+1}} = \\beta v_t + f'(x_t)$ and "
        "$x_{{t+1}} = x_t - \\eta v_{{t+1}}$. For $f(x) = {f}$ with $\\beta = {beta}$, "
        "$\\eta = {eta}$, $x_0 = {x0}$ and $v_0 = 0$, compute $x_2$. Enter an exact number."
    ),
    hints=(
        "Alternate: velocity first, then position; the velocity remembers past gradients.",
        "$f'(x) = {fprime}$. The first step is plain gradient descent because $v_0 = 0$.",
        "$v_1 = {v1}$ and $x_1 = {x1}$; now $v_2 = {beta} \\cdot v_1 + f'(x_1)$.",
    ),
    solution=(
        "$f'(x) = {fprime}$.\n\n"
        "Step 1: $v_1 = {beta} \\cdot 0 + f'({x0}) = {v1}$, $x_1 = {x0} - {eta} \\cdot {pv1} "
        "= {x1}$.\n\n"
        "Step 2: $f'(x_1) = {g1}$, $v_2 = {beta} \\cdot {pv1} + {pg1} = {v2}$, "
        "$x_2 = {x1} - {eta} \\cdot {pv2} = {x2}$."
    ),
    why_ml="Momentum (SGD with `momentum=0.9`) speeds up training along consistent "
    "directions and damps zig-zags.",
    make=_momentum,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That is plain gradient descent; the second velocity also keeps "
            "$\\beta v_1$ from the first step.",
        ),
    ),
)


def _adam(rng: random.Random) -> dict[str, Any]:
    while True:
        a, b, x0 = rng.randint(1, 5), rng.randint(-5, 5), rng.randint(-9, 9)
        grad = 2 * a * x0 + b
        if abs(grad) > 1:
            break
    eta = rng.choice([R(1, 1000), R(1, 100), R(1, 20), R(1, 10)])
    sign = 1 if grad > 0 else -1
    return {
        "f": a * X**2 + b * X,
        "x0": x0,
        "eta": dec(eta),
        "grad": grad,
        "m1": dec(R(grad, 10)),
        "v1": dec(R(grad * grad, 1000)),
        "g2": grad * grad,
        "sign": sign,
        "result": dec(x0 - eta * sign),
        "wrong": x0 - eta * grad,
        "answer": x0 - eta * sign,
    }


ADAM = Template(
    id="single-adam-update",
    topics=("adam",),
    difficulty=2,
    kind="number",
    statement=(
        "Run one step of Adam on $f(x) = {f}$ from $x_0 = {x0}$ with learning rate "
        "$\\eta = {eta}$, $\\beta_1 = 0.9$, $\\beta_2 = 0.999$, $m_0 = v_0 = 0$, bias "
        "correction on, and $\\epsilon$ so small you can ignore it. Compute $x_1$. "
        "Enter an exact number."
    ),
    hints=(
        "Adam keeps running averages $m$ of gradients and $v$ of squared gradients, then "
        "divides $\\hat m$ by $\\sqrt{{\\hat v}}$.",
        "Bias correction divides $m_1$ by $1 - \\beta_1$ and $v_1$ by $1 - \\beta_2$, which "
        "undoes the averaging on the first step.",
        "$f'({x0}) = {grad}$, so $\\hat m_1 = {grad}$ and $\\hat v_1 = {g2}$.",
    ),
    solution=(
        "$g = f'({x0}) = {grad}$. Then $m_1 = 0.1 g = {m1}$ and $v_1 = 0.001 g^2 = {v1}$.\n\n"
        "Bias correction: $\\hat m_1 = m_1 / 0.1 = {grad}$, $\\hat v_1 = v_1 / 0.001 = {g2}$.\n\n"
        "$x_1 = x_0 - \\eta \\hat m_1 / \\sqrt{{\\hat v_1}} = {x0} - {eta} \\cdot ({sign}) "
        "= {result}$.\n\nAdam's first step has length $\\eta$ whatever the gradient's size."
    ),
    why_ml="Adam is the default optimizer for transformers; its per-weight scaling makes "
    "step sizes insensitive to the gradient's scale.",
    make=_adam,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That is a plain gradient step. Adam divides by $\\sqrt{{\\hat v}} = |g|$, so "
            "the step is $\\eta$ times the sign of the gradient.",
        ),
    ),
)


def _sgd(rng: random.Random) -> dict[str, Any]:
    while True:
        xs = [nonzero(rng, -3, 3) for _ in range(4)]
        ys = [rng.randint(-6, 6) for _ in range(4)]
        w0 = rng.randint(-2, 2)
        eta = rng.choice([R(1, 100), R(1, 20), R(1, 10)])
        i, j = sorted(rng.sample(range(4), 2))
        grads = [2 * (w0 * x - y) * x for x, y in zip(xs, ys, strict=True)]
        batch, full = R(grads[i] + grads[j], 2), R(sum(grads), 4)
        if batch != full and batch != 0:
            break
    return {
        "data": ", ".join(f"({x}, {y})" for x, y in zip(xs, ys, strict=True)),
        "w0": w0,
        "eta": dec(eta),
        "i": i + 1,
        "j": j + 1,
        "gi": grads[i],
        "gj": grads[j],
        "batch": batch,
        "pbatch": paren(batch),
        "result": dec(w0 - eta * batch),
        "wrong": w0 - eta * full,
        "answer": w0 - eta * batch,
    }


SGD = Template(
    id="minibatch-sgd-step",
    topics=("stochastic-gradient-descent", "gradient-descent"),
    difficulty=2,
    kind="number",
    statement=(
        "A model $\\hat y = w x$ has per-example loss $(w x_k - y_k)^2$. The data set is "
        "$(x_k, y_k)$ = {data}. Take one SGD step from $w = {w0}$ with learning rate "
        "$\\eta = {eta}$ on the minibatch of examples {i} and {j}, using the mean of their "
        "gradients. Compute the new $w$. Enter an exact number."
    ),
    hints=(
        "SGD estimates the gradient from the minibatch only; ignore the other examples.",
        "Each example contributes $2(w x_k - y_k) x_k$; average the two.",
        "The two example gradients are {gi} and {gj}.",
    ),
    solution=(
        "Example {i}: $2(w x - y) x = {gi}$. Example {j}: ${gj}$. Their mean is {batch}.\n\n"
        "$w \\leftarrow {w0} - {eta} \\cdot {pbatch} = {result}$."
    ),
    why_ml="Deep learning trains on minibatches: a noisy but cheap estimate of the full "
    "gradient at each step.",
    make=_sgd,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That step uses all four examples (full-batch gradient descent); SGD uses only "
            "the minibatch.",
        ),
    ),
)


TEMPLATES: tuple[Template, ...] = (GD_STEP, GD_STEP_2D, MOMENTUM, ADAM, SGD)
