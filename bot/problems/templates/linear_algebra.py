"""Templates for linear algebra: dot products, matrix products, linear maps, determinants,
inverses and linear systems."""

from __future__ import annotations

import random
from typing import Any

import sympy

from bot.problems.model import Template, WrongAnswer
from bot.problems.templates.common import nonzero, paren, products


def _dot(rng: random.Random) -> dict[str, Any]:
    u = [rng.randint(-5, 5) for _ in range(3)]
    v = [rng.randint(-5, 5) for _ in range(3)]
    terms = [a * b for a, b in zip(u, v, strict=True)]
    return {
        "u": tuple(u),
        "v": tuple(v),
        "written": products(u, v),
        "terms": " + ".join(paren(t) for t in terms),
        "answer": sympy.Integer(sum(terms)),
    }


DOT_PRODUCT = Template(
    id="dot-product-3d",
    topics=("dot-product-matrix-multiplication", "vectors-matrices"),
    difficulty=1,
    kind="number",
    statement=(
        "Let $u = {u}$ and $v = {v}$. Compute the dot product $u \\cdot v$. Enter an exact number."
    ),
    hints=(
        "The dot product multiplies matching entries and adds the results.",
        "Compute $u_1 v_1$, $u_2 v_2$ and $u_3 v_3$, then add them.",
        "The three products are ${terms}$; add them.",
    ),
    solution="$u \\cdot v = {written} = {terms} = {answer}$.",
    why_ml="A neuron's pre-activation $w \\cdot x + b$ is a dot product of weights and inputs.",
    make=_dot,
)


def _distance(rng: random.Random) -> dict[str, Any]:
    while True:
        a = [rng.randint(-5, 5) for _ in range(3)]
        b = [rng.randint(-5, 5) for _ in range(3)]
        diff = [q - p for p, q in zip(a, b, strict=True)]
        squared = sum(d * d for d in diff)
        if squared > 1:
            break
    return {
        "a": tuple(a),
        "b": tuple(b),
        "diff": tuple(diff),
        "squares": " + ".join(f"{paren(d)}^2" for d in diff),
        "squared": squared,
        "wrong": sympy.Integer(squared),
        "answer": sympy.sqrt(squared),
    }


DISTANCE = Template(
    id="euclidean-distance-3d",
    topics=("vectors-matrices",),
    difficulty=1,
    kind="number",
    statement=(
        "Two data points have feature vectors $a = {a}$ and $b = {b}$. Compute the Euclidean "
        "distance between them. Enter an exact value such as sqrt(14), or a decimal to 3 "
        "significant figures."
    ),
    hints=(
        "The distance is the length of the difference vector $b - a$.",
        "Length: $\\|v\\| = \\sqrt{{v_1^2 + v_2^2 + v_3^2}}$.",
        "$b - a = {diff}$.",
    ),
    solution=(
        "$b - a = {diff}$, so $\\|b - a\\|^2 = {squares} = {squared}$ and the distance is "
        "${answer}$."
    ),
    why_ml="k-nearest neighbours, k-means and many losses measure closeness with exactly this "
    "distance.",
    make=_distance,
    wrong_answers=(WrongAnswer("{wrong}", "That is the squared distance; take the square root."),),
)


def _matrix_vector(rng: random.Random) -> dict[str, Any]:
    a = sympy.Matrix(2, 2, [rng.randint(-4, 4) for _ in range(4)])
    x = sympy.Matrix([nonzero(rng, -5, 5), nonzero(rng, -5, 5)])
    product = a * x
    return {
        "a": a,
        "x": tuple(x),
        "row1": products(a.row(0), x),
        "row2": products(a.row(1), x),
        "y1": product[0],
        "y2": product[1],
        "answer": list(product),
    }


