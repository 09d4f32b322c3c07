"""Templates for backpropagation: local gradients of activations, neurons and the softmax loss."""

from __future__ import annotations

import random
from typing import Any

import sympy

from bot.problems.format import dec
from bot.problems.model import Template, WrongAnswer
from bot.problems.templates.common import nonzero, paren, pdec


def _sigmoid(rng: random.Random) -> dict[str, Any]:
    s = sympy.Rational(rng.randint(1, 99), 100)
    g = nonzero(rng, -5, 5)
    local = s * (1 - s)
    return {
        "s": dec(s),
        "g": g,
        "one_minus": dec(1 - s),
        "local": dec(local),
        "result": dec(g * local),
        "wrong": g * s,
        "answer": g * local,
    }


SIGMOID = Template(
    id="sigmoid-backward",
    topics=("backpropagation", "derivatives"),
    difficulty=2,
    kind="number",
    statement=(
        "In a network, $a = \\sigma(z)$ with $\\sigma$ the logistic sigmoid. On one example "
        "$a = {s}$, and backpropagation has reached $a$ with $\\partial L/\\partial a = {g}$. "
        "Compute $\\partial L/\\partial z$. Enter an exact number."
    ),
    hints=(
        "Chain rule: $\\partial L/\\partial z = \\partial L/\\partial a \\cdot \\sigma'(z)$.",
        "The sigmoid's derivative can be written with its output: "
        "$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$.",
        "$\\sigma'(z) = {s} \\cdot {one_minus} = {local}$.",
    ),
    solution=(
        "$\\sigma'(z) = a(1 - a) = {s} \\cdot {one_minus} = {local}$.\n\n"
        "$\\partial L/\\partial z = {g} \\cdot {local} = {result}$."
    ),
    why_ml="Every sigmoid unit multiplies the incoming gradient by $a(1 - a) \\le 1/4$, "
    "which is why deep sigmoid networks suffer vanishing gradients.",
    make=_sigmoid,
    wrong_answers=(
        WrongAnswer("{wrong}", "Multiply by $\\sigma'(z) = a(1 - a)$, not by $a$ itself."),
    ),
)


def _tanh(rng: random.Random) -> dict[str, Any]:
    t = sympy.Rational(nonzero(rng, -99, 99), 100)
    g = nonzero(rng, -5, 5)
    local = 1 - t**2
    return {
        "t": dec(t),
        "g": g,
        "pt": pdec(t),
        "t2": dec(t**2),
        "local": dec(local),
        "result": dec(g * local),
        "wrong": g * (1 - t),
        "answer": g * local,
    }


TANH = Template(
    id="tanh-backward",
    topics=("backpropagation", "derivatives"),
    difficulty=2,
    kind="number",
    statement=(
        "A hidden unit computes $h = \\tanh(z)$. On one example $h = {t}$ and "
        "$\\partial L/\\partial h = {g}$. Compute $\\partial L/\\partial z$. Enter an exact number."
    ),
    hints=(
        "Chain rule: multiply the incoming gradient by $\\tanh'(z)$.",
        "$\\tanh'(z) = 1 - \\tanh^2(z) = 1 - h^2$.",
        "$1 - h^2 = 1 - {t2} = {local}$.",
    ),
    solution=(
        "$\\tanh'(z) = 1 - h^2 = 1 - {pt}^2 = {local}$.\n\n"
        "$\\partial L/\\partial z = {g} \\cdot {local} = {result}$."
    ),
    why_ml="When $|h|$ is near 1 the unit saturates and passes almost no gradient back.",
    make=_tanh,
    wrong_answers=(
        WrongAnswer("{wrong}", "Square $h$: the derivative is $1 - h^2$, not $1 - h$."),
    ),
)


def _linear_neuron(rng: random.Random) -> dict[str, Any]:
    while True:
        w, b = nonzero(rng, -3, 3), rng.randint(-3, 3)
        x, y = rng.choice([-4, -3, -2, 2, 3, 4]), rng.randint(-5, 5)
        pred = w * x + b
        if pred != y:
            break
    err = pred - y
    return {
        "w": w,
        "b": b,
        "x": x,
        "y": y,
        "pred": pred,
        "err": err,
        "perr": paren(err),
        "px": paren(x),
        "pb": paren(b),
        "wrong": sympy.Integer(err * x),
        "answer": sympy.Integer(2 * err * x),
    }


LINEAR_NEURON = Template(
    id="linear-neuron-squared-error",
    topics=("backpropagation", "chain-rule"),
    difficulty=2,
    kind="number",
    statement=(
        "A one-weight model predicts $\\hat y = w x + b$ and is trained with the loss "
        "$L = (\\hat y - y)^2$. With $w = {w}$, $b = {b}$ and the example $x = {x}$, "
        "$y = {y}$, compute $\\partial L/\\partial w$. Enter an exact number."
    ),
    hints=(
        "Run the forward pass first: compute $\\hat y$.",
        "Chain rule: $\\partial L/\\partial w = 2(\\hat y - y) \\cdot "
        "\\partial \\hat y/\\partial w$ and $\\partial \\hat y/\\partial w = x$.",
        "$\\hat y = {pred}$, so $\\hat y - y = {err}$.",
    ),
    solution=(
        "Forward: $\\hat y = {w} \\cdot {px} + {pb} = {pred}$, so $\\hat y - y = {err}$.\n\n"
        "Backward: $\\partial L/\\partial w = 2(\\hat y - y)\\,x = 2 \\cdot {perr} \\cdot {px} "
        "= {answer}$."
    ),
    why_ml="This is one step of backpropagation in miniature: forward pass, error, then "
    "local derivatives multiplied together.",
    make=_linear_neuron,
    wrong_answers=(
        WrongAnswer("{wrong}", "The derivative of $(\\hat y - y)^2$ brings down a factor 2."),
    ),
)


