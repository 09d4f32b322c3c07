"""Words around an answer: read when the answer is committed, refused (at no cost) when not."""

from __future__ import annotations

import pytest

from bot.checker import check_answer


@pytest.mark.parametrize(
    ("expected", "submitted", "reading"),
    [
        ("2", "I think it's 2", "2"),
        ("2", "the answer is 2", "2"),
        ("2", "answer: 2", "2"),
        ("2", "2, I think", "2"),
        ("2", "maybe 2", "2"),
        ("x = 3", "x=3 I guess", "x = 3"),
        ("x = 3", "so x = 3", "x = 3"),
        ("-1/2", "it's -1/2 :)", "-1/2"),
        ("120", "the answer is 5!", "5!"),
        ("no solution", "I think there are no real solutions", "none"),
        ("[1, 2]", "final answer: [1, 2]", "[1, 2]"),
    ],
)
def test_prose_around_a_committed_answer_is_read_and_the_reading_says_how(
    expected: str, submitted: str, reading: str
) -> None:
    verdict = check_answer(expected, submitted, kind="solutions" if "x" in expected else None)
    assert verdict.correct, verdict
    assert verdict.reading == reading


@pytest.mark.parametrize(
    "submitted", ["idk", "I don't know", "no idea", "?", "is it 2 or 3?", "2?", "I think 2 or 3"]
)
def test_no_committed_answer_is_unreadable_and_costs_no_attempt(submitted: str) -> None:
    verdict = check_answer("2", submitted)
    assert not verdict.correct and not verdict.readable, verdict


def test_prose_around_a_wrong_answer_stays_wrong() -> None:
    verdict = check_answer("2", "I think it's -2")
    assert not verdict.correct and verdict.readable and verdict.mistake == "sign"


def test_words_the_checker_cannot_read_are_unreadable_not_foreign_variables() -> None:
    verdict = check_answer("3/4", "three quarters")
    assert not verdict.readable and "three" in verdict.feedback
    assert check_answer("2*x", "2X", variables=["x"]).mistake == "variable"
    assert check_answer("2*x", "2 theta", variables=["x"]).mistake == "variable"


@pytest.mark.parametrize(
    ("submitted", "accepted"),
    [
        ("0,5", "0.5"),
        ("3,14", "3.14"),
        ("1,500", "1500 or 1.500"),
        ("2,000,000", "2000000"),
        ("1 000", "1000"),
        ("1 1/2", "3/2 or (1 + 1/2)"),
        ("-2 1/4", "-9/4 or -(2 + 1/4)"),
    ],
)
def test_an_ambiguous_number_gets_a_question_saying_what_would_be_accepted(
    submitted: str, accepted: str
) -> None:
    verdict = check_answer("1/2", submitted)
    assert not verdict.readable, verdict
    assert accepted in verdict.feedback


def test_a_comma_still_separates_entries_where_a_list_is_asked() -> None:
    assert check_answer("[0, 5]", "0,5").correct
    assert check_answer("{1, 500}", "1,500").correct
