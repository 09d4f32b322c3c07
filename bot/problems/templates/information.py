"""Templates for information theory: entropy, joint and conditional entropy, mutual information,
cross-entropy and KL divergence."""

from __future__ import annotations

import random
from typing import Any

import sympy

from bot.problems.format import show
from bot.problems.model import Template, WrongAnswer
from bot.problems.templates.common import LOG2, approx, log2

R = sympy.Rational
BITS_NOTE = (
    "Enter a decimal to 3 significant figures or an exact value such as 3/2 + log(3)/log(2)."
)


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """`parts` positive integers adding up to `total`."""
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def _entropy(probs: list[sympy.Rational]) -> sympy.Expr:
    """Entropy in bits, exact."""
    return -sum((p * log2(p) for p in probs if p), sympy.Integer(0))


def _differ(a: sympy.Expr, b: sympy.Expr) -> bool:
    """Whether two exact values differ, judged at 30 digits."""
    return abs(sympy.N(a - b, 30)) > 1e-20


def _entropy_template(rng: random.Random) -> dict[str, Any]:
    total = rng.choice([8, 9, 10, 12, 16, 20])
    counts = _split(rng, total, rng.randint(3, 4))
    probs = [R(c, total) for c in counts]
    bits = _entropy(probs)
    return {
        "p": tuple(probs),
        "terms": ", ".join(approx(-p * log2(p)) for p in probs),
        "approx": approx(bits),
        "wrong": bits * LOG2,
        "answer": bits,
    }


ENTROPY = Template(
    id="small-distribution-entropy",
    topics=("entropy",),
    difficulty=2,
    kind="number",
    statement=(
        "A random variable takes its values with probabilities $p = {p}$. Compute its "
        f"entropy in bits. {BITS_NOTE}"
    ),
    hints=(
        "Entropy is the expected surprise: $H = -\\sum p_i \\log_2 p_i$.",
        "Bits mean base-2 logarithms: $\\log_2 x = \\ln x / \\ln 2$.",
        "The terms $-p_i \\log_2 p_i$ are about {terms}; add them.",
    ),
    solution=(
        "The terms $-p_i \\log_2 p_i$ are about {terms}. Exactly, "
        "$H = -\\sum p_i \\log_2 p_i = {answer} \\approx {approx}$ bits."
    ),
    why_ml="Entropy is the floor under any lossless code and the baseline of the "
    "cross-entropy loss.",
    make=_entropy_template,
    wrong_answers=(WrongAnswer("{wrong}", "That is in nats (natural log); bits use $\\log_2$."),),
)


def _cross_entropy_loss(rng: random.Random) -> dict[str, Any]:
    total = rng.choice([10, 20])
    probs = [R(c, total) for c in _split(rng, total, rng.randint(3, 4))]
    label = rng.randint(1, len(probs))
    q = probs[label - 1]
    return {
        "p": tuple(probs),
        "label": label,
        "q": q,
        "approx": approx(sympy.log(1 / q)),
        "wrong": -log2(q),
        "answer": sympy.log(1 / q),
    }


CROSS_ENTROPY_LOSS = Template(
    id="cross-entropy-loss",
    topics=("cross-entropy-kl",),
    difficulty=1,
    kind="number",
    statement=(
        "A classifier outputs the probabilities $q = {p}$ over its classes, and the true "
        "class is class {label}. Compute the cross-entropy loss in nats (natural log). "
        "Enter a decimal to 3 significant figures or an exact value such as log(2)."
    ),
    hints=(
        "With a one-hot target, cross-entropy keeps only the true class's term.",
        "$L = -\\sum_i y_i \\ln q_i = -\\ln q_{{\\text{{true}}}}$.",
        "The true class has probability {q}.",
    ),
    solution=("Only the true class counts: $L = -\\ln({q}) = {answer} \\approx {approx}$."),
    why_ml="This is the loss minimized by nearly every classifier, from logistic "
    "regression to language models.",
    make=_cross_entropy_loss,
    wrong_answers=(
        WrongAnswer("{wrong}", "That is in bits ($\\log_2$); the loss here uses $\\ln$."),
    ),
)


