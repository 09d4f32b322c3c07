"""Benchmark start-up: the console's first reply against the import floor of sympy.

Run:  python -m benchmarks.startup [--runs 7] [--workers 2] [--settle 5]

(about a minute with the defaults). Every figure is the median of --runs runs, and the
runs are interleaved (pass, sympy, console, answers, pass, sympy, ...) so that a machine
whose speed drifts moves all of them alike. Each console gets a fresh SQLite file in a
temporary folder. Our own modules are byte-compiled first, as an installed package is
(sympy's are, in site-packages).

1. Floors: `python -c pass` and `python -c "import sympy"`, spawn to exit, and the
   peak resident memory of the process (ru_maxrss from wait4).
2. Console: `studybot console --db FRESH` with `/help` on its standard input.
   - first reply: from the spawn to the first byte of the reply (the console writes and
     flushes each reply in one go): the figure the target reads, against the sympy floor;
   - exit: spawn to exit, standard input closed after `/help`: what
     `echo /help | studybot console` takes (the exit waits for the workers to finish
     starting, so that none is left behind);
   - peak: the bot process's own peak resident memory (its workers are other processes).
3. The first /answer: a console gets `/practice derivatives`, then `/answer 42` and
   `/answer 41`; each reply's latency runs from sending its line to its reply (a `/clock`
   after each line marks the reply's end).
   - rushed: the lines are sent at once, so the first /answer waits for the workers to
     finish starting (sympy loads in the workers' fork server while the bot serves);
   - settled: the /answer lines are sent --settle seconds after the start, once the
     workers are up, as when a learner types them; its first /answer against the warm
     second one is the "first /answer within 2x its warm time" target.
"""

from __future__ import annotations

import argparse
import compileall
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import adapters
import bot

MARK = b"Simulated time:"  # the reply to /clock, sent after a line to mark its reply's end
NOW = "2026-11-21T06:00"


@dataclass
class Run:
    """One process: wall seconds to its first output and to its exit, its peak RSS in MiB."""

    first: float
    wall: float
    peak_mib: float
    marks: list[float] = field(default_factory=list)  # seconds from the start to each mark


class Session:
    """A child process fed line by line, its output read as it comes, its rusage kept."""

    def __init__(self, command: list[str], env: dict[str, str], stderr: Path) -> None:
        self._stderr = stderr.open("ab")
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, env=env
        )
        self.output = b""
        self.first: float | None = None

    def send(self, *lines: str) -> float:
        """Write lines to the child's input; returns when, in seconds from the start."""
        assert self.proc.stdin is not None
        self.proc.stdin.write("".join(f"{line}\n" for line in lines).encode())
        self.proc.stdin.flush()
        return time.perf_counter() - self.start

    def wait_for(self, marks: int, timeout: float = 60.0) -> float:
        """Read until the output holds `marks` marks; returns when, in seconds from the start."""
        while self.output.count(MARK) < marks:
            self._read(timeout)
        return time.perf_counter() - self.start

    def finish(self, timeout: float = 60.0) -> Run:
        """Close the input, read to the end, reap the child; its figures."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        while self._read(timeout):
            pass
        _, status, usage = os.wait4(self.proc.pid, 0)
        wall = time.perf_counter() - self.start
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        self.proc.stdout.close()
        self._stderr.close()
        if self.proc.returncode != 0:
            raise RuntimeError(f"{self.proc.args} exited with {self.proc.returncode}")
        first = self.first if self.first is not None else wall
        return Run(first, wall, usage.ru_maxrss / 1024)

    def _read(self, timeout: float) -> bool:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            raise TimeoutError(f"no output from {self.proc.args} in {timeout} s")
        chunk = os.read(self.proc.stdout.fileno(), 1 << 16)
        if chunk and self.first is None:
            self.first = time.perf_counter() - self.start
        self.output += chunk
        return bool(chunk)


def console_command() -> list[str]:
    """The installed `studybot` script next to this interpreter, else `python -m bot`."""
    script = Path(sys.executable).with_name("studybot")
    if script.exists():
        return [str(script), "console"]
    found = shutil.which("studybot")
    return [found, "console"] if found else [sys.executable, "-m", "bot", "console"]


def child_env(workers: int) -> dict[str, str]:
    """This environment without platform tokens (the console must open), with --workers."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SLACK_"))}
    env["CHECKER_WORKERS"] = str(workers)
    return env


def floor(code: str, env: dict[str, str], log: Path) -> Run:
    """`python -c CODE`: spawn to exit, and its peak."""
    return Session([sys.executable, "-c", code], env, log).finish()


def console_help(db: Path, env: dict[str, str], log: Path) -> Run:
    """`echo /help | studybot console --db FRESH`."""
    session = Session([*console_command(), "--db", str(db)], env, log)
    session.send("/help")
    return session.finish()


