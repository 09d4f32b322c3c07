"""Settings read from the environment, with a .env file as a fallback."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///studybot.db"


class ConfigError(ValueError):
    """A setting has a value we cannot use; the message names it."""


@dataclass(frozen=True)
class Settings:
    """Everything studybot reads from its environment."""

    database_url: str = DEFAULT_DATABASE_URL
    log_level: str = "WARNING"
    content_dir: str = ""
    checker_workers: int = 2
    discord_token: str = ""
    discord_guild_id: str = ""  # sync commands to this guild only (instant, for development)
    slack_bot_token: str = ""
    slack_app_token: str = ""  # set: Socket Mode; unset: HTTP mode on `port`
    slack_signing_secret: str = ""
    slack_api_url: str = ""  # another Web API base URL, such as a local stand-in for Slack
    slack_client_id: str = ""  # with the secret and the signing secret: distributed mode
    slack_client_secret: str = ""
    slack_purge_days: int = 30  # an uninstalled workspace's data is purged after this
    port: int = 3000

    @property
    def slack_distributed(self) -> bool:
        """Whether Slack runs as a distributed app (OAuth install) rather than self-hosted."""
        return bool(self.slack_client_id and self.slack_client_secret)

    @property
    def database_path(self) -> str:
        """The SQLite file named by DATABASE_URL."""
        return database_path(self.database_url)


def load_settings(
    environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
) -> Settings:
    """Settings from `environ` (default os.environ), falling back to `env_file`."""
    values = read_env_file(env_file) if env_file else {}
    values.update(os.environ if environ is None else environ)
    guild = values.get("DISCORD_GUILD_ID", "").strip()
    if guild and not guild.isdigit():
        raise ConfigError(f"DISCORD_GUILD_ID must be a server id (digits), not {guild!r}")
    workers = values.get("CHECKER_WORKERS", "2").strip()
    if not workers.isdigit() or not 1 <= int(workers) <= 32:
        raise ConfigError(f"CHECKER_WORKERS must be a number from 1 to 32, not {workers!r}")
    purge = values.get("STUDYBOT_SLACK_PURGE_DAYS", "30").strip()
    if not purge.isdigit() or int(purge) > 3650:
        raise ConfigError(f"STUDYBOT_SLACK_PURGE_DAYS must be a number of days, not {purge!r}")
    client_id = values.get("SLACK_CLIENT_ID", "").strip()
    client_secret = values.get("SLACK_CLIENT_SECRET", "").strip()
    if bool(client_id) != bool(client_secret):
        raise ConfigError("SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together: set both or none")
    settings = Settings(
        database_url=values.get("DATABASE_URL", DEFAULT_DATABASE_URL).strip(),
        log_level=values.get("LOG_LEVEL", "WARNING").strip().upper(),
        content_dir=values.get("STUDYBOT_CONTENT_DIR", "").strip(),
        checker_workers=int(workers),
        discord_token=values.get("DISCORD_TOKEN", "").strip(),
        discord_guild_id=guild,
        slack_bot_token=values.get("SLACK_BOT_TOKEN", "").strip(),
        slack_app_token=values.get("SLACK_APP_TOKEN", "").strip(),
        slack_signing_secret=values.get("SLACK_SIGNING_SECRET", "").strip(),
        slack_api_url=values.get("SLACK_API_URL", "").strip(),
        slack_client_id=client_id,
        slack_client_secret=client_secret,
        slack_purge_days=int(purge),
        port=_port(values.get("PORT", "3000").strip()),
    )
    settings.database_path  # noqa: B018 - fail early on a bad DATABASE_URL
    if settings.log_level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
        raise ConfigError(
            f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {settings.log_level!r}"
        )
    return settings


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise ConfigError(f"PORT must be a port number from 1 to 65535, not {text!r}")
    return int(text)


def database_path(url: str) -> str:
    """`sqlite:///rel.db` -> `rel.db`, `sqlite:////abs.db` -> `/abs.db`; a bare path is kept."""
    if "://" not in url:
        if not url:
            raise ConfigError("DATABASE_URL is empty")
        return url
    scheme, _, rest = url.partition("://")
    if scheme != "sqlite":
        raise ConfigError(f"DATABASE_URL must start with sqlite:///, not {scheme}://")
    if not rest.startswith("/") or rest == "/":
        raise ConfigError(
            "DATABASE_URL must look like sqlite:///studybot.db or sqlite:////abs/path.db"
        )
    return rest[1:]


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines from a .env file; comments, blanks and `export ` prefixes allowed."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    values = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key.strip()] = value
    return values
