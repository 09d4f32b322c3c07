"""The problem bank: hand-written problems, generated variants, and their verification."""

from bot.problems.engine import generate, variant_seed
from bot.problems.load import load_problems
from bot.problems.model import Problem, Template, WrongAnswer
from bot.problems.render import render_text
from bot.problems.stats import bank_stats
from bot.problems.templates import TEMPLATES
from bot.problems.verify import verify_bank

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
