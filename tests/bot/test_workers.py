"""The worker pool: real processes, timeouts that kill, crashes, recycling, caches, pictures."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.checker import AuthorError, Verdict
from bot.pictures.cache import picture_key
from bot.problems import TEMPLATES, generate
from bot.workers import TOO_BIG, TOO_SLOW, Workers, run_check

REPO = Path(__file__).resolve().parents[3]


def hooked(
    expected: str,
    submitted: str,
    kind: str | None,
    options: dict[str, Any],
    mistakes: tuple[str, ...] = (),
) -> tuple[Verdict, int | None]:
    """A worker task with test-only misbehaviours, else the real check."""
    if submitted == "SPIN":
        while True:  # a check that never ends, like sympy grinding on a hard input
            pass
    if submitted == "CRASH":
        os._exit(3)
    if submitted == "HOG":
        bytearray(8 * 1024**3)  # far beyond the worker's memory cap
    if submitted == "PID":
        return Verdict(True, str(os.getpid()), "pid"), None
    return run_check(expected, submitted, kind, options, mistakes)


async def test_checks_run_in_the_pool() -> None:
    async with Workers(workers=2, timeout=5.0) as checker:
        verdicts = await asyncio.gather(
            checker.check("2*x*cos(x^2)", "2x cos(x^2)"),
            checker.check("2*x*cos(x^2)", "x cos(x^2)"),
            checker.check("[[1, 2], [3, 4]]", "[[1, 3], [2, 4]]"),
            checker.check("x = 3 or x = -3", "x = ±3", kind="solutions"),
            checker.check("3/4", "3/"),
        )
    assert [v.correct for v in verdicts] == [True, False, False, True, False]
    assert verdicts[1].mistake == "factor" and verdicts[2].mistake == "transposed"
    assert verdicts[4].error is not None


async def test_a_check_that_runs_too_long_is_killed_and_the_pool_keeps_serving() -> None:
    checker = Workers(workers=1, timeout=1.0, task=hooked)
    await checker.start()
    try:
        slow = await checker.check("x", "SPIN")
        assert slow.error == TOO_SLOW and not slow.correct and slow.mistake == "timeout"
        assert "took too long" in slow.feedback
        after = await checker.check("x^2", "x*x")
        assert after.correct
    finally:
        await checker.close()


async def test_a_crashed_or_memory_hungry_worker_is_replaced() -> None:
    async with Workers(workers=1, timeout=5.0, memory_mb=512, task=hooked) as checker:
        crashed = await checker.check("x", "CRASH")
        hungry = await checker.check("x", "HOG")
        after = await checker.check("1/2", "0.5")
    assert crashed.error == TOO_BIG and hungry.error == TOO_BIG
    assert crashed.mistake == hungry.mistake == "crashed"
    assert after.correct


async def test_workers_are_recycled_after_max_tasks() -> None:
    async with Workers(workers=1, max_tasks=2, timeout=5.0, task=hooked) as checker:
        verdicts = [await checker.check(f"{n}", "PID") for n in range(5)]
    assert len({v.reading for v in verdicts}) >= 2


async def test_a_diagnosis_is_one_trip_that_names_the_anticipated_mistake(
    checker: Workers,
) -> None:
    mistakes = ["cos(x^2)", "2x sin(x^2)"]
    verdict, index = await checker.diagnose("2x cos(x^2)", "2 x sin(x²)", mistakes)
    assert (verdict.correct, verdict.error, index) == (False, None, 1)
    right, none = await checker.diagnose("2x cos(x^2)", "cos(x^2) 2x", mistakes)
    assert right.correct and none is None
    cached = len(checker._cache)
    assert await checker.diagnose("2x cos(x^2)", "2 x sin(x²)", mistakes) == (verdict, 1)
    assert len(checker._cache) == cached  # answered from the cache
    alone = await checker.check("2x cos(x^2)", "2 x sin(x²)")  # no mistakes: another question
    assert alone == verdict and len(checker._cache) == cached + 1


async def test_recent_results_are_cached() -> None:
    async with Workers(workers=1, cache_size=2, task=hooked) as checker:
        first = await checker.check("1", "PID")
        assert await checker.check("1", "PID") is first
        assert await checker.check("1", "PID", tolerance=0.1) is not first
        await checker.check("2", "PID")
        await checker.check("3", "PID")  # evicts ("1", "PID")
        assert await checker.check("1", "PID") is not first


async def test_timeouts_are_not_cached() -> None:
    async with Workers(workers=1, timeout=0.5, task=hooked) as checker:
        first = await checker.check("x", "SPIN")
        second = await checker.check("x", "SPIN")
    assert first.error == second.error == TOO_SLOW
    assert first is not second


async def test_author_errors_reach_the_caller() -> None:
    checker = Workers(workers=1)
    with pytest.raises(AuthorError, match="unknown checker option"):
        await checker.check("1", "1", colour="red")  # validated before any worker exists
    with pytest.raises(RuntimeError, match="not started"):
        await checker.check("1", "1")
    async with checker:
        with pytest.raises(AuthorError, match="never closed"):
            await checker.check("1/(", "1")
        await checker.start()  # starting twice is harmless
        assert (await checker.check("1", "1.0")).correct


async def test_workers_can_be_forked_from_the_bot_process_too() -> None:
    async with Workers(workers=1, start_method="fork") as checker:
        assert (await checker.check("sqrt(2)/2", "1/√2")).correct


async def test_a_check_sent_while_the_workers_start_waits_for_one() -> None:
    async with Workers(workers=2) as checker:  # start() returns before the workers are ready
        first = await checker.check("sqrt(2)/2", "1/√2")
        await checker.ready()
        assert first.correct
        assert (await checker.check("x^2", "x*x")).correct


async def test_closing_during_the_start_leaves_no_worker_running() -> None:
    checker = Workers(workers=2)
    await checker.start()
    pool = checker._pool
    await checker.close()
    assert pool is not None and not pool.active
    with pytest.raises(RuntimeError, match="not started"):
        await checker.ready()


async def test_variants_are_made_in_a_worker(checker: Workers) -> None:
    for template in TEMPLATES[:5]:
        made = await checker.variant(template.id, 1234)
        assert made == generate(template, 1234)  # the same variant as one made here
    with pytest.raises(LookupError, match="no template has the id 'no-such-template'"):
        await checker.variant("no-such-template", 1)
    assert await checker.variant(TEMPLATES[0].id, 1) == generate(TEMPLATES[0], 1)  # still serving


def test_bad_pool_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        Workers(workers=0)
    with pytest.raises(ValueError):
        Workers(timeout=0)
    with pytest.raises(ValueError):
        Workers(start_method="teleport")


def test_the_event_loop_process_never_imports_sympy() -> None:
    script = (
        "import asyncio, sys\n"
        "from bot.workers import Workers\n"
        "async def main():\n"
        "    async with Workers(workers=1) as checker:\n"
        "        verdict = await checker.check('(x-1)*(x+1)', 'x^2 - 1', form='factored')\n"
        "    assert verdict.mistake == 'form', verdict\n"
        "    assert 'sympy' not in sys.modules, 'sympy ran in the event loop process'\n"
        "asyncio.run(main())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


async def test_pictures_are_drawn_in_a_worker_and_cached(checker: Workers) -> None:
    payload = {"text": r"Find $\frac{d}{dx} x^3$ at $x = 2$."}
    first = await checker.picture("card", "light", payload)
    assert first is not None and first.startswith(b"\x89PNG")
    assert checker.pictures.get(picture_key("card", "light", payload)) == first
    assert await checker.picture("card", "light", payload) is first  # from the cache


async def test_a_picture_not_ready_is_none_at_once_and_ready_later(checker: Workers) -> None:
    payload = {"text": r"Compute $\sqrt{49} + 1$."}
    assert await checker.picture("card", "dark", payload, wait=False) is None
    drawn = await checker.picture("card", "dark", payload)  # joins the drawing under way
    assert drawn is not None
    assert await checker.picture("card", "dark", payload, wait=False) == drawn


async def test_a_failed_picture_is_logged_and_none(
    checker: Workers, caplog: pytest.LogCaptureFixture
) -> None:
    assert await checker.picture("sculpture", "light", {}) is None
    assert "the sculpture picture failed" in caplog.text


async def test_pictures_drawn_ahead_take_one_worker_and_stop_at_the_backlog(
    checker: Workers, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot import workers

    monkeypatch.setattr(workers, "AHEAD_BACKLOG", 3)
    statements = [f"Find $x^{{{n}}}$ for ahead-{n}." for n in range(6)]
    started = [await checker.picture("card", "light", {"text": s}, wait=False) for s in statements]
    assert started == [None] * 6  # none waited for
    drawing = list(checker._drawing.values())
    assert len(drawing) == 3  # the rest go text-only, nothing queued for them
    verdict = await checker.check("2", "1 + 1")  # a check still runs meanwhile
    assert verdict.correct
    drawn = await asyncio.gather(*drawing)
    assert all(data is not None and data.startswith(b"\x89PNG") for data in drawn)
