"""The `studybot` command in real processes: quiet in pipes and on Ctrl-C, one line per error."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import EXIT_INTERRUPTED, EXIT_PIPE_CLOSED
from bot.clock import ManualClock
from bot.store import Store

STUDYBOT = [sys.executable, "-m", "bot"]
GUARD = 120  # seconds; against a hang, not a wait


def environment(**extra: str) -> dict[str, str]:
    """This environment without platform tokens, with one checker worker, stdout buffered."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DISCORD_", "SLACK_")) and k != "PYTHONUNBUFFERED"
    }
    return {**env, "CHECKER_WORKERS": "1", **extra}


def studybot(
    cwd: Path, *args: str, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    """Run `studybot ARGS` to its end in `cwd` (where no .env is)."""
    return subprocess.run(
        [*STUDYBOT, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment(**env),
        timeout=GUARD,
        check=False,
    )


async def migrated(path: Path) -> None:
    """Create a studybot database at `path`."""
    store = await Store.open(path, ManualClock(datetime(2026, 11, 21, tzinfo=UTC)))
    await store.close()


def one_line(stderr: str) -> str:
    """The single line of an error message; fails on a traceback or several lines."""
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def test_problems_list_into_head_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    command = f"{' '.join(STUDYBOT)} problems list | head -1"
    done = subprocess.run(
        ["sh", "-c", command],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment(),
        timeout=GUARD,
        check=False,
    )
    [line] = done.stdout.splitlines()
    assert re.fullmatch(r"Hand-written problems \(\d+\):", line)
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["problems", "list"], b""),
        (["problems", "show", "dot-product-3d", "--solution"], b""),
        (["check", "[[1,2],[3,4]]", "[[1,3],[2,4]]"], b""),
        (["console", "--db", "{db}"], b"/help\n/roadmap\n"),
        (["export", "--db", "{db}"], b""),
    ],
)
def test_a_reader_gone_before_the_output_ends_it_quietly(
    tmp_path: Path, args: list[str], stdin: bytes
) -> None:
    db = tmp_path / "bot.db"
    asyncio.run(migrated(db))  # a database to export
    process = subprocess.Popen(
        [*STUDYBOT, *(a.format(db=db) for a in args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=environment(),
    )
    assert process.stdout is not None and process.stdin is not None
    process.stdout.close()  # the reader is gone before the first write
    _, stderr = process.communicate(stdin, timeout=GUARD)
    assert (process.returncode, stderr.decode()) == (EXIT_PIPE_CLOSED, "")


@pytest.mark.parametrize("args", [["--help"], ["problems", "--help"], ["check", "--help"]])
@pytest.mark.parametrize(("unbuffered", "status"), [("", EXIT_PIPE_CLOSED), ("1", 0)])
def test_help_to_a_reader_gone_is_quiet(
    tmp_path: Path, args: list[str], unbuffered: str, status: int
) -> None:
    extra = {"PYTHONUNBUFFERED": unbuffered} if unbuffered else {}
    process = subprocess.Popen(
        [*STUDYBOT, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=environment(**extra),
    )
    assert process.stdout is not None
    process.stdout.close()
    _, stderr = process.communicate(timeout=GUARD)
    # Unbuffered, argparse's own write fails and argparse ignores it: a quiet 0 then.
    assert (process.returncode, stderr.decode()) == (status, "")


def test_ctrl_c_in_the_console_exits_130_quietly(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [*STUDYBOT, "console", "--db", str(tmp_path / "bot.db")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=environment(),
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(b"/help\n")
    process.stdin.flush()
    assert os.read(process.stdout.fileno(), 1 << 16)  # it is serving, waiting for a line
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=GUARD)
    assert (process.returncode, stderr.decode()) == (EXIT_INTERRUPTED, "")


@pytest.mark.parametrize("command", ["console", "export"])
def test_a_path_that_cannot_be_a_database_is_one_line(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    not_a_database = tmp_path / "notes.txt"
    not_a_database.write_text("these are notes, not a database\n")
    under_a_file = not_a_database / "bot.db"
    for path, reason in (
        (folder, "unable to open database file"),
        (not_a_database, "file is not a database"),
        (under_a_file, "File exists"),
    ):
        done = studybot(tmp_path, command, "--db", str(path), stdin="/help\n")
        if command == "export" and path != not_a_database:
            assert one_line(done.stderr) == f"studybot: no database at {path}"
        else:
            line = one_line(done.stderr)
            assert line.startswith("studybot: ") and f"cannot open the database {path}" in line
            assert reason in line
        assert done.returncode == 2 and done.stdout == ""


@pytest.mark.parametrize("command", ["console", "export"])
def test_a_database_newer_than_the_code_is_one_line(tmp_path: Path, command: str) -> None:
    db = tmp_path / "newer.db"
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA user_version = 999")
    done = studybot(tmp_path, command, "--db", str(db), stdin="/help\n")
    line = one_line(done.stderr)
    assert "schema version 999" in line and "upgrade studybot" in line
    assert done.returncode == 2 and done.stdout == ""


@pytest.mark.parametrize("url", ["postgres://host/studybot", "sqlite://relative.db", ""])
def test_a_bad_database_url_is_one_line(tmp_path: Path, url: str) -> None:
    for command in ("console", "export"):
        done = studybot(tmp_path, command, stdin="/help\n", DATABASE_URL=url)
        assert one_line(done.stderr).startswith("studybot: DATABASE_URL ")
        assert done.returncode == 2 and done.stdout == ""


def test_an_unknown_problem_id_is_one_line(tmp_path: Path) -> None:
    done = studybot(tmp_path, "problems", "show", "dot-product-3e")
    line = one_line(done.stderr)
    assert "'dot-product-3e'" in line and "dot-product-3d" in line  # with a suggestion
    assert done.returncode == 1 and done.stdout == ""
