# ruff: noqa: RUF001 (unicode math symbols are the point)
"""LaTeX math made readable as Unicode text, for every adapter."""

from __future__ import annotations

import pytest

from bot.mathtext import math_text, readable


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"\frac{a}{b}", "a/b"),
        (r"\frac{a + b}{2}", "(a + b)/2"),
        (r"\frac{1}{1 - r^2}", "1/(1 - r²)"),
        (r"\frac12", "1/2"),
        (r"\frac{\partial L}{\partial z}", "∂L/∂z"),
        (r"2 \cdot 3 \times 4", "2 · 3 × 4"),
        (r"x^2 + y^{10} - z^{-2}", "x² + y¹⁰ - z⁻²"),
        (r"e^{-x^2/2}", "e^(-x²/2)"),
        (r"A^\top A", "Aᵀ A"),
        (r"\sqrt{x}", "√x"),
        (r"\sqrt{x + 1}", "√(x + 1)"),
        (r"\sqrt[3]{8}", "³√8"),
        (r"\alpha + \beta = \gamma", "α + β = γ"),
        (r"\Sigma \sigma \lambda I", "ΣσλI"),
        (r"\sum_{i=1}^{n} x_i", "Σᵢ₌₁ⁿ xᵢ"),
        (r"\eta_{min}", "ηₘᵢₙ"),
        (r"\hat{y}_i - \bar{x}", "ŷᵢ - x̄"),
        (r"\binom{5}{3}", "C(5, 3)"),
        (r"P(\text{spam} \mid \text{win})", "P(spam | win)"),
        (r"\mathrm{Var}(X) \approx 0.5", "Var(X) ≈ 0.5"),
        (r"\left(1 + \cos\frac{\pi t}{T}\right)", "(1 + cos πt/T)"),
        (r"2 - \frac34\log_2 3", "2 - 3/4 log₂ 3"),
        (r"\theta \leftarrow \theta - \eta \nabla L", "θ ← θ - η∇L"),
        (r"x \in \mathbb{R}^n, x \ge 0, x \ne 1", "x ∈ ℝⁿ, x ≥ 0, x ≠ 1"),
        (r"\{2, 5\}", "{2, 5}"),
        (r"\int_0^1 x\,dx", "∫₀¹ x dx"),
        (r"\unknown{x}", "unknownx"),
    ],
)
def test_math_is_readable_text(latex: str, text: str) -> None:
    assert math_text(latex) == text


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", "[[1, 2], [3, 4]]"),
        (r"\begin{bmatrix} x \\ y \end{bmatrix}", "[x, y]"),
        (r"|x| = \begin{cases} x & x \ge 0 \\ -x & x < 0 \end{cases}", "|x| = {x x ≥ 0; -x x < 0}"),
        (r"\mathcal{L}(\theta)", "ℒ(θ)"),
        (r"\frac{\partial \ell}{\partial s}", "∂ℓ/∂s"),
        (r"\frac{(x - \mu)^2}{s^3}", "(x - μ)²/s³"),
        (r"\left\| w \right\|^2", "‖ w ‖²"),
        (r"\varphi + \xi", "φ + ξ"),
    ],
)
def test_environments_styles_and_delimiters(latex: str, text: str) -> None:
    assert math_text(latex) == text


def test_readable_keeps_code_links_and_urls_as_written() -> None:
    text = (
        r"Find $\frac{\partial \ell}{\partial s}$; answer `/answer -1/s + (x - mu)^2/s^3`"
        r" (see https://e.org/$x$ and [the $\alpha$ book](https://e.org/a_b))"
    )
    assert readable(text) == (
        "Find ∂ℓ/∂s; answer `/answer -1/s + (x - mu)^2/s^3`"
        r" (see https://e.org/$x$ and [the $\alpha$ book](https://e.org/a_b))"
    )


def test_readable_passes_converted_math_through_protect() -> None:
    assert readable(r"$f^*$ and $a$", protect=lambda s: s.replace("*", r"\*")) == r"f\* and a"


def test_prices_are_left_alone() -> None:
    assert readable("about $40 and $50 each") == "about $40 and $50 each"
