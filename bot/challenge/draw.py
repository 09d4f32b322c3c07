"""Make a picked problem: a template's variant is computed by the workers, off the event loop."""

from __future__ import annotations

from bot.context import Context
from bot.problems.model import Problem
from bot.problems.pick import Pick


async def make_problem(context: Context, picked: Pick) -> Problem:
    """The picked problem; a template becomes its variant, made in a worker process."""
    if picked.item_id not in context.bank.templates:
        return context.bank.problems[picked.item_id]
    assert context.workers is not None, "the worker pool is started by the composition root"
    return await context.workers.variant(picked.item_id, picked.seed)
