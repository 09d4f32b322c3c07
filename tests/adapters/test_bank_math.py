"""Every problem, hint and solution of the bank reads as math on every adapter: no LaTeX left."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from adapters.discord.render import to_embed
from adapters.slack.render import fallback_text, to_blocks
from adapters.text import to_text
from bot.messages import ANSWER_BUTTON, Field, Reply
from bot.problems.engine import generate
from bot.problems.load import load_problems
from bot.problems.model import Problem
from bot.problems.templates import TEMPLATES

ROOT = Path(__file__).resolve().parents[2]
SEEDS = range(20)
_CODE = re.compile(r"```.*?```|`[^`\n]+`", re.DOTALL)  # kept as written: answer syntax
_URL = re.compile(r"https?://\S+")
_LATEX = re.compile(r"\\[A-Za-z]+|\$")


@cache
def bank() -> tuple[Problem, ...]:
    """The hand-written problems and 20 variants of each template."""
    problems, errors = load_problems(ROOT / "content" / "problems")
    assert errors == []
    return (*problems, *(generate(t, seed) for t in TEMPLATES for seed in SEEDS))


def reply_of(problem: Problem) -> Reply:
    """A reply that carries every text of the problem a member can be shown."""
    fields = [Field(f"Hint {i}", hint) for i, hint in enumerate(problem.hints, 1)]
    fields += [Field("Why it matters", problem.why_ml)]
    fields += [Field("Not quite", wrong.feedback) for wrong in problem.wrong_answers]
    return Reply(
        title=f"Problem {problem.id}",
        body=problem.statement,
        fields=(*fields, Field("Yesterday's solution", problem.solution)),
        buttons=(ANSWER_BUTTON,),
    )


def leftovers(shown: str) -> list[str]:
    """LaTeX commands and `$` delimiters in what a member sees, outside code spans and links."""
    return _LATEX.findall(_URL.sub("", _CODE.sub("", shown)))


def strings(data: object) -> str:
    """Every string inside a platform payload, one a line."""
    if isinstance(data, str):
        return data
    if isinstance(data, dict):
        return "\n".join(strings(v) for v in data.values())
    if isinstance(data, list):
        return "\n".join(strings(v) for v in data)
    return ""


def embed_text(reply: Reply) -> str:
    return strings(dict(to_embed(reply).to_dict()))


def slack_text(reply: Reply) -> str:
    return strings(to_blocks(reply)) + "\n" + fallback_text(reply)


ADAPTERS = {"console": to_text, "discord": embed_text, "slack": slack_text}


def test_the_bank_has_math_to_convert() -> None:
    assert sum("\\frac" in p.statement + p.solution for p in bank()) > 100


@pytest.mark.parametrize("adapter", ADAPTERS)
def test_no_latex_reaches_a_member(adapter: str) -> None:
    show = ADAPTERS[adapter]
    found = {p.id: leftovers(show(reply_of(p))) for p in bank()}
    assert {k: v for k, v in found.items() if v} == {}
