"""Each template's answer, recomputed by an independent route from the parameters it drew.

The templates compute answers with sympy; these oracles use other methods where
possible (finite differences instead of `diff`, simulation instead of closed
forms, definitions instead of shortcuts), so a wrong formula in a template shows.
"""

from __future__ import annotations

import math
import random
import re
import statistics
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

import pytest
import sympy

from bot.problems.templates import TEMPLATES

X, Y, T = sympy.symbols("x y t")
SEEDS = range(20)
Params = Mapping[str, Any]


def F(value: Any) -> Fraction:
    """An exact Fraction from an int, a sympy Rational or a decimal string."""
    return Fraction(str(value))


def num(value: Any) -> float:
    """A float from anything sympy can evaluate."""
    return float(sympy.N(value, 30))


def at(expr: sympy.Expr, **point: float) -> float:
    """Evaluate an expression in x, y, t at a point."""
    return num(expr.subs({sympy.Symbol(k): v for k, v in point.items()}))


def d_dx(expr: sympy.Expr, var: str, **point: float) -> float:
    """A central finite difference in one variable."""
    h = 1e-6
    up, down = dict(point), dict(point)
    up[var] += h
    down[var] -= h
    return (at(expr, **up) - at(expr, **down)) / (2 * h)


def exact_d(f: Callable[[Fraction], Fraction], x: Fraction) -> Fraction:
    """The derivative of a quadratic, exactly: a central difference is exact for degree 2."""
    return (f(x + 1) - f(x - 1)) / 2


def ints(text: str) -> list[int]:
    """Every integer written in a string."""
    return [int(n) for n in re.findall(r"-?\d+", text)]


def entropy(probs: list[float]) -> float:
    """Shannon entropy in bits."""
    return -sum(p * math.log2(p) for p in probs if p)


