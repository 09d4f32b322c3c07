"""Imported once where the workers come from: sympy, the grammar and its caches, ready to share."""

import sympy  # noqa: F401  (the checker imports it on first use; the workers need it at once)

from bot.checker.check import check_answer

check_answer("x + 1", "1 + x")  # builds the parser
