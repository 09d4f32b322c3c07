"""Templates for statistical modelling: least squares, ridge, multicollinearity, Bayesian
updating and Bayesian optimization."""

from __future__ import annotations

import random
from typing import Any

import sympy

from bot.problems.format import dec
from bot.problems.model import Template, WrongAnswer
from bot.problems.templates.common import ratio

R = sympy.Rational


def _pairs(xs: list[int], ys: list[int]) -> str:
    return ", ".join(f"({x}, {y})" for x, y in zip(xs, ys, strict=True))


def _slope(rng: random.Random) -> dict[str, Any]:
    n = rng.randint(4, 5)
    while True:
        xs = sorted(rng.sample(range(0, 10), n))
        ys = [rng.randint(-5, 15) for _ in range(n)]
        mx, my = R(sum(xs), n), R(sum(ys), n)
        sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
        sxx = sum((x - mx) ** 2 for x in xs)
        if sxy != 0:
            break
    return {
        "points": _pairs(xs, ys),
        "mx": mx,
        "my": my,
        "sxy": sxy,
        "sxx": sxx,
        "intercept": my - sxy / sxx * mx,
        "ratio": ratio(sxy, sxx),
        "answer": sxy / sxx,
    }


SLOPE = Template(
    id="least-squares-slope",
    topics=("linear-regression",),
    difficulty=2,
    kind="number",
    statement=(
        "Fit the least-squares line $y = a + bx$ to the points {points}. "
        "What is the slope $b$? Enter an exact fraction."
    ),
    hints=(
        "The least-squares slope is the covariance of $x$ and $y$ divided by the variance of $x$.",
        "$b = \\sum (x_i - \\bar x)(y_i - \\bar y) / \\sum (x_i - \\bar x)^2$.",
        "$\\bar x = {mx}$ and $\\bar y = {my}$.",
    ),
    solution=(
        "$\\bar x = {mx}$, $\\bar y = {my}$. "
        "$\\sum (x_i - \\bar x)(y_i - \\bar y) = {sxy}$ and $\\sum (x_i - \\bar x)^2 = {sxx}$.\n\n"
        "$b = {ratio}$ (and the intercept is $a = \\bar y - b \\bar x = "
        "{intercept}$)."
    ),
    why_ml="Linear regression is the first model to fit and the baseline every fancier "
    "model must beat.",
    make=_slope,
)


def _ridge(rng: random.Random) -> dict[str, Any]:
    while True:
        xs = [rng.randint(-3, 4) for _ in range(3)]
        ys = [rng.randint(-6, 8) for _ in range(3)]
        sxy = sum(x * y for x, y in zip(xs, ys, strict=True))
        sxx = sum(x * x for x in xs)
        if sxy != 0 and sxx != 0:
            break
    lam = rng.randint(1, 10)
    return {
        "points": _pairs(xs, ys),
        "lam": lam,
        "sxy": sxy,
        "sxx": sxx,
        "ridge": ratio(sxy, sxx + lam),
        "ols": ratio(sxy, sxx),
        "wrong": R(sxy, sxx),
        "answer": R(sxy, sxx + lam),
    }


RIDGE = Template(
    id="ridge-regression-1d",
    topics=("overfitting", "linear-regression"),
    difficulty=3,
    kind="number",
    statement=(
        "Fit the model $\\hat y = w x$ (no intercept) to the points {points} by minimizing "
        "$\\sum (y_i - w x_i)^2 + {lam} w^2$ (ridge regression). Find $w$. "
        "Enter an exact fraction."
    ),
    hints=(
        "Differentiate the penalized loss in $w$ and set the derivative to zero.",
        "$-2 \\sum x_i (y_i - w x_i) + 2 \\cdot {lam} w = 0$ gives "
        "$w = \\sum x_i y_i / (\\sum x_i^2 + {lam})$.",
        "$\\sum x_i y_i = {sxy}$ and $\\sum x_i^2 = {sxx}$.",
    ),
    solution=(
        "Setting the derivative to zero: $w = \\sum x_i y_i / (\\sum x_i^2 + {lam}) = "
        "{ridge}$.\n\n"
        "Without the penalty, least squares gives ${ols}$: the penalty "
        "shrinks the weight towards 0."
    ),
    why_ml="Weight decay (L2 regularization) fights overfitting by shrinking weights exactly "
    "like this.",
    make=_ridge,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That is the unpenalized least-squares weight; the penalty adds {lam} to the "
            "denominator.",
        ),
    ),
)


