"""Make a picked problem: a template's variant is computed by the workers, off the event loop."""

from __future__ import annotations

import asyncio

from bot.context import Context
from bot.problems.model import Problem
from bot.problems.pick import Pick, problem_for


async def make_problem(context: Context, picked: Pick) -> Problem:
    """The picked problem; a template becomes its variant, made in a worker process."""
    template = context.bank.templates.get(picked.item_id)
    if template is None:
        return context.bank.problems[picked.item_id]
    if context.checker is None:  # no workers (a context built for a test): a thread will do
        return await asyncio.to_thread(problem_for, context.bank, picked)
    return await context.checker.variant(template, picked.seed)
