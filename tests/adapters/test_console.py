"""The console group: in-process for behaviour, and the real `studybot console` on a pipe."""

import io
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from adapters.console import Console, parse_step, stream_reader
from bot.clock import ManualClock
from bot.core import Core
from tests.conftest import FIXTURE_CONTENT, REPO, START


async def _run(core: Core, clock: ManualClock, script: str) -> str:
    out = io.StringIO()
    console = Console(core, clock, output=out, read_line=stream_reader(io.StringIO(script)))
    await console.run()
    return out.getvalue()


async def test_script_prints_only_replies_and_skips_comments(
    core: Core, clock: ManualClock
) -> None:
    out = await _run(core, clock, "# a comment\n\n/roadmap vectors\n   \n")
    assert out.startswith("Vectors\n───")
    assert "comment" not in out
    assert out.count("Why it matters for ML") == 1


async def test_plain_text_gets_a_hint(core: Core, clock: ManualClock) -> None:
    out = await _run(core, clock, "hello there\n")
    assert "Commands start with /" in out


async def test_help_adds_the_console_commands(core: Core, clock: ManualClock) -> None:
    out = await _run(core, clock, "/help\n")
    assert "/roadmap [topic]" in out and "/as NAME" in out and "/clock +2d" in out


async def test_as_switches_the_member(core: Core, clock: ManualClock) -> None:
    out = await _run(core, clock, "/as sam\n/help\n/as bad name!\n")
    assert "You are now sam." in out
    assert "Who?" in out
    rows = await core.context.store.fetch_all("SELECT user_id FROM members")
    assert [r[0] for r in rows] == ["sam"]


async def test_clock_moves_forward_only(core: Core, clock: ManualClock) -> None:
    out = await _run(
        core, clock, "/clock\n/clock +2d\n/clock +3h\n/clock 2026-12-01T09:00\n/clock 2020-01-01\n"
    )
    assert "Simulated time: Saturday 2026-11-21 09:00 UTC" in out
    assert "Simulated time: Monday 2026-11-23 09:00 UTC" in out
    assert "Simulated time: Monday 2026-11-23 12:00 UTC" in out
    assert "Simulated time: Tuesday 2026-12-01 09:00 UTC" in out
    assert "the clock only moves forward" in out
    assert clock.now() == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def test_clock_typos_are_explained(core: Core, clock: ManualClock) -> None:
    out = await _run(core, clock, "/clock +2x\n/clock tomorrow\n")
    assert out.count("I can't move the clock like that") == 2
    assert clock.now() == START


async def test_quit_stops_reading(core: Core, clock: ManualClock) -> None:
    out = await _run(core, clock, "/quit\n/roadmap vectors\n")
    assert out == ""


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("2d", timedelta(days=2)),
        ("3h", timedelta(hours=3)),
        ("1w2d", timedelta(days=9)),
        ("90m", timedelta(minutes=90)),
        ("1d 12h", timedelta(days=1, hours=12)),
    ],
)
def test_parse_step(text: str, delta: timedelta) -> None:
    assert parse_step(text) == delta


@pytest.mark.parametrize("text", ["", "2", "d", "2y", "-2d", "99999d"])
def test_parse_step_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_step(text)


def _studybot(
    args: list[str], stdin: str, tmp_path: Path, **env: str
) -> subprocess.CompletedProcess:
    environ = {**os.environ, "STUDYBOT_CONTENT_DIR": str(FIXTURE_CONTENT), **env}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environ,
        timeout=60,
        check=False,
    )