def _vif(rng: random.Random) -> dict[str, Any]:
    sst = rng.randint(40, 400)
    sse = rng.randint(2, sst // 2)
    r2 = 1 - R(sse, sst)
    return {
        "sse": sse,
        "sst": sst,
        "r2": r2,
        "ratio": ratio(sst, sse),
        "wrong": R(sse, sst),
        "answer": 1 / (1 - r2),
    }


VIF = Template(
    id="variance-inflation-factor",
    topics=("multicollinearity", "linear-regression"),
    difficulty=2,
    kind="number",
    statement=(
        "To check feature $x_3$ for multicollinearity you regress it on the other features. "
        "The regression leaves a residual sum of squares of {sse}, out of a total sum of "
        "squares of {sst}. Compute the variance inflation factor of $x_3$. "
        "Enter an exact number."
    ),
    hints=(
        "First find $R^2$ of that auxiliary regression: $R^2 = 1 - SSE/SST$.",
        "$\\mathrm{{VIF}} = 1/(1 - R^2)$.",
        "$R^2 = {r2}$.",
    ),
    solution=(
        "$R^2 = 1 - {sse}/{sst} = {r2}$, so $\\mathrm{{VIF}} = 1/(1 - R^2) = {ratio}$.\n\n"
        "A VIF above about 5-10 signals that $x_3$ is largely explained by "
        "the other features."
    ),
    why_ml="Collinear features make regression weights unstable and hard to interpret; "
    "the VIF measures by how much.",
    make=_vif,
    wrong_answers=(WrongAnswer("{wrong}", "That is $1 - R^2$; the VIF is its reciprocal."),),
)


def _posterior_mean(rng: random.Random) -> dict[str, Any]:
    while True:
        alpha, beta = rng.randint(1, 6), rng.randint(1, 6)
        n = rng.randint(3, 20)
        k = rng.randint(0, n)
        mle = R(k, n)
        post = R(alpha + k, alpha + beta + n)
        if mle != post:
            break
    return {
        "alpha": alpha,
        "beta": beta,
        "n": n,
        "k": k,
        "a_post": alpha + k,
        "b_post": beta + n - k,
        "mle": ratio(k, n),
        "wrong": mle,
        "answer": post,
    }


POSTERIOR_MEAN = Template(
    id="beta-binomial-posterior-mean",
    topics=("bayesian-vs-frequentist", "maximum-likelihood"),
    difficulty=2,
    kind="number",
    statement=(
        "A click-through rate $p$ gets the prior $\\mathrm{{Beta}}({alpha}, {beta})$. You "
        "then observe {k} clicks in {n} impressions. What is the posterior mean of $p$? "
        "Enter an exact fraction."
    ),
    hints=(
        "The Beta prior is conjugate to the binomial: the posterior is again a Beta.",
        "$\\mathrm{{Beta}}(\\alpha, \\beta)$ plus $k$ successes in $n$ trials becomes "
        "$\\mathrm{{Beta}}(\\alpha + k, \\beta + n - k)$, with mean "
        "$(\\alpha + k)/(\\alpha + \\beta + n)$.",
        "The posterior is $\\mathrm{{Beta}}({a_post}, {b_post})$.",
    ),
    solution=(
        "Posterior: $\\mathrm{{Beta}}({alpha} + {k}, {beta} + {n} - {k}) = "
        "\\mathrm{{Beta}}({a_post}, {b_post})$, with mean ${a_post}/({a_post} + {b_post}) = "
        "{answer}$.\n\nThe frequentist MLE is ${mle}$; the prior pulls the "
        "Bayesian estimate towards its own mean."
    ),
    why_ml="Priors act like pseudo-counts: they keep estimates from small samples "
    "(a new ad, a rare class) sensible.",
    make=_posterior_mean,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That is the maximum likelihood estimate, which ignores the prior; add the "
            "prior's pseudo-counts.",
        ),
    ),
)


def _ucb(rng: random.Random) -> dict[str, Any]:
    kappa = rng.choice([2, 3])
    while True:
        means = [R(rng.randint(40, 90), 100) for _ in range(4)]
        sds = [R(rng.randint(1, 20), 100) for _ in range(4)]
        scores = [m + kappa * s for m, s in zip(means, sds, strict=True)]
        best = max(scores)
        greedy = max(means)
        if scores.count(best) == 1 and means.count(greedy) == 1:
            pick, exploit = scores.index(best), means.index(greedy)
            if pick != exploit:
                break
    rates = (R(1, 10000), R(1, 1000), R(1, 100), R(1, 10))
    return {
        "kappa": kappa,
        "table": "\n".join(
            f"- learning rate {dec(rate)}: $\\mu = {dec(m)}$, $\\sigma = {dec(s)}$"
            for rate, m, s in zip(rates, means, sds, strict=True)
        ),
        "scores": ", ".join(dec(s) for s in scores),
        "best": dec(best),
        "result": dec(rates[pick]),
        "wrong": rates[exploit],
        "answer": rates[pick],
    }


UCB = Template(
    id="ucb-acquisition",
    topics=("bayesian-optimization",),
    difficulty=2,
    kind="number",
    statement=(
        "Bayesian optimization of a learning rate has a Gaussian-process model giving, for "
        "each candidate, a predicted validation accuracy $\\mu$ and an uncertainty "
        "$\\sigma$:\n\n{table}\n\nWith the upper confidence bound $\\mu + {kappa}\\sigma$, "
        "which learning rate is tried next? Enter it as a number."
    ),
    hints=(
        "The acquisition function scores every candidate; the highest score is tried next.",
        "UCB adds an exploration bonus: score $= \\mu + {kappa}\\sigma$.",
        "The scores, in order, are {scores}.",
    ),
    solution=(
        "Scores $\\mu + {kappa}\\sigma$: {scores}. The largest is {best}, so the next "
        "trial uses learning rate {result}.\n\nIt is not the candidate with the best "
        "mean: the uncertainty bonus makes the search explore."
    ),
    why_ml="Hyperparameter tuners such as Optuna and scikit-optimize choose the next trial "
    "with acquisition functions like UCB.",
    make=_ucb,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "That candidate has the best mean, but UCB also rewards uncertainty: add "
            "${kappa}\\sigma$ before comparing.",
        ),
    ),
)


TEMPLATES: tuple[Template, ...] = (SLOPE, RIDGE, VIF, POSTERIOR_MEAN, UCB)
