"""Templates for statistics: standard errors, summaries, z-scores, tests and intervals."""

from __future__ import annotations

import random
from typing import Any

import sympy

from bot.problems.format import dec
from bot.problems.model import Template, WrongAnswer
from bot.problems.templates.common import approx, listing, operand, ratio

R = sympy.Rational
Z95 = R(196, 100)


def _standard_error(rng: random.Random) -> dict[str, Any]:
    root = rng.randint(2, 20)
    sigma = rng.randint(2, 60)
    return {
        "sigma": sigma,
        "n": root * root,
        "root": root,
        "ratio": ratio(sigma, root),
        "wrong": R(sigma, root * root),
        "answer": R(sigma, root),
    }


STANDARD_ERROR = Template(
    id="standard-error-of-mean",
    topics=("sampling", "descriptive-statistics"),
    difficulty=1,
    kind="number",
    statement=(
        "A population has standard deviation $\\sigma = {sigma}$. You average a random sample "
        "of $n = {n}$ observations. What is the standard error of the sample mean? "
        "Enter an exact number."
    ),
    hints=(
        "The sample mean varies less than a single observation does.",
        "The standard error of the mean is $\\sigma / \\sqrt{{n}}$.",
        "$\\sqrt{{{n}}} = {root}$.",
    ),
    solution="$\\mathrm{{SE}} = \\sigma/\\sqrt{{n}} = {ratio}$.",
    why_ml="This is why larger minibatches give less noisy gradient estimates, "
    "though only by a square-root factor.",
    make=_standard_error,
    wrong_answers=(WrongAnswer("{wrong}", "Divide by $\\sqrt{{n}}$, not by $n$."),),
)


def _covariance(rng: random.Random) -> dict[str, Any]:
    n = rng.randint(4, 5)
    while True:
        xs = [rng.randint(0, 9) for _ in range(n)]
        ys = [rng.randint(0, 9) for _ in range(n)]
        mx, my = R(sum(xs), n), R(sum(ys), n)
        total = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
        if total != 0:
            break
    return {
        "pairs": ", ".join(f"({x}, {y})" for x, y in zip(xs, ys, strict=True)),
        "n": n,
        "n1": n - 1,
        "mx": mx,
        "my": my,
        "total": total,
        "ratio": ratio(total, n - 1),
        "wrong": total / n,
        "answer": total / (n - 1),
    }


COVARIANCE = Template(
    id="sample-covariance",
    topics=("variance-covariance", "descriptive-statistics"),
    difficulty=2,
    kind="number",
    statement=(
        "Compute the sample covariance (dividing by $n - 1$) of the paired data "
        "$(x, y)$: {pairs}. Enter an exact fraction."
    ),
    hints=(
        "Covariance averages the products of deviations from the two means.",
        "$s_{{xy}} = \\frac{{1}}{{n - 1}} \\sum (x_i - \\bar x)(y_i - \\bar y)$.",
        "$\\bar x = {mx}$ and $\\bar y = {my}$.",
    ),
    solution=(
        "$\\bar x = {mx}$, $\\bar y = {my}$, and "
        "$\\sum (x_i - \\bar x)(y_i - \\bar y) = {total}$.\n\n"
        "$s_{{xy}} = {ratio}$."
    ),
    why_ml="Covariance matrices drive PCA, Gaussian models and the analysis of correlated "
    "features.",
    make=_covariance,
    wrong_answers=(
        WrongAnswer("{wrong}", "The sample covariance divides by $n - 1 = {n1}$, not by $n$."),
    ),
)


def _median(rng: random.Random) -> dict[str, Any]:
    while True:
        n = rng.randint(5, 8)
        xs = [rng.randint(20, 60) for _ in range(n - 1)] + [rng.randint(150, 400)]
        rng.shuffle(xs)
        ordered = sorted(xs)
        mid = n // 2
        median = R(ordered[mid]) if n % 2 else R(ordered[mid - 1] + ordered[mid], 2)
        if median != R(sum(xs), n):
            break
    return {
        "xs": listing(xs),
        "ordered": listing(ordered),
        "n": n,
        "rule": "the middle value" if n % 2 else "the mean of the two middle values",
        "mean": approx(R(sum(xs), n), 2),
        "wrong": R(sum(xs), n),
        "answer": median,
    }


MEDIAN = Template(
    id="median-with-outlier",
    topics=("descriptive-statistics",),
    difficulty=1,
    kind="number",
    statement=("Response times in milliseconds: {xs}. Compute the median. Enter an exact number."),
    hints=(
        "Sort the values first.",
        "With {n} values the median is {rule}.",
        "Sorted: {ordered}.",
    ),
    solution=(
        "Sorted: {ordered}. With {n} values the median is {rule}: {answer}.\n\n"
        "The mean is about {mean}, pulled up by the one very slow response; the median "
        "ignores it."
    ),
    why_ml="Robust summaries like the median keep one outlier from distorting how you "
    "read a metric or a feature.",
    make=_median,
    wrong_answers=(
        WrongAnswer("{wrong}", "That is the mean; the median is the middle of the sorted values."),
    ),
)


def _z_score(rng: random.Random) -> dict[str, Any]:
    sd = rng.randint(2, 15)
    mu = rng.randint(10, 90)
    x = mu + rng.choice([-1, 1]) * rng.randint(1, 3 * sd)
    return {
        "x": x,
        "mu": mu,
        "var": sd * sd,
        "sd": sd,
        "ratio": ratio(x - mu, sd),
        "wrong": R(x - mu, sd * sd),
        "answer": R(x - mu, sd),
    }


