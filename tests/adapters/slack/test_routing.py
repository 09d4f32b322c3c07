"""Slack's slash commands to the core's commands, and Slack's escapes undone."""

from __future__ import annotations

import pytest

from adapters.slack.routing import (
    ButtonValue,
    from_slack,
    localize,
    route,
    slash_commands,
    split_command,
)
from bot.commands import COMMANDS
from bot.messages import Field, Reply


def test_every_core_command_is_reachable() -> None:
    reachable = {route(slash, "")[0] for slash in slash_commands()}
    reachable |= {route("/studybot", name)[0] for name in ("help", "config")}
    assert reachable == {c.name for c in COMMANDS}


def test_the_slash_commands_are_the_issue_s() -> None:
    assert sorted(slash_commands()) == sorted(
        [
            "/roadmap",
            "/resource",
            "/problem",
            "/answer",
            "/hint",
            "/practice",
            "/review",
            "/progress",
            "/streak",
            "/leaderboard",
            "/studybot",
        ]
    )


@pytest.mark.parametrize(
    ("slash", "text", "routed"),
    [
        ("/roadmap", " goal:job  weeks:8 ", ("roadmap", "goal:job  weeks:8")),
        ("/answer", "x = 3 or x = -3", ("answer", "x = 3 or x = -3")),
        ("/studybot", "", ("help", "")),
        ("/studybot", "help", ("help", "")),
        ("/studybot", "help resource", ("help", "resource")),
        (
            "/studybot",
            "config time:09:00 timezone:Europe/Berlin",
            ("config", "time:09:00 timezone:Europe/Berlin"),
        ),
        ("/studybot", "Config streak-fix sam 2026-11-20", ("config", "streak-fix sam 2026-11-20")),
        ("/studybot", "/roadmap pca", ("roadmap", "pca")),
        ("/studybot", "nonsense", ("nonsense", "")),
    ],
)
def test_route(slash: str, text: str, routed: tuple[str, str]) -> None:
    assert route(slash, text) == routed


def test_split_command() -> None:
    assert split_command("/problem solution") == ("problem", "solution")
    assert split_command("/hint") == ("hint", "")


@pytest.mark.parametrize(
    ("escaped", "typed"),
    [
        ("x &gt; 0 &amp;&amp; y &lt; 1", "x > 0 && y < 1"),
        ("&amp;lt;", "&lt;"),
        ("streak-fix <@U0SAM|sam> 2026-11-20", "streak-fix <@U0SAM> 2026-11-20"),
        ("channel:<#C0DAILY|daily-math>", "channel:<#C0DAILY>"),
        ("channel:<#C0DAILY>", "channel:<#C0DAILY>"),
        ("<!here> and <!subteam^S0|@learners>", "@here and @learners"),
        ("<https://mml-book.github.io/|mml-book.github.io>", "https://mml-book.github.io/"),
        ("<mailto:a@b.org|a@b.org>", "a@b.org"),
    ],
)
def test_from_slack(escaped: str, typed: str) -> None:
    assert from_slack(escaped) == typed


def test_localize_writes_the_hub_commands_as_slack_users_type_them() -> None:
    reply = Reply(
        title="`/help [command]`",
        body="Try `/help` or /config time:09:00; not https://x.org/help or /helpful.",
        fields=(Field("`/config [daily:on|off]`", "see /help config", inline=True),),
        footer="Admins change them with /config",
    )
    local = localize(reply)
    assert local.title == "`/studybot help [command]`"
    assert local.body == (
        "Try `/studybot help` or /studybot config time:09:00; not https://x.org/help or /helpful."
    )
    assert local.fields == (
        Field("`/studybot config [daily:on|off]`", "see /studybot help config", inline=True),
    )
    assert local.footer == "Admins change them with /studybot config"


def test_button_values_round_trip_and_foreign_ones_run_help() -> None:
    value = ButtonValue("/problem solution", "studybot-post-3")
    assert ButtonValue.decode(value.encode()) == value
    assert ButtonValue.decode("not json") == ButtonValue("/help")
    assert ButtonValue.decode(None) == ButtonValue("/help")
