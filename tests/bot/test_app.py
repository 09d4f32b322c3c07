"""The composition root: which platforms run, and the adapters it builds for them."""

from dataclasses import replace

from adapters.discord import DiscordAdapter
from adapters.slack import SlackAdapter
from bot.app import configured_platforms, make_adapter
from bot.config import Settings
from bot.core import Core


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
