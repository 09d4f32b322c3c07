"""`studybot check EXPECTED SUBMITTED`: print the checker's verdict, for problem authors."""

from __future__ import annotations

import argparse
import json
import sys

from bot.checker.check import check_answer
from bot.checker.errors import AuthorError
from bot.checker.forms import FORMS
from bot.checker.kinds import KINDS

EXIT_CORRECT, EXIT_WRONG, EXIT_UNREADABLE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `studybot check`."""
    parser = argparse.ArgumentParser(
        prog="studybot check",
        description="Check SUBMITTED against the expected answer EXPECTED and print the verdict. "
        "Exit status: 0 correct, 1 wrong, 2 unreadable (or a malformed EXPECTED).",
    )
    parser.add_argument("expected", metavar="EXPECTED", help="the author's answer, e.g. 3/4")
    parser.add_argument("submitted", metavar="SUBMITTED", help="a learner's answer, e.g. 0.75")
    parser.add_argument("--kind", choices=KINDS, help="answer kind (default: inferred)")
    parser.add_argument("--tolerance", type=float, help="relative tolerance (default 1e-3)")
    parser.add_argument("--form", choices=FORMS, help="required form of the answer")
    parser.add_argument(
        "--up-to-constant", action="store_true", help="accept antiderivatives up to a constant"
    )
    parser.add_argument("--variables", help="the problem's variables, comma-separated: x,y")
    parser.add_argument("--json", action="store_true", help="print the verdict as JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    args = build_parser().parse_args(argv)
    options: dict[str, object] = {}
    if args.tolerance is not None:
        options["tolerance"] = args.tolerance
    if args.form:
        options["form"] = args.form
    if args.up_to_constant:
        options["up_to_constant"] = True
    if args.variables:
        options["variables"] = [v.strip() for v in args.variables.split(",") if v.strip()]
    try:
        verdict = check_answer(args.expected, args.submitted, kind=args.kind, **options)
    except AuthorError as exc:
        print(f"studybot check: the expected answer is malformed: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        print(json.dumps(verdict.to_dict(), ensure_ascii=False))
    else:
        status = "unreadable" if verdict.error else ("correct" if verdict.correct else "wrong")
        print(f"kind:     {verdict.kind}")
        print(f"read as:  {verdict.reading or '-'}")
        print(f"verdict:  {status}" + (f" ({verdict.mistake})" if verdict.mistake else ""))
        print(f"feedback: {verdict.feedback}")
        if verdict.error:
            print(f"error:    {verdict.error}")
    if verdict.error:
        return EXIT_UNREADABLE
    return EXIT_CORRECT if verdict.correct else EXIT_WRONG