MATRIX_VECTOR = Template(
    id="matrix-vector-product",
    topics=("dot-product-matrix-multiplication", "linear-transformations"),
    difficulty=1,
    kind="vector",
    statement=(
        "Let $A = {a}$ (written row by row) and $x = {x}$. Compute $Ax$. Enter a vector like [a, "
        "b]."
    ),
    hints=(
        "Each entry of $Ax$ is the dot product of one row of $A$ with $x$.",
        "The first entry is (row 1 of $A$) $\\cdot x$, the second is (row 2) $\\cdot x$.",
        "The first entry is ${row1} = {y1}$; compute the second the same way.",
    ),
    solution=("Row 1: ${row1} = {y1}$.\n\nRow 2: ${row2} = {y2}$.\n\nSo $Ax = {answer}$."),
    why_ml="A dense layer computes $Wx$: one dot product per output unit.",
    make=_matrix_vector,
)


def _matrix_product(rng: random.Random) -> dict[str, Any]:
    while True:
        a = sympy.Matrix(2, 2, [rng.randint(-3, 4) for _ in range(4)])
        b = sympy.Matrix(2, 2, [rng.randint(-3, 4) for _ in range(4)])
        ab, ba, hadamard = a * b, b * a, a.multiply_elementwise(b)
        if ab != ba and ab != hadamard:
            break
    return {
        "a": a,
        "b": b,
        "c11": products(a.row(0), b.col(0)),
        "v11": ab[0, 0],
        "c12": products(a.row(0), b.col(1)),
        "v12": ab[0, 1],
        "c21": products(a.row(1), b.col(0)),
        "v21": ab[1, 0],
        "c22": products(a.row(1), b.col(1)),
        "v22": ab[1, 1],
        "ba": ba,
        "hadamard": hadamard,
        "answer": ab,
    }


MATRIX_PRODUCT = Template(
    id="matrix-product-2x2",
    topics=("dot-product-matrix-multiplication",),
    difficulty=2,
    kind="matrix",
    statement=(
        "Let $A = {a}$ and $B = {b}$ (each written row by row). Compute the product $AB$. Enter a "
        "matrix as a list of rows, like [[a, b], [c, d]]."
    ),
    hints=(
        "Entry $(i, j)$ of $AB$ combines row $i$ of $A$ with column $j$ of $B$.",
        "Each entry is a dot product: $(AB)_{{ij}} = a_{{i1}} b_{{1j}} + a_{{i2}} b_{{2j}}$.",
        "The top-left entry is ${c11} = {v11}$; the other three follow the same pattern.",
    ),
    solution=(
        "$(AB)_{{11}} = {c11} = {v11}$, $(AB)_{{12}} = {c12} = {v12}$,\n"
        "$(AB)_{{21}} = {c21} = {v21}$, $(AB)_{{22}} = {c22} = {v22}$.\n\n"
        "So $AB = {answer}$."
    ),
    why_ml="Stacking two linear layers multiplies their weight matrices, and order matters.",
    make=_matrix_product,
    wrong_answers=(
        WrongAnswer(
            "{ba}",
            "That is $BA$. Matrix products do not commute: use rows of $A$ with columns of $B$.",
        ),
        WrongAnswer(
            "{hadamard}",
            "You multiplied matching entries (the Hadamard product); $AB$ pairs rows with columns.",
        ),
    ),
)


def _determinant(rng: random.Random) -> dict[str, Any]:
    a, d = rng.randint(-6, 6), rng.randint(-6, 6)
    b, c = nonzero(rng, -6, 6), nonzero(rng, -6, 6)
    return {
        "m": sympy.Matrix([[a, b], [c, d]]),
        "ad": f"{paren(a)}·{paren(d)}",
        "bc": f"{paren(b)}·{paren(c)}",
        "p": a * d,
        "q": b * c,
        "paren_q": paren(b * c),
        "wrong": sympy.Integer(a * d + b * c),
        "answer": sympy.Integer(a * d - b * c),
    }


