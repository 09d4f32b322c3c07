"""The problem bank as immutable values: hand-written problems and generated-variant templates."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

DIFFICULTIES: tuple[int, ...] = (1, 2, 3)
MIN_HINTS, MAX_HINTS = 2, 3


@dataclass(frozen=True)
class WrongAnswer:
    """An anticipated mistake and the feedback that names it."""

    answer: str
    feedback: str


@dataclass(frozen=True)
class Problem:
    """One problem as a learner sees it, with its answer in checker syntax."""

    id: str
    topics: tuple[str, ...]
    difficulty: int
    statement: str
    answer: str
    kind: str
    hints: tuple[str, ...]
    solution: str
    why_ml: str
    options: Mapping[str, Any] = field(default_factory=dict, hash=False)
    wrong_answers: tuple[WrongAnswer, ...] = ()
    source: str = ""

    @property
    def topic(self) -> str:
        """The primary topic: the first one listed."""
        return self.topics[0] if self.topics else ""


@dataclass(frozen=True)
class Template:
    """A problem with random parameters; `make` draws them and computes the answer with sympy."""

    id: str
    topics: tuple[str, ...]
    difficulty: int
    kind: str
    statement: str
    hints: tuple[str, ...]
    solution: str
    why_ml: str
    make: Callable[[random.Random], Mapping[str, Any]]
    options: Mapping[str, Any] = field(default_factory=dict, hash=False)
    wrong_answers: tuple[WrongAnswer, ...] = ()
    source: str = ""
