"""LaTeX answers are translated to the plain syntax, never executed."""

from __future__ import annotations

import pytest

from bot.checker.errors import ReadError
from bot.checker.latex import to_plain


@pytest.mark.parametrize(
    ("latex", "plain"),
    [
        (r"\frac{1}{2}", "((1)/(2))"),
        (r"\frac12", "((1)/(2))"),
        (r"$\sqrt{2}$", "sqrt(2)"),
        (r"\(x^{2}\)", "x^(2)"),
        (r"\sqrt[3]{x}", "root(x, 3)"),
        (r"a \cdot b", "a * b"),
        (r"\left( x \right)", "( x )"),
        (r"\{1, 2\}", "{1, 2}"),
        (r"x_{1}", "x_(1)"),
        (r"\begin{pmatrix}1 & 2\\3 & 4\end{pmatrix}", "[[1 , 2], [3 , 4]]"),
        (r"1\,000", "1 000"),
    ],
)
def test_translation(latex: str, plain: str) -> None:
    assert to_plain(latex).replace(" ", "") == plain.replace(" ", "")


@pytest.mark.parametrize(
    ("latex", "message"),
    [
        (r"\frac{1}", "stops in the middle"),
        (r"{x", "never closed"),
        (r"x}", "without a matching"),
        (r"\input{x}", r"\input"),
        (r"\begin{pmatrix} 1", "never ended"),
        (r"a & b", "can't read '&'"),
        (r"\mathbb{Q}", r"\mathbb"),
        ("{" * 40 + "x" + "}" * 40, "too large"),
    ],
)
def test_unsupported_latex(latex: str, message: str) -> None:
    with pytest.raises(ReadError) as raised:
        to_plain(latex)
    assert message in str(raised.value)
