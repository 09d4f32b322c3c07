"""`studybot problems show|list|stats`: browse the bank and measure its variety from a terminal."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

from bot.content.paths import content_dir
from bot.problems.index import load_index
from bot.problems.load import load_problems
from bot.problems.model import Problem
from bot.problems.render import render_text


def main(argv: list[str] | None = None) -> int:
    """Run `studybot problems ...`; returns the exit code."""
    args = _parser().parse_args(argv)
    problems, errors = load_problems(content_dir() / "problems")
    if errors:
        print(
            f"note: {len(errors)} faults in the problem files; faulty problems are left out "
            "(run `studybot content check` for details)",
            file=sys.stderr,
        )
    if args.command == "stats":
        return _stats(args.seeds, as_json=args.json)
    if args.command == "show":
        return _show(
            problems, args.id, args.seed, hints=args.hints, solution=args.solution, png=args.png
        )
    return _list(problems, args.topic)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studybot problems", description="Browse the problem bank as a learner sees it."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    show = commands.add_parser("show", help="show one problem (hints and solution on request)")
    show.add_argument("id", help="a problem id, a template id, or TEMPLATE#SEED")
    show.add_argument("--seed", type=int, help="the variant of a template to show (default 0)")
    show.add_argument("--hints", action="store_true", help="also show the hints")
    show.add_argument("--solution", action="store_true", help="also show the worked solution")
    show.add_argument("--png", type=Path, metavar="FILE", help="write the statement's math card")
    listing = commands.add_parser("list", help="list problems and templates")
    listing.add_argument("--topic", help="only those that list this topic id")
    stats = commands.add_parser("stats", help="each template's distinct answers over many seeds")
    stats.add_argument("--seeds", type=_positive, default=1000, help="seeds 0..N-1 (default 1000)")
    stats.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1, got {text!r}")
    return int(text)


def _stats(seeds: int, *, as_json: bool) -> int:
    # Here, not at the top: making variants needs sympy, which `problems list` never loads.
    from bot.problems.stats import MAX_TOP_SHARE, answer_variety
    from bot.problems.templates import TEMPLATES

    rows = answer_variety(TEMPLATES, seeds)
    rows.sort(key=lambda r: (-r["most_common_share"], r["template"]))
    if as_json:
        print(json.dumps(rows, indent=2))
        return 0
    head = f"{'template':<40} {'distinct':>8} {'top share':>9}  most common answer"
    print(f"{head} (seeds 0-{seeds - 1})")
    for r in rows:
        flag = "  > 40%" if r["most_common_share"] > MAX_TOP_SHARE else ""
        print(
            f"{r['template']:<40} {r['distinct_answers']:>8} {r['most_common_share']:>9.1%}  "
            f"{r['most_common_answer'][:40]}{flag}"
        )
    return 0


def _show(
    problems: list[Problem],
    ident: str,
    seed: int | None,
    *,
    hints: bool,
    solution: bool,
    png: Path | None = None,
) -> int:
    base, _, suffix = ident.partition("#")
    if suffix.isdigit():
        ident, seed = base, int(suffix) if seed is None else seed
    templates = {t.id for t in load_index()}
    written = {p.id: p for p in problems}
    if ident in written:
        if seed is not None:
            print(f"note: {ident!r} is hand-written; --seed is ignored", file=sys.stderr)
        problem = written[ident]
    elif ident in templates:
        problem = _variant(ident, seed or 0)
    else:
        close = difflib.get_close_matches(ident, [*written, *templates], n=3)
        maybe = f" Did you mean: {', '.join(close)}?" if close else ""
        print(
            f"No problem or template has the id {ident!r}.{maybe} "
            "`studybot problems list` shows them all.",
            file=sys.stderr,
        )
        return 1
    print(render_text(problem, hints=hints, solution=solution))
    if png is not None:
        from bot.pictures.card import math_card  # here: only this command loads the renderer

        try:
            png.write_bytes(math_card(problem.statement))
        except OSError as exc:
            print(f"cannot write {png}: {exc.strerror}", file=sys.stderr)
            return 1
        print(f"(math card written to {png})", file=sys.stderr)
    return 0


def _variant(template_id: str, seed: int) -> Problem:
    """A template's variant, made here (sympy loads only when one is shown)."""
    from bot.problems.engine import generate
    from bot.problems.templates import TEMPLATES

    return generate(next(t for t in TEMPLATES if t.id == template_id), seed)


def _list(problems: list[Problem], topic: str | None) -> int:
    chosen = [p for p in problems if topic is None or topic in p.topics]
    templates = [t for t in load_index() if topic is None or topic in t.topics]
    if not chosen and not templates:
        print(f"No problem or template lists the topic {topic!r}.", file=sys.stderr)
        return 1
    print(f"Hand-written problems ({len(chosen)}):")
    for p in chosen:
        print(f"  {p.id}  [{p.topic}, difficulty {p.difficulty}]")
    print(f"\nTemplates ({len(templates)}; show a variant with --seed N):")
    for t in templates:
        print(f"  {t.id}  [{t.topics[0]}, difficulty {t.difficulty}]")
    return 0