def close(a: float, b: float) -> bool:
    """Equal up to rounding error."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _same_number(p: Params, expected: Any) -> None:
    assert close(num(p["answer"]), float(expected)), (p["answer"], expected)


def _same_vector(p: Params, expected: list[Any]) -> None:
    answer = [num(v) for v in p["answer"]]
    assert len(answer) == len(expected)
    assert all(close(a, float(e)) for a, e in zip(answer, expected, strict=True)), (
        answer,
        expected,
    )


# --- linear algebra -------------------------------------------------------------------------


def distance(p: Params) -> None:
    _same_number(p, math.dist(p["a"], p["b"]))


def dot(p: Params) -> None:
    _same_number(p, sum(a * b for a, b in zip(p["u"], p["v"], strict=True)))


def matrix_vector(p: Params) -> None:
    a, x = p["a"], p["x"]
    _same_vector(p, [a[i, 0] * x[0] + a[i, 1] * x[1] for i in (0, 1)])


def matrix_product(p: Params) -> None:
    a, b = p["a"], p["b"]
    rows = [[sum(a[i, k] * b[k, j] for k in (0, 1)) for j in (0, 1)] for i in (0, 1)]
    assert p["answer"].tolist() == rows


def determinant(p: Params) -> None:
    m = p["m"]
    _same_number(p, m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0])


def inverse(p: Params) -> None:
    assert p["m"] * p["answer"] == sympy.eye(2)


def linear_system(p: Params) -> None:
    sx, sy = p["answer"]
    assert p["eq1"].subs({X: sx, Y: sy}) == p["e"]
    assert p["eq2"].subs({X: sx, Y: sy}) == p["f"]
    coefficients = sympy.Matrix([[p[e].coeff(v) for v in (X, Y)] for e in ("eq1", "eq2")])
    assert coefficients.det() != 0  # the solution is unique


def linear_map(p: Params) -> None:
    e1, e2, a, b = p["e1"], p["e2"], p["p"], p["q"]
    _same_vector(p, [a * e1[0] + b * e2[0], a * e1[1] + b * e2[1]])


def area_scale(p: Params) -> None:
    m = p["m"]
    _same_number(p, abs(m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0]))


def _roots(m: sympy.Matrix) -> list[float]:
    """Eigenvalues of a symmetric 2x2 matrix by the quadratic formula."""
    a, b, d = (float(v) for v in (m[0, 0], m[0, 1], m[1, 1]))
    mid, radius = (a + d) / 2, math.hypot((a - d) / 2, b)
    return [mid - radius, mid + radius]


def eigenvalues(p: Params) -> None:
    assert sorted(num(v) for v in p["answer"]) == pytest.approx(_roots(p["m"]))
    assert len(p["answer"]) == 2


def pca_share(p: Params) -> None:
    low, high = _roots(p["m"])
    assert low > 0
    _same_number(p, high / (low + high))


def singular_values(p: Params) -> None:
    a = p["a"]
    gram = a.T * a
    expected = [math.sqrt(v) for v in _roots(gram)]
    assert sorted(num(v) for v in p["answer"]) == pytest.approx(expected)


# --- calculus -------------------------------------------------------------------------------


def derivative_expression(p: Params) -> None:
    for x in (-1.3, 0.4, 2.1):
        assert math.isclose(at(p["answer"], x=x), d_dx(p["f"], "x", x=x), rel_tol=1e-5)


def derivative_at_point(p: Params) -> None:
    expected = d_dx(p["f"], "x", x=float(p["x0"]))
    assert math.isclose(num(p["answer"]), expected, rel_tol=1e-6, abs_tol=1e-6)


def removable_limit(p: Params) -> None:
    r = float(p["r"])
    values = [at(p["num"], x=r + h) / at(p["den"], x=r + h) for h in (1e-7, -1e-7)]
    assert all(math.isclose(v, num(p["answer"]), abs_tol=1e-5) for v in values)


def limit_at_infinity(p: Params) -> None:
    far = at(p["num"], x=1e9) / at(p["den"], x=1e9)
    assert math.isclose(far, num(p["answer"]), rel_tol=1e-6)


def definite_integral(p: Params) -> None:
    def f(x: Fraction) -> Fraction:
        return F(p["f"].subs(X, sympy.Rational(x.numerator, x.denominator)))

    low, high = Fraction(p["low"]), Fraction(p["high"])
    simpson = (high - low) / 6 * (f(low) + 4 * f((low + high) / 2) + f(high))  # exact here
    assert F(p["answer"]) == simpson


# --- multivariable --------------------------------------------------------------------------


def partial(p: Params) -> None:
    for x, y in ((0.7, -1.2), (1.5, 0.3)):
        expected = d_dx(p["f"], p["wrt"], x=x, y=y)
        assert math.isclose(at(p["answer"], x=x, y=y), expected, rel_tol=1e-5)


def gradient(p: Params) -> None:
    point = {"x": float(p["x0"]), "y": float(p["y0"])}
    expected = [d_dx(p["f"], v, **point) for v in ("x", "y")]
    assert [num(v) for v in p["answer"]] == pytest.approx(expected, abs=1e-5)


def directional(p: Params) -> None:
    (vx, vy), length = p["v"], math.hypot(*p["v"])
    h, x0, y0 = 1e-6, float(p["x0"]), float(p["y0"])
    ahead = at(p["f"], x=x0 + h * vx / length, y=y0 + h * vy / length)
    behind = at(p["f"], x=x0 - h * vx / length, y=y0 - h * vy / length)
    assert math.isclose(num(p["answer"]), (ahead - behind) / (2 * h), abs_tol=1e-5)


def jacobian(p: Params) -> None:
    point = {"x": float(p["x0"]), "y": float(p["y0"])}
    rows = [[d_dx(p[f], v, **point) for v in ("x", "y")] for f in ("f1", "f2")]
    assert [[num(v) for v in row] for row in p["answer"].tolist()] == [
        pytest.approx(row, abs=1e-5) for row in rows
    ]


def hessian(p: Params) -> None:
    def f(x: int, y: int) -> Fraction:
        return F(p["f"].subs({X: x, Y: y}))

    x, y = p["x0"], p["y0"]  # second central differences with h = 1 are exact for cubics
    fxx = f(x + 1, y) - 2 * f(x, y) + f(x - 1, y)
    fyy = f(x, y + 1) - 2 * f(x, y) + f(x, y - 1)
    fxy = (f(x + 1, y + 1) - f(x + 1, y - 1) - f(x - 1, y + 1) + f(x - 1, y - 1)) / 4
    assert [[F(v) for v in row] for row in p["answer"].tolist()] == [[fxx, fxy], [fxy, fyy]]


# --- backpropagation ------------------------------------------------------------------------


def sigmoid(p: Params) -> None:
    s = F(p["s"])
    assert F(p["answer"]) == p["g"] * s * (1 - s)


def tanh(p: Params) -> None:
    assert F(p["answer"]) == p["g"] * (1 - F(p["t"]) ** 2)


def linear_neuron(p: Params) -> None:
    def loss(w: float) -> float:
        return (w * p["x"] + p["b"] - p["y"]) ** 2

    h = 1e-6
    expected = (loss(p["w"] + h) - loss(p["w"] - h)) / (2 * h)
    assert math.isclose(num(p["answer"]), expected, abs_tol=1e-4)


def relu_net(p: Params) -> None:
    def loss(w1: float) -> float:
        return 0.5 * (p["w2"] * max(w1 * p["x"], 0.0) - p["y"]) ** 2

    h = 1e-6
    expected = (loss(p["w1"] + h) - loss(p["w1"] - h)) / (2 * h)
    assert math.isclose(num(p["answer"]), expected, abs_tol=1e-4)


def softmax_gradient(p: Params) -> None:
    probs = [F(v) for v in p["p"]]
    assert sum(probs) == 1
    onehot = [1 if i == p["label"] else 0 for i in (1, 2, 3)]
    _same_vector(p, [q - y for q, y in zip(probs, onehot, strict=True)])


# --- optimizers -----------------------------------------------------------------------------


def _fn(expr: sympy.Expr) -> Callable[[Fraction], Fraction]:
    return lambda x: F(expr.subs(X, sympy.Rational(x.numerator, x.denominator)))


def gd_step(p: Params) -> None:
    x0 = Fraction(p["x0"])
    assert F(p["answer"]) == x0 - F(p["eta"]) * exact_d(_fn(p["f"]), x0)


def gd_step_2d(p: Params) -> None:
    def f(x: Fraction, y: Fraction) -> Fraction:
        return F(p["f"].subs({X: sympy.Rational(str(x)), Y: sympy.Rational(str(y))}))

    x, y, eta = Fraction(p["x0"]), Fraction(p["y0"]), F(p["eta"])
    gx = (f(x + 1, y) - f(x - 1, y)) / 2
    gy = (f(x, y + 1) - f(x, y - 1)) / 2
    assert [F(v) for v in p["answer"]] == [x - eta * gx, y - eta * gy]


def momentum(p: Params) -> None:
    f, beta, eta = _fn(p["f"]), F(p["beta"]), F(p["eta"])
    x, v = Fraction(p["x0"]), Fraction(0)
    for _ in range(2):
        v = beta * v + exact_d(f, x)
        x -= eta * v
    assert F(p["answer"]) == x


def adam(p: Params) -> None:
    grad = exact_d(_fn(p["f"]), Fraction(p["x0"]))
    m = 0.1 * float(grad)  # one step of Adam, written out from the paper's algorithm
    v = 0.001 * float(grad) ** 2
    m_hat, v_hat = m / (1 - 0.9), v / (1 - 0.999)
    expected = p["x0"] - float(F(p["eta"])) * m_hat / math.sqrt(v_hat)
    assert math.isclose(num(p["answer"]), expected, abs_tol=1e-9)


def sgd(p: Params) -> None:
    values = ints(p["data"])
    xs, ys = values[0::2], values[1::2]
    w, eta = Fraction(p["w0"]), F(p["eta"])
    batch = [p["i"] - 1, p["j"] - 1]
    grads = [2 * (w * xs[k] - ys[k]) * xs[k] for k in batch]
    assert F(p["answer"]) == w - eta * sum(grads) / len(grads)


# --- loss landscape -------------------------------------------------------------------------


def lr_threshold(p: Params) -> None:
    eta = num(p["answer"])

    def converges(rate: float) -> bool:
        return all(abs(1 - 2 * c * rate) < 1 for c in (p["a"], p["b"], p["c"]))

    assert converges(eta * (1 - 1e-9))
    assert not converges(eta * (1 + 1e-9))


def lr_iterates(p: Params) -> None:
    f, eta, x = _fn(p["f"]), F(p["eta"]), Fraction(p["x0"])
    for _ in range(3):
        x -= eta * exact_d(f, x)
    assert F(p["answer"]) == x


def convexity(p: Params) -> None:
    f, t = _fn(p["f"]), F(p["answer"])

    def second(x: Fraction) -> Fraction:
        return f(x + 1) - 2 * f(x) + f(x - 1)  # exact for a cubic

    assert second(t) == 0
    assert second(t + 1) > 0 > second(t - 1)


def classify(p: Params) -> None:
    def f(x: int, y: int) -> Fraction:
        return F(p["f"].subs({X: x, Y: y}))

    x, y = p["p"], p["q"]
    assert f(x + 1, y) == f(x - 1, y) and f(x, y + 1) == f(x, y - 1)  # a critical point
    fxx = f(x + 1, y) - 2 * f(x, y) + f(x - 1, y)
    fyy = f(x, y + 1) - 2 * f(x, y) + f(x, y - 1)
    fxy = (f(x + 1, y + 1) - f(x + 1, y - 1) - f(x - 1, y + 1) + f(x - 1, y - 1)) / 4
    low, high = _roots(sympy.Matrix([[fxx, fxy], [fxy, fyy]]))
    _same_number(p, (low < 0) + (high < 0))


def global_minimum(p: Params) -> None:
    coefficients = [float(c) for c in sympy.Poly(p["f"], X).all_coeffs()]

    def f(x: float) -> float:
        return math.fsum(c * x**k for k, c in enumerate(reversed(coefficients)))

    best = min((i / 100 for i in range(-800, 801)), key=f)
    _same_number(p, best)


def gradient_flow(p: Params) -> None:
    x_t, fprime = p["answer"], sympy.diff(p["f"], X)
    assert math.isclose(at(x_t, t=0), p["x0"])
    for t in (0.2, 1.1):
        slope = d_dx(x_t, "t", t=t)
        assert math.isclose(slope, -at(fprime, x=at(x_t, t=t)), rel_tol=1e-5, abs_tol=1e-7)


# --- probability ----------------------------------------------------------------------------


def dice(p: Params) -> None:
    test = {"exactly": int.__eq__, "at least": int.__ge__, "at most": int.__le__}[p["relation"]]
    outcomes = [i + j for i in range(1, p["m1"] + 1) for j in range(1, p["m2"] + 1)]
    assert F(p["answer"]) == Fraction(sum(test(s, p["s"]) for s in outcomes), len(outcomes))


def union(p: Params) -> None:
    a, b, both = F(p["a"]), F(p["b"]), F(p["both"])
    only_a, only_b = a - both, b - both
    assert min(only_a, only_b) > 0
    assert F(p["answer"]) == only_a + only_b + both


def conditional_table(p: Params) -> None:
    if p["given"] == "flagged":
        expected = Fraction(p["tp"], p["tp"] + p["fp"])
    else:
        expected = Fraction(p["tp"], p["tp"] + p["fn"])
    assert F(p["answer"]) == expected


def bayes(p: Params) -> None:
    population = 10**6  # count people instead of using the formula
    sick = population * F(p["prior"])
    true_pos = sick * F(p["sens"])
    false_pos = (population - sick) * F(p["fpr"])
    assert F(p["answer"]) == true_pos / (true_pos + false_pos)


def naive_bayes(p: Params) -> None:
    spam = F(p["prior"]) * F(p["a1"]) * F(p["a2"])
    ham = (1 - F(p["prior"])) * F(p["b1"]) * F(p["b2"])
    assert F(p["answer"]) == spam / (spam + ham)


def binomial(p: Params) -> None:
    prob = F(p["p"])
    n, k = p["n"], p["k"]
    assert F(p["answer"]) == math.comb(n, k) * prob**k * (1 - prob) ** (n - k)


def _table(p: Params) -> list[tuple[Fraction, Fraction]]:
    pairs = re.findall(r"P\(X = (-?\d+)\) = ([\d.]+)", p["table"])
    return [(Fraction(v), Fraction(q)) for v, q in pairs]


def expectation(p: Params) -> None:
    table = _table(p)
    assert sum(q for _, q in table) == 1
    assert F(p["answer"]) == sum(v * q for v, q in table)


def variance(p: Params) -> None:
    table = _table(p)
    mean = sum(v * q for v, q in table)
    assert F(p["answer"]) == sum((v - mean) ** 2 * q for v, q in table)


def uniform(p: Params) -> None:
    assert p["a"] <= p["c"] < p["d"] <= p["b"]
    assert F(p["answer"]) == Fraction(p["d"] - p["c"], p["b"] - p["a"])


# --- statistics -----------------------------------------------------------------------------


def bernoulli(p: Params) -> None:
    outcomes = ints(p["outcomes"])
    assert F(p["answer"]) == Fraction(sum(outcomes), len(outcomes))


def gaussian_mle(p: Params) -> None:
    assert F(p["answer"]) == statistics.pvariance([Fraction(x) for x in ints(p["xs"])])


def exponential_mle(p: Params) -> None:
    xs = ints(p["xs"])
    rates = [Fraction(r, 1000) for r in range(1, 5001)]  # maximize the log-likelihood on a grid

    def loglik(rate: Fraction) -> float:
        return len(xs) * math.log(rate) - float(rate) * sum(xs)

    best = max(rates, key=loglik)
    assert abs(num(p["answer"]) - float(best)) <= 0.001


def standard_error(p: Params) -> None:
    assert F(p["answer"]) == Fraction(p["sigma"], math.isqrt(p["n"]))
    assert math.isqrt(p["n"]) ** 2 == p["n"]


def covariance(p: Params) -> None:
    values = ints(p["pairs"])
    xs, ys, n = values[0::2], values[1::2], len(values) // 2
    products = sum(x * y for x, y in zip(xs, ys, strict=True))
    assert F(p["answer"]) == (products - Fraction(sum(xs) * sum(ys), n)) / (n - 1)


def median(p: Params) -> None:
    assert F(p["answer"]) == Fraction(statistics.median(ints(p["xs"])))


def z_score(p: Params) -> None:
    sd = math.isqrt(p["var"])
    assert sd * sd == p["var"]
    assert F(p["answer"]) == Fraction(p["x"] - p["mu"], sd)


def confidence_interval(p: Params) -> None:
    margin = Fraction(196, 100) * p["sigma"] / math.isqrt(p["n"])
    interval = p["answer"]
    assert (F(interval.start), F(interval.end)) == (F(p["mean"]) - margin, F(p["mean"]) + margin)
    assert not interval.left_open and not interval.right_open


def z_test(p: Params) -> None:
    se = Fraction(p["sigma"], math.isqrt(p["n"]))
    assert F(p["answer"]) == (F(p["mean"]) - p["mu0"]) / se


# --- modelling ------------------------------------------------------------------------------


def slope(p: Params) -> None:
    values = ints(p["points"])
    xs, ys, n = values[0::2], values[1::2], len(values) // 2
    sxy = n * sum(x * y for x, y in zip(xs, ys, strict=True)) - sum(xs) * sum(ys)
    sxx = n * sum(x * x for x in xs) - sum(xs) ** 2
    assert F(p["answer"]) == Fraction(sxy, sxx)


def ridge(p: Params) -> None:
    values = ints(p["points"])
    xs, ys, w = values[0::2], values[1::2], F(p["answer"])
    derivative = -2 * sum(x * (y - w * x) for x, y in zip(xs, ys, strict=True)) + 2 * p["lam"] * w
    assert derivative == 0  # the penalized loss is flat at the answer (and it is convex)


def vif(p: Params) -> None:
    r2 = 1 - Fraction(p["sse"], p["sst"])
    assert F(p["answer"]) == 1 / (1 - r2)


def posterior_mean(p: Params) -> None:
    a, b = p["alpha"] + p["k"], p["beta"] + p["n"] - p["k"]
    grid = [i / 20000 for i in range(1, 20000)]  # the mean of Beta(a, b) by numerical integration
    weights = [q ** (a - 1) * (1 - q) ** (b - 1) for q in grid]
    mean = sum(q * w for q, w in zip(grid, weights, strict=True)) / sum(weights)
    assert math.isclose(num(p["answer"]), mean, abs_tol=1e-6)


def ucb(p: Params) -> None:
    rows = re.findall(
        r"learning rate ([\d.]+): \$\\mu = ([\d.]+)\$, \$\\sigma = ([\d.]+)\$", p["table"]
    )
    scores = {Fraction(r): Fraction(m) + p["kappa"] * Fraction(s) for r, m, s in rows}
    assert len(scores) == 4
    assert F(p["answer"]) == max(scores, key=scores.__getitem__)


# --- information theory ---------------------------------------------------------------------


def entropy_(p: Params) -> None:
    _same_number(p, entropy([float(v) for v in p["p"]]))


def cross_entropy(p: Params) -> None:
    _same_number(p, -math.log(float(p["p"][p["label"] - 1])))


def kl(p: Params) -> None:
    pairs = zip((float(v) for v in p["p"]), (float(v) for v in p["q"]), strict=True)
    _same_number(p, sum(a * math.log2(a / b) for a, b in pairs))


def _cells(p: Params) -> list[list[float]]:
    c = [float(v) for v in p["cells"]]
    return [[c[0], c[1]], [c[2], c[3]]]


def joint_entropy(p: Params) -> None:
    _same_number(p, entropy([v for row in _cells(p) for v in row]))


def conditional_entropy(p: Params) -> None:
    rows = _cells(p)  # H(Y|X) = sum over x of P(x) H(Y | X = x)
    _same_number(p, sum(sum(r) * entropy([v / sum(r) for v in r]) for r in rows))


def mutual_information(p: Params) -> None:
    rows = _cells(p)
    px = [sum(r) for r in rows]
    py = [rows[0][j] + rows[1][j] for j in (0, 1)]
    terms = [rows[i][j] * math.log2(rows[i][j] / (px[i] * py[j])) for i in (0, 1) for j in (0, 1)]
    _same_number(p, sum(terms))


ORACLES: dict[str, Callable[[Params], None]] = {
    "euclidean-distance-3d": distance,
    "dot-product-3d": dot,
    "matrix-vector-product": matrix_vector,
    "matrix-product-2x2": matrix_product,
    "determinant-2x2": determinant,
    "inverse-2x2": inverse,
    "linear-system-2x2": linear_system,
    "linear-map-from-basis-images": linear_map,
    "area-scale-of-linear-map": area_scale,
    "symmetric-2x2-eigenvalues": eigenvalues,
    "first-principal-component-share": pca_share,
    "singular-values-2x2": singular_values,
    "power-rule-polynomial": derivative_expression,
    "trig-of-polynomial-derivative": derivative_expression,
    "power-of-linear-derivative-at-point": derivative_at_point,
    "limit-removable-discontinuity": removable_limit,
    "limit-at-infinity-rational": limit_at_infinity,
    "definite-integral-quadratic": definite_integral,
    "partial-derivative-polynomial": partial,
    "gradient-of-quadratic-at-point": gradient,
    "directional-derivative": directional,
    "jacobian-at-point": jacobian,
    "hessian-at-point": hessian,
    "sigmoid-backward": sigmoid,
    "tanh-backward": tanh,
    "linear-neuron-squared-error": linear_neuron,
    "two-layer-relu-gradient": relu_net,
    "softmax-cross-entropy-gradient": softmax_gradient,
    "one-gradient-step-1d": gd_step,
    "one-gradient-step-2d": gd_step_2d,
    "heavy-ball-momentum-two-steps": momentum,
    "single-adam-update": adam,
    "minibatch-sgd-step": sgd,
    "learning-rate-stability-threshold": lr_threshold,
    "learning-rate-iterates": lr_iterates,
    "cubic-convex-region": convexity,
    "classify-critical-point": classify,
    "global-minimum-quartic": global_minimum,
    "quadratic-gradient-flow-solution": gradient_flow,
    "dice-sum-probability": dice,
    "union-of-events": union,
    "spam-filter-table-conditional": conditional_table,
    "bayes-base-rate": bayes,
    "two-word-naive-bayes": naive_bayes,
    "binomial-probability": binomial,
    "expected-value-discrete": expectation,
    "variance-discrete": variance,
    "uniform-interval-probability": uniform,
    "bernoulli-mle": bernoulli,
    "gaussian-mle-variance": gaussian_mle,
    "exponential-mle-rate": exponential_mle,
    "standard-error-of-mean": standard_error,
    "sample-covariance": covariance,
    "median-with-outlier": median,
    "z-score": z_score,
    "confidence-interval-known-sigma": confidence_interval,
    "z-test-statistic": z_test,
    "least-squares-slope": slope,
    "ridge-regression-1d": ridge,
    "variance-inflation-factor": vif,
    "beta-binomial-posterior-mean": posterior_mean,
    "ucb-acquisition": ucb,
    "small-distribution-entropy": entropy_,
    "cross-entropy-loss": cross_entropy,
    "kl-divergence-bits": kl,
    "binary-pair-joint-entropy": joint_entropy,
    "binary-pair-conditional-entropy": conditional_entropy,
    "binary-pair-mutual-information": mutual_information,
}


def test_every_template_has_an_oracle() -> None:
    assert sorted(ORACLES) == sorted(t.id for t in TEMPLATES)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_the_template_answer_matches_an_independent_computation(template: Any) -> None:
    oracle = ORACLES[template.id]
    for seed in SEEDS:
        oracle(template.make(random.Random(seed)))
