"""Benchmark the answer checker against naive sympy and math-verify on the labelled corpus.

Run:  python -m benchmarks.checker [--repeat 3] [--workers 2] [--no-baselines]
(math-verify comes with the `bench` extra: pip install -e '.[bench]').

Contenders, all on tests/bot/checker/corpus.yaml:
- checker in-process: check_answer() called one at a time in this process (expected
  answers are cached, as they are when many learners answer the day's problem); the
  "cold cache" row clears that cache before every call;
- checker pooled: the async worker pool (cache off); throughput with 64 checks in flight,
  latency from a one-at-a-time pass (so it includes the round trip to a worker);
- naive sympy: simplify(parse_expr(expected) - parse_expr(submitted)) == 0;
- math-verify: verify(parse("$expected$"), parse("$submitted$")), falling back to the raw
  text when the math-mode parse finds nothing.
The two baselines run one at a time in a worker process that is killed after --timeout
seconds (both can hang on inputs like 9^9^9^9); their latency is measured inside the
worker, and a killed check counts as an error at the timeout. parse_expr evaluates its
input, so the injection cases of the corpus are not fed to the baselines: they count as
rejected without running.
With --bank the cases come from content/problems instead (written by the content authors,
not alongside the checker): each problem's answer against itself (correct) and against
its anticipated wrong answers (wrong).
Agreement: the share of cases where "accepted" matches the label "correct" (a wrong or
unreadable answer must not be accepted). For our checker the three-way agreement
(correct / wrong / unreadable) is printed too.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pebble import ProcessPool

from bot.checker import Verdict, check_answer
from bot.checker.check import prepare
from bot.workers import Workers

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "bot" / "checker" / "corpus.yaml"
BANK = ROOT / "content" / "problems"
UNSAFE = ("__", "lambda", "eval", "exec", "import")
TARGETS = "in-process p50 <= 0.5 ms, p99 <= 10 ms; >= 40x math-verify; pooled >= 1500 checks/s"

Case = dict[str, Any]


@dataclass
class Result:
    """One contender's measurements."""

    name: str
    latencies: list[float] = field(default_factory=list)  # milliseconds
    outcomes: list[str] = field(default_factory=list)  # correct | wrong | error, per case
    throughput: float = 0.0  # checks per second
    note: str = ""

    def percentile(self, q: float) -> float:
        """Latency percentile in ms."""
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    def agreement(self, cases: list[Case]) -> float:
        """Share of cases where acceptance matches the label."""
        hits = sum(
            (o == "correct") == (c["verdict"] == "correct")
            for o, c in zip(self.outcomes, cases, strict=True)
        )
        return hits / len(cases)


