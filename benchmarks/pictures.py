"""Benchmark the pictures and the math text: how long each takes, in this process.

Run:  python -m benchmarks.pictures [--sample N] [--out DIR]

- expression: every distinct `$...$` of content/problems typeset alone (ziamath Latex to
  SVG, resvg to PNG), with how many failed;
- card: every hand-written statement with math as a whole card (the daily post's picture);
- calendar: the 12-week streak calendar (Pillow), on a fixed history;
- leaderboard: the top-10 chart (Pillow);
- math text: bot.mathtext.readable on every statement (what every adapter does per reply);
- cached: what the bot process pays per post for a picture already drawn (key + lookup).
--sample N takes every Nth expression and statement; --out DIR also writes one of each
picture there (the README's pictures come from `--out docs/pictures`).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from bot.mathtext import readable
from bot.pictures.cache import PictureCache, picture_key
from bot.pictures.calendar import streak_calendar
from bot.pictures.card import has_math, math_card
from bot.pictures.chart import leaderboard_chart
from bot.problems.load import load_problems

ROOT = Path(__file__).resolve().parent.parent
_MATH = re.compile(r"\$([^$\n]+?)\$")


def timed(work: Callable[[], object], runs: int = 1) -> list[float]:
    """Milliseconds of each run of `work`."""
    spent = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        spent.append((time.perf_counter() - start) * 1000)
    return spent


def report(name: str, ms: list[float], failed: int = 0) -> None:
    """One line: count, p50, p95 and max in milliseconds."""
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    note = f", {failed} failed" if failed else ""
    print(
        f"{name:<12} n={len(ms):>5}  p50 {statistics.median(ms):8.3f} ms  "
        f"p95 {p95:8.3f} ms  max {ordered[-1]:8.3f} ms{note}"
    )


def expression_png(latex: str) -> bytes:
    import resvg_py
    import ziamath

    return bytes(resvg_py.svg_to_bytes(svg_string=ziamath.Latex(latex, size=30).svg()))


def history(today: date) -> dict[date, str]:
    rng = random.Random(7)
    states = ("solved", "solved", "solved", "fixed", "frozen", "missed")
    days = {today - timedelta(days=i): rng.choice(states) for i in range(1, 84)}
    return days | {today: "pending"}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pictures")
    parser.add_argument("--sample", type=int, default=1, help="take every Nth item")
    parser.add_argument("--out", type=Path, help="write one picture of each kind here")
    args = parser.parse_args()
    problems, _ = load_problems(ROOT / "content" / "problems")
    statements = [p.statement for p in problems if has_math(p.statement)][:: args.sample]
    texts = [p.statement + p.solution for p in problems]
    expressions = sorted({m[1] for t in texts for m in _MATH.finditer(t)})[:: args.sample]
    math_card("$x$")  # load the font once, as the workers' fork server does

    ms, failed = [], 0
    for latex in expressions:
        try:
            ms += timed(lambda latex=latex: expression_png(latex))
        except Exception:
            failed += 1
    report("expression", ms, failed)
    ms = [t for s in statements for t in timed(lambda s=s: math_card(s))]
    report("card", ms)
    today = date(2026, 11, 21)
    days = history(today)
    report(
        "calendar", timed(lambda: streak_calendar(days, today, current=5, longest=9, freezes=1), 30)
    )
    rows = [(f"member {i}", 20 - i) for i in range(10)]
    chart = lambda: leaderboard_chart(rows, period="this week", group_current=4, group_longest=9)  # noqa: E731
    report("leaderboard", timed(chart, 30))
    report("math text", [t for s in texts for t in timed(lambda s=s: readable(s))])
    cache = PictureCache()
    for s in statements:
        cache.put(picture_key("card", "light", {"text": s}), b"png")
    report(
        "cached",
        [
            t
            for s in statements
            for t in timed(lambda s=s: cache.get(picture_key("card", "light", {"text": s})))
        ],
    )
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        example = next(s for s in statements if r"\frac" in s)
        (args.out / "card.png").write_bytes(math_card(example))
        (args.out / "card-dark.png").write_bytes(math_card(example, "dark"))
        (args.out / "calendar.png").write_bytes(
            streak_calendar(days, today, current=5, longest=9, freezes=1)
        )
        (args.out / "leaderboard.png").write_bytes(chart())
        print(f"pictures written to {args.out}")


if __name__ == "__main__":
    main()
