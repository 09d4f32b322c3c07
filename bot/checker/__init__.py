"""The answer checker: read learner answers safely and decide whether they are right.

Checking loads sympy, so `check_answer` and `validate_expected` are imported on first
use: the bot process imports this package for the options and verdicts, while the
checks themselves run in the worker processes (bot.workers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.checker.errors import AuthorError, ReadError, TooLarge
from bot.checker.kinds import KINDS
from bot.checker.options import Options
from bot.checker.verdict import Verdict

if TYPE_CHECKING:
    from bot.checker.check import check_answer, validate_expected

__all__ = [
    "KINDS",
    "AuthorError",
    "Options",
    "ReadError",
    "TooLarge",
    "Verdict",
    "check_answer",
    "validate_expected",
]


def __getattr__(name: str) -> Any:
    if name not in ("check_answer", "validate_expected"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from bot.checker import check

    return check.__dict__[name]
