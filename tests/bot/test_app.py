"""The composition root: which platforms run, the adapters it builds, the order it starts them."""

import asyncio
from dataclasses import replace

import pytest

from adapters.discord import DiscordAdapter
from adapters.slack import SlackAdapter
from bot.app import configured_platforms, make_adapter, serve
from bot.clock import ManualClock
from bot.config import ConfigError, Settings
from bot.core import Core
from bot.daily import DailyScheduler
from bot.messages import Reply
from bot.store import Store
from tests.bot.daily.fakes import Sender, add_group, make_runner

GUARD = 10.0  # seconds; against a hang, not a wait


def test_platforms_follow_the_tokens() -> None:
    assert configured_platforms(Settings()) == []
    assert configured_platforms(Settings(discord_token="d")) == ["discord"]
    assert configured_platforms(Settings(slack_bot_token="s")) == ["slack"]
    both = Settings(discord_token="d", slack_bot_token="s")
    assert configured_platforms(both) == ["discord", "slack"]


def test_make_adapter_builds_each_platform(core: Core, tmp_path: object) -> None:
    settings = replace(
        Settings(database_url=f"sqlite:///{tmp_path}/x.db"),
        discord_token="d",
        slack_bot_token="xoxb-test",
        slack_app_token="xapp-test",
    )
    assert isinstance(make_adapter("discord", core, settings), DiscordAdapter)
    assert isinstance(make_adapter("slack", core, settings), SlackAdapter)


def test_plain_studybot_without_tokens_opens_the_console() -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import FIXTURE_CONTENT, REPO

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SLACK_"))}
    env["STUDYBOT_CONTENT_DIR"] = str(FIXTURE_CONTENT)
    env["CHECKER_WORKERS"] = "1"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "console", "--db", ":memory:"],
        input="/help\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "studybot commands" in done.stdout


def test_serving_a_platform_without_its_token_says_which_variable() -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SLACK_"))}
    for platform, variable in (("discord", "DISCORD_TOKEN"), ("slack", "SLACK_BOT_TOKEN")):
        done = subprocess.run(
            [sys.executable, "-m", "bot", platform],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            timeout=60,
            check=False,
        )
        assert done.returncode == 2 and f"set {variable}" in done.stderr


class Platform:
    """A recording adapter whose connection the test controls."""

    def __init__(self, sender: Sender, fails: Exception | None = None) -> None:
        self.sender = sender
        self.fails = fails
        self.running = asyncio.Event()
        self.up = asyncio.Event()
        self.posted = asyncio.Event()

    async def run(self) -> None:
        self.running.set()
        if self.fails is not None:
            raise self.fails
        await asyncio.Event().wait()

    async def connected(self) -> None:
        await self.up.wait()

    async def post(self, group: object, reply: Reply, key: str) -> str:
        assert self.up.is_set(), "posted before the platform was connected"
        self.posted.set()
        return await self.sender(group, reply, key)


class Scheduler(DailyScheduler):
    """The real scheduler, telling when it was started."""

    started = False

    async def start(self) -> None:
        self.started = True
        await super().start()


async def test_missed_posts_are_caught_up_once_the_platforms_are_connected(
    store: Store, clock: ManualClock
) -> None:
    await add_group(store, at="08:00")  # an hour ago: due at start
    sender = Sender()
    platform = Platform(sender)
    scheduler = Scheduler(make_runner(store, clock, platform.post), clock, store)
    serving = asyncio.create_task(serve([platform], scheduler))
    try:
        await asyncio.wait_for(platform.running.wait(), GUARD)
        for _ in range(10):
            await asyncio.sleep(0)
        assert not scheduler.started  # waiting for the platform
        platform.up.set()
        await asyncio.wait_for(platform.posted.wait(), GUARD)
        assert scheduler.started and sender.days() == ["2026-11-21"]
    finally:
        serving.cancel()
        await asyncio.gather(serving, return_exceptions=True)
        await scheduler.shutdown()


async def test_a_platform_that_fails_to_start_stops_serving_before_any_post(
    store: Store, clock: ManualClock
) -> None:
    await add_group(store, at="08:00")
    sender = Sender()
    scheduler = Scheduler(make_runner(store, clock, sender), clock, store)
    with pytest.raises(ConfigError, match="refused"):
        await serve([Platform(sender, fails=ConfigError("Slack refused the token"))], scheduler)
    assert not scheduler.started and sender.calls == 0
