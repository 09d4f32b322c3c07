# ruff: noqa: RUF001 (unicode math symbols are the point)
"""Markdown to Slack mrkdwn, and LaTeX math made readable as text."""

from __future__ import annotations

import pytest

from adapters.slack.mrkdwn import escape, math_text, to_mrkdwn, to_plain


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


def test_inline_and_display_math_lose_their_dollars() -> None:
    assert to_mrkdwn(r"Add $[1, 2]$ and $\frac12$.") == "Add [1, 2] and 1/2."
    assert to_mrkdwn("Before $$x^2$$ after") == "Before \nx²\n after"


def test_math_with_a_space_before_its_closing_dollar() -> None:
    assert to_mrkdwn(r"You get $0.0001\,y = $ something") == "You get 0.0001 y = something"


def test_prices_are_not_math() -> None:
    assert to_mrkdwn("about $40 and $50 each") == "about $40 and $50 each"
    assert to_mrkdwn(r"costs \$5") == r"costs \$5"


def test_bold_italic_strike_headings_and_bullets() -> None:
    markdown = "# Plan\n**Answer:** it is *very* ~~wrong~~ right\n- one\n* two"
    assert to_mrkdwn(markdown) == "*Plan*\n*Answer:* it is _very_ ~wrong~ right\n• one\n• two"


def test_links_become_slack_links() -> None:
    assert to_mrkdwn("see [the book](https://mml-book.github.io/?a=1&b=2)") == (
        "see <https://mml-book.github.io/?a=1&b=2|the book>"
    )


def test_code_is_kept_as_written_but_escaped() -> None:
    assert to_mrkdwn("type `x**2 < $3$` then **go**") == "type `x**2 &lt; $3$` then *go*"


def test_special_characters_are_escaped_so_nothing_pings() -> None:
    assert to_mrkdwn("<!channel> & <@U1> x > 0") == "&lt;!channel&gt; &amp; &lt;@U1&gt; x &gt; 0"
    assert to_mrkdwn(r"$|1 - 10\eta| < 1$") == "|1 - 10η| &lt; 1"
    assert escape("a&b") == "a&amp;b"


def test_plain_text_for_headers_and_labels() -> None:
    assert to_plain(r"`/roadmap [topic]` **now** $\frac12$ [x](https://e.org)") == (
        "/roadmap [topic] now 1/2 x"
    )