def console_answers(db: Path, env: dict[str, str], log: Path, settle: float) -> Run:
    """/practice, then two /answer lines (after `settle` seconds); each reply's latency."""
    session = Session([*console_command(), "--db", str(db), "--now", NOW], env, log)
    session.send("/practice derivatives", "/clock")
    session.wait_for(1)
    if settle:
        time.sleep(settle)
    marks = []
    for n, answer in enumerate(("/answer 42", "/answer 41"), start=2):
        sent = session.send(answer, "/clock")
        marks.append(session.wait_for(n) - sent)
    if b"I read your answer as 42." not in session.output:
        raise RuntimeError("the first /answer was not checked:\n" + session.output.decode())
    run = session.finish()
    run.marks = marks
    return run


def median(runs: list[Run], pick: Callable[[Run], float]) -> float:
    """The median of one figure over the runs."""
    return statistics.median(pick(r) for r in runs)


def main(argv: list[str] | None = None) -> None:
    """Run the interleaved rounds and print the medians and the targets."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.startup",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (>= 5)")
    parser.add_argument("--workers", type=int, default=2, help="checker worker processes")
    parser.add_argument("--settle", type=float, default=5.0, help="seconds before settled /answer")
    args = parser.parse_args(argv)
    for package in (bot, adapters):
        compileall.compile_dir(Path(package.__file__).parent, quiet=1)
    env = child_env(args.workers)
    runs: dict[str, list[Run]] = {k: [] for k in ("pass", "sympy", "help", "rushed", "settled")}
    with tempfile.TemporaryDirectory(prefix="studybot-startup-") as folder:
        log = Path(folder) / "stderr.txt"
        for n in range(args.runs + 1):  # the first round warms the disk cache, not counted
            round_ = {
                "pass": floor("pass", env, log),
                "sympy": floor("import sympy", env, log),
                "help": console_help(Path(folder) / f"help-{n}.db", env, log),
                "rushed": console_answers(Path(folder) / f"rushed-{n}.db", env, log, 0.0),
                "settled": console_answers(Path(folder) / f"settled-{n}.db", env, log, args.settle),
            }
            if n:
                for name, run in round_.items():
                    runs[name].append(run)
        errors = log.read_text(errors="replace").strip()
    report(runs, args)
    if errors:
        print(f"\nstandard error of the runs (should be empty):\n{errors}")


def report(runs: dict[str, list[Run]], args: argparse.Namespace) -> None:
    """Print the medians and the two targets."""
    cpus = len(os.sched_getaffinity(0))
    print(
        f"start-up: median of {args.runs} interleaved runs, {args.workers} checker workers, "
        f"{cpus} cores, Python {sys.version.split()[0]}"
    )
    print(f"  {'':44} {'first reply s':>13} {'exit s':>7} {'peak MiB':>9}")
    rows = (
        ("python -c pass", "pass"),
        ('python -c "import sympy"', "sympy"),
        ("echo /help | studybot console", "help"),
    )
    for label, name in rows:
        first = f"{median(runs[name], lambda r: r.first):13.3f}" if name == "help" else " " * 13
        print(
            f"  {label:44} {first} {median(runs[name], lambda r: r.wall):7.3f} "
            f"{median(runs[name], lambda r: r.peak_mib):9.1f}"
        )
    first_reply = median(runs["help"], lambda r: r.first)
    sympy = median(runs["sympy"], lambda r: r.wall)
    bare = median(runs["pass"], lambda r: r.wall)
    print(
        f"  console first reply / sympy floor: {first_reply / sympy:.2f}x "
        f"(exit: {median(runs['help'], lambda r: r.wall) / sympy:.2f}x; "
        f"first reply / python -c pass: {first_reply / bare:.2f}x)"
    )
    print("  /answer latency in the console, s:        first   second (warm)")
    labels = {"rushed": "sent with the start", "settled": f"sent after {args.settle:g} s"}
    for name, label in labels.items():
        print(
            f"    {label:38} {median(runs[name], lambda r: r.marks[0]):7.3f} "
            f"{median(runs[name], lambda r: r.marks[1]):8.3f}"
        )
    settled_first = median(runs["settled"], lambda r: r.marks[0])
    warm = median(runs["settled"], lambda r: r.marks[1])
    print("targets:")
    print(
        f"  [{'met' if first_reply <= 1.5 * sympy else 'MISSED'}] console first reply <= 1.5x "
        f"the sympy import floor ({first_reply:.3f} s against {sympy:.3f} s)"
    )
    print(
        f"  [{'met' if settled_first <= 2 * warm else 'MISSED'}] first /answer <= 2x a warm one "
        f"({settled_first:.3f} s against {warm:.3f} s)"
    )


if __name__ == "__main__":
    main()
