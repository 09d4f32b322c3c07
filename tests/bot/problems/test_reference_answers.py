"""Every problem's reference answer, recomputed independently with sympy.

Each problem id in `content/problems/` maps to a small sympy computation built
from the problem's own data (not from its stated answer). The tests parse the
stated answer with a helper that is only safe because the bank is our own
trusted content (never learner text) and check both agree; they also check
that every anticipated wrong answer really is wrong, and the bank's shape.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter
from pathlib import Path

import mpmath
import numpy as np
import pytest
import sympy as sp
import yaml
from sympy import stats as st
from sympy.parsing.sympy_parser import parse_expr, standard_transformations

ROOT = Path(__file__).resolve().parents[3]
PROBLEMS_DIR = ROOT / "content" / "problems"

TOPIC_IDS = [
    "reading-formulas",
    "activations-softmax",
    "vectors-matrices",
    "dot-product-matrix-multiplication",
    "linear-transformations",
    "determinants-inverses",
    "linear-systems",
    "eigenvalues",
    "svd",
    "pca",
    "jacobian-hessian",
    "limits",
    "derivatives",
    "integration",
    "partial-derivatives",
    "gradients",
    "chain-rule",
    "backpropagation",
    "multivariable-calculus",
    "gradient-descent",
    "stochastic-gradient-descent",
    "momentum",
    "adam",
    "learning-rates",
    "local-global-minima",
    "saddle-points",
    "convexity",
    "gradient-flow",
    "probability-basics",
    "distributions",
    "conditional-probability",
    "bayes-theorem",
    "naive-bayes",
    "maximum-likelihood",
    "sampling",
    "variance-covariance",
    "descriptive-statistics",
    "hypothesis-testing",
    "confidence-intervals",
    "linear-regression",
    "multicollinearity",
    "overfitting",
    "bayesian-vs-frequentist",
    "bayesian-optimization",
    "entropy",
    "joint-entropy",
    "conditional-entropy",
    "mutual-information",
    "cross-entropy-kl",
]

# Id prefixes allowed besides the full primary topic id.
ID_ABBREVIATIONS = {
    "dot-product-matrix-multiplication": "matmul",
    "stochastic-gradient-descent": "sgd",
    "multivariable-calculus": "multivar",
    "bayesian-optimization": "bayesopt",
}

KINDS = {
    "number",
    "expression",
    "vector",
    "matrix",
    "set",
    "interval",
    "solutions",
    "tuple",
    "keyword",
}

# --------------------------------------------------------------------------
# Small maths helpers for the reference computations.

R = sp.Rational
x, y, z, w, b, t, p, r, s, k, mu, h = sp.symbols("x y z w b t p r s k mu h")


def Phi(v):
    """Standard normal CDF."""
    return (1 + sp.erf(sp.sympify(v) / sp.sqrt(2))) / 2


def phi(v):
    """Standard normal density."""
    v = sp.sympify(v)
    return sp.exp(-(v**2) / 2) / sp.sqrt(2 * sp.pi)


def sigmoid(v):
    return 1 / (1 + sp.exp(-sp.sympify(v)))


def H(*ps, base=2):
    """Entropy of a distribution (zero terms dropped)."""
    return -sum(sp.sympify(q) * sp.log(sp.sympify(q), base) for q in ps if q != 0)


def Hb(q, base=2):
    """Binary entropy."""
    return H(q, 1 - sp.sympify(q), base=base)


def mat(rows):
    return sp.Matrix(rows)


def mean(xs):
    return sum(sp.nsimplify(v) for v in xs) / len(xs)


def var_pop(xs):
    m = mean(xs)
    return sum((sp.nsimplify(v) - m) ** 2 for v in xs) / len(xs)


def var_sample(xs):
    m = mean(xs)
    return sum((sp.nsimplify(v) - m) ** 2 for v in xs) / (len(xs) - 1)


def cov_pop(xs, ys):
    mx, my = mean(xs), mean(ys)
    return sum(
        (sp.nsimplify(a) - mx) * (sp.nsimplify(c) - my) for a, c in zip(xs, ys, strict=True)
    ) / len(xs)


def corr(xs, ys):
    return cov_pop(xs, ys) / sp.sqrt(var_pop(xs) * var_pop(ys))


def eigenvalue_set(m):
    return set(sp.Matrix(m).eigenvals())


def singular_values(m):
    m = sp.Matrix(m)
    return {sp.sqrt(ev) for ev in (m.T * m).eigenvals()}


def solve_set(eq, var):
    return set(sp.solve(eq, var))


def kl(ps, qs, base=2):
    return sum(
        sp.sympify(a) * sp.log(sp.sympify(a) / sp.sympify(c), base)
        for a, c in zip(ps, qs, strict=True)
        if a
    )


def cross_entropy(ps, qs, base=2):
    return -sum(
        sp.sympify(a) * sp.log(sp.sympify(c), base) for a, c in zip(ps, qs, strict=True) if a
    )


def joint_entropy(table, base=2):
    return H(*[q for row in table for q in row], base=base)


def marginals(table):
    rows = [sum(row) for row in table]
    cols = [sum(table[i][j] for i in range(len(table))) for j in range(len(table[0]))]
    return rows, cols


def ols(xs, ys):
    """(slope, intercept) of least squares, from the centred sums."""
    mx, my = mean(xs), mean(ys)
    sxy = sum((sp.nsimplify(a) - mx) * (sp.nsimplify(c) - my) for a, c in zip(xs, ys, strict=True))
    sxx = sum((sp.nsimplify(a) - mx) ** 2 for a in xs)
    slope = sxy / sxx
    return slope, my - slope * mx


def gd(grad, w0, lr, steps):
    wv = sp.Matrix(w0) if isinstance(w0, (list, tuple)) else sp.nsimplify(w0)
    for _ in range(steps):
        wv = wv - sp.nsimplify(lr) * grad(wv)
    return wv


# ==========================================================================
# Reference table: problem id -> independent computation, topic by topic.
# ==========================================================================

REF: dict[str, object] = {}

# --- vectors-matrices
REF.update(
    {
        "vectors-matrices-norm": lambda: mat([3, 4, 12]).norm(),
        "vectors-matrices-linear-combination": lambda: 2 * mat([1, -1, 0]) + 3 * mat([0, 2, 1]),
        "vectors-matrices-shape-gram": lambda: (sp.zeros(200, 15).T * sp.zeros(200, 15)).shape,
        "vectors-matrices-gram-product": lambda: (
            mat([[1, 2], [3, 4], [5, 6]]).T * mat([[1, 2], [3, 4], [5, 6]])
        ),
        "vectors-matrices-rank": lambda: mat([[1, 2, 3], [2, 4, 6], [1, 0, 1]]).rank(),
        "vectors-matrices-projection": lambda: mat([2, 3]).project(mat([1, 1])),
    }
)


# --- dot-product-matrix-multiplication
REF.update(
    {
        "matmul-dot-bias": lambda: mat([R(1, 2), -1, 2]).dot(mat([4, 3, 1])) + R(1, 2),
        "matmul-2x2-order": lambda: mat([[1, 2], [3, 4]]) * mat([[0, 1], [1, 0]]),
        "matmul-batch-predictions": lambda: (
            mat([[1, 2], [0, 1], [3, -1]]) * mat([2, -1]) + sp.ones(3, 1)
        ),
        "matmul-cosine-similarity": lambda: (
            mat([1, 2, 2]).dot(mat([2, 0, 1])) / (mat([1, 2, 2]).norm() * mat([2, 0, 1]).norm())
        ),
        "matmul-attention-score": lambda: mat([1, 2, 0, 1]).dot(mat([2, 1, 1, 0])) / sp.sqrt(4),
        # cost of B x (n*n*1) plus A (B x) (n*n*1)
        "matmul-associativity-cost": lambda: 1000 * 1000 * 1 + 1000 * 1000 * 1,
    }
)

# --- linear-transformations
REF.update(
    {
        "linear-transformations-rotate-90": lambda: sp.rot_axis3(-sp.pi / 2)[:2, :2] * mat([2, 1]),
        "linear-transformations-shear-point": lambda: mat([[1, 2], [0, 1]]) * mat([1, 1]),
        "linear-transformations-compose": lambda: mat([[1, 0], [0, -1]]) * mat([[0, -1], [1, 0]]),
        "linear-transformations-area-scale": lambda: abs(mat([[3, 1], [1, 2]]).det()),
        "linear-transformations-collapse": lambda: solve_set(mat([[2, k], [4, 6]]).det(), k),
        # M [1,0] = [2,1], M [1,1] = [5,4]  =>  M = images * inverse(inputs)
        "linear-transformations-find-matrix": lambda: (
            mat([[2, 5], [1, 4]]) * mat([[1, 1], [0, 1]]).inv()
        ),
    }
)

# --- determinants-inverses
REF.update(
    {
        "determinants-inverses-det-2x2": lambda: mat([[4, 3], [2, 5]]).det(),
        "determinants-inverses-inverse-2x2": lambda: mat([[2, 1], [5, 3]]).inv(),
        "determinants-inverses-det-3x3": lambda: mat([[2, 0, 1], [1, 3, 2], [0, 1, 1]]).det(),
        "determinants-inverses-singular-k": lambda: solve_set(mat([[k, 2], [8, k]]).det(), k),
        # any 3x3 matrix with det 2 will do: diag(2, 1, 1)
        "determinants-inverses-scaled-inverse": lambda: (3 * sp.diag(2, 1, 1).inv()).det(),
        "determinants-inverses-ill-conditioned": lambda: mat([[1, 1], [1, R(1001, 1000)]]).inv(),
    }
)


# --- linear-systems
def _linsolve(eqs, unknowns):
    (solution,) = sp.linsolve(eqs, unknowns)
    return tuple(solution)


REF.update(
    {
        "linear-systems-two-equations": lambda: _linsolve([x + y - 5, x - y - 1], [x, y]),
        "linear-systems-fit-line": lambda: _linsolve([w * 1 + b - 3, w * 3 + b - 7], [w, b]),
        "linear-systems-three-unknowns": lambda: _linsolve(
            [x + y + z - 6, 2 * y + 5 * z + 4, 2 * x + 5 * y - z - 27], [x, y, z]
        ),
        # infinitely many solutions <=> augmented matrix has the same rank (1) as the coefficients
        "linear-systems-infinite-solutions": lambda: next(
            kv for kv in range(-20, 21) if mat([[1, 2, 3], [2, 4, kv]]).rank() == 1
        ),
        "linear-systems-ill-conditioned": lambda: _linsolve(
            [x + y - 2, x + R(10001, 10000) * y - R(20002, 10000)], [x, y]
        ),
    }
)


# --- eigenvalues
def _top_unit_eigenvector(m):
    m = sp.Matrix(m)
    _, _, vecs = max(m.eigenvects(), key=lambda item: float(item[0]))
    v = vecs[0] / vecs[0].norm()
    return v if v[0] > 0 else -v


REF.update(
    {
        "eigenvalues-diagonal": lambda: eigenvalue_set([[3, 0], [0, -2]]),
        "eigenvalues-check-vector": lambda: (
            (mat([[4, 1], [2, 3]]) * mat([1, -2])).dot(mat([1, -2]))
            / mat([1, -2]).dot(mat([1, -2]))
        ),
        "eigenvalues-symmetric-2x2": lambda: eigenvalue_set([[2, 1], [1, 2]]),
        "eigenvalues-trace-determinant": lambda: solve_set(x**2 - 7 * x + 10, x),
        "eigenvalues-covariance-eigenvector": lambda: _top_unit_eigenvector([[5, 2], [2, 2]]),
        "eigenvalues-repeated-application": lambda: (
            mat([[R(1, 2), R(2, 5)], [R(2, 5), R(1, 2)]]) ** 10
            * _top_unit_eigenvector([[R(1, 2), R(2, 5)], [R(2, 5), R(1, 2)]])
        ).norm(),
    }
)

# --- svd
REF.update(
    {
        "svd-diagonal-signs": lambda: singular_values([[3, 0], [0, -4]]),
        "svd-from-gram": lambda: singular_values([[1, 1], [0, 1], [1, 0]]),
        "svd-rank-one": lambda: max(singular_values([[2, 0, 1], [4, 0, 2]]), key=float),
        "svd-storage": lambda: 1000 * 20 + 20 + 500 * 20,
        "svd-condition-number": lambda: (
            max(singular_values([[3, 0], [0, R(1, 100)]]), key=float)
            / min(singular_values([[3, 0], [0, R(1, 100)]]), key=float)
        ),
        # build a matrix with those singular values and measure the rank-2 error directly
        "svd-eckart-young": lambda: (sp.diag(10, 5, 2, 1) - sp.diag(10, 5, 0, 0)).norm(),
    }
)


# --- pca
def _cov_pop_matrix(points):
    cols = list(zip(*points, strict=True))
    return mat([[cov_pop(a, c) for c in cols] for a in cols])


def _explained_first(eigs):
    eigs = [sp.nsimplify(v) for v in eigs]
    return max(eigs) / sum(eigs)


REF.update(
    {
        "pca-variance-explained": lambda: _explained_first([6, 3, 1]),
        "pca-components-needed": lambda: next(
            n for n in range(1, 6) if sum([50, 25, 15, 6, 4][:n]) >= R(9, 10) * 100
        ),
        "pca-first-direction": lambda: _top_unit_eigenvector([[3, 1], [1, 3]]),
        "pca-project-score": lambda: (mat([5, 6]) - mat([mean([1, 3, 5]), mean([2, 4, 6])])).dot(
            _top_unit_eigenvector(_cov_pop_matrix([(1, 2), (3, 4), (5, 6)]))
        ),
        "pca-from-data": lambda: _explained_first(
            list(_cov_pop_matrix([(2, 1), (-2, -1), (1, 2), (-1, -2)]).eigenvals(multiple=True))
        ),
    }
)

# --- jacobian-hessian
REF.update(
    {
        "jacobian-hessian-quadratic-hessian": lambda: sp.hessian(
            3 * x**2 + 2 * x * y + y**2, (x, y)
        ),
        "jacobian-hessian-jacobian-at-point": lambda: (
            mat([x**2 * y, x + sp.sin(y)]).jacobian([x, y]).subs({x: 2, y: 0})
        ),
        "jacobian-hessian-polar-determinant": lambda: sp.simplify(
            mat([r * sp.cos(t), r * sp.sin(t)]).jacobian([r, t]).det()
        ),
        "jacobian-hessian-softmax": lambda: (
            mat([sp.exp(x) / (sp.exp(x) + sp.exp(y)), sp.exp(y) / (sp.exp(x) + sp.exp(y))])
            .jacobian([x, y])
            .subs({x: 0, y: 0})
        ),
        "jacobian-hessian-mse-hessian": lambda: sp.hessian(
            sum(
                (w * 1 + b * xi - yi) ** 2
                for xi, yi in zip([1, 2, 3], sp.symbols("y1:4"), strict=True)
            ),
            (w, b),
        ),
    }
)

# --- reading-formulas
_X_SUBSCRIPTS = mat([[2, 7, 1], [5, 3, 8], [4, 6, 9]])  # x_ij = row i, column j, from 1
_MU_SIGMA_DATA = [2, 4, 4, 4, 5, 5, 7, 9]
REF.update(
    {
        "reading-formulas-sum-of-squares": lambda: sp.summation(k**2, (k, 1, 4)),
        "reading-formulas-product": lambda: sp.prod([2, 3, R(1, 2), 4]),
        "reading-formulas-log-of-product": lambda: sp.log(8 * 16, 2),
        "reading-formulas-exponent-rules": lambda: sp.powsimp((x**3) ** 2 * x**-4),
        "reading-formulas-subscripts": lambda: _X_SUBSCRIPTS[1, 2] - _X_SUBSCRIPTS[2, 0],
        "reading-formulas-function-composition": lambda: (3 * x**2 - 2 * x + 1).subs(x, 2 + 1),
        "reading-formulas-greek-sigma": lambda: sp.sqrt(var_pop(_MU_SIGMA_DATA)),
        "reading-formulas-log-likelihood": lambda: sp.expand_log(
            sp.log(sp.prod([sp.exp(-i) for i in range(1, 4)])), force=True
        ),
    }
)


# --- activations-softmax
def _softmax(zs):
    exps = [sp.exp(sp.sympify(v)) for v in zs]
    return [sp.simplify(e / sum(exps)) for e in exps]


def _relu(zs):
    return sp.Matrix([sp.Max(0, sp.nsimplify(v)) for v in zs])


_LOGITS_3 = [0, sp.log(3), sp.log(4)]
REF.update(
    {
        "activations-softmax-sigmoid-value": lambda: sp.simplify(sigmoid(sp.log(3))),
        "activations-softmax-relu-vector": lambda: _relu(["-2", "0.5", "3", "-0.1"]),
        "activations-softmax-sigmoid-derivative": lambda: sp.simplify(
            sp.diff(sigmoid(z), z).subs(z, sp.log(3))
        ),
        "activations-softmax-tanh-value": lambda: sp.simplify(sp.tanh(sp.log(2)).rewrite(sp.exp)),
        "activations-softmax-softmax-vector": lambda: sp.Matrix(_softmax(_LOGITS_3)),
        "activations-softmax-shift-invariance": lambda: _softmax([1000, 1000 + sp.log(3)])[1],
        "activations-softmax-relu-backward": lambda: sp.Matrix(
            [
                sp.diff(sp.Max(0, z), z).subs(z, v) * g
                for v, g in zip([R(-3, 2), 2, R(3, 10)], [4, -1, 2], strict=True)
            ]
        ),
        "activations-softmax-jacobian-entry": lambda: sp.simplify(
            sp.diff(
                _softmax([sp.Symbol("z1"), sp.Symbol("z2"), sp.Symbol("z3")])[0], sp.Symbol("z2")
            ).subs(dict(zip(sp.symbols("z1 z2 z3"), _LOGITS_3, strict=True)))
        ),
    }
)


# --- implement and report: numpy reference implementations of the "numpy" tasks
def _np_pca_first_share():
    data = np.array(
        [
            [2.5, 2.4],
            [0.5, 0.7],
            [2.2, 2.9],
            [1.9, 2.2],
            [3.1, 3.0],
            [2.3, 2.7],
            [2.0, 1.6],
            [1.0, 1.1],
            [1.5, 1.6],
            [1.1, 0.9],
        ]
    )
    eigs = np.linalg.eigvalsh(np.cov((data - data.mean(axis=0)).T))
    return float(eigs[-1] / eigs.sum())


def _np_logistic_w():
    xs = np.array([0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0])
    ys = np.array([0, 0, 1, 0, 1, 0, 1, 1], dtype=float)
    wv = bv = 0.0
    for _ in range(100):
        prob = 1 / (1 + np.exp(-(wv * xs + bv)))
        wv, bv = wv - 0.5 * np.mean((prob - ys) * xs), bv - 0.5 * np.mean(prob - ys)
    return float(wv)


def _np_logsumexp_loss():
    logits = np.array([1000.0, 1001.0, 1002.0, 998.0])
    top = logits.max()
    return float(top + np.log(np.exp(logits - top).sum()) - logits[1])


def _np_linreg_gd_loss():
    xs, ys = np.arange(1.0, 6.0), np.array([2.2, 2.8, 4.5, 3.7, 5.5])
    wv = bv = 0.0
    for _ in range(100):
        res = wv * xs + bv - ys
        wv, bv = wv - 0.05 * 2 * np.mean(res * xs), bv - 0.05 * 2 * np.mean(res)
    return float(np.mean((wv * xs + bv - ys) ** 2))


def _np_power_iteration():
    a = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 2.0]])
    v = np.ones(3)
    for _ in range(50):
        v = a @ v
        v /= np.linalg.norm(v)
    return float(v @ a @ v)


def _np_adam_w():
    wv = m1 = m2 = 0.0
    for step in range(1, 11):
        g = 2 * (wv - 3)
        m1, m2 = 0.9 * m1 + 0.1 * g, 0.999 * m2 + 0.001 * g * g
        m_hat, v_hat = m1 / (1 - 0.9**step), m2 / (1 - 0.999**step)
        wv -= 0.1 * m_hat / (np.sqrt(v_hat) + 1e-8)
    return float(wv)


NUMPY_TASKS = {
    "pca-numpy-explained-variance": _np_pca_first_share,
    "maximum-likelihood-numpy-logistic-gd": _np_logistic_w,
    "activations-softmax-numpy-logsumexp": _np_logsumexp_loss,
    "gradient-descent-numpy-linear-regression": _np_linreg_gd_loss,
    "eigenvalues-numpy-power-iteration": _np_power_iteration,
    "adam-numpy-ten-steps": _np_adam_w,
}
REF.update(NUMPY_TASKS)

# --- limits
REF.update(
    {
        "limits-removable": lambda: sp.limit((x**2 - 4) / (x - 2), x, 2),
        "limits-at-infinity": lambda: sp.limit((3 * x**2 + 1) / (x**2 + 5 * x), x, sp.oo),
        "limits-sigmoid-gradient-tail": lambda: sp.limit(sigmoid(z) * (1 - sigmoid(z)), z, sp.oo),
        "limits-exp-difference-quotient": lambda: sp.limit((sp.exp(h) - 1) / h, h, 0),
        "limits-relu-kink": lambda: (
            "DNE"
            if sp.limit(sp.Abs(x) / x, x, 0, "+") != sp.limit(sp.Abs(x) / x, x, 0, "-")
            else sp.limit(sp.Abs(x) / x, x, 0)
        ),
        "limits-x-log-x": lambda: sp.limit(p * sp.log(p), p, 0, "+"),
    }
)

# --- derivatives
REF.update(
    {
        "derivatives-polynomial": lambda: sp.diff(4 * x**3 - 2 * x + 7, x),
        "derivatives-squared-error": lambda: sp.diff((w - 5) ** 2, w),
        "derivatives-product-rule": lambda: sp.diff(x**2 * sp.exp(x), x),
        "derivatives-sigmoid-at-zero": lambda: sp.diff(sigmoid(z), z).subs(z, 0),
        "derivatives-log-loss": lambda: sp.diff(-sp.log(p), p).subs(p, R(8, 10)),
        "derivatives-tanh": lambda: sp.simplify(sp.diff(sp.tanh(x), x).subs(x, sp.log(2))),
    }
)

# --- integration
REF.update(
    {
        "integration-polynomial": lambda: sp.integrate(3 * x**2 + 2 * x, x),
        "integration-definite": lambda: sp.integrate(x**2, (x, 0, 2)),
        "integration-normalize-density": lambda: sp.solve(sp.integrate(k * x, (x, 0, 2)) - 1, k)[0],
        "integration-exponential-tail": lambda: sp.integrate(2 * sp.exp(-2 * x), (x, 1, sp.oo)),
        "integration-by-parts": lambda: sp.integrate(x * sp.exp(x), x),
        "integration-variance": lambda: (
            sp.integrate(x**2 * 3 * x**2, (x, 0, 1)) - sp.integrate(x * 3 * x**2, (x, 0, 1)) ** 2
        ),
    }
)

# --- partial-derivatives
REF.update(
    {
        "partial-derivatives-basic": lambda: sp.diff(x**2 * y + 3 * y, x),
        "partial-derivatives-bias": lambda: sp.diff((2 * w + b - 1) ** 2, b),
        "partial-derivatives-at-point": lambda: sp.diff(x * sp.exp(x * y), y).subs({x: 2, y: 0}),
        "partial-derivatives-mixed": lambda: sp.diff(x**3 * y**2, x, y),
        "partial-derivatives-gaussian-scale": lambda: sp.diff(
            -sp.log(s) - (x - mu) ** 2 / (2 * s**2), s
        ),
    }
)


# --- gradients
def _grad(f, vars_, point):
    return mat([sp.diff(f, v) for v in vars_]).subs(dict(zip(vars_, point, strict=True)))


REF.update(
    {
        "gradients-linear": lambda: _grad(2 * x - 3 * y + z, [x, y, z], [0, 0, 0]),
        "gradients-at-point": lambda: _grad(x**2 + 3 * x * y + y**2, [x, y], [1, 2]),
        "gradients-mse-one-point": lambda: _grad((w * 3 + b - 5) ** 2, [w, b], [1, 0]),
        "gradients-directional": lambda: _grad(x**2 * y, [x, y], [1, 2]).dot(
            mat([R(3, 5), R(4, 5)])
        ),
        "gradients-quadratic-form": lambda: _grad(
            (mat([[x, y]]) * mat([[2, 1], [1, 3]]) * mat([x, y]))[0], [x, y], [1, -1]
        ),
        "gradients-logistic": lambda: _grad(
            -(1 * sp.log(sigmoid(2 * x - 1 * y)) + 0 * sp.log(1 - sigmoid(2 * x - y))),
            [x, y],
            [0, 0],
        ),
    }
)

# --- chain-rule
REF.update(
    {
        "chain-rule-sin-square": lambda: sp.diff(sp.sin(x**2), x),
        "chain-rule-power": lambda: sp.diff((3 * x + 1) ** 4, x),
        "chain-rule-gaussian-bump": lambda: sp.diff(sp.exp(-(x**2) / 2), x),
        # a concrete pair with g(2)=3, g'(2)=5, f'(3)=-2, f'(2)=7 (f'(u) = -2 - 9(u - 3))
        "chain-rule-from-values": lambda: sp.diff(
            (lambda u: -2 * u - R(9, 2) * (u - 3) ** 2)(3 + 5 * (x - 2)), x
        ).subs(x, 2),
        "chain-rule-log-sigmoid": lambda: sp.diff(sp.log(sigmoid(z)), z),
    }
)


# --- backpropagation
def _two_layer_relu_grads():
    w1, w2 = sp.symbols("w1 w2")
    loss = (w2 * sp.Max(0, w1 * 1) - 1) ** 2 / 2
    at = {w1: 2, w2: -1}
    return [sp.diff(loss, w1).subs(at), sp.diff(loss, w2).subs(at)]


def _tanh_hidden_grad():
    w1, w2 = sp.symbols("w1 w2")
    loss = (w2 * sp.tanh(w1 * 2) - 1) ** 2
    return sp.diff(loss, w1).subs({w1: 0, w2: 3})


REF.update(
    {
        "backpropagation-single-neuron": lambda: sp.diff((w * 2 + b - 5) ** 2, w).subs(
            {w: 3, b: 1}
        ),
        "backpropagation-dead-relu": lambda: (
            5 * sp.diff(sp.Max(0, z), z).subs(z, -3) * sp.diff(w * 2 + b, w)
        ),
        "backpropagation-sigmoid-neuron": lambda: sp.diff((sigmoid(w * 1) - 1) ** 2 / 2, w).subs(
            w, 0
        ),
        "backpropagation-softmax-cross-entropy": lambda: _grad(
            -sp.log(sp.exp(y) / (sp.exp(x) + sp.exp(y))), [x, y], [0, sp.log(3)]
        ),
        "backpropagation-two-layer-relu": _two_layer_relu_grads,
        "backpropagation-tanh-hidden": _tanh_hidden_grad,
    }
)

# --- multivariable-calculus
REF.update(
    {
        "multivar-level-set": lambda: next(v for v in sp.solve(x**2 + 0**2 - 25, x) if v > 0),
        "multivar-linear-approximation": lambda: (
            (x**2 * y).subs({x: 1, y: 2})
            + _grad(x**2 * y, [x, y], [1, 2]).dot(mat([R(1, 10), -R(1, 10)]))
        ),
        "multivar-critical-point": lambda: tuple(
            sp.solve([sp.diff(x**2 + y**2 - 2 * x + 4 * y, v) for v in (x, y)], [x, y]).values()
        ),
        "multivar-joint-density": lambda: 1 / sp.integrate(x + y, (y, 0, 2), (x, 0, 1)),
        "multivar-constrained-min": lambda: sp.Min(
            *[
                (x**2 + y**2).subs(sol)
                for sol in sp.solve(
                    [2 * x - k * 1, 2 * y - k * 2, x + 2 * y - 5], [x, y, k], dict=True
                )
            ]
        ),
        "multivar-taylor-second-order": lambda: (
            sp.series(sp.exp(x * t) * sp.cos(y * t), t, 0, 3).removeO().subs(t, 1)
        ),
    }
)


# --- gradient-descent
def _gd1(f, w0, lr, steps):
    d = sp.diff(f, w)
    return gd(lambda v: d.subs(w, v), w0, lr, steps)


def _gd_vec(f, vars_, start, lr, steps):
    grad = mat([sp.diff(f, v) for v in vars_])
    return gd(lambda pt: grad.subs(dict(zip(vars_, pt, strict=True))), start, lr, steps)


REF.update(
    {
        "gradient-descent-one-step": lambda: _gd1(w**2, 3, R(1, 10), 1),
        "gradient-descent-2d-step": lambda: _gd_vec(x**2 + 2 * y**2, [x, y], [1, 1], R(1, 4), 1),
        "gradient-descent-regression-step": lambda: _gd1(
            R(1, 2) * ((w * 1 - 2) ** 2 + (w * 2 - 4) ** 2), 0, R(1, 10), 1
        ),
        "gradient-descent-steps-to-tolerance": lambda: next(
            n for n in range(1, 100) if abs(_gd1(w**2, 1, R(1, 4), n)) < R(1, 100)
        ),
        "gradient-descent-geometric": lambda: _gd1(2 * w**2, 10, R(1, 5), 3),
        "gradient-descent-ridge-step": lambda: _gd1((w - 3) ** 2 + w**2, 0, R(1, 4), 1),
    }
)

# --- stochastic-gradient-descent
REF.update(
    {
        "sgd-steps-per-epoch": lambda: sp.ceiling(R(10000, 32)),
        "sgd-minibatch-step": lambda: 1 - R(1, 10) * mean([4, -2, 1, 5]),
        "sgd-single-example-step": lambda: _gd1((w * 2 - 3) ** 2, 1, R(5, 100), 1),
        "sgd-batch-noise": lambda: sp.sqrt(R(4) ** 2 / 64),
        "sgd-wrong-direction": lambda: R(
            sum(1 for a in (1, 2, 3 * 2) if sp.diff((w - a) ** 2, w).subs(w, R(5, 2)) > 0), 3
        ),
    }
)


# --- momentum
def _momentum(grad, w0, v0, beta, lr, steps, nesterov=False):
    wv, vv = sp.nsimplify(w0), sp.nsimplify(v0)
    beta, lr = sp.nsimplify(beta), sp.nsimplify(lr)
    for _ in range(steps):
        at = wv - lr * beta * vv if nesterov else wv
        vv = beta * vv + grad(at)
        wv = wv - lr * vv
    return wv


REF.update(
    {
        "momentum-velocity-update": lambda: R(9, 10) * 2 + 1,
        "momentum-two-steps": lambda: _momentum(lambda v: 2 * v, 1, 0, 0.9, 0.1, 2),
        "momentum-terminal-velocity": lambda: (
            R(1, 100) * sp.solve(sp.Eq(k, R(9, 10) * k + 3), k)[0]
        ),
        "momentum-ema-average": lambda: R(9, 10) * (R(9, 10) * 0 + R(1, 10) * 10) + R(1, 10) * 10,
        "momentum-nesterov": lambda: _momentum(lambda v: 2 * v, 1, 1, 0.9, 0.1, 1, nesterov=True),
    }
)


# --- adam
def _adam_steps(grads, lr, b1=None, b2=None):
    b1 = R(9, 10) if b1 is None else b1
    b2 = R(999, 1000) if b2 is None else b2
    m = v = 0
    steps = []
    for t_, g in enumerate(grads, start=1):
        g = sp.nsimplify(g)
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g**2
        steps.append(sp.nsimplify(lr) * (m / (1 - b1**t_)) / sp.sqrt(v / (1 - b2**t_)))
    return steps


REF.update(
    {
        "adam-first-moment": lambda: R(9, 10) * 0 + R(1, 10) * 4,
        "adam-first-step": lambda: 0 - _adam_steps([4], R(1, 1000))[0],
        "adam-tiny-gradient": lambda: 0 - _adam_steps([R(-2, 100)], R(1, 100))[0],
        "adam-second-step": lambda: _adam_steps([1, 3], R(1, 10))[1],
        "adam-bias-correction-factor": lambda: (
            (R(1, 10) * 5 / sp.sqrt(R(1, 1000) * 25)) / _adam_steps([5], 1)[0]
        ),
    }
)

# --- learning-rates
REF.update(
    {
        "learning-rates-too-large": lambda: _gd1(w**2, 1, R(3, 2), 2),
        "learning-rates-step-decay": lambda: R(1, 10) * R(1, 2) ** (35 // 10),
        # converges iff |1 - lr * f''| < 1
        "learning-rates-stable-range": lambda: sp.solve_univariate_inequality(
            sp.Abs(1 - k * sp.diff(5 * w**2, w, 2)) < 1, k, relational=False
        ),
        "learning-rates-optimal": lambda: sp.solve(1 - k * sp.diff(3 * w**2, w, 2), k)[0],
        "learning-rates-cosine-schedule": lambda: (
            0 + R(1, 2) * (R(1, 10) - 0) * (1 + sp.cos(sp.pi * 100 / 300))
        ),
        "learning-rates-condition-number": lambda: max(
            abs(1 - R(2, 101) * lam)
            for lam in eigenvalue_set(sp.hessian((x**2 + 100 * y**2) / 2, (x, y)))
        ),
    }
)

# --- local-global-minima
REF.update(
    {
        "local-global-minima-critical-points": lambda: solve_set(sp.diff(x**3 - 3 * x, x), x),
        "local-global-minima-quadratic-min": lambda: sp.minimum(w**2 - 6 * w + 10, w),
        "local-global-minima-double-well": lambda: {
            c
            for c in sp.solve(sp.diff(x**4 - 2 * x**2, x), x)
            if sp.diff(x**4 - 2 * x**2, x, 2).subs(x, c) > 0
        },
        "local-global-minima-no-minimum": lambda: (
            "none"
            if sp.solveset(sp.diff(x**3 + 3 * x, x), x, sp.S.Reals) == sp.S.EmptySet
            else "exists"
        ),
        "local-global-minima-on-interval": lambda: sp.minimum(x**3 - 3 * x, x, sp.Interval(-3, 2)),
        "local-global-minima-gd-basin": lambda: min(
            sp.Poly(sp.diff(x**4 - 4 * x**2 + x, x)).nroots(),
            key=lambda c: (x**4 - 4 * x**2 + x).subs(x, c),
        ),
    }
)

# --- saddle-points
REF.update(
    {
        "saddle-points-hessian-eigenvalues": lambda: eigenvalue_set(
            sp.hessian(x**2 - y**2, (x, y))
        ),
        "saddle-points-count-down-directions": lambda: sum(
            mult
            for lam, mult in sp.hessian(x**2 + 4 * x * y + y**2, (x, y)).eigenvals().items()
            if lam < 0
        ),
        "saddle-points-find": lambda: next(
            (sol[x], sol[y])
            for sol in sp.solve(
                [sp.diff(x**3 - 3 * x * y + y**3, v) for v in (x, y)], [x, y], dict=True
            )
            if sol[x].is_real
            and sol[y].is_real
            and sp.hessian(x**3 - 3 * x * y + y**3, (x, y)).subs(sol).det() < 0
        ),
        # positive definite (Sylvester): h11 = 2 > 0 and det > 0
        "saddle-points-strict-min-range": lambda: sp.solve_univariate_inequality(
            sp.hessian(x**2 + k * x * y + y**2, (x, y)).det() > 0, k, relational=False
        ),
        "saddle-points-escape": lambda: _gd_vec(x**2 - y**2, [x, y], [1, R(1, 1000)], R(1, 10), 10)[
            1
        ],
    }
)

# --- convexity
REF.update(
    {
        "convexity-cubic-region": lambda: sp.solve_univariate_inequality(
            sp.diff(x**3, x, 2) >= 0, x, relational=False
        ),
        "convexity-jensen-gap": lambda: (
            (0**2 + 4**2) / sp.Integer(2) - ((0 + 4) / sp.Integer(2)) ** 2
        ),
        "convexity-psd-range": lambda: sp.solve_univariate_inequality(
            sp.hessian(x**2 + k * x * y + 4 * y**2, (x, y)).det() >= 0, k, relational=False
        ),
        "convexity-logistic-curvature": lambda: sp.diff(sp.log(1 + sp.exp(-z)), z, 2).subs(z, 0),
        # largest interval: closure of the open set where f'' > 0
        "convexity-sine-region": lambda: (
            sp.solve_univariate_inequality(
                sp.diff(sp.sin(x), x, 2) > 0,
                x,
                relational=False,
                domain=sp.Interval.open(0, 2 * sp.pi),
            ).closure
        ),
        "convexity-mse-min-eigenvalue": lambda: min(
            eigenvalue_set(mat([[1, 0], [1, 1], [1, 2]]).T * mat([[1, 0], [1, 1], [1, 2]])),
            key=float,
        ),
    }
)


# --- gradient-flow
def _flow(rhs, x0):
    f = sp.Function("u")
    sol = sp.dsolve(sp.Eq(f(t).diff(t), rhs(f(t))), f(t), ics={f(0): x0})
    return sol.rhs


REF.update(
    {
        "gradient-flow-decay": lambda: _flow(lambda u: -2 * u, 5),
        "gradient-flow-from-loss": lambda: _flow(
            lambda u: -sp.diff(R(3, 2) * w**2, w).subs(w, u), 4
        ).subs(t, 1),
        "gradient-flow-half-life": lambda: sp.solve(
            sp.Eq(_flow(lambda u: -R(1, 2) * u, 1), R(1, 2)), t
        )[0],
        "gradient-flow-shifted-target": lambda: _flow(lambda u: -(u - 3), 0),
        "gradient-flow-euler-gap": lambda: (
            _flow(lambda u: -2 * u, 1).subs(t, R(1, 5)) - _gd1(w**2, 1, R(1, 10), 2)
        ),
        "gradient-flow-two-directions": lambda: [
            _flow(lambda u: -1 * u, 1).subs(t, 1),
            _flow(lambda u: -10 * u, 1).subs(t, 1),
        ],
    }
)

# --- probability-basics
REF.update(
    {
        "probability-basics-dice-seven": lambda: R(
            sum(1 for a, c in itertools.product(range(1, 7), repeat=2) if a + c == 7), 36
        ),
        "probability-basics-union": lambda: R(5, 10) + R(4, 10) - R(2, 10),
        "probability-basics-pipeline": lambda: R(9, 10) ** 3,
        "probability-basics-at-least-one": lambda: R(
            sum(1 for rolls in itertools.product(range(1, 7), repeat=4) if 6 in rolls), 6**4
        ),
        "probability-basics-feature-subset": lambda: R(
            sum(1 for c in itertools.combinations(range(10), 3) if 0 in c and 1 in c),
            sp.binomial(10, 3),
        ),
        "probability-basics-hash-collisions": lambda: (
            1 - sp.prod([R(365 - i, 365) for i in range(20)])
        ),
    }
)

# --- distributions
REF.update(
    {
        "distributions-binomial-pmf": lambda: st.P(sp.Eq(st.Binomial("X", 5, R(1, 2)), 3)),
        "distributions-uniform": lambda: st.P(st.Uniform("U", 2, 10) < 4),
        "distributions-normal-tail": lambda: st.P(st.Normal("N", 100, 15) > 130),
        "distributions-binomial-variance": lambda: st.variance(st.Binomial("X", 200, R(9, 10))),
        "distributions-poisson": lambda: 1 - st.P(st.Poisson("P", 3) < 2),
        # P(X + Y > 8) by numerical convolution: integrate f_X(v) * P(Y > 8 - v)
        "distributions-sum-of-normals": lambda: sp.Float(
            mpmath.quad(
                lambda v: mpmath.npdf(v, 2, 3) * (1 - mpmath.ncdf(8 - v, 1, 4)),
                [-mpmath.inf, mpmath.inf],
            ),
            20,
        ),
    }
)

# --- conditional-probability
REF.update(
    {
        "conditional-probability-spam-table": lambda: R(20, 20 + 5),
        "conditional-probability-independence": lambda: R(15, 100) / R(5, 10),
        "conditional-probability-two-aces": lambda: R(
            sum(1 for a, c in itertools.permutations(range(52), 2) if a < 4 and c < 4),
            52 * 51,
        ),
        "conditional-probability-total": lambda: R(6, 10) * R(2, 100) + R(4, 10) * R(5, 100),
        "conditional-probability-two-children": lambda: R(
            sum(1 for kids in itertools.product("BG", repeat=2) if kids == ("G", "G")),
            sum(1 for kids in itertools.product("BG", repeat=2) if "G" in kids),
        ),
        "conditional-probability-precision": lambda: (
            (R(8, 10) * 100) / (R(8, 10) * 100 + R(5, 100) * 900)
        ),
    }
)


# --- bayes-theorem
def _posterior(prior, like_true, like_false):
    prior, like_true, like_false = (sp.nsimplify(v) for v in (prior, like_true, like_false))
    return prior * like_true / (prior * like_true + (1 - prior) * like_false)


REF.update(
    {
        "bayes-theorem-formula": lambda: R(8, 10) * R(1, 10) / R(2, 10),
        "bayes-theorem-two-coins": lambda: _posterior(R(1, 2), 1, R(1, 2)),
        "bayes-theorem-base-rate": lambda: _posterior("0.01", "0.99", "0.05"),
        "bayes-theorem-fraud": lambda: _posterior("0.002", "0.95", "0.01"),
        "bayes-theorem-odds": lambda: _posterior(R(1, 5), 6, 1),
        "bayes-theorem-two-tests": lambda: _posterior(
            _posterior("0.01", "0.99", "0.05"), "0.99", "0.05"
        ),
    }
)

# --- naive-bayes
REF.update(
    {
        "naive-bayes-word-likelihood": lambda: R(12, 40),
        "naive-bayes-laplace": lambda: R(0 + 1, 1000 + 500),
        "naive-bayes-posterior": lambda: (
            (R(4, 10) * R(5, 10) * R(2, 10))
            / (R(4, 10) * R(5, 10) * R(2, 10) + R(6, 10) * R(1, 10) * R(5, 100))
        ),
        "naive-bayes-likelihood-ratios": lambda: _posterior(R(1, 4), 4 * R(1, 2) * 3, 1),
        "naive-bayes-gaussian": lambda: (
            st.density(st.Normal("B", 2, 1))(R(3, 2))
            / (
                st.density(st.Normal("B", 2, 1))(R(3, 2))
                + st.density(st.Normal("A", 0, 1))(R(3, 2))
            )
        ),
    }
)


# --- maximum-likelihood
def _argmax(loglik, var):
    crit = [c for c in sp.solve(sp.diff(loglik, var), var) if c.is_real and c > 0]
    return max(crit, key=lambda c: loglik.subs(var, c))


REF.update(
    {
        "maximum-likelihood-bernoulli": lambda: _argmax(7 * sp.log(p) + 3 * sp.log(1 - p), p),
        "maximum-likelihood-gaussian-variance": lambda: _argmax(
            sum(-sp.log(s) / 2 - (v - mean([2, 4, 4, 6])) ** 2 / (2 * s) for v in [2, 4, 4, 6]), s
        ),
        "maximum-likelihood-log-likelihood": lambda: sp.expand_log(
            sp.log(sp.prod([p if f == "H" else 1 - p for f in "HHTH"])), force=True
        ),
        "maximum-likelihood-exponential": lambda: _argmax(
            sum(sp.log(k * sp.exp(-k * v)) for v in [2, 3, 5]).expand(force=True), k
        ),
        "maximum-likelihood-logistic-nll": lambda: (
            -sum(
                sp.log(q if label == 1 else 1 - q)
                for q, label in zip([R(9, 10), R(2, 10), R(6, 10)], [1, 0, 1], strict=True)
            )
        ),
        # likelihood theta^-3 on theta >= max(data): maximised at the boundary
        "maximum-likelihood-uniform": lambda: (
            sp.maximum(t**-3, t, sp.Interval(max(R(12, 10), R(35, 10), R(27, 10)), 100)) ** R(-1, 3)
        ),
    }
)

# --- sampling
REF.update(
    {
        "sampling-standard-error": lambda: 12 / sp.sqrt(36),
        "sampling-required-n": lambda: sp.solve(sp.Eq(10 / sp.sqrt(k), R(1, 2)), k)[0],
        "sampling-proportion-se": lambda: sp.sqrt(R(8, 10) * R(2, 10) / 400),
        "sampling-clt": lambda: st.P(st.Normal("M", 50, 10 / sp.sqrt(100)) > R(515, 10)),
        "sampling-bootstrap-inclusion": lambda: 1 - st.P(sp.Eq(st.Binomial("C", 10, R(1, 10)), 0)),
    }
)

# --- variance-covariance
REF.update(
    {
        "variance-covariance-population-variance": lambda: var_pop([2, 4, 6, 8]),
        "variance-covariance-affine": lambda: st.variance(3 * st.Normal("X", 0, 2) + 2),
        "variance-covariance-sum": lambda: (mat([[1, 1]]) * mat([[4, -2], [-2, 9]]) * mat([1, 1]))[
            0
        ],
        "variance-covariance-covariance": lambda: cov_pop([1, 2, 3], [2, 4, 7]),
        "variance-covariance-correlation": lambda: 3 / sp.sqrt(4 * 9),
        "variance-covariance-projection": lambda: (
            mat([[1, -1]]) * mat([[2, 1], [1, 3]]) * mat([1, -1])
        )[0],
    }
)

# --- descriptive-statistics
REF.update(
    {
        "descriptive-statistics-mean-median": lambda: (
            mean([2, 3, 3, 5, 37]),
            sorted([2, 3, 3, 5, 37])[2],
        ),
        "descriptive-statistics-z-score": lambda: R(85 - 70, 10),
        "descriptive-statistics-sample-variance": lambda: var_sample([4, 8, 6, 2]),
        "descriptive-statistics-correlation": lambda: corr([1, 2, 3, 4], [2, 4, 5, 9]),
        "descriptive-statistics-new-mean": lambda: mean([10] * 9 + [50]),
        # build concrete groups with those summaries and pool them
        "descriptive-statistics-pooled-variance": lambda: (
            var_pop([3] * 5 + [7] * 5 + [7] * 5 + [11] * 5)
            if (var_pop([3] * 5 + [7] * 5) == 4 and mean([7] * 5 + [11] * 5) == 9)
            else None
        ),
    }
)

# --- hypothesis-testing
REF.update(
    {
        "hypothesis-testing-z-statistic": lambda: (52 - 50) / (10 / sp.sqrt(25)),
        "hypothesis-testing-smallest-alpha": lambda: min(
            a for a in (R(1, 100), R(5, 100), R(10, 100)) if R(3, 100) < a
        ),
        "hypothesis-testing-two-sided-p": lambda: 2 * st.P(st.Normal("Z", 0, 1) > 2),
        "hypothesis-testing-multiple-comparisons": lambda: (
            1 - st.P(sp.Eq(st.Binomial("F", 20, R(5, 100)), 0))
        ),
        "hypothesis-testing-ab-test": lambda: (
            (R(250, 1000) - R(200, 1000))
            / sp.sqrt(R(450, 2000) * (1 - R(450, 2000)) * (R(1, 1000) + R(1, 1000)))
        ),
        "hypothesis-testing-critical-value": lambda: 100 + R(1645, 1000) * 15 / sp.sqrt(36),
    }
)

# --- confidence-intervals
REF.update(
    {
        "confidence-intervals-known-sigma": lambda: sp.Interval(
            20 - R(196, 100) * 5 / sp.sqrt(100), 20 + R(196, 100) * 5 / sp.sqrt(100)
        ),
        "confidence-intervals-accuracy-margin": lambda: (
            R(196, 100) * sp.sqrt(R(85, 100) * R(15, 100) / 500)
        ),
        # margin ~ 1/sqrt(n): solve 4 * sqrt(50 / n) = 1
        "confidence-intervals-scaling": lambda: sp.solve(sp.Eq(4 * sp.sqrt(50 / k), 1), k)[0],
        "confidence-intervals-t-interval": lambda: sp.Interval(
            10 - R(2306, 1000) * 3 / sp.sqrt(9), 10 + R(2306, 1000) * 3 / sp.sqrt(9)
        ),
        "confidence-intervals-sample-size": lambda: sp.ceiling(
            (R(196, 100) / R(2, 100)) ** 2 * R(1, 4)
        ),
    }
)


# --- linear-regression
def _lstsq(rows, ys):
    X, Y = mat(rows), mat(ys)
    return (X.T * X).solve(X.T * Y)


REF.update(
    {
        "linear-regression-predict": lambda: R(25, 10) + R(8, 10) * 10,
        "linear-regression-slope-intercept": lambda: ols([1, 2, 3, 4], [2, 3, 5, 6]),
        "linear-regression-r-squared": lambda: (
            1
            - sum(
                (yv - (R(1, 2) + R(7, 5) * xv)) ** 2
                for xv, yv in zip([1, 2, 3, 4], [2, 3, 5, 6], strict=True)
            )
            / sum((yv - mean([2, 3, 5, 6])) ** 2 for yv in [2, 3, 5, 6])
        ),
        "linear-regression-through-origin": lambda: _lstsq([[1], [2], [3]], [2, 3, 7])[0],
        "linear-regression-normal-equations": lambda: _lstsq([[1, 0], [1, 1], [1, 2]], [1, 2, 4]),
        "linear-regression-ridge": lambda: sp.solve(
            sp.diff(
                sum((w * xv - yv) ** 2 for xv, yv in zip([1, 2, 3], [2, 3, 7], strict=True))
                + 1 * w**2,
                w,
            ),
            w,
        )[0],
    }
)


# --- multicollinearity
def _vif(r2):
    return 1 / (1 - sp.nsimplify(r2))


REF.update(
    {
        "multicollinearity-vif": lambda: _vif("0.9"),
        "multicollinearity-vif-from-correlation": lambda: _vif(sp.nsimplify("0.8") ** 2),
        "multicollinearity-r2-from-vif": lambda: sp.solve(sp.Eq(_vif(r), 5), r)[0],
        "multicollinearity-duplicate-feature": lambda: (
            mat([[1, 2], [2, 4], [3, 6]]).T * mat([[1, 2], [2, 4], [3, 6]])
        ).det(),
        "multicollinearity-condition-number": lambda: (
            max(eigenvalue_set([[1, R(99, 100)], [R(99, 100), 1]]))
            / min(eigenvalue_set([[1, R(99, 100)], [R(99, 100), 1]]))
        ),
        "multicollinearity-vif-from-data": lambda: _vif(corr([1, 2, 3, 4], [2, 4, 5, 8]) ** 2),
    }
)

# --- overfitting
REF.update(
    {
        "overfitting-generalization-gap": lambda: R(15, 100) - R(2, 100),
        "overfitting-interpolating-degree": lambda: next(
            d
            for d in range(20)
            if sp.Matrix([[xv**j for j in range(d + 1)] for xv in range(10)]).rank() == 10
        ),
        "overfitting-pick-degree": lambda: (
            1
            + [R(30, 100), R(12, 100), R(10, 100), R(11, 100), R(18, 100), R(35, 100)].index(
                min([R(30, 100), R(12, 100), R(10, 100), R(11, 100), R(18, 100), R(35, 100)])
            )
        ),
        "overfitting-quadratic-features": lambda: len(
            sp.Poly((1 + x + y + z) ** 2, x, y, z).monoms()
        ),
        "overfitting-bias-variance": lambda: R(3, 10) ** 2 + R(5, 100) + R(1, 10),
        "overfitting-extrapolation": lambda: sp.interpolate([(0, 1), (1, 3), (2, 2)], x).subs(x, 3),
    }
)


# --- bayesian-vs-frequentist
def _beta_post(a, b_, succ, fail):
    return sp.Integer(a + succ), sp.Integer(b_ + fail)


REF.update(
    {
        "bayesian-vs-frequentist-zero-clicks": lambda: st.E(st.Beta("B", *_beta_post(1, 1, 0, 5))),
        "bayesian-vs-frequentist-posterior-params": lambda: _beta_post(1, 1, 3, 2),
        "bayesian-vs-frequentist-posterior-mean": lambda: st.E(
            st.Beta("B", *_beta_post(2, 2, 7, 3))
        ),
        "bayesian-vs-frequentist-strong-prior": lambda: st.E(
            st.Beta("B", *_beta_post(20, 20, 10, 0))
        ),
        # MAP: maximise the Beta(9, 5) density
        "bayesian-vs-frequentist-map": lambda: _argmax(sp.log(p**8 * (1 - p) ** 4), p),
        # maximise log prior + log likelihood of 4 observations with mean 2
        "bayesian-vs-frequentist-normal-prior": lambda: sp.solve(
            sp.diff(-(t**2) / 2 - sum((v - t) ** 2 / 2 for v in [1, 2, 2, 3]), t), t
        )[0],
    }
)


# --- bayesian-optimization
def _ei(mu_, fstar, sigma_):
    zz = (mu_ - fstar) / sigma_
    return (mu_ - fstar) * Phi(zz) + sigma_ * phi(zz)


REF.update(
    {
        "bayesopt-ucb-value": lambda: R(7, 10) + 2 * R(1, 10),
        "bayesopt-ei-no-uncertainty": lambda: sp.Max(R(9, 10) - R(85, 100), 0),
        "bayesopt-choose-next": lambda: max(
            [
                (R(80, 100), R(5, 100), R(1, 1000)),
                (R(70, 100), R(15, 100), R(1, 100)),
                (R(75, 100), R(8, 100), R(1, 10)),
            ],
            key=lambda c: c[0] + 2 * c[1],
        )[2],
        "bayesopt-kappa-tie": lambda: sp.solve(
            R(8, 10) + R(5, 100) * k - (R(7, 10) + R(15, 100) * k), k
        )[0],
        # EI as an expectation of max(F - f*, 0) with F ~ N(mu, sigma)
        "bayesopt-ei-at-incumbent": lambda: st.E(sp.Max(st.Normal("F", 1, R(1, 5)) - 1, 0)),
        "bayesopt-ei-formula": lambda: _ei(R(12, 10), 1, R(2, 10)),
        "bayesopt-gp-posterior-mean": lambda: (
            sp.exp(-((1 - 0) ** 2) / sp.Integer(2)) * (sp.exp(0) ** -1) * 2
        ),
    }
)

# --- entropy
REF.update(
    {
        "entropy-uniform-eight": lambda: H(*[R(1, 8)] * 8),
        "entropy-nats": lambda: H(*[R(1, 4)] * 4, base=sp.E),
        "entropy-dyadic": lambda: H(R(1, 2), R(1, 4), R(1, 8), R(1, 8)),
        "entropy-biased-coin": lambda: Hb(R(1, 4)),
        # maximise H over the simplex numerically (4 free coordinates, Lagrange stationarity)
        "entropy-max-five-classes": lambda: H(
            *(lambda qs: [*list(qs), 1 - sum(qs)])(
                sp.nsolve(
                    [
                        sp.diff(H(*sp.symbols("q1:5"), 1 - sum(sp.symbols("q1:5")), base=sp.E), q)
                        for q in sp.symbols("q1:5")
                    ],
                    sp.symbols("q1:5"),
                    [0.1, 0.15, 0.25, 0.3],
                )
            )
        ),
        "entropy-information-gain": lambda: (
            H(R(8, 16), R(8, 16))
            - (R(8, 16) * H(R(6, 8), R(2, 8)) + R(8, 16) * H(R(2, 8), R(6, 8)))
        ),
    }
)

# --- joint-entropy
_TABLE = [[R(1, 4), R(1, 4)], [R(1, 2), 0]]  # P(X=i, Y=j), rows X, columns Y

REF.update(
    {
        "joint-entropy-two-coins": lambda: joint_entropy([[R(1, 4)] * 2] * 2),
        "joint-entropy-copy": lambda: joint_entropy([[R(1, 2), 0], [0, R(1, 2)]]),
        "joint-entropy-table": lambda: joint_entropy([[R(1, 3), R(1, 3)], [0, R(1, 3)]]),
        "joint-entropy-die-parity": lambda: joint_entropy(
            [[R(1, 6) if (face % 2) == parity else 0 for parity in (0, 1)] for face in range(1, 7)]
        ),
        "joint-entropy-chain-rule": lambda: joint_entropy(
            [[R(1, 2) * R(1, 2), R(1, 2) * R(1, 2)], [R(1, 2) * 0, R(1, 2) * 1]]
        ),
    }
)


# --- conditional-entropy
def _cond_entropy_y_given_x(table):
    rows, _ = marginals(table)
    return sum(px * H(*[q / px for q in row]) for px, row in zip(rows, table, strict=True) if px)


REF.update(
    {
        "conditional-entropy-deterministic": lambda: _cond_entropy_y_given_x(
            [[R(1, 3) if xv**2 == yv else 0 for yv in (0, 1)] for xv in (-1, 0, 1)]
        ),
        "conditional-entropy-independent": lambda: _cond_entropy_y_given_x(
            [[R(1, 2) * R(3, 4), R(1, 2) * R(1, 4)]] * 2
        ),
        "conditional-entropy-from-joint": lambda: _cond_entropy_y_given_x(_TABLE),
        "conditional-entropy-noisy-labels": lambda: _cond_entropy_y_given_x(
            [[R(1, 2) * R(9, 10), R(1, 2) * R(1, 10)], [R(1, 2) * R(1, 10), R(1, 2) * R(9, 10)]]
        ),
        "conditional-entropy-reverse": lambda: _cond_entropy_y_given_x(
            [list(col) for col in zip(*_TABLE, strict=True)]
        ),
    }
)


# --- mutual-information
def _mutual_information(table):
    rows, cols = marginals(table)
    return sum(
        q * sp.log(q / (rows[i] * cols[j]), 2)
        for i, row in enumerate(table)
        for j, q in enumerate(row)
        if q
    )


REF.update(
    {
        "mutual-information-independent": lambda: _mutual_information(
            [[R(1, 2) * R(1, 3), R(1, 2) * R(2, 3)], [R(1, 2) * R(1, 3), R(1, 2) * R(2, 3)]]
        ),
        "mutual-information-from-entropies": lambda: 1 + 1 - R(3, 2),
        "mutual-information-copy": lambda: _mutual_information(
            [[R(1, 6) if i == j else 0 for j in range(6)] for i in range(6)]
        ),
        "mutual-information-noisy-channel": lambda: _mutual_information(
            [[R(1, 2) * R(9, 10), R(1, 2) * R(1, 10)], [R(1, 2) * R(1, 10), R(1, 2) * R(9, 10)]]
        ),
        "mutual-information-table": lambda: _mutual_information(_TABLE),
    }
)

# --- cross-entropy-kl
REF.update(
    {
        "cross-entropy-kl-one-hot": lambda: cross_entropy(
            [0, 1, 0], [R(2, 10), R(7, 10), R(1, 10)], base=sp.E
        ),
        "cross-entropy-kl-uniform-baseline": lambda: cross_entropy(
            [1] + [0] * 9, [R(1, 10)] * 10, base=sp.E
        ),
        "cross-entropy-kl-kl-bits": lambda: kl([R(1, 2), R(1, 2)], [R(1, 4), R(3, 4)]),
        "cross-entropy-kl-decomposition": lambda: cross_entropy(
            [R(1, 2), R(1, 2)], [R(1, 4), R(3, 4)]
        ),
        "cross-entropy-kl-batch-bce": lambda: mean(
            [
                cross_entropy([label, 1 - label], [q, 1 - q], base=sp.E)
                for label, q in zip([1, 0, 1], [R(8, 10), R(3, 10), R(6, 10)], strict=True)
            ]
        ),
        "cross-entropy-kl-asymmetry": lambda: kl([R(1, 4), R(3, 4)], [R(1, 2), R(1, 2)]),
        # KL by direct integration of p log(p/q) for N(0, 4) against N(0, 1)
        "cross-entropy-kl-gaussian": lambda: sp.Float(
            mpmath.quad(
                lambda v: (
                    mpmath.npdf(v, 0, 2)
                    * (mpmath.log(mpmath.npdf(v, 0, 2)) - mpmath.log(mpmath.npdf(v, 0, 1)))
                ),
                [-mpmath.inf, mpmath.inf],
            ),
            20,
        ),
    }
)

# (end of reference table)

# --------------------------------------------------------------------------
# Parsing the bank's own answer syntax (trusted content only).

_LOCALS = {"e": sp.E, "pi": sp.pi, "oo": sp.oo, "E": sp.E}


def _parse_scalar(text: str, variables: list[str]):
    local = dict(_LOCALS)
    for name in variables:
        local[name] = sp.Symbol(name)
    return parse_expr(
        text.strip().replace("^", "**"), local_dict=local, transformations=standard_transformations
    )


def _split_top(text: str, sep: str = ",") -> list[str]:
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [q.strip() for q in parts]


def parse_answer(text: str, kind: str, variables: list[str]):
    text = text.strip()
    if kind in ("number", "expression"):
        return _parse_scalar(text, variables)
    if kind == "vector":
        assert text[0] == "[" and text[-1] == "]", text
        return [_parse_scalar(q, variables) for q in _split_top(text[1:-1])]
    if kind == "matrix":
        assert text.startswith("[[") and text.endswith("]]"), text
        rows = _split_top(text[1:-1])
        return sp.Matrix(
            [[_parse_scalar(q, variables) for q in _split_top(row[1:-1])] for row in rows]
        )
    if kind == "set":
        assert text[0] == "{" and text[-1] == "}", text
        inner = text[1:-1].strip()
        return [_parse_scalar(q, variables) for q in _split_top(inner)] if inner else []
    if kind == "tuple":
        assert text[0] == "(" and text[-1] == ")", text
        return tuple(_parse_scalar(q, variables) for q in _split_top(text[1:-1]))
    if kind == "interval":
        assert text[0] in "([" and text[-1] in ")]", text
        lo, hi = _split_top(text[1:-1])
        return (
            text[0] == "(",
            _parse_scalar(lo, variables),
            _parse_scalar(hi, variables),
            text[-1] == ")",
        )
    if kind == "solutions":
        values = []
        for part in re.split(r"\s+or\s+", text):
            name, _, value = part.partition("=")
            assert name.strip() in variables, (name, variables)
            values.append(_parse_scalar(value, variables))
        return values
    if kind == "keyword":
        return text.lower()
    raise AssertionError(f"unknown kind {kind}")


# --------------------------------------------------------------------------
# Comparison.

_rng = random.Random(20261121)


def _num(v) -> complex:
    return complex(sp.N(v, 30))


def _close(a, c, tol: float) -> bool:
    """Numbers: relative tolerance (absolute near 0). Expressions: random points."""
    a, c = sp.sympify(a), sp.sympify(c)
    names = sorted({q.name for q in a.free_symbols | c.free_symbols})
    if not names:
        if a in (sp.oo, -sp.oo) or c in (sp.oo, -sp.oo):
            return a == c
        va, vc = _num(a), _num(c)
        return abs(va - vc) <= tol * max(abs(vc), 1e-12) or abs(va - vc) < 1e-12
    ok_points = 0
    for _ in range(12):
        point = {n: _rng.uniform(0.3, 2.3) for n in names}
        sa = a.subs({q: point[q.name] for q in a.free_symbols})
        sc = c.subs({q: point[q.name] for q in c.free_symbols})
        try:
            va, vc = _num(sa), _num(sc)
        except (TypeError, ValueError):
            continue
        if any(v != v or abs(v) == float("inf") for v in (va, vc)):
            continue
        ok_points += 1
        if abs(va - vc) > tol * max(abs(vc), 1e-9) and abs(va - vc) > 1e-10:
            return False
    return ok_points >= 4


def _as_list(ref):
    if isinstance(ref, sp.Matrix):
        return list(ref)
    if isinstance(ref, (sp.FiniteSet, set, frozenset)):
        return list(ref)
    return list(ref)


def _sorted_numeric(values):
    return sorted(values, key=lambda v: (_num(v).real, _num(v).imag))


def agrees(kind: str, stated, ref, tol: float, up_to_constant: bool, variables: list[str]) -> bool:
    if kind == "keyword":
        return stated == str(ref).lower()
    if kind == "expression" and up_to_constant:
        syms = [sp.Symbol(n) for n in variables]
        ref_e = sp.sympify(ref).subs({q: sp.Symbol(q.name) for q in sp.sympify(ref).free_symbols})
        return all(_close(sp.diff(stated, v), sp.diff(ref_e, v), tol) for v in syms)
    if kind in ("number", "expression"):
        return _close(stated, ref, tol)
    if kind in ("vector", "tuple"):
        ref_l = _as_list(ref)
        return len(stated) == len(ref_l) and all(
            _close(a, c, tol) for a, c in zip(stated, ref_l, strict=True)
        )
    if kind == "matrix":
        ref_m = sp.Matrix(ref)
        return stated.shape == ref_m.shape and all(
            _close(a, c, tol) for a, c in zip(list(stated), list(ref_m), strict=True)
        )
    if kind in ("set", "solutions"):
        ref_l = _as_list(ref)
        if len(stated) != len(ref_l):
            return False
        return all(
            _close(a, c, tol)
            for a, c in zip(_sorted_numeric(stated), _sorted_numeric(ref_l), strict=True)
        )
    if kind == "interval":
        lo_open, lo, hi, hi_open = stated
        if isinstance(ref, sp.Interval):
            ref = (bool(ref.left_open), ref.start, ref.end, bool(ref.right_open))
        return (
            (lo_open, hi_open) == (ref[0], ref[3])
            and _close(lo, ref[1], tol)
            and _close(hi, ref[2], tol)
        )
    raise AssertionError(kind)


# --------------------------------------------------------------------------
# Loading the bank.


def load_bank() -> list[tuple[str, dict]]:
    bank = []
    for path in sorted(PROBLEMS_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for problem in data["problems"]:
            bank.append((path.stem, problem))
    return bank


BANK = load_bank()
BY_ID = {problem["id"]: problem for _, problem in BANK}

_DECIMAL = re.compile(r"\d\.\d")


def _variables(problem) -> list[str]:
    return list((problem.get("options") or {}).get("variables") or [])


def _tolerance(problem) -> float:
    return float((problem.get("options") or {}).get("tolerance") or 1e-3)


def _reference(pid: str):
    value = REF[pid]
    return value() if callable(value) else value


# --------------------------------------------------------------------------
# Tests.


def test_bank_is_not_empty_and_every_problem_has_a_reference():
    assert len(BANK) >= 235
    missing = [pid for pid in BY_ID if pid not in REF]
    assert not missing, f"problems without an independent reference: {missing}"
    stale = [pid for pid in REF if pid not in BY_ID]
    assert not stale, f"reference entries for unknown problems: {stale}"


@pytest.mark.parametrize("pid", sorted(BY_ID))
def test_stated_answer_matches_independent_computation(pid):
    problem = BY_ID[pid]
    kind, variables = problem["kind"], _variables(problem)
    opts = problem.get("options") or {}
    stated = parse_answer(str(problem["answer"]), kind, variables)
    ref = _reference(pid)
    up = bool(opts.get("up_to_constant"))
    text = str(problem["answer"])
    if agrees(kind, stated, ref, 1e-9, up, variables):
        return  # exact agreement
    assert _DECIMAL.search(text), f"{pid}: stated {text!r} but independent value is {ref}"
    # A decimal answer: it must be accurate, and a learner who rounds the true
    # value to 3 significant figures (as the statements ask) must still pass.
    tol = _tolerance(problem)
    assert agrees(kind, stated, ref, tol / 10, up, variables), (
        f"{pid}: stated {text!r} is not accurate enough for tolerance {tol}; value is {ref}"
    )
    if kind == "number":
        learner = float(f"{float(sp.N(ref)):.3g}")
        assert abs(learner - float(stated)) <= tol * abs(float(stated)) + 1e-12, (
            f"{pid}: a learner's 3 s.f. value {learner} would be rejected with tolerance {tol}"
        )


@pytest.mark.parametrize("pid", sorted(BY_ID))
def test_anticipated_wrong_answers_are_really_wrong(pid):
    problem = BY_ID[pid]
    kind, variables = problem["kind"], _variables(problem)
    up = bool((problem.get("options") or {}).get("up_to_constant"))
    correct = parse_answer(str(problem["answer"]), kind, variables)
    # Wrong answers must be clearly outside what the checker accepts.
    tol = max(0.006, 2 * _tolerance(problem))
    exact = not _DECIMAL.search(str(problem["answer"]))
    for wrong in problem.get("wrong_answers") or []:
        assert isinstance(wrong["feedback"], str) and wrong["feedback"].strip()
        parsed = parse_answer(str(wrong["answer"]), kind, variables)
        if kind == "number" and not sp.sympify(correct).free_symbols:
            # Numbers: reject twice the tolerance, and (for exact answers) a
            # wrong value equal to the answer rounded to 3 significant figures.
            close = agrees(kind, parsed, correct, 2 * _tolerance(problem), up, variables)
            value = complex(sp.N(correct))
            if exact and value.imag == 0 and sp.sympify(parsed).is_number:
                close = close or float(f"{value.real:.3g}") == float(sp.N(parsed))
        else:
            close = agrees(kind, parsed, correct, tol, up, variables)
        assert not close, (
            f"{pid}: anticipated wrong answer {wrong['answer']!r} is accepted as correct"
        )


def test_bank_shape():
    ids = [problem["id"] for _, problem in BANK]
    duplicates = [pid for pid, n in Counter(ids).items() if n > 1]
    assert not duplicates, duplicates
    files = {stem for stem, _ in BANK}
    assert files <= set(TOPIC_IDS), files - set(TOPIC_IDS)
    per_topic: dict[str, list[int]] = {tid: [] for tid in TOPIC_IDS}
    for stem, problem in BANK:
        pid = problem["id"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", pid), pid
        topics = problem["topics"]
        assert topics[0] == stem, f"{pid}: primary topic {topics[0]} is not the file {stem}"
        assert all(tid in TOPIC_IDS for tid in topics), (pid, topics)
        prefixes = (stem, ID_ABBREVIATIONS.get(stem, stem))
        assert pid.startswith(prefixes), f"{pid} does not start with {prefixes}"
        assert problem["difficulty"] in (1, 2, 3), pid
        assert problem["kind"] in KINDS, pid
        for field in ("statement", "solution", "why_ml", "answer"):
            assert isinstance(problem[field], str) and problem[field].strip(), (pid, field)
        assert "Enter" in problem["statement"] or "enter" in problem["statement"], pid
        hints = problem["hints"]
        assert 2 <= len(hints) <= 3 and all(isinstance(q, str) and q.strip() for q in hints), pid
        if problem["kind"] in ("expression", "solutions"):
            assert _variables(problem), f"{pid}: give options.variables"
        extra = set(problem) - {
            "id",
            "topics",
            "difficulty",
            "statement",
            "answer",
            "kind",
            "options",
            "hints",
            "solution",
            "why_ml",
            "wrong_answers",
        }
        assert not extra, (pid, extra)
        per_topic[stem].append(problem["difficulty"])
    for tid, difficulties in per_topic.items():
        assert len(difficulties) >= 5, f"{tid}: only {len(difficulties)} problems"
        assert 1 in difficulties and ({2, 3} & set(difficulties)), (tid, difficulties)


def test_numpy_tasks_are_implement_and_report_problems():
    assert len(NUMPY_TASKS) >= 5
    for pid in NUMPY_TASKS:
        problem = BY_ID[pid]
        assert problem["kind"] == "number", pid
        assert "Implement and report" in problem["statement"], pid
        assert "```python" in problem["solution"], f"{pid}: show the numpy code in the solution"
        # Honest float64 or float32 results, and 3 significant figures, must pass.
        assert _tolerance(problem) >= 0.005, pid


def test_numpy_task_answers_hold_in_exact_arithmetic():
    """The log-sum-exp and power-iteration answers have closed forms; numpy agrees with them."""
    exact_loss = 1 + sp.log(1 + sp.exp(-1) + sp.exp(-2) + sp.exp(-4))
    assert abs(float(exact_loss) - _np_logsumexp_loss()) < 1e-9
    top = max(sp.Matrix([[4, 1, 0], [1, 3, 1], [0, 1, 2]]).eigenvals())
    assert sp.simplify(top - (3 + sp.sqrt(3))) == 0
    assert abs(float(top) - _np_power_iteration()) < 1e-9
