"""Bank statistics: sizes by topic and difficulty."""

from __future__ import annotations

from dataclasses import replace

from bot.problems.engine import generate
from bot.problems.model import Problem
from bot.problems.stats import answer_variety, bank_stats, variety_errors
from bot.problems.templates import TEMPLATES
from bot.problems.templates.calculus import POWER_RULE
from bot.problems.templates.linear_algebra import DETERMINANT, INVERSE

BASE = Problem(
    id="p",
    topics=("chain-rule", "derivatives"),
    difficulty=2,
    statement="s",
    answer="1",
    kind="number",
    hints=("a", "b"),
    solution="s",
    why_ml="w",
)


def test_bank_stats_counts_primary_topics_and_difficulties() -> None:
    problems = [
        BASE,
        replace(BASE, id="q", difficulty=1),
        replace(BASE, id="r", topics=("limits",), difficulty=3),
    ]
    stats = bank_stats(problems, [DETERMINANT, INVERSE, POWER_RULE])
    assert stats == {
        "problems": 3,
        "templates": 3,
        "by_topic": {"chain-rule": 2, "limits": 1},
        "by_difficulty": {"1": 1, "2": 1, "3": 1},
        "by_kind": {"expression": 1, "matrix": 1, "number": 4},
        "templates_by_topic": {"derivatives": 1, "determinants-inverses": 2},
        "templates_by_difficulty": {"1": 2, "2": 1, "3": 0},
    }


def test_bank_stats_of_an_empty_bank() -> None:
    assert bank_stats([], []) == {
        "problems": 0,
        "templates": 0,
        "by_topic": {},
        "by_difficulty": {"1": 0, "2": 0, "3": 0},
        "by_kind": {},
        "templates_by_topic": {},
        "templates_by_difficulty": {"1": 0, "2": 0, "3": 0},
    }


def test_answer_variety_counts_distinct_answers_and_the_top_share() -> None:
    (row,) = answer_variety([POWER_RULE], seeds=20)
    answers = [generate(POWER_RULE, seed).answer for seed in range(20)]
    assert row["template"] == POWER_RULE.id and row["seeds"] == 20
    assert row["distinct_answers"] == len(set(answers))
    top = max(set(answers), key=answers.count)
    assert row["most_common_share"] == answers.count(top) / 20
    assert answers.count(row["most_common_answer"]) == answers.count(top)


def test_a_template_that_repeats_one_answer_too_often_is_a_fault() -> None:
    always_one = replace(
        POWER_RULE, id="always-one", make=lambda rng: {"answer": 1, "f": 1, "n": 1}
    )
    assert variety_errors([POWER_RULE], seeds=20) == []
    (error,) = variety_errors([POWER_RULE, always_one], seeds=20)
    assert error.field == "always-one"
    assert error.file == "tests/bot/problems/test_stats.py"
    assert error.message == (
        "the answer '1' comes up in 100% of seeds 0-19; keep every answer to 40% at most"
    )


def test_every_template_keeps_its_most_common_answer_to_forty_percent() -> None:
    assert variety_errors(TEMPLATES, seeds=50) == []