def _kl(rng: random.Random) -> dict[str, Any]:
    while True:
        total, parts = rng.choice([(8, 3), (10, 3), (12, 3), (12, 2), (16, 2), (20, 2)])
        p = [R(c, total) for c in _split(rng, total, parts)]
        q = [R(c, total) for c in _split(rng, total, parts)]
        forward = sum((a * log2(a / b) for a, b in zip(p, q, strict=True)), sympy.Integer(0))
        backward = sum((b * log2(b / a) for a, b in zip(p, q, strict=True)), sympy.Integer(0))
        if _differ(forward, backward):
            break
    return {
        "p": tuple(p),
        "q": tuple(q),
        "terms": " + ".join(f"{show(a)} \\log_2({show(a / b)})" for a, b in zip(p, q, strict=True)),
        "approx": approx(forward),
        "wrong": backward,
        "answer": forward,
    }


KL = Template(
    id="kl-divergence-bits",
    topics=("cross-entropy-kl",),
    difficulty=3,
    kind="number",
    statement=(
        "Compute the KL divergence $D_{{KL}}(P \\| Q)$ in bits for $P = {p}$ and $Q = {q}$ "
        f"(same outcomes, same order). {BITS_NOTE}"
    ),
    hints=(
        "$D_{{KL}}(P \\| Q) = \\sum_i p_i \\log_2 (p_i / q_i)$: the weights come from $P$.",
        "Order matters: KL divergence is not symmetric.",
        "$D_{{KL}}(P \\| Q) = {terms}$.",
    ),
    solution=("$D_{{KL}}(P \\| Q) = {terms} = {answer} \\approx {approx}$ bits."),
    why_ml="Cross-entropy loss equals the data's entropy plus a KL divergence; VAEs and "
    "knowledge distillation minimize KL terms directly.",
    make=_kl,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That is $D_{{KL}}(Q \\| P)$: weight by $p_i$ and put $p_i$ on top.",
        ),
    ),
)


def _joint(rng: random.Random) -> dict[str, Any]:
    """A 2x2 joint distribution with positive cells, clearly dependent (I(X; Y) > 0.02 bits)."""
    while True:
        total = rng.choice([8, 12, 16, 20])
        cells = [R(c, total) for c in _split(rng, total, 4)]
        px = [cells[0] + cells[1], cells[2] + cells[3]]
        py = [cells[0] + cells[2], cells[1] + cells[3]]
        hxy, hx, hy = _entropy(cells), _entropy(px), _entropy(py)
        if sympy.N(hx + hy - hxy) > 0.02:
            break
    return {
        "table": (
            f"$P(X=0, Y=0) = {show(cells[0])}$, $P(X=0, Y=1) = {show(cells[1])}$, "
            f"$P(X=1, Y=0) = {show(cells[2])}$, $P(X=1, Y=1) = {show(cells[3])}$"
        ),
        "cells": tuple(cells),
        "px": tuple(px),
        "py": tuple(py),
        "hxy": hxy,
        "hx": hx,
        "hy": hy,
        "hxy_approx": approx(hxy),
        "hx_approx": approx(hx),
        "hy_approx": approx(hy),
    }


def _joint_entropy(rng: random.Random) -> dict[str, Any]:
    params = _joint(rng)
    return {
        **params,
        "wrong": params["hx"] + params["hy"],
        "answer": params["hxy"],
    }


JOINT_ENTROPY = Template(
    id="binary-pair-joint-entropy",
    topics=("joint-entropy", "entropy"),
    difficulty=2,
    kind="number",
    statement=f"Two binary variables have the joint distribution {{table}}. Compute the joint "
    f"entropy $H(X, Y)$ in bits. {BITS_NOTE}",
    hints=(
        "Joint entropy is the entropy of the pair, treated as one variable with four values.",
        "$H(X, Y) = -\\sum_{{x,y}} p(x, y) \\log_2 p(x, y)$ over the four cells.",
        "The four probabilities are ${cells}$.",
    ),
    solution=("Over the four cells ${cells}$: $H(X, Y) = {answer} \\approx {hxy_approx}$ bits."),
    why_ml="Joint entropy is the starting point for mutual information, used in feature "
    "selection and representation learning.",
    make=_joint_entropy,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That is $H(X) + H(Y)$, which equals $H(X, Y)$ only when $X$ and $Y$ are "
            "independent; use the four joint cells.",
        ),
    ),
)


