# ruff: noqa: RUF001 (the unicode math symbols learners type are the point of these tests)
"""Reading answer text: the grammar, implicit multiplication, unicode, and readable readings."""

from __future__ import annotations

import pytest

from bot.checker.errors import ReadError
from bot.checker.nodes import Node, names
from bot.checker.parse import read
from bot.checker.render import reading

VARIABLES = ("x", "y", "t", "k")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2x cos(x^2)", "2x·cos(x²)"),
        ("2(3)", "2·3"),
        ("(x+1)2", "(x + 1)·2"),
        ("2*x*cos(x**2)", "2x·cos(x²)"),
        ("x*2", "x·2"),
        ("xy", "x·y"),
        ("2 sin x", "2·sin(x)"),
        ("sin x cos x", "sin(x)·cos(x)"),
        ("sin 2x", "sin(2x)"),
        ("sin x^2", "sin(x²)"),
        ("sin(x)^2", "sin(x)²"),
        ("sin^2 x", "sin(x)²"),
        ("sin^-1 x", "asin(x)"),
        ("sinx", "sin(x)"),
        ("1/2x", "(1/2)·x"),
        ("1/(2x)", "1/(2x)"),
        ("x^2y", "x²·y"),
        ("2^x^2", "2^(x²)"),
        ("-x^2", "-x²"),
        ("(-x)^2", "(-x)²"),
        ("e^-x", "e^(-x)"),
        ("e^(2x)", "e^(2x)"),
        ("x⁻¹", "x⁻¹"),
        ("x²y", "x²·y"),
        ("√2/2", "√2/2"),
        ("√(x+1)", "√(x + 1)"),
        ("sqrt 2/2", "√2/2"),
        ("∛x", "cbrt(x)"),
        ("|x - 1|", "|x - 1|"),
        ("2|x|", "2·|x|"),
        ("ln|x|", "ln(|x|)"),
        ("ln x", "ln(x)"),
        ("log(x)", "ln(x)"),
        ("log_2 8", "log_2(8)"),
        ("log2(8)", "log_2(8)"),
        ("log_(10)(x)", "log_10(x)"),
        ("5!", "5!"),
        ("factorial(5)", "5!"),
        ("50%", "50%"),
        ("x = ±3", "x = ±3"),
        ("x = +-3", "x = ±3"),
        ("1 ± √2", "1 ± √2"),
        ("2·3", "2·3"),
        ("2×3", "2·3"),
        ("6÷3", "6/3"),
        ("−5", "-5"),
        ("πr²", "π·r²"),
        ("2π", "2π"),
        ("θ_1", "θ_1"),
        ("x_1 + x_2", "x_1 + x_2"),
        ("0 < x <= 1", "0 < x ≤ 1"),
        ("x ≥ 0", "x ≥ 0"),
        ("x ∈ (0, ∞)", "x ∈ (0, ∞)"),
        ("x != 3", "x ≠ 3"),
        ("[[1,2],[3,4]]", "[[1, 2], [3, 4]]"),
        ("[1, 2; 3, 4]", "[[1, 2], [3, 4]]"),
        ("{1, 2}", "{1, 2}"),
        ("{}", "{}"),
        ("(0, 1]", "(0, 1]"),
        ("[0, oo)", "[0, ∞)"),
        ("⟨1, 2⟩", "⟨1, 2⟩"),
        ("x = 3 or x = -3", "x = 3 or x = -3"),
        ("x = 3 and y = 2", "x = 3, y = 2"),
        ("(0,1) U (2,3)", "(0, 1) or (2, 3)"),
        ("DNE", "DNE"),
        ("does not exist", "DNE"),
        ("No solution", "none"),
        ("∅", "none"),
        ("x = y.", "x = y"),
        ("x = 3.", "x = 3."),
        ("1e-3", "1e-3"),
        ("2e^x", "2e^x"),
        ("pix", "π·x"),
        ("i", "i"),
    ],
)
def test_reading(text: str, expected: str) -> None:
    assert reading(read(text, VARIABLES)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\frac{1}{2}", "1/2"),
        (r"$\frac12$", "1/2"),
        (r"\dfrac{\sqrt{2}}{2}", "√2/2"),
        (r"\sqrt[3]{8}", "root(8, 3)"),
        (r"2x \cdot \cos\left(x^{2}\right)", "2x·cos(x²)"),
        (r"e^{-x}", "e^(-x)"),
        ("e^{-x}", "e^(-x)"),
        (r"\pi r^2", "π·r²"),
        (r"\log_{2} 8", "log_2(8)"),
        (r"\ln x", "ln(x)"),
        (r"\binom{5}{2}", "binomial(5, 2)"),
        (r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", "[[1, 2], [3, 4]]"),
        (r"\begin{bmatrix}1\\2\end{bmatrix}", "[[1], [2]]"),
        (r"\{1, 2\}", "{1, 2}"),
        (r"\left(0, 1\right]", "(0, 1]"),
        (r"[0, \infty)", "[0, ∞)"),
        (r"0 \le x \leq 1", "0 ≤ x ≤ 1"),
        (r"x = \pm 3", "x = ±3"),
        (r"\left| x \right|", "|x|"),
        (r"\left. x \right.", "x"),
        (r"\operatorname{tanh}(x)", "tanh(x)"),
        (r"\theta + \alpha", "θ + α"),
        (r"\mathbb{R}", "all real numbers"),
        (r"\emptyset", "none"),
        (r"x \in (0, 1)", "x ∈ (0, 1)"),
    ],
)
def test_latex_reading(text: str, expected: str) -> None:
    assert reading(read(text, (*VARIABLES, "r", "theta", "alpha"))) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("(1 + 2", "never closed"),
        ("1 + 2)", "without a matching"),
        ("|x", "never closed"),
        ("2 3", "side by side"),
        ("x2", "'x' and '2' are side by side"),
        ("10 000", "side by side"),
        ("3 @ 4", "'@'"),
        ("2 +", "stop in the middle"),
        ("* 2", "at the start"),
        ("sin()", "takes 1"),
        ("log(x, 2, 3)", "takes 1 or 2"),
        ("sin_2 x", "Only log takes a base"),
        ("x__y", "subscript"),
        ("[1, 2] + 1", "arithmetic with a list"),
        ("(x = 1) * 2", "arithmetic with an equation"),
        (r"\frac{1}{2", "never closed"),
        (r"\foo{1}", r"\foo"),
        (r"\begin{align} x \end{align}", "matrix environments"),
        (r"1 \\ 2", "can't read"),
        ("a.b", "'.'"),
        ("x'", "'''"),
    ],
)
def test_unreadable(text: str, message: str) -> None:
    with pytest.raises(ReadError, match=None) as raised:
        read(text, VARIABLES)
    assert message in str(raised.value)


def test_names_run_together_split_only_into_problem_variables() -> None:
    assert names(read("xy", ("x", "y"))) == {"x", "y"}
    assert names(read("xy", ("x",))) == {"xy"}
    assert names(read("xsinx", ("x",))) == {"x"}
    assert names(read("x1", ("x1",))) == {"x1"}
    assert names(read("x1 + x2", ("x_1", "x_2"))) == {"x_1", "x_2"}


def test_i_is_the_imaginary_unit_unless_the_problem_uses_it() -> None:
    assert read("i", ()) == Node("const", value="i")
    assert read("i", ("i",)) == Node("sym", value="i")


def test_functions_are_case_insensitive_but_variables_are_not() -> None:
    assert reading(read("Sin(x) + LN(x)", ("x",))) == "sin(x) + ln(x)"
    assert names(read("X", ("x",))) == {"X"}


def test_decimals_keep_their_digits_and_exact_value() -> None:
    node = read("0.50", ())
    assert node.text == "0.50" and node.value == 0.5
    assert read("1.5e3", ()).value == 1500


def test_union_u_is_a_variable_when_the_problem_has_one() -> None:
    assert read("(0,1) U (2,3)", ()).op == "or"
    assert read("2U", ("U",)).op == "imul"