def test_console_script_mode_end_to_end(tmp_path: Path) -> None:
    script = "/roadmap\n/resource algebra\n/roadmap goal:job weeks:2\n/nonsense\n"
    done = _studybot(["console", "--db", str(tmp_path / "x.db")], script, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    out = done.stdout
    assert "The map of ML math" in out
    assert "Resources for Algebra" in out
    assert "2-week plan: Quick track" in out
    assert "There is no `/nonsense` command" in out
    assert "Traceback" not in out and "studybot>" not in out  # replies only, no prompts
    assert (tmp_path / "x.db").exists()


def test_plain_studybot_opens_the_console_on_database_url(tmp_path: Path) -> None:
    done = _studybot([], "/help\n", tmp_path, DATABASE_URL="sqlite:///data/bot.db")
    assert done.returncode == 0, done.stderr
    assert "studybot commands" in done.stdout
    assert (tmp_path / "data" / "bot.db").exists()


def test_console_options(tmp_path: Path) -> None:
    done = _studybot(
        ["console", "--group", "night-owls", "--now", "2026-12-24T18:00"], "/clock\n", tmp_path
    )
    assert "Simulated time: Thursday 2026-12-24 18:00 UTC" in done.stdout


def test_bad_content_refuses_to_start_with_a_clear_message(tmp_path: Path) -> None:
    done = _studybot([], "/help\n", tmp_path, STUDYBOT_CONTENT_DIR=str(tmp_path / "none"))
    assert done.returncode == 2
    assert "cannot start" in done.stderr and "content folder not found" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_newer_database_refuses_to_start(tmp_path: Path) -> None:
    import sqlite3

    with sqlite3.connect(tmp_path / "new.db") as db:
        db.execute("PRAGMA user_version = 99")
    done = _studybot(["console", "--db", str(tmp_path / "new.db")], "/help\n", tmp_path)
    assert done.returncode == 2 and "schema version 99" in done.stderr


def test_bad_database_url(tmp_path: Path) -> None:
    done = _studybot([], "", tmp_path, DATABASE_URL="postgres://nope")
    assert done.returncode == 2 and "DATABASE_URL must start with sqlite:///" in done.stderr


def test_bad_now_is_an_argument_error(tmp_path: Path) -> None:
    done = _studybot(["console", "--now", "soon"], "", tmp_path)
    assert done.returncode == 2 and "is not an ISO date-time" in done.stderr


def test_repo_is_importable_from_tests() -> None:
    assert (REPO / "bot" / "__init__.py").exists()


def test_a_week_of_the_daily_loop_in_the_console(tmp_path: Path) -> None:
    script = "\n".join(
        [
            "/config time:09:00 timezone:Europe/Berlin topics:vectors difficulty:1",
            "/clock +3h",  # 10:00 in Berlin: Saturday's 09:00 slot has passed, so it is posted
            "/answer [4, 7]",
            "/answer [4, 6]",
            "/as sam",
            "/hint",
            "/clock +1d",
            "/as you",
            "/streak",
            "/leaderboard",
        ]
    )
    done = _studybot(
        ["console", "--db", str(tmp_path / "d.db"), "--now", "2026-11-21T06:00"],
        script + "\n",
        tmp_path,
        CHECKER_WORKERS="1",
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.count("── studybot posted in #study-group ──") == 2
    assert "Daily problem · Saturday 21 November" in out
    assert "Not yet" in out and "Correct!" in out and "Today counts: your streak is 1 day" in out
    assert "Hint 1 of 2" in out
    assert "Yesterday's solution (1 solved it)" in out
    assert "Current: 1 · Longest: 1" in out
    assert "🥇 you: 1 day" in out
    assert "Traceback" not in out + done.stderr


async def test_pictures_are_written_to_the_pictures_folder(
    core: Core, clock: ManualClock, tmp_path: Path
) -> None:
    out = io.StringIO()
    script = "/streak\n/leaderboard\n"
    console = Console(
        core, clock, output=out, read_line=stream_reader(io.StringIO(script)), pictures=tmp_path
    )
    await console.run()
    written = sorted(p.name for p in tmp_path.glob("*.png"))
    assert written == ["001-calendar.png", "002-leaderboard.png"]
    assert (tmp_path / "001-calendar.png").read_bytes().startswith(b"\x89PNG")
    assert f"(picture: {tmp_path / '001-calendar.png'})" in out.getvalue()
    assert "Current: 0" in out.getvalue()  # the text version is still printed