def _conditional_entropy(rng: random.Random) -> dict[str, Any]:
    params = _joint(rng)
    answer = params["hxy"] - params["hx"]
    return {**params, "wrong": params["hy"], "approx": approx(answer), "answer": answer}


CONDITIONAL_ENTROPY = Template(
    id="binary-pair-conditional-entropy",
    topics=("conditional-entropy", "joint-entropy"),
    difficulty=3,
    kind="number",
    statement=f"Two binary variables have the joint distribution {{table}}. Compute the "
    f"conditional entropy $H(Y \\mid X)$ in bits. {BITS_NOTE}",
    hints=(
        "Use the chain rule of entropy: $H(Y \\mid X) = H(X, Y) - H(X)$.",
        "$H(X)$ comes from the marginal of $X$: add each row of the table.",
        "$P(X) = {px}$, and $H(X, Y) \\approx {hxy_approx}$ bits.",
    ),
    solution=(
        "$H(X, Y) = {hxy} \\approx {hxy_approx}$. The marginal $P(X) = {px}$ gives "
        "$H(X) = {hx} \\approx {hx_approx}$.\n\n"
        "$H(Y \\mid X) = H(X, Y) - H(X) = {answer} \\approx {approx}$ bits."
    ),
    why_ml="Conditional entropy measures what is left to learn about a target once a "
    "feature is known; decision trees split to reduce it.",
    make=_conditional_entropy,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That is $H(Y)$, which ignores $X$. Knowing $X$ changes the distribution of $Y$ "
            "here, so subtract $H(X)$ from $H(X, Y)$ instead.",
        ),
    ),
)


def _mutual_information(rng: random.Random) -> dict[str, Any]:
    while True:
        params = _joint(rng)
        answer = params["hx"] + params["hy"] - params["hxy"]
        if _differ(answer, params["hxy"] - params["hx"]):
            break
    return {
        **params,
        "wrong": params["hxy"] - params["hx"],
        "approx": approx(answer),
        "answer": answer,
    }


MUTUAL_INFORMATION = Template(
    id="binary-pair-mutual-information",
    topics=("mutual-information", "joint-entropy"),
    difficulty=3,
    kind="number",
    statement=f"Two binary variables have the joint distribution {{table}}. Compute their "
    f"mutual information $I(X; Y)$ in bits. {BITS_NOTE}",
    hints=(
        "Mutual information is how much knowing one variable reduces uncertainty about the other.",
        "$I(X; Y) = H(X) + H(Y) - H(X, Y)$; get $H(X)$ and $H(Y)$ from the marginals.",
        "$P(X) = {px}$ and $P(Y) = {py}$.",
    ),
    solution=(
        "Marginals: $P(X) = {px}$, $P(Y) = {py}$. "
        "$H(X) \\approx {hx_approx}$, $H(Y) \\approx {hy_approx}$, "
        "$H(X, Y) \\approx {hxy_approx}$.\n\n"
        "$I(X; Y) = H(X) + H(Y) - H(X, Y) = {answer} \\approx {approx}$ bits."
    ),
    why_ml="Mutual information ranks features by how much they tell you about the label, "
    "and it is the objective of contrastive representation learning.",
    make=_mutual_information,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That is $H(Y \\mid X)$, the uncertainty that remains. Mutual information is "
            "what is removed: $H(Y) - H(Y \\mid X) = H(X) + H(Y) - H(X, Y)$.",
        ),
    ),
)


TEMPLATES: tuple[Template, ...] = (
    ENTROPY,
    CROSS_ENTROPY_LOSS,
    KL,
    JOINT_ENTROPY,
    CONDITIONAL_ENTROPY,
    MUTUAL_INFORMATION,
)
