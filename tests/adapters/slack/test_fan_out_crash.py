"""kill -9 in the middle of a Slack fan-out with 20% of sends failing: one post per group and day.

The first half runs the real `studybot slack` process against the local Slack and kills it
mid fan-out. The second half is the restart: the same runner code, on the same database,
with a clock moved past the dead process's leases, and the sends still failing now and then.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import socket
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from adapters.slack import SlackAdapter
from bot.challenge.post import daily_runner
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import Core
from bot.messages import GroupRef, Request
from tests.adapters.slack.fake_slack import SECRET, TEAM, FakeSlack, Outcome, lost, rate_limited
from tests.adapters.slack.test_post import ADA

GROUPS = 24
FAILING = 0.2  # the share of sends that fail
TRANSIENT = 3  # a channel's sends fail only among its first three: the failures pass
START_WITHIN = 90.0  # seconds for the process to start and post a few: a guard, not a wait


def flaky(method: str, args: dict[str, Any], tries: dict[str, int]) -> Outcome | None:
    """One in five sends fails, in one of the ways a send fails; the same way on every run."""
    if method != "chat.postMessage":
        return None
    channel = str(args["channel"])
    tries[channel] = tries.get(channel, 0) + 1
    draw = random.Random(f"{channel}:{tries[channel]}")
    if tries[channel] > TRANSIENT or draw.random() >= FAILING:
        return None
    return draw.choice(
        [
            Outcome(500, {"ok": False, "error": "internal_error"}),  # refused: nothing posted
            lost(500),  # posted, and the answer lost
            Outcome(drop=True, acted=True),  # posted, and the connection dropped
            rate_limited("45"),  # refused for 45 s: longer than the client waits
        ]
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _configure(core: Core, at: datetime) -> list[GroupRef]:
    """GROUPS Slack channels posting daily at `at` (UTC), as their admins set them."""
    groups = [GroupRef("slack", TEAM, f"C{n:03d}", f"group-{n}") for n in range(GROUPS)]
    for group in groups:
        settings = f"time:{at:%H:%M} timezone:UTC"
        reply = await core.handle(Request("config", settings, ADA, group, is_admin=True))
        assert reply.title == "Settings saved"
    return groups


async def test_kill_9_mid_fan_out_with_failing_sends_posts_once_per_group_and_day(
    core: Core, tmp_path: Path
) -> None:
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    fake = FakeSlack(epoch=int(time.time()) - 60)
    tries: dict[str, int] = {}
    fake.decide = lambda method, args: flaky(method, args, tries)
    fake.latency = 0.15
    await fake.start()
    try:
        groups = await _configure(core, now - timedelta(minutes=2))  # due: caught up at start
        database = tmp_path / "studybot.db"  # the core fixture's database
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{database}",
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake.api_url,
            "PORT": str(_free_port()),
            "CHECKER_WORKERS": "1",
            "LOG_LEVEL": "INFO",
        }
        env.pop("SLACK_APP_TOKEN", None)
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "slack",
            env=env,
            cwd=tmp_path,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            await fake.wait_for("chat.postMessage", GROUPS // 3, timeout=START_WITHIN)
        finally:
            process.send_signal(signal.SIGKILL)
            _, log = await process.communicate()
        assert process.returncode == -signal.SIGKILL, log.decode()[-2000:]
        await fake.settled()  # Slack finishes what reached it (within the lease, in life)
        killed_at = sum(len(fake.posted(g.channel)) for g in groups)
        assert (
            0 < killed_at < GROUPS
        )  # the kill came mid fan-out  # Slack finishes what reached it (within the lease, in life)

        clock = ManualClock(datetime.now(UTC) + timedelta(minutes=3))  # past every lease
        restarted = Core(replace(core.context, clock=clock))
        settings = Settings(slack_bot_token="xoxb-test", slack_signing_secret=SECRET)
        adapter = SlackAdapter(restarted, settings, base_url=fake.api_url, timeout=2.0)
        runner = daily_runner(restarted.context, adapter.post, adapter.find_post)
        for _ in range(12):
            await runner.run_due(clock.now())
            clock.advance(timedelta(minutes=10))

        for group in groups:
            assert len(fake.posted(group.channel)) == 1, group.channel
        rows = await core.context.store.fetch_all(
            "SELECT g.channel, p.local_date, p.status, p.message_id FROM posts p"
            " JOIN groups g ON g.id = p.group_id ORDER BY g.channel"
        )
        assert len(rows) == GROUPS
        assert {row[1] for row in rows} == {(now - timedelta(minutes=2)).date().isoformat()}
        for channel, _, status, message_id in rows:
            assert (status, message_id) == ("sent", fake.posted(channel)[0]["ts"])
        assert any(count > 1 for count in tries.values()), "some sends must have failed"
    finally:
        await fake.stop()
