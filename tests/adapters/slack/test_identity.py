"""Admins: workspace admins and owners (users.info), or the member who configured the group."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.identity import Admins, group, group_of_post, member, member_of
from adapters.slack.web import make_client
from bot.core import Core
from bot.daily import ledger
from tests.adapters.slack.fake_slack import TEAM, FakeSlack, SlackSide, error, texts
from tests.conftest import publish

STUDY = group(TEAM, "C0STUDY", "study-group")
ADA = member(TEAM, "U0ADA", "ada")
BOB = member(TEAM, "U0BOB", "bob")


@pytest.fixture
def admins(core: Core, fake: FakeSlack) -> Admins:
    return Admins(lambda: core.context.store)


@pytest.fixture
def client(fake: FakeSlack) -> AsyncWebClient:
    return make_client("xoxb-test", fake.api_url)


async def configure(slack: SlackSide, fake: FakeSlack, user: str, text: str) -> str:
    """Run `/studybot config TEXT` as `user`; the reply's visible text."""
    _, _, url = await slack.command("/studybot", f"config {text}", user=user)
    (answer,) = await fake.wait_for(f"respond:{url}")
    return texts(answer.args["blocks"])


async def test_anyone_may_configure_a_group_nobody_configured(
    admins: Admins, fake: FakeSlack, client: AsyncWebClient
) -> None:
    assert await admins.is_admin(BOB, STUDY, client)
    assert fake.to("users.info") == []


async def test_the_first_configurer_stays_admin_and_others_are_not(
    slack: SlackSide, fake: FakeSlack, admins: Admins, client: AsyncWebClient
) -> None:
    assert "Settings saved" in await configure(slack, fake, "U0ADA", "time:08:00")
    assert await admins.is_admin(ADA, STUDY, client)
    assert not await admins.is_admin(BOB, STUDY, client)
    assert "Only group admins" in await configure(slack, fake, "U0BOB", "time:10:00")


async def test_workspace_admins_may_change_settings(
    slack: SlackSide, fake: FakeSlack, admins: Admins, client: AsyncWebClient
) -> None:
    await configure(slack, fake, "U0ADA", "time:08:00")
    fake.admins.add("U0BOB")
    assert "Settings saved" in await configure(slack, fake, "U0BOB", "time:10:00")
    assert await admins.is_admin(BOB, STUDY, client) and await admins.is_admin(BOB, STUDY, client)
    assert len(fake.to("users.info")) == 2  # the adapter's cache, and this one's: once each


async def test_users_info_failing_means_not_admin_and_is_logged(
    slack: SlackSide,
    fake: FakeSlack,
    admins: Admins,
    client: AsyncWebClient,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await configure(slack, fake, "U0ADA", "time:08:00")
    fake.script("users.info", error("missing_scope"))
    with caplog.at_level(logging.WARNING, "adapters.slack"):
        assert not await admins.workspace_admin(BOB, client)
    assert "missing_scope" in caplog.text


async def test_a_users_info_answer_is_remembered_for_a_while(core: Core, fake: FakeSlack) -> None:
    now = [0.0]
    client = make_client("xoxb-test", fake.api_url)
    admins = Admins(
        lambda: core.context.store,
        ttl=60,
        clock=lambda: now[0],
    )
    fake.admins.add("U0BOB")
    assert await admins.workspace_admin(BOB, client)
    now[0] = 59.0
    fake.admins.clear()
    assert await admins.workspace_admin(BOB, client)
    now[0] = 61.0
    assert not await admins.workspace_admin(BOB, client)
    assert len(fake.to("users.info")) == 2


async def test_a_post_key_leads_to_its_group(core: Core) -> None:
    await publish(core, "2026-11-21", "vectors-sum", STUDY)
    group_id = await core.context.store.ensure_group(STUDY)
    row = await ledger.find(core.context.store, group_id, date(2026, 11, 21))
    assert row is not None
    assert await group_of_post(core.context.store, row.key) == STUDY
    assert await group_of_post(core.context.store, "studybot-post-999") is None
    assert await group_of_post(core.context.store, "something else") is None


def test_who_clicked() -> None:
    body = {"team": {"id": TEAM}, "user": {"id": "U0ADA", "username": "ada", "team_id": TEAM}}
    assert member_of(body) == ADA
    org_wide = {"team": None, "user": {"id": "U0ADA", "name": "ada", "team_id": TEAM}}
    assert member_of(org_wide) == ADA