DETERMINANT = Template(
    id="determinant-2x2",
    topics=("determinants-inverses",),
    difficulty=1,
    kind="number",
    statement="Compute the determinant of $M = {m}$ (written row by row). Enter an exact number.",
    hints=(
        "For a $2 \\times 2$ matrix $[[a, b], [c, d]]$ the determinant is a difference of two "
        "products.",
        "$\\det M = ad - bc$: main diagonal minus the other diagonal.",
        "$ad = {ad} = {p}$ and $bc = {bc} = {q}$; subtract.",
    ),
    solution="$\\det M = ad - bc = {ad} - {bc} = {p} - {paren_q} = {answer}$.",
    why_ml="A zero determinant means a singular matrix: the inverse, and a unique "
    "least-squares fit, do not exist.",
    make=_determinant,
    wrong_answers=(
        WrongAnswer("{wrong}", "You added the diagonal products; the determinant is $ad - bc$."),
    ),
)


def _inverse(rng: random.Random) -> dict[str, Any]:
    while True:
        a, b, c, d = (rng.randint(-5, 5) for _ in range(4))
        det = a * d - b * c
        if det != 0 and a != d:
            break
    m = sympy.Matrix([[a, b], [c, d]])
    return {
        "m": m,
        "det": det,
        "adj": sympy.Matrix([[d, -b], [-c, a]]),
        "wrong": sympy.Matrix([[a, -b], [-c, d]]) / det,
        "answer": m.inv(),
    }


INVERSE = Template(
    id="inverse-2x2",
    topics=("determinants-inverses",),
    difficulty=2,
    kind="matrix",
    statement=(
        "Find the inverse of $M = {m}$ (written row by row). "
        "Give it as a list of rows, with fractions where needed."
    ),
    hints=(
        "Start with the determinant: it must be non-zero for the inverse to exist.",
        "For $[[a, b], [c, d]]$ the inverse is $\\frac{{1}}{{ad - bc}} [[d, -b], [-c, a]]$.",
        "Here $\\det M = {det}$: swap the diagonal, negate the off-diagonal, divide by {det}.",
    ),
    solution=(
        "$\\det M = {det}$. Swapping the diagonal entries and negating the others gives "
        "${adj}$.\n\nDividing by {det}: $M^{{-1}} = {answer}$. (Check: $M M^{{-1}} = I$.)"
    ),
    why_ml="The normal equations $w = (X^T X)^{{-1}} X^T y$ of linear regression need an inverse.",
    make=_inverse,
    wrong_answers=(
        WrongAnswer(
            "{wrong}",
            "Swap the two diagonal entries as well as negating the off-diagonal ones.",
        ),
    ),
)


def _linear_system(rng: random.Random) -> dict[str, Any]:
    x, y = sympy.symbols("x y")
    while True:
        a, b, c, d = (nonzero(rng, -4, 4) for _ in range(4))
        if a * d - b * c != 0:
            break
    sx, sy = rng.randint(-5, 5), rng.randint(-5, 5)
    e, f = a * sx + b * sy, c * sx + d * sy
    det = a * d - b * c
    return {
        "eq1": a * x + b * y,
        "e": e,
        "eq2": c * x + d * y,
        "f": f,
        "det": det,
        "dx": e * d - b * f,
        "dy": a * f - e * c,
        "sx": sx,
        "sy": sy,
        "answer": (sympy.Integer(sx), sympy.Integer(sy)),
    }


LINEAR_SYSTEM = Template(
    id="linear-system-2x2",
    topics=("linear-systems", "determinants-inverses"),
    difficulty=2,
    kind="tuple",
    statement=(
        "Solve the system\n\n$${eq1} = {e}$$\n$${eq2} = {f}$$\n\nGive the answer as $(x, y)$."
    ),
    hints=(
        "Eliminate one unknown: scale the equations so that $x$ (or $y$) cancels.",
        "Or use Cramer's rule: $x = \\det A_x / \\det A$, $y = \\det A_y / \\det A$.",
        "The coefficient determinant is {det}; the solution is a pair of whole numbers.",
    ),
    solution=(
        "The coefficient matrix has determinant {det}, so there is exactly one solution.\n\n"
        "Cramer's rule: $x = {dx} / {det} = {sx}$ and $y = {dy} / {det} = {sy}$.\n\n"
        "Check in the first equation: it gives {e}. The solution is ${answer}$."
    ),
    why_ml="Least-squares fitting solves a linear system: the normal equations $X^T X w = X^T y$.",
    make=_linear_system,
)