def load(path: Path = CORPUS) -> list[Case]:
    """The labelled corpus."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]


def load_bank(folder: Path = BANK) -> list[Case]:
    """Cases from the problem bank: each answer against itself and its anticipated wrong ones."""
    cases: list[Case] = []
    for path in sorted(folder.glob("*.yaml")):
        for problem in yaml.safe_load(path.read_text(encoding="utf-8"))["problems"]:
            base = {
                "expected": str(problem["answer"]),
                "kind": problem["kind"],
                "options": dict(problem.get("options") or {}),
            }
            cases.append({**base, "submitted": base["expected"], "verdict": "correct"})
            for wrong in problem.get("wrong_answers") or []:
                cases.append({**base, "submitted": str(wrong["answer"]), "verdict": "wrong"})
    return cases


def _outcome(verdict: Verdict) -> str:
    return "error" if verdict.error else ("correct" if verdict.correct else "wrong")


def _call(case: Case) -> Verdict:
    return check_answer(
        case["expected"], case["submitted"], kind=case.get("kind"), **case.get("options", {})
    )


def in_process(cases: list[Case], repeat: int) -> Result:
    """check_answer in this process, one call at a time (after one warm-up pass)."""
    result = Result("checker, in-process")
    result.outcomes = [_outcome(_call(case)) for case in cases]
    started = time.perf_counter()
    for _ in range(repeat):
        for case in cases:
            begin = time.perf_counter()
            _call(case)
            result.latencies.append((time.perf_counter() - begin) * 1000)
    result.throughput = len(result.latencies) / (time.perf_counter() - started)
    return result


def in_process_cold(cases: list[Case]) -> Result:
    """check_answer with the expected-answer cache cleared before every call."""
    result = Result("checker, in-process, cold cache")
    started = time.perf_counter()
    for case in cases:
        begin = time.perf_counter()
        prepare.cache_clear()
        result.outcomes.append(_outcome(_call(case)))
        result.latencies.append((time.perf_counter() - begin) * 1000)
    result.throughput = len(cases) / (time.perf_counter() - started)
    return result


async def _pooled(cases: list[Case], repeat: int, workers: int) -> Result:
    result = Result(f"checker, pooled ({workers} workers)")
    async with Workers(workers=workers, timeout=2.0, cache_size=0) as checker:

        async def run(case: Case) -> Verdict:
            options = case.get("options", {})
            return await checker.check(
                case["expected"], case["submitted"], kind=case.get("kind"), **options
            )

        for case in cases:  # one at a time: the latency of a single check
            begin = time.perf_counter()
            result.outcomes.append(_outcome(await run(case)))
            result.latencies.append((time.perf_counter() - begin) * 1000)
        in_flight = asyncio.Semaphore(64)

        async def bounded(case: Case) -> Verdict:
            async with in_flight:
                return await run(case)

        started = time.perf_counter()
        await asyncio.gather(*(bounded(case) for _ in range(repeat) for case in cases))
        result.throughput = repeat * len(cases) / (time.perf_counter() - started)
    return result


def pooled(cases: list[Case], repeat: int, workers: int) -> Result:
    """The async worker pool with its worker pool."""
    return asyncio.run(_pooled(cases, repeat, workers))


def naive_task(expected: str, submitted: str) -> tuple[str, float]:
    """simplify(a - b) == 0 on sympy's parse_expr (which evaluates its input: trusted text only)."""
    from sympy import simplify
    from sympy.parsing.sympy_parser import (
        convert_xor,
        implicit_multiplication_application,
        parse_expr,
        standard_transformations,
    )

    transformations = (*standard_transformations, implicit_multiplication_application, convert_xor)
    begin = time.perf_counter()
    try:
        a = parse_expr(expected, transformations=transformations)
        b = parse_expr(submitted, transformations=transformations)
        outcome = "correct" if simplify(a - b) == 0 else "wrong"
    except Exception:
        outcome = "error"
    return outcome, (time.perf_counter() - begin) * 1000


def math_verify_task(expected: str, submitted: str) -> tuple[str, float]:
    """HuggingFace math-verify, given math-mode text (raw text when that finds nothing)."""
    from math_verify import parse, verify

    def read(text: str) -> list[Any]:
        return parse(f"${text}$") or parse(text)

    begin = time.perf_counter()
    try:
        outcome = "correct" if verify(read(expected), read(submitted)) else "wrong"
    except Exception:
        outcome = "error"
    return outcome, (time.perf_counter() - begin) * 1000


def _warm(task: Callable[[str, str], tuple[str, float]]) -> None:
    task("x + 1", "1 + x")


def baseline(
    name: str, task: Callable[[str, str], tuple[str, float]], cases: list[Case], timeout: float
) -> Result:
    """A baseline, one check at a time in a worker that is killed on timeout."""
    result = Result(name)
    killed = 0
    with ProcessPool(max_workers=1, initializer=_warm, initargs=(task,)) as pool:
        for case in cases:
            if any(mark in case["submitted"] for mark in UNSAFE):
                result.outcomes.append("error")
                continue
            future = pool.schedule(
                task, args=(case["expected"], case["submitted"]), timeout=timeout
            )
            try:
                outcome, ms = future.result()
            except FutureTimeout:
                outcome, ms, killed = "error", timeout * 1000, killed + 1
            except Exception:
                outcome, ms = "error", 0.0
            result.outcomes.append(outcome)
            result.latencies.append(ms)
    result.throughput = len(result.latencies) / (sum(result.latencies) / 1000)
    result.note = f"{killed} killed at {timeout:g} s" if killed else ""
    return result


