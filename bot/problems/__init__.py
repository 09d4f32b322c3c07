"""The problem bank: hand-written problems, generated variants, and their verification.

The names are loaded on first use: the bot process needs the loader and the template
index, while the templates themselves (and sympy with them) load only in the workers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.problems.engine import generate
    from bot.problems.load import load_problems
    from bot.problems.model import Problem, Template, WrongAnswer
    from bot.problems.pick import variant_seed
    from bot.problems.render import render_text
    from bot.problems.stats import bank_stats
    from bot.problems.templates import TEMPLATES
    from bot.problems.verify import verify_bank

_HOMES = {
    "TEMPLATES": "templates",
    "Problem": "model",
    "Template": "model",
    "WrongAnswer": "model",
    "bank_stats": "stats",
    "generate": "engine",
    "load_problems": "load",
    "render_text": "render",
    "variant_seed": "pick",
    "verify_bank": "verify",
}

__all__ = [
    "TEMPLATES",
    "Problem",
    "Template",
    "WrongAnswer",
    "bank_stats",
    "generate",
    "load_problems",
    "render_text",
    "variant_seed",
    "verify_bank",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