def _transformation(rng: random.Random) -> dict[str, Any]:
    e1 = (rng.randint(-4, 4), rng.randint(-4, 4))
    e2 = (rng.randint(-4, 4), rng.randint(-4, 4))
    p, q = nonzero(rng, -4, 4), nonzero(rng, -4, 4)
    image = [p * e1[0] + q * e2[0], p * e1[1] + q * e2[1]]
    return {
        "e1": e1,
        "e2": e2,
        "p": p,
        "q": q,
        "pp": paren(p),
        "pq": paren(q),
        "answer": [sympy.Integer(v) for v in image],
    }


TRANSFORMATION = Template(
    id="linear-map-from-basis-images",
    topics=("linear-transformations", "vectors-matrices"),
    difficulty=1,
    kind="vector",
    statement=(
        "A linear map $T$ sends $(1, 0)$ to ${e1}$ and $(0, 1)$ to ${e2}$. Compute $T({p}, {q})$. "
        "Enter a vector like [a, b]."
    ),
    hints=(
        "A linear map is fixed by what it does to the basis vectors.",
        "Write $({p}, {q}) = {p}(1, 0) + {pq}(0, 1)$ and use linearity.",
        "$T({p}, {q}) = {pp}·{e1} + {pq}·{e2}$.",
    ),
    solution=(
        "By linearity, $T({p}, {q}) = {pp}\\,T(1, 0) + {pq}\\,T(0, 1) = {pp}·{e1} + {pq}·{e2} "
        "= {answer}$.\n\nEquivalently, the matrix of $T$ has columns ${e1}$ and ${e2}$."
    ),
    why_ml="Every layer of a network without its activation is a linear map, "
    "fixed by where it sends the basis vectors.",
    make=_transformation,
)


def _area_scale(rng: random.Random) -> dict[str, Any]:
    while True:
        a, b, c, d = (rng.randint(-5, 5) for _ in range(4))
        if a * d - b * c < 0:
            break
    det = a * d - b * c
    return {"m": sympy.Matrix([[a, b], [c, d]]), "det": det, "answer": sympy.Integer(-det)}


AREA_SCALE = Template(
    id="area-scale-of-linear-map",
    topics=("linear-transformations", "determinants-inverses"),
    difficulty=2,
    kind="number",
    statement=(
        "The linear map with matrix $M = {m}$ (written row by row) sends the unit square "
        "to a parallelogram. What is the area of that parallelogram? Enter an exact number."
    ),
    hints=(
        "A linear map scales every area by the same factor.",
        "That factor is $|\\det M|$: an area cannot be negative.",
        "$\\det M = {det}$.",
    ),
    solution=(
        "$\\det M = {det}$. The area scale factor is $|\\det M| = {answer}$, and the unit "
        "square has area 1, so the parallelogram has area {answer}. The negative sign only "
        "says the map flips orientation."
    ),
    why_ml="Normalizing flows track how a map stretches volume through $|\\det J|$.",
    make=_area_scale,
    wrong_answers=(
        WrongAnswer("{det}", "An area is never negative: take the absolute value $|\\det M|$."),
    ),
)


TEMPLATES: tuple[Template, ...] = (
    DISTANCE,
    DOT_PRODUCT,
    MATRIX_VECTOR,
    MATRIX_PRODUCT,
    DETERMINANT,
    INVERSE,
    LINEAR_SYSTEM,
    TRANSFORMATION,
    AREA_SCALE,
)
