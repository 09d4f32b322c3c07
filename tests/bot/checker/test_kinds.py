"""Answer kinds: inferring them and reading a tree as a vector, interval, solutions..."""

from __future__ import annotations

import pytest

from bot.checker.errors import ReadError
from bot.checker.kinds import (
    Intervals,
    Items,
    KindMismatch,
    Matrix,
    Solutions,
    answer_names,
    expand_plus_minus,
    interpret,
)
from bot.checker.parse import read
from bot.checker.render import reading


def _interval(text: str) -> list[str]:
    answer = interpret(read(text, ("x",)), "interval")
    assert isinstance(answer, Intervals)
    return [
        ("[" if p.low_closed else "(")
        + f"{reading(p.low)}, {reading(p.high)}"
        + ("]" if p.high_closed else ")")
        for p in answer.parts
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("x > 0", ["(0, ∞)"]),
        ("x >= 0", ["[0, ∞)"]),
        ("0 < x", ["(0, ∞)"]),
        ("x < 2", ["(-∞, 2)"]),
        ("2 >= x", ["(-∞, 2]"]),
        ("-1 <= x < 3", ["[-1, 3)"]),
        ("3 > x >= -1", ["[-1, 3)"]),
        ("x != 1", ["(-∞, 1)", "(1, ∞)"]),
        ("x < -1 or x > 1", ["(-∞, -1)", "(1, ∞)"]),
        ("x in [0, 1)", ["[0, 1)"]),
        ("(0, 1) U [2, 3]", ["(0, 1)", "[2, 3]"]),
        ("all real numbers", ["(-∞, ∞)"]),
        ("none", []),
    ],
)
def test_inequalities_and_unions_become_intervals(text: str, parts: list[str]) -> None:
    assert _interval(text) == parts


@pytest.mark.parametrize("text", ["x > 0 > y", "x = 2", "x < y < z < 1", "(0, 1, 2)"])
def test_not_an_interval(text: str) -> None:
    with pytest.raises(KindMismatch):
        interpret(read(text, ("x", "y", "z")), "interval")


def _points(text: str, variables: tuple[str, ...] = ("x",)) -> list[tuple[str, ...]]:
    answer = interpret(read(text, variables), "solutions", variables)
    assert isinstance(answer, Solutions)
    return sorted(tuple(reading(v) for v in point) for point in answer.points)


def test_solution_lists() -> None:
    assert _points("x = 3 or x = -3") == [("-3",), ("3",)]
    assert _points("x = ±3") == [("-3",), ("3",)]
    assert _points("x = 3, x = -3") == [("-3",), ("3",)]
    assert _points("x = 3 or -3") == [("-3",), ("3",)]
    assert _points("3, -3") == [("-3",), ("3",)]
    assert _points("{3, -3}") == [("-3",), ("3",)]
    assert _points("x = 1 ± √2") == [("1 + √2",), ("1 - √2",)]
    assert _points("no solution") == []
    assert _points("x = 1, y = 2 or x = 2, y = 1", ("x", "y")) == [("1", "2"), ("2", "1")]
    assert _points("(1, 2)", ("x", "y")) == [("1", "2")]


def test_infinitely_many_solutions_is_a_word() -> None:
    answer = interpret(read("infinitely many", ()), "solutions", ("x",))
    assert answer == Solutions(("x",), (), "infinite")


def test_each_solution_needs_the_same_variables() -> None:
    with pytest.raises(ReadError, match="same variables"):
        interpret(read("x = 1, y = 2 or x = 3", ("x", "y")), "solutions", ("x", "y"))


def test_unsolved_equations_are_not_solutions() -> None:
    with pytest.raises(KindMismatch, match="Solve it"):
        interpret(read("x^2 = 9", ("x",)), "solutions", ("x",))


def test_matrices_and_vectors() -> None:
    matrix = interpret(read("[[1, 2], [3, 4]]", ()), "matrix")
    assert isinstance(matrix, Matrix) and matrix.shape == (2, 2) and not matrix.flat
    assert [[reading(cell) for cell in row] for row in matrix.rows] == [["1", "2"], ["3", "4"]]
    flat = interpret(read("[1, 2]", ()), "matrix")
    assert isinstance(flat, Matrix) and flat.flat and flat.shape == (1, 2)
    column = interpret(read("[[1], [2]]", ()), "vector")
    assert isinstance(column, Items) and [reading(i) for i in column.items] == ["1", "2"]
    with pytest.raises(ReadError, match="different lengths"):
        interpret(read("[[1, 2], [3]]", ()), "matrix")
    with pytest.raises(KindMismatch):
        interpret(read("{1, 2}", ()), "vector")


def test_an_equation_answers_a_number_question() -> None:
    assert reading(interpret(read("k = 7", ("k",)), "number").node) == "7"  # type: ignore[union-attr]
    with pytest.raises(KindMismatch):
        interpret(read("k = k + 1", ("k",)), "number")


@pytest.mark.parametrize("kind", ["number", "vector", "matrix", "interval", "tuple"])
def test_plus_minus_only_where_a_list_of_values_is_expected(kind: str) -> None:
    with pytest.raises(ReadError, match="± stands for two values"):
        interpret(read("[[±1, 2]]", ()), kind)


def test_expand_plus_minus() -> None:
    values = [reading(v) for v in expand_plus_minus(read("(1 ± 2) ± 4", ()))]
    assert values == ["1 + 2 + 4", "1 - 2 + 4", "1 + 2 - 4", "1 - 2 - 4"]
    assert [reading(v) for v in expand_plus_minus(read("±x", ("x",)))] == ["x", "-x"]


def test_answer_names_skip_an_inequality_variable() -> None:
    assert answer_names(interpret(read("x > 2a", ("x", "a")), "interval")) == {"a"}
    assert answer_names(interpret(read("x = 2a", ("x", "a")), "solutions", ("x",))) == {"a"}