Z_SCORE = Template(
    id="z-score",
    topics=("descriptive-statistics", "distributions"),
    difficulty=1,
    kind="number",
    statement=(
        "A feature has mean {mu} and variance {var}. Standardize the value {x}: compute its "
        "z-score. Enter an exact number."
    ),
    hints=(
        "A z-score counts standard deviations from the mean.",
        "$z = (x - \\mu)/\\sigma$, and $\\sigma$ is the square root of the variance.",
        "$\\sigma = {sd}$.",
    ),
    solution="$\\sigma = \\sqrt{{{var}}} = {sd}$, so $z = ({x} - {mu})/{sd} = {ratio}$.",
    why_ml="Standardizing features puts them on one scale, which makes gradient descent "
    "converge much faster.",
    make=_z_score,
    wrong_answers=(
        WrongAnswer(
            "{wrong}", "Divide by the standard deviation $\\sigma = {sd}$, not the variance."
        ),
    ),
)


def _confidence_interval(rng: random.Random) -> dict[str, Any]:
    root = rng.choice([2, 4, 5, 8, 10])  # 1.96 * sigma / root is then a finite decimal
    sigma = rng.randint(2, 30)
    mean = R(rng.randint(100, 999), 10)
    margin = Z95 * R(sigma, root)
    return {
        "mean": dec(mean),
        "sigma": sigma,
        "n": root * root,
        "root": root,
        "se": dec(R(sigma, root)),
        "margin": dec(margin),
        "result": f"[{dec(mean - margin)}, {dec(mean + margin)}]",
        "wrong": sympy.Interval(mean - Z95 * sigma, mean + Z95 * sigma),
        "answer": sympy.Interval(mean - margin, mean + margin),
    }


CONFIDENCE_INTERVAL = Template(
    id="confidence-interval-known-sigma",
    topics=("confidence-intervals", "sampling"),
    difficulty=2,
    kind="interval",
    statement=(
        "A sample of $n = {n}$ has mean $\\bar x = {mean}$; the population standard deviation "
        "is known to be $\\sigma = {sigma}$. Give the 95% confidence interval for the mean "
        "as [lower, upper], using $z = 1.96$."
    ),
    hints=(
        "The interval is centred at $\\bar x$ and extends by a margin on each side.",
        "The margin is $1.96 \\cdot \\sigma/\\sqrt{{n}}$.",
        "$\\sigma/\\sqrt{{n}} = {sigma}/{root} = {se}$.",
    ),
    solution=(
        "Standard error: ${sigma}/\\sqrt{{{n}}} = {se}$. "
        "Margin: $1.96 \\cdot {se} = {margin}$.\n\n"
        "Interval: ${mean} \\pm {margin}$, that is ${result}$."
    ),
    why_ml="Report a model's accuracy with an interval: on a small test set the "
    "uncertainty is often bigger than the gap between models.",
    make=_confidence_interval,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "The margin uses the standard error $\\sigma/\\sqrt{{n}}$, not $\\sigma$ itself.",
        ),
    ),
)


def _z_test(rng: random.Random) -> dict[str, Any]:
    root = rng.choice([3, 4, 5, 6, 8, 10])
    sigma = rng.randint(2, 20)
    mu0 = rng.randint(20, 80)
    while True:
        mean = mu0 + R(rng.randint(-40, 40), 10)
        if mean != mu0:
            break
    z = (mean - mu0) / R(sigma, root)
    reject = abs(z) > Z95
    return {
        "n": root * root,
        "mean": dec(mean),
        "mu0": mu0,
        "sigma": sigma,
        "root": root,
        "se": R(sigma, root),
        "pse": operand(R(sigma, root)),
        "diff": dec(mean - mu0),
        "z": approx(z, 3),
        "verdict": "$|z| > 1.96$, so reject $H_0$ at the 5% level"
        if reject
        else "$|z| \\le 1.96$, so do not reject $H_0$ at the 5% level",
        "wrong": (mean - mu0) / sigma,
        "answer": z,
    }


Z_TEST = Template(
    id="z-test-statistic",
    topics=("hypothesis-testing", "sampling"),
    difficulty=2,
    kind="number",
    statement=(
        "Test $H_0: \\mu = {mu0}$ with a sample of $n = {n}$, sample mean $\\bar x = {mean}$ "
        "and known $\\sigma = {sigma}$. Compute the z statistic. Enter a fraction or a decimal "
        "to 3 significant figures."
    ),
    hints=(
        "The z statistic measures the gap between $\\bar x$ and $\\mu_0$ in standard errors.",
        "$z = (\\bar x - \\mu_0) / (\\sigma/\\sqrt{{n}})$.",
        "The standard error is ${sigma}/{root} = {se}$.",
    ),
    solution=(
        "Standard error: ${sigma}/\\sqrt{{{n}}} = {se}$.\n\n"
        "$z = ({mean} - {mu0}) / {pse} = {diff} / {pse} = {answer} \\approx {z}$.\n\n"
        "{verdict}."
    ),
    why_ml="A/B tests of models and features rest on test statistics like this one.",
    make=_z_test,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "Divide by the standard error $\\sigma/\\sqrt{{n}}$, not by $\\sigma$.",
        ),
    ),
)


TEMPLATES: tuple[Template, ...] = (
    STANDARD_ERROR,
    COVARIANCE,
    MEDIAN,
    Z_SCORE,
    CONFIDENCE_INTERVAL,
    Z_TEST,
)
