"""The answer checker: read learner answers safely and decide whether they are right."""

from bot.checker.check import Options, check_answer, validate_expected
from bot.checker.errors import AuthorError, ReadError, TooLarge
from bot.checker.kinds import KINDS
from bot.checker.pool import Checker
from bot.checker.verdict import Verdict

__all__ = [
    "KINDS",
    "AuthorError",
    "Checker",
    "Options",
    "ReadError",
    "TooLarge",
    "Verdict",
    "check_answer",
    "validate_expected",
]