def report(results: list[Result], cases: list[Case], source: Path) -> None:
    """Print the comparison table and the targets."""
    print(f"{len(cases)} cases from {source.relative_to(ROOT)}")
    print(f"{'contender':34} {'p50 ms':>8} {'p99 ms':>8} {'checks/s':>9} {'agree':>7}  note")
    for r in results:
        print(
            f"{r.name:34} {r.percentile(0.5):8.2f} {r.percentile(0.99):8.2f} "
            f"{r.throughput:9.0f} {r.agreement(cases):7.1%}  {r.note}"
        )
    ours = results[0]
    exact = sum(o == c["verdict"] for o, c in zip(ours.outcomes, cases, strict=True))
    print(f"checker three-way agreement (correct/wrong/unreadable): {exact / len(cases):.1%}")
    print(f"targets: {TARGETS}")
    checks = [
        ("in-process p50 <= 0.5 ms", ours.percentile(0.5) <= 0.5),
        ("in-process p99 <= 10 ms", ours.percentile(0.99) <= 10),
    ]
    pooled_results = [r for r in results if r.name.startswith("checker, pooled")]
    if pooled_results:
        checks.append(("pooled >= 1500 checks/s", pooled_results[0].throughput >= 1500))
    verifier = next((r for r in results if r.name == "math-verify"), None)
    if verifier is not None:
        ratio = ours.throughput / verifier.throughput
        better = ours.agreement(cases) > verifier.agreement(cases)
        checks.append((f">= 40x math-verify throughput ({ratio:.0f}x)", ratio >= 40))
        checks.append(("higher agreement than math-verify", better))
    for label, met in checks:
        print(f"  [{'met' if met else 'MISSED'}] {label}")


HOSTILE = (
    "9^9^9^9",
    "factorial(10^6)",
    "1e999999",
    "10^10^10",
    "x" * 2001,
    "(" * 40 + "x" + ")" * 40,
    "+".join(f"sin({k}x)" for k in range(1, 120)),
    "e^(e^(e^(e^(1000))))",
    "x = " + " or x = ".join(str(k) for k in range(200)),
    "__import__('os').system('true')",
)


def hostile() -> None:
    """How long hostile inputs take in-process, the worst of five tries each."""
    worst: list[tuple[float, str, str]] = []
    for text in HOSTILE:
        times = []
        for _ in range(5):
            started = time.perf_counter()
            verdict = check_answer("x^2", text, variables=["x"])
            times.append((time.perf_counter() - started) * 1000)
        outcome = (verdict.error or verdict.feedback)[:50]
        worst.append((max(times), text[:24], outcome))
    print("hostile inputs, in-process (worst of 5):")
    for ms, text, outcome in sorted(worst, reverse=True):
        print(f"  {ms:8.2f} ms  {text!r:28} {outcome}")


def main(argv: list[str] | None = None) -> None:
    """Run every contender and print the table."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.checker",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus")
    parser.add_argument("--workers", type=int, default=2, help="pooled workers")
    parser.add_argument("--timeout", type=float, default=3.0, help="baseline kill timeout (s)")
    parser.add_argument("--no-baselines", action="store_true", help="only our checker")
    parser.add_argument(
        "--bank", action="store_true", help="use the problem bank's answers instead of the corpus"
    )
    args = parser.parse_args(argv)
    cases = load_bank() if args.bank else load()
    results = [
        in_process(cases, args.repeat),
        in_process_cold(cases),
        pooled(cases, args.repeat, args.workers),
    ]
    if not args.no_baselines:
        results.append(baseline("naive simplify(a - b) == 0", naive_task, cases, args.timeout))
        try:
            import math_verify  # noqa: F401
        except ImportError:
            print("math-verify is not installed: pip install -e '.[bench]'")
        else:
            results.append(baseline("math-verify", math_verify_task, cases, args.timeout))
    report(results, cases, BANK if args.bank else CORPUS)
    hostile()


if __name__ == "__main__":
    main()
