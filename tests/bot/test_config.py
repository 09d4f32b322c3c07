from pathlib import Path

import pytest

from bot.config import ConfigError, database_path, load_settings, read_env_file


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:///studybot.db", "studybot.db"),
        ("sqlite:///data/studybot.db", "data/studybot.db"),
        ("sqlite:////var/lib/studybot/db.sqlite", "/var/lib/studybot/db.sqlite"),
        ("plain.db", "plain.db"),
    ],
)
def test_database_path(url: str, path: str) -> None:
    assert database_path(url) == path


@pytest.mark.parametrize("url", ["postgres://x/y", "sqlite://", "sqlite:///", ""])
def test_database_path_rejects(url: str) -> None:
    with pytest.raises(ConfigError):
        database_path(url)


def test_environment_wins_over_env_file(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text(
        '# comment\nexport DATABASE_URL="sqlite:///from-file.db"\nLOG_LEVEL=debug\n\nJUNK\n'
    )
    settings = load_settings({"LOG_LEVEL": "error"}, env)
    assert settings.database_path == "from-file.db"
    assert settings.log_level == "ERROR"


def test_defaults_without_anything(tmp_path: Path) -> None:
    settings = load_settings({}, tmp_path / "missing.env")
    assert settings.database_path == "studybot.db"
    assert settings.log_level == "WARNING"


def test_bad_values_are_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="LOG_LEVEL"):
        load_settings({"LOG_LEVEL": "loud"}, None)
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        load_settings({"DATABASE_URL": "mysql://db"}, None)


def test_env_file_quotes(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("A='one two'\nB=\"x\"\nC=plain # not a comment\n")
    assert read_env_file(env) == {"A": "one two", "B": "x", "C": "plain # not a comment"}


def test_discord_guild_id_is_digits() -> None:
    assert load_settings({"DISCORD_GUILD_ID": "123456"}, None).discord_guild_id == "123456"
    with pytest.raises(ConfigError, match="DISCORD_GUILD_ID"):
        load_settings({"DISCORD_GUILD_ID": "my-server"}, None)


def test_distributed_slack_needs_the_client_id_and_secret_together() -> None:
    both = load_settings({"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "s"}, env_file=None)
    assert both.slack_distributed and both.slack_purge_days == 30
    with pytest.raises(ConfigError, match="go together"):
        load_settings({"SLACK_CLIENT_ID": "1.2"}, env_file=None)
    with pytest.raises(ConfigError, match="STUDYBOT_SLACK_PURGE_DAYS"):
        load_settings({"STUDYBOT_SLACK_PURGE_DAYS": "soon"}, env_file=None)
    assert load_settings({"STUDYBOT_SLACK_PURGE_DAYS": "0"}, env_file=None).slack_purge_days == 0
    assert not load_settings({}, env_file=None).slack_distributed
