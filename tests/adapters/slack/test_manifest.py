"""The app manifest: generated from the command table, and the file in the repo matches."""

from __future__ import annotations

import yaml

from adapters.slack.manifest import MANIFEST, SCOPES, build, main, to_yaml
from adapters.slack.routing import slash_commands


def test_the_manifest_file_is_the_generated_one() -> None:
    assert MANIFEST.read_text(encoding="utf-8") == to_yaml(build()), (
        "regenerate: studybot slack manifest > adapters/slack/manifest.yaml"
    )


def test_socket_mode_manifest_declares_commands_scopes_and_interactivity() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    commands = manifest["features"]["slash_commands"]
    assert [c["command"] for c in commands] == list(slash_commands())
    for command in commands:
        assert 0 < len(command["description"]) <= 100
        assert command["should_escape"] is True
        assert "url" not in command
    assert manifest["oauth_config"]["scopes"]["bot"] == list(SCOPES)
    assert manifest["settings"]["interactivity"] == {"is_enabled": True}
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert "event_subscriptions" not in manifest["settings"]


def test_http_mode_manifest_sends_everything_to_the_url() -> None:
    url = "https://studybot.example.org/slack/events"
    manifest = build(url)
    assert {c["url"] for c in manifest["features"]["slash_commands"]} == {url}
    assert manifest["settings"]["interactivity"]["request_url"] == url
    assert manifest["settings"]["socket_mode_enabled"] is False


def test_the_command_line_prints_it(capsys) -> None:
    assert main(["--url", "https://h.example/slack/events"]) == 0
    assert "request_url: https://h.example/slack/events" in capsys.readouterr().out


def test_a_distributed_manifest_has_the_redirect_rotation_and_uninstall_events() -> None:
    manifest = build("https://h.example/slack/events", distributed=True)
    assert manifest["oauth_config"]["redirect_urls"] == ["https://h.example/slack/oauth_redirect"]
    assert manifest["settings"]["token_rotation_enabled"] is True
    assert manifest["settings"]["socket_mode_enabled"] is False
    events = manifest["settings"]["event_subscriptions"]
    assert events == {
        "request_url": "https://h.example/slack/events",
        "bot_events": ["app_uninstalled", "tokens_revoked"],
    }


def test_studybot_slack_manifest_distributed_needs_a_url(capsys) -> None:
    from bot.cli import main as studybot

    assert studybot(["slack", "manifest", "--distributed"]) == 2
    assert "--url https://HOST" in capsys.readouterr().err
    assert studybot(["slack", "manifest", "--distributed", "--url", "https://h.example"]) == 0
    printed = yaml.safe_load(capsys.readouterr().out)
    assert printed["oauth_config"]["redirect_urls"] == ["https://h.example/slack/oauth_redirect"]
