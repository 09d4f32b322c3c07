"""The `studybot` command: run the bot, or the tools for content authors."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from bot.config import ConfigError, load_settings
from bot.content import ContentInvalid, content_dir
from bot.store import DatabaseUnavailable, SchemaTooNew

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE, what it reports for a writer whose reader went away


def _checker_cli(argv: list[str]) -> int:
    from bot.checker.cli import main

    return main(argv)


def _problems_cli(argv: list[str]) -> int:
    from bot.problems.cli import main

    return main(argv)


# Tools with their own argument parsers get the rest of the command line untouched.
DELEGATED: dict[str, Callable[[list[str]], int]] = {
    "check": _checker_cli,
    "problems": _problems_cli,
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for everything but the delegated tools."""
    parser = argparse.ArgumentParser(
        prog="studybot",
        description="A study companion for groups learning the math behind machine learning. "
        "With no command it serves every platform whose token is set, or opens the console "
        "group when none is.",
        epilog="Also: `studybot check EXPECTED SUBMITTED` (the answer checker) and "
        "`studybot problems show ID` (the problem bank).",
    )
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("discord", help="serve Discord (needs DISCORD_TOKEN)")
    slack = commands.add_parser(
        "slack", help="serve Slack (needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID and its secret)"
    )
    slack_commands = slack.add_subparsers(dest="slack_command")
    manifest = slack_commands.add_parser("manifest", help="print the Slack app manifest")
    manifest.add_argument("--url", default="", help="HTTP mode: the public base URL, https://HOST")
    manifest.add_argument(
        "--distributed", action="store_true", help="an app any workspace can install (OAuth)"
    )
    console = commands.add_parser("console", help="a study group in this terminal")
    console.add_argument("--db", help="SQLite file (default: from DATABASE_URL)")
    console.add_argument("--group", default="study-group", help="the group's name")
    console.add_argument(
        "--pictures",
        type=_folder,
        metavar="DIR",
        help="write the replies' pictures (math cards, calendars, charts) as PNGs here",
    )
    console.add_argument(
        "--now", type=_iso_datetime, help="start the simulated clock here (ISO; UTC if no offset)"
    )
    export = commands.add_parser("export", help="print the database as JSON")
    export.add_argument("--db", help="SQLite file (default: from DATABASE_URL)")
    content = commands.add_parser("content", help="tools for content authors")
    content_commands = content.add_subparsers(dest="content_command", required=True)
    check = content_commands.add_parser("check", help="validate everything in content/")
    check.add_argument("--json", action="store_true", help="print a JSON summary")
    return parser


def _iso_datetime(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO date-time like 2026-12-01T09:00"
        ) from None


def _folder(value: str) -> Path:
    """An existing folder, or a clear argparse error."""
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"{value!r} is not a folder")
    return path


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `studybot` console script: a closed pipe or Ctrl-C ends it quietly."""
    try:
        try:
            status = run(sys.argv[1:] if argv is None else argv)
        finally:  # argparse's --help leaves by SystemExit: flush then too
            sys.stdout.flush()  # a reader gone away shows here, not in Python's flush at exit
    except BrokenPipeError:  # `studybot problems list | head -1`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # keep the exit quiet
        return EXIT_PIPE_CLOSED
    except KeyboardInterrupt:
        if sys.stdout.isatty():
            print()  # leave the shell prompt on a line of its own
        return EXIT_INTERRUPTED
    return status


def run(argv: list[str]) -> int:
    """Run one `studybot` command line; returns the exit status."""
    if argv and argv[0] in DELEGATED:
        return DELEGATED[argv[0]](argv[1:])
    args = build_parser().parse_args(argv)
    if getattr(args, "slack_command", None) == "manifest":
        from bot.app import print_slack_manifest

        return print_slack_manifest(args.url, distributed=args.distributed)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"studybot: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if args.command == "content":
        return content_check(settings.content_dir or None, as_json=args.json)
    if args.command == "export":
        return export_database(args.db or settings.database_path)
    from bot.app import configured_platforms, run_console, run_platforms

    platforms = configured_platforms(settings)
    if args.command in ("discord", "slack"):
        if args.command not in platforms:
            token = (
                "DISCORD_TOKEN"
                if args.command == "discord"
                else "SLACK_BOT_TOKEN (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)"
            )
            print(f"studybot: set {token} to serve {args.command.title()}", file=sys.stderr)
            return 2
        platforms = [args.command]
    serve = args.command in ("discord", "slack") or (args.command is None and bool(platforms))
    try:
        if serve:
            print(f"studybot: serving {' and '.join(platforms)} (Ctrl-C stops)", file=sys.stderr)
            asyncio.run(run_platforms(settings, platforms))
        else:
            asyncio.run(
                run_console(
                    settings,
                    db_path=getattr(args, "db", None),
                    group=getattr(args, "group", "study-group"),
                    now=getattr(args, "now", None),
                    pictures=getattr(args, "pictures", None),
                )
            )
    except ContentInvalid as exc:
        print(f"studybot: cannot start:\n{exc}", file=sys.stderr)
        return 2
    except (DatabaseUnavailable, SchemaTooNew, ConfigError) as exc:
        print(f"studybot: cannot start: {exc}", file=sys.stderr)
        return 2
    return 0


def export_database(path: str) -> int:
    """Print the database at `path` as JSON; refuse to create one."""
    from pathlib import Path

    from bot.clock import SystemClock
    from bot.export import export
    from bot.store import Store

    if not Path(path).is_file():
        print(f"studybot: no database at {path}", file=sys.stderr)
        return 2

    async def read() -> dict:
        clock = SystemClock()
        store = await Store.open(path, clock)
        try:
            return await export(store, clock.now())
        finally:
            await store.close()

    try:
        data = asyncio.run(read())
    except (DatabaseUnavailable, SchemaTooNew) as exc:
        print(f"studybot: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(data, indent=2, ensure_ascii=False))
    return 0


def content_check(override: str | None, *, as_json: bool) -> int:
    """Validate the content folder; 0 when clean, 1 with file-and-field messages otherwise."""
    from bot.content_check import check_content

    root = content_dir(override)
    summary, errors = check_content(root)
    if as_json:
        print(json.dumps(summary, indent=2))
        return 1 if errors else 0
    for error in errors:
        print(f"error: {error}")
    counts = ", ".join(
        f"{summary[k]} {k}"
        for k in ("topics", "areas", "resources", "roadmaps", "advice", "problems", "templates")
    )
    print(f"{root}: {counts}: " + (f"{len(errors)} errors" if errors else "all good"))
    return 1 if errors else 0
