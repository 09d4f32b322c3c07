# ruff: noqa: RUF001 (the unicode math symbols learners type are the point of these tests)
"""Feedback: the mistake a wrong answer looks like, and the words the learner reads."""

from __future__ import annotations

import pytest

from bot.checker import check_answer
from bot.checker.check import diagnose
from bot.checker.feedback import Note, foreign, matrix_entries


def _feedback(expected: str, submitted: str, **options: object) -> tuple[str | None, str]:
    verdict = check_answer(expected, submitted, **options)  # type: ignore[arg-type]
    assert not verdict.correct and verdict.error is None, verdict
    return verdict.mistake, verdict.feedback


@pytest.mark.parametrize(
    ("expected", "submitted", "mistake", "words"),
    [
        ("2*x*cos(x^2)", "-2x cos(x^2)", "sign", "negative"),
        ("2*x*cos(x^2)", "x cos(x^2)", "factor", "1/2 times"),
        ("2*x*cos(x^2)", "x cos(x^2)", "factor", "chain-rule"),
        ("3*exp(3*x)", "exp(3*x)", "factor", "1/3 times"),
        ("x^2", "x^2 + 5", "constant", "constant (5)"),
        ("x^2", "1/x^2", "reciprocal", "reciprocal"),
        ("3/4", "4/3", "reciprocal", "upside down"),
        ("0.25", "25", "percent", "percent"),
        ("2.5", "0.25", "decimal", "decimal point"),
        ("sqrt(2)/2", "0.71", "rounding", "3 significant figures"),
        ("1/3", "333/1000", "close", "Close"),
        ("2", "1/0", "undefined", "division by zero"),
        ("2*x", "2X", "variable", "did you mean x"),
        ("2*x", "2y", "variable", "y is not in this problem; it uses x"),
        ("[[1, 2], [3, 4]]", "[[1, 3], [2, 4]]", "transposed", "transpose"),
        ("[[1, 2, 3], [4, 5, 6]]", "[[1, 2], [4, 5]]", "shape", "2×3 matrix; yours is 2×2"),
        ("[[1, 2], [3, 4]]", "[[1, 2], [3, 5]]", "entries", "Entry (2, 2) is not right"),
        ("[[1, 2], [3, 4]]", "[[0, 2], [3, 5]]", "entries", "Entries (1, 1), (2, 2) are"),
        ("[1, 2, 3]", "[1, 5, 6]", "entries", "Entries 2 and 3 are not right"),
        ("[1, 2, 3]", "[1, 2]", "shape", "3 entries; yours has 2"),
        ("[1, 2, 3]", "[3, 2, 1]", "order", "different order"),
        ("[1, 2, 3]", "[-1, -2, -3]", "sign", "every entry"),
        ("{1, 2, 3}", "{1, 2}", "elements", "1 element is missing"),
        ("{1, 2}", "{1, 2, 7}", "elements", "7 is not in the answer"),
        ("{1, 2}", "{5, 7}", "elements", "5, 7 are not in the answer; 2 elements are missing"),
        ("(0, 1]", "(0, 1)", "openness", "check the right end"),
        ("(0, 1]", "(0, 2]", "endpoint", "The right endpoint is not right"),
        ("(0, 1]", "(-1, 1]", "endpoint", "The left endpoint"),
        ("x = 3 or x = -3", "x = 3", "elements", "1 solution is missing"),
        ("x = 3 or x = -3", "x = 3 or x = 4", "elements", "x = 4 is not in the answer"),
        ("[1, 2]", "{1, 2}", "kind", "That reads as a set, but the answer is a vector"),
        ("3", "[[1]]", "kind", "reads as a matrix, but the answer is a number"),
        ("DNE", "0", "kind", "the answer is a word"),
        ("2000000*x", "2,000,000", "kind", "without thousands separators"),
    ],
)
def test_mistakes(expected: str, submitted: str, mistake: str, words: str) -> None:
    found, message = _feedback(expected, submitted)
    assert found == mistake
    assert words in message


@pytest.mark.parametrize(
    ("expected", "submitted", "form", "words"),
    [
        ("1/2", "2/4", "simplified", "not simplified"),
        ("x^2 - 1", "(x - 1)(x + 1) + 0", "simplified", "not simplified"),
        ("(x - 1)*(x + 1)", "x^2 - 1", "factored", "not fully factored"),
        ("sqrt(2)", "1.4142", "exact", "give it exactly"),
    ],
)
def test_equal_but_not_in_the_required_form(
    expected: str, submitted: str, form: str, words: str
) -> None:
    mistake, message = _feedback(expected, submitted, form=form)
    assert mistake == "form"
    assert words in message


def test_interval_with_both_ends_wrong() -> None:
    verdict = check_answer("[0, 1]", "(0, 1)", kind="interval")
    assert verdict.mistake == "openness" and "check both ends" in verdict.feedback


def test_a_wrong_answer_with_a_foreign_variable_names_it_first() -> None:
    mistake, message = _feedback("x^2", "X^2 + 1")
    assert mistake == "variable" and message.startswith("X (did you mean x?")


def test_foreign_lists_every_unknown_name() -> None:
    note = foreign({"b", "a"}, {"x"})
    assert note == Note("variable", "a and b is not in this problem; it uses x.")


def test_many_wrong_matrix_entries_are_counted_not_listed() -> None:
    note = matrix_entries([(0, 0), (0, 1), (1, 0), (1, 1), (2, 0)], 6, [Note("wrong", "")] * 5)
    assert note.message == "5 of the 6 entries are not right."


def test_unreadable_answers_explain_and_cost_nothing() -> None:
    verdict = check_answer("3/4", "3/")
    assert verdict.error == verdict.feedback
    assert not verdict.readable and verdict.mistake == "unreadable"


def test_diagnose_names_the_first_anticipated_mistake_a_wrong_answer_matches() -> None:
    mistakes = ["cos(x^2)", "2x sin(x^2)", "2*sin(x^2)*x"]
    assert diagnose("2x cos(x^2)", "x^2 sin(x^2) * 2 / x", mistakes)[1] == 1
    verdict, index = diagnose("2x cos(x^2)", "cos(x²)", mistakes)
    assert (verdict.correct, index) == (False, 0)
    assert diagnose("2x cos(x^2)", "2 cos(x^2) x", mistakes) == (
        check_answer("2x cos(x^2)", "2 cos(x^2) x"),
        None,
    )  # right: no mistake to name
    assert diagnose("2x cos(x^2)", "x", mistakes)[1] is None  # wrong, but not anticipated
    unread, index = diagnose("2x cos(x^2)", "2x cos(x^2", mistakes)
    assert unread.error and index is None
