"""The labelled corpus: every (expected, submitted) pair gets its verdict and mistake tag."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.checker import check_answer

CORPUS = Path(__file__).with_name("corpus.yaml")
CASES: list[dict[str, Any]] = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["cases"]


def _id(case: dict[str, Any]) -> str:
    return f"{case['expected']} <- {case['submitted']}"


def test_corpus_is_large_and_covers_every_kind() -> None:
    assert len(CASES) >= 300
    kinds = {
        check_answer(c["expected"], c["expected"], kind=c.get("kind"), **c.get("options", {})).kind
        for c in CASES
    }
    assert kinds == {
        "number",
        "expression",
        "vector",
        "matrix",
        "set",
        "interval",
        "solutions",
        "tuple",
        "keyword",
    }
    assert {c["verdict"] for c in CASES} == {"correct", "wrong", "error"}


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_case(case: dict[str, Any]) -> None:
    verdict = check_answer(
        case["expected"], case["submitted"], kind=case.get("kind"), **case.get("options", {})
    )
    found = "error" if verdict.error else ("correct" if verdict.correct else "wrong")
    assert found == case["verdict"], verdict
    if "mistake" in case:
        assert verdict.mistake == case["mistake"], verdict
    assert verdict.feedback
    if found != "error":
        assert verdict.reading
