"""Templates for spectral linear algebra: eigenvalues, singular values and PCA."""

from __future__ import annotations

import random
from typing import Any

import sympy

from bot.problems.model import Template, WrongAnswer
from bot.problems.templates.common import nonzero, ratio

LAMBDA = sympy.Symbol("λ")


def _symmetric_with_integer_eigenvalues(rng: random.Random, *, positive: bool) -> sympy.Matrix:
    """A symmetric 2x2 integer matrix with distinct integer eigenvalues (positive if asked)."""
    low = 1 if positive else -8
    while True:
        a, d, b = rng.randint(low, low + 18), rng.randint(low, low + 18), nonzero(rng, -8, 8)
        root, exact = sympy.integer_nthroot((a - d) ** 2 + 4 * b * b, 2)
        if exact and (a + d + root) % 2 == 0 and (a + d - root > 0 or not positive):
            return sympy.Matrix([[a, b], [b, d]])


def _eigen_params(m: sympy.Matrix) -> dict[str, Any]:
    trace, det = m.trace(), m.det()
    low, high = sorted(m.eigenvals())
    return {
        "m": m,
        "trace": trace,
        "det": det,
        "charpoly": LAMBDA**2 - trace * LAMBDA + det,
        "factored": sympy.Mul(LAMBDA - high, LAMBDA - low, evaluate=False),
        "low": low,
        "high": high,
    }


def _eigenvalues(rng: random.Random) -> dict[str, Any]:
    params = _eigen_params(_symmetric_with_integer_eigenvalues(rng, positive=False))
    m = params["m"]
    return {
        **params,
        "diagonal": {m[0, 0], m[1, 1]} if m[0, 0] != m[1, 1] else {m[0, 0]},
        "answer": {params["low"], params["high"]},
    }


EIGENVALUES = Template(
    id="symmetric-2x2-eigenvalues",
    topics=("eigenvalues",),
    difficulty=2,
    kind="set",
    statement=(
        "Find the eigenvalues of the symmetric matrix $A = {m}$ (written row by row). Enter the "
        "set of eigenvalues, like {{a, b}}."
    ),
    hints=(
        "Eigenvalues are the numbers $λ$ with $\\det(A - λI) = 0$.",
        "For a $2 \\times 2$ matrix: $λ^2 - (\\mathrm{{tr}}\\,A)λ + \\det A = 0$.",
        "Here $\\mathrm{{tr}}\\,A = {trace}$ and $\\det A = {det}$: solve ${charpoly} = 0$.",
    ),
    solution=(
        "$\\mathrm{{tr}}\\,A = {trace}$ and $\\det A = {det}$, so the characteristic "
        "polynomial is ${charpoly} = {factored}$.\n\nThe eigenvalues are $\\{{{low}, {high}\\}}$. "
        "Check: they add up to the trace and multiply to the determinant."
    ),
    why_ml="PCA's principal components are eigenvectors of a covariance matrix, and the "
    "eigenvalues of a Hessian give a loss surface's curvature.",
    make=_eigenvalues,
    wrong_answers=(
        WrongAnswer(
            "{diagonal}",
            "The diagonal entries are the eigenvalues only for a diagonal or triangular matrix.",
        ),
    ),
)


def _pca_share(rng: random.Random) -> dict[str, Any]:
    params = _eigen_params(_symmetric_with_integer_eigenvalues(rng, positive=True))
    return {
        **params,
        "ratio": ratio(params["high"], params["trace"]),
        "answer": params["high"] / params["trace"],
    }


PCA_VARIANCE = Template(
    id="first-principal-component-share",
    topics=("pca", "eigenvalues", "variance-covariance"),
    difficulty=3,
    kind="number",
    statement=(
        "Two centred features have covariance matrix $C = {m}$ (written row by row). "
        "What fraction of the total variance does the first principal component explain? Enter an "
        "exact fraction."
    ),
    hints=(
        "The variance along each principal component is an eigenvalue of $C$.",
        "The total variance is the trace of $C$, which is also the sum of the eigenvalues.",
        "Solve ${charpoly} = 0$, then divide the larger root by {trace}.",
    ),
    solution=(
        "The eigenvalues of $C$ solve ${charpoly} = {factored} = 0$: "
        "they are {high} and {low}.\n\n"
        "The total variance is $\\mathrm{{tr}}\\,C = {trace}$, so the first component explains "
        "${ratio}$ of it."
    ),
    why_ml="Choosing how many principal components to keep starts from the variance each "
    "one explains.",
    make=_pca_share,
)


def _singular_values(rng: random.Random) -> dict[str, Any]:
    while True:
        p, r = rng.randint(-5, 5), rng.randint(-5, 5)
        if (p, r) != (0, 0):
            break
    k = rng.choice([-3, -2, 2, 3])
    a = sympy.Matrix([[p, -k * r], [r, k * p]])
    norm2 = p * p + r * r
    return {
        "a": a,
        "ata": a.T * a,
        "n1": norm2,
        "n2": k * k * norm2,
        "answer": {sympy.sqrt(norm2), sympy.sqrt(k * k * norm2)},
    }


SINGULAR_VALUES = Template(
    id="singular-values-2x2",
    topics=("svd", "eigenvalues"),
    difficulty=3,
    kind="set",
    statement=(
        "Find the singular values of $A = {a}$ (written row by row). "
        "Exact values such as sqrt(5) are welcome."
    ),
    hints=(
        "The singular values of $A$ are the square roots of the eigenvalues of $A^T A$.",
        "Look at the columns of $A$: they are orthogonal, so $A^T A$ is diagonal.",
        "$A^T A = {ata}$; take square roots of its diagonal entries.",
    ),
    solution=(
        "The columns of $A$ are orthogonal, so $A^T A = {ata}$ is diagonal with eigenvalues "
        "{n1} and {n2}.\n\nThe singular values are their square roots: ${answer}$."
    ),
    why_ml="The SVD underlies PCA, low-rank compression of weight matrices and the condition "
    "number that slows gradient descent.",
    make=_singular_values,
)


TEMPLATES: tuple[Template, ...] = (EIGENVALUES, PCA_VARIANCE, SINGULAR_VALUES)
