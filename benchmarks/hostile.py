"""Benchmark: one member's huge message never holds up the others.

Run:  python -m benchmarks.hostile [--repeat 5]

A core on a temp database (real content, a started checker pool) gets, all at once, one
/answer of 40,000 characters (refused before parsing: over the 4,000-character cap) or of
3,999 characters in one word (parsed), and 50 /roadmap requests from other members. It
prints the other members' reply times (p50, max) and the time of the huge request itself,
and the option parser's time for 40,000 characters in one word.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.app import open_core
from bot.clock import ManualClock
from bot.commands import COMMANDS
from bot.config import Settings
from bot.core import Core
from bot.messages import GroupRef, Request, UserRef
from bot.options import MAX_TEXT, split_options
from bot.workers import Workers

START = datetime(2026, 11, 21, 9, tzinfo=UTC)
GROUP = GroupRef("console", "bench", "general", "general")
OTHERS = 50


def _request(command: str, text: str, user: str) -> Request:
    return Request(command, text, UserRef("console", "bench", user, user), GROUP)


async def _timed(core: Core, request: Request) -> float:
    started = time.perf_counter()
    await core.handle(request)
    return (time.perf_counter() - started) * 1000


async def _round(core: Core, huge: str) -> tuple[float, list[float]]:
    """The huge request's ms and the others' ms, sent together."""
    others = [_request("roadmap", "eigenvalues", f"m{n}") for n in range(OTHERS)]
    times = await asyncio.gather(
        _timed(core, _request("answer", huge, "mallory")), *(_timed(core, r) for r in others)
    )
    return times[0], list(times[1:])


async def main(repeat: int) -> None:
    """Print the figures."""
    options = next(c for c in COMMANDS if c.name == "roadmap").options
    started = time.perf_counter()
    split_options("a" * 40_000, options)
    parse_ms = (time.perf_counter() - started) * 1000
    print(f"option parser, one 40,000-character word: {parse_ms:.2f} ms")
    with tempfile.TemporaryDirectory() as folder:
        async with Workers(workers=1) as checker:
            clock = ManualClock(START)
            core = await open_core(Settings(), clock, checker, str(Path(folder) / "bench.db"))
            await _round(core, "1")  # warm: group, members, caches
            for label, huge in (
                ("40,000 characters (refused)", "9" * 40_000),
                (f"{MAX_TEXT - 1:,} characters in one word (read)", "9" * (MAX_TEXT - 1)),
            ):
                own, others = [], []
                for _ in range(repeat):
                    mine, theirs = await _round(core, huge)
                    own.append(mine)
                    others += theirs
                print(
                    f"/answer of {label}: itself {statistics.median(own):.1f} ms;"
                    f" {OTHERS} other members' replies p50 {statistics.median(others):.1f} ms,"
                    f" max {max(others):.1f} ms (over {repeat} rounds)"
                )
            await core.context.store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    asyncio.run(main(parser.parse_args().repeat))
