"""Templates for distributions: binomial and uniform probabilities, expectation and variance."""

from __future__ import annotations

import random
from typing import Any

import sympy

from bot.problems.format import dec
from bot.problems.model import Template, WrongAnswer
from bot.problems.templates.common import paren, pdec, ratio

R = sympy.Rational
_PS = (R(1, 2), R(1, 3), R(2, 3), R(1, 4), R(3, 4), R(1, 5), R(2, 5), R(3, 5), R(1, 10))


def _binomial(rng: random.Random) -> dict[str, Any]:
    n = rng.randint(3, 10)
    k = rng.randint(1, n - 1)
    p = rng.choice(_PS)
    ways = sympy.binomial(n, k)
    return {
        "story": rng.choice(["free throws", "ad impressions", "coin-like trials"]),
        "n": n,
        "k": k,
        "p": p,
        "q": 1 - p,
        "nk": n - k,
        "noun": "success" if k == 1 else "successes",
        "ways": ways,
        "wrong": p**k * (1 - p) ** (n - k),
        "answer": ways * p**k * (1 - p) ** (n - k),
    }


BINOMIAL = Template(
    id="binomial-probability",
    topics=("distributions", "probability-basics"),
    difficulty=2,
    kind="number",
    statement=(
        "Each of {n} independent {story} succeeds with probability {p}. What is the "
        "probability of exactly {k} {noun}? Enter an exact fraction."
    ),
    hints=(
        "The number of successes follows a binomial distribution.",
        "$P(X = k) = \\binom{{n}}{{k}} p^k (1 - p)^{{n - k}}$: choose which trials succeed, "
        "times the probability of one such sequence.",
        "$\\binom{{{n}}}{{{k}}} = {ways}$.",
    ),
    solution=(
        "$P(X = {k}) = \\binom{{{n}}}{{{k}}} ({p})^{{{k}}} ({q})^{{{nk}}} = {ways} \\cdot "
        "({p})^{{{k}}} ({q})^{{{nk}}} = {answer}$."
    ),
    why_ml="Binary outcomes (click or not, correct or not) are Bernoulli trials; their "
    "counts are binomial.",
    make=_binomial,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That is one particular sequence. Multiply by $\\binom{{{n}}}{{{k}}}$, the number "
            "of ways to place the successes.",
        ),
    ),
)


def _discrete(rng: random.Random) -> tuple[list[int], list[sympy.Rational]]:
    """Three distinct values with probabilities in tenths, none zero."""
    values = sorted(rng.sample(range(-5, 11), 3))
    cut = sorted(rng.sample(range(1, 10), 2))
    probs = [R(c, 10) for c in (cut[0], cut[1] - cut[0], 10 - cut[1])]
    return values, probs


def _table(values: list[int], probs: list[sympy.Rational]) -> str:
    return ", ".join(f"$P(X = {v}) = {dec(p)}$" for v, p in zip(values, probs, strict=True))


def _expectation(rng: random.Random) -> dict[str, Any]:
    while True:
        values, probs = _discrete(rng)
        mean = sum(v * p for v, p in zip(values, probs, strict=True))
        if mean != R(sum(values), 3):
            break
    return {
        "table": _table(values, probs),
        "terms": " + ".join(
            f"{paren(v)} \\cdot {dec(p)}" for v, p in zip(values, probs, strict=True)
        ),
        "result": dec(mean),
        "wrong": R(sum(values), 3),
        "answer": mean,
    }


EXPECTATION = Template(
    id="expected-value-discrete",
    topics=("probability-basics", "distributions"),
    difficulty=1,
    kind="number",
    statement="A random variable $X$ has {table}. Compute $E[X]$. Enter an exact number.",
    hints=(
        "The expectation is a probability-weighted average of the values.",
        "$E[X] = \\sum_x x \\, P(X = x)$.",
        "$E[X] = {terms}$.",
    ),
    solution="$E[X] = {terms} = {result}$.",
    why_ml="A loss function is an expectation over the data; training minimizes its "
    "average over samples.",
    make=_expectation,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That is the plain average of the values; weight each by its probability.",
        ),
    ),
)


def _variance(rng: random.Random) -> dict[str, Any]:
    while True:
        values, probs = _discrete(rng)
        mean = sum(v * p for v, p in zip(values, probs, strict=True))
        if mean != 0:
            break
    second = sum(v * v * p for v, p in zip(values, probs, strict=True))
    return {
        "table": _table(values, probs),
        "mean": dec(mean),
        "second": dec(second),
        "pmean": pdec(mean),
        "result": dec(second - mean**2),
        "wrong": second,
        "answer": second - mean**2,
    }


VARIANCE = Template(
    id="variance-discrete",
    topics=("variance-covariance", "distributions"),
    difficulty=2,
    kind="number",
    statement=(
        "A random variable $X$ has {table}. Compute $\\mathrm{{Var}}(X)$. Enter an exact number."
    ),
    hints=(
        "Variance is the expected squared distance from the mean.",
        "Use $\\mathrm{{Var}}(X) = E[X^2] - (E[X])^2$.",
        "$E[X] = {mean}$ and $E[X^2] = {second}$.",
    ),
    solution=(
        "$E[X] = {mean}$ and $E[X^2] = {second}$.\n\n"
        "$\\mathrm{{Var}}(X) = {second} - {pmean}^2 = {result}$."
    ),
    why_ml="Variance measures spread: of features before scaling, of gradients in SGD, "
    "of a model's predictions across training sets.",
    make=_variance,
    wrong_answers=(
        WrongAnswer("{wrong}", "That is $E[X^2]$; subtract the squared mean $(E[X])^2$."),
    ),
)


def _uniform(rng: random.Random) -> dict[str, Any]:
    a = rng.randint(-5, 5)
    b = a + rng.randint(4, 12)
    while True:
        c, d = sorted(rng.sample(range(a, b + 1), 2))
        if (c, d) != (a, b):
            break
    return {
        "a": a,
        "b": b,
        "c": c,
        "d": d,
        "width": d - c,
        "length": b - a,
        "ratio": ratio(d - c, b - a),
        "answer": R(d - c, b - a),
    }


UNIFORM = Template(
    id="uniform-interval-probability",
    topics=("distributions",),
    difficulty=1,
    kind="number",
    statement=(
        "$X$ is uniformly distributed on $[{a}, {b}]$. Compute $P({c} \\le X \\le {d})$. "
        "Enter an exact fraction."
    ),
    hints=(
        "A uniform density is flat: probability is proportional to length.",
        "Divide the length of $[{c}, {d}]$ by the length of $[{a}, {b}]$.",
        "The lengths are {width} and {length}.",
    ),
    solution=(
        "The density is $1/{length}$ on $[{a}, {b}]$, so $P({c} \\le X \\le {d}) = {ratio}$."
    ),
    why_ml="Uniform distributions initialize weights and draw random hyperparameters in "
    "random search.",
    make=_uniform,
)


TEMPLATES: tuple[Template, ...] = (BINOMIAL, EXPECTATION, VARIANCE, UNIFORM)