def _relu_net(rng: random.Random) -> dict[str, Any]:
    # A blocked gradient (answer 0) is worth meeting, but in a quarter of the variants only.
    want_active = rng.random() < 0.75
    while True:
        w1, w2, x = (nonzero(rng, -3, 3) for _ in range(3))
        y = rng.randint(-4, 4)
        h = max(w1 * x, 0)
        pred = w2 * h
        if pred != y and (w1 * x > 0) == want_active:
            break
    active = w1 * x > 0
    err = pred - y
    return {
        "w1": w1,
        "w2": w2,
        "x": x,
        "y": y,
        "z": w1 * x,
        "h": h,
        "pred": pred,
        "err": err,
        "gate_reason": "positive, so the ReLU passes the gradient (slope 1)"
        if active
        else "negative, so the ReLU is off (slope 0) and blocks the gradient",
        "chain": f"{paren(err)} · {paren(w2)} · {1 if active else 0} · {paren(x)}",
        "answer": sympy.Integer(err * w2 * (1 if active else 0) * x),
    }


RELU_NET = Template(
    id="two-layer-relu-gradient",
    topics=("backpropagation", "chain-rule"),
    difficulty=3,
    kind="number",
    statement=(
        "A tiny network computes $z = w_1 x$, $h = \\mathrm{{ReLU}}(z)$, $\\hat y = w_2 h$ with "
        "loss $L = \\frac{{1}}{{2}}(\\hat y - y)^2$. With $w_1 = {w1}$, $w_2 = {w2}$, $x = {x}$ "
        "and $y = {y}$, compute $\\partial L/\\partial w_1$. Enter an exact number."
    ),
    hints=(
        "Do the forward pass: $z$, then $h$, then $\\hat y$.",
        "$\\partial L/\\partial w_1 = (\\hat y - y) \\cdot w_2 \\cdot "
        "\\mathrm{{ReLU}}'(z) \\cdot x$, where $\\mathrm{{ReLU}}'(z)$ is 1 for $z > 0$ "
        "and 0 for $z < 0$.",
        "Here $z = {z}$ and $\\hat y - y = {err}$.",
    ),
    solution=(
        "Forward: $z = {z}$, $h = {h}$, $\\hat y = {pred}$, so $\\hat y - y = {err}$.\n\n"
        "$z$ is {gate_reason}.\n\n"
        "$\\partial L/\\partial w_1 = {chain} = {answer}$."
    ),
    why_ml="A ReLU that is off passes no gradient: the 'dead ReLU' problem in one line.",
    make=_relu_net,
)


def _softmax_gradient(rng: random.Random) -> dict[str, Any]:
    cut = sorted(rng.sample(range(1, 20), 2))
    probs = [sympy.Rational(n, 20) for n in (cut[0], cut[1] - cut[0], 20 - cut[1])]
    label = rng.randint(1, 3)
    onehot = [1 if i == label else 0 for i in (1, 2, 3)]
    grad = [p - o for p, o in zip(probs, onehot, strict=True)]
    return {
        "p": tuple(dec(p) for p in probs),
        "label": label,
        "onehot": tuple(onehot),
        "result": [dec(g) for g in grad],
        "wrong": [-g for g in grad],
        "answer": grad,
    }


SOFTMAX_GRADIENT = Template(
    id="softmax-cross-entropy-gradient",
    topics=("backpropagation", "cross-entropy-kl"),
    difficulty=2,
    kind="vector",
    statement=(
        "A 3-class classifier turns logits $z$ into probabilities with a softmax and is trained "
        "with cross-entropy loss. On one example the probabilities are $p = {p}$ and the true "
        "class is class {label}. Compute the gradient $\\partial L/\\partial z$ as a vector "
        "like [a, b, c]."
    ),
    hints=(
        "Softmax followed by cross-entropy has a famously simple gradient.",
        "$\\partial L/\\partial z = p - y$, where $y$ is the one-hot vector of the true class.",
        "Here $y = {onehot}$.",
    ),
    solution=(
        "For softmax with cross-entropy, $\\partial L/\\partial z_i = p_i - y_i$. "
        "With $y = {onehot}$:\n\n$\\partial L/\\partial z = {p} - {onehot} = {result}$."
    ),
    why_ml="This is the gradient at the output of every classification network; "
    "it pushes up the true class's logit and down the others.",
    make=_softmax_gradient,
    wrong_answers=(
        WrongAnswer("{wrong}", "The sign is flipped: the gradient is $p - y$, not $y - p$."),
    ),
)


TEMPLATES: tuple[Template, ...] = (SIGMOID, TANH, LINEAR_NEURON, RELU_NET, SOFTMAX_GRADIENT)
