"""Required forms: simplified, factored, exact."""

from __future__ import annotations

import pytest

from bot.checker.forms import is_simplified, satisfies
from bot.checker.parse import read


@pytest.mark.parametrize(
    ("text", "simplified"),
    [
        ("2x", True),
        ("x^2 + 1", True),
        ("1/2", True),
        ("-3/4", True),
        ("x + x", False),
        ("2x + 3x", False),
        ("x*x", False),
        ("x*x^2", False),
        ("x^1", False),
        ("x*1", False),
        ("1*x", False),
        ("x + 0", False),
        ("2 + 3", False),
        ("4/2", False),
        ("6/4", False),
        ("0.5/2", False),
        ("--x", False),
        ("x^0 * x", False),
    ],
)
def test_is_simplified(text: str, simplified: bool) -> None:
    node = read(text, ("x",))
    assert is_simplified(node, node) is simplified


def test_much_longer_than_the_authors_answer_is_not_simplified() -> None:
    reference = read("x", ("x",))
    assert not is_simplified(read("(x^2 + x)/(x + 1)", ("x",)), reference)


@pytest.mark.parametrize(
    ("text", "factored"),
    [
        ("(x - 1)(x + 1)", True),
        ("x^2 - 1", False),
        ("x(x^2 - 4)", False),
        ("2(x + 1)^2", True),
        ("-(x - 2)(x + 3)", True),
        ("(x^2 + 1)(x - 1)", True),
    ],
)
def test_factored(text: str, factored: bool) -> None:
    node = read(text, ("x",))
    assert satisfies("factored", node, node, approximate=False) is factored


def test_exact_means_not_approximated() -> None:
    node = read("0.25", ())
    assert satisfies("exact", node, node, approximate=False)
    assert not satisfies("exact", node, node, approximate=True)
