"""Templates for maximum likelihood: Bernoulli, Gaussian and exponential estimates."""

from __future__ import annotations

import random
from typing import Any

import sympy

from bot.problems.model import Template, WrongAnswer
from bot.problems.templates.common import listing, ratio

R = sympy.Rational


def _bernoulli_mle(rng: random.Random) -> dict[str, Any]:
    n = rng.randint(6, 15)
    while True:
        outcomes = [rng.randint(0, 1) for _ in range(n)]
        k = sum(outcomes)
        if 0 < k < n:
            break
    return {"outcomes": listing(outcomes), "n": n, "k": k, "nk": n - k, "answer": R(k, n)}


BERNOULLI_MLE = Template(
    id="bernoulli-mle",
    topics=("maximum-likelihood",),
    difficulty=1,
    kind="number",
    statement=(
        "A coin of unknown bias $p = P(1)$ gave the outcomes {outcomes}. Find the maximum "
        "likelihood estimate of $p$. Enter an exact fraction."
    ),
    hints=(
        "Write the likelihood of the whole sequence as a function of $p$.",
        "With $k$ ones in $n$ flips, $\\log L(p) = k \\log p + (n - k) \\log(1 - p)$; set its "
        "derivative to zero.",
        "Here $k = {k}$ and $n = {n}$.",
    ),
    solution=(
        "$\\log L(p) = {k} \\log p + {nk} \\log(1 - p)$. Setting "
        "${k}/p - {nk}/(1 - p) = 0$ gives $p = {k}/{n}$.\n\n"
        "The MLE is the observed fraction of ones: $\\hat p = {answer}$."
    ),
    why_ml="Logistic regression is fitted by exactly this principle: maximize the "
    "Bernoulli likelihood of the labels.",
    make=_bernoulli_mle,
)


def _gaussian_mle(rng: random.Random) -> dict[str, Any]:
    n = rng.randint(4, 6)
    while True:
        xs = [rng.randint(-4, 12) for _ in range(n)]
        mean = R(sum(xs), n)
        squares = sum((x - mean) ** 2 for x in xs)
        if squares != 0:
            break
    return {
        "xs": listing(xs),
        "n": n,
        "mean": mean,
        "squares": squares,
        "ratio": ratio(squares, n),
        "wrong": squares / (n - 1),
        "answer": squares / n,
    }


GAUSSIAN_MLE = Template(
    id="gaussian-mle-variance",
    topics=("maximum-likelihood", "variance-covariance"),
    difficulty=2,
    kind="number",
    statement=(
        "The sample {xs} is modelled as independent draws from a normal distribution "
        "$N(\\mu, \\sigma^2)$. Find the maximum likelihood estimate of $\\sigma^2$. "
        "Enter an exact fraction."
    ),
    hints=(
        "The MLE of $\\mu$ is the sample mean; plug it into the estimate of $\\sigma^2$.",
        "$\\hat\\sigma^2 = \\frac{{1}}{{n}} \\sum (x_i - \\bar x)^2$: the MLE divides by $n$, "
        "not $n - 1$.",
        "$\\bar x = {mean}$ and $\\sum (x_i - \\bar x)^2 = {squares}$.",
    ),
    solution=(
        "$\\bar x = {mean}$. The squared deviations add up to {squares}.\n\n"
        "$\\hat\\sigma^2 = {ratio}$."
    ),
    why_ml="Minimizing squared error is maximum likelihood under Gaussian noise; the "
    "variance estimate sets the noise level.",
    make=_gaussian_mle,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That divides by $n - 1$ (the unbiased estimate); the MLE divides by $n$.",
        ),
    ),
)


def _exponential_mle(rng: random.Random) -> dict[str, Any]:
    n = rng.randint(3, 6)
    while True:
        xs = [rng.randint(1, 12) for _ in range(n)]
        if sum(xs) != n:
            break
    total = sum(xs)
    return {
        "xs": listing(xs),
        "n": n,
        "total": total,
        "ratio": ratio(n, total),
        "wrong": R(total, n),
        "answer": R(n, total),
    }


EXPONENTIAL_MLE = Template(
    id="exponential-mle-rate",
    topics=("maximum-likelihood", "distributions"),
    difficulty=2,
    kind="number",
    statement=(
        "Waiting times (in minutes) between requests to a server were {xs}. Model them as "
        "independent exponential draws with density $\\lambda e^{{-\\lambda x}}$. Find the "
        "maximum likelihood estimate of the rate $\\lambda$. Enter an exact fraction."
    ),
    hints=(
        "The log-likelihood is $n \\log \\lambda - \\lambda \\sum x_i$.",
        "Differentiate in $\\lambda$ and set to zero: $n/\\lambda - \\sum x_i = 0$.",
        "$n = {n}$ and $\\sum x_i = {total}$.",
    ),
    solution=(
        "$\\log L(\\lambda) = {n} \\log \\lambda - {total} \\lambda$. Setting "
        "${n}/\\lambda - {total} = 0$ gives $\\hat\\lambda = {ratio}$ per minute: "
        "one over the mean waiting time."
    ),
    why_ml="Maximum likelihood is the common recipe behind most training losses; here it "
    "has a closed form.",
    make=_exponential_mle,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That is the mean waiting time, $1/\\lambda$; the rate is its reciprocal.",
        ),
    ),
)


TEMPLATES: tuple[Template, ...] = (BERNOULLI_MLE, GAUSSIAN_MLE, EXPONENTIAL_MLE)
