"""Distributed mode: installs through the browser flow, a token per workspace, rotation,
revocation, uninstall and purge, against the local fake Slack over signed HTTP."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from aiohttp import ClientSession

from adapters.slack import SlackAdapter
from adapters.slack.web import PostFailed
from bot.app import configured_platforms
from bot.challenge.post import daily_runner
from bot.clock import ManualClock
from bot.config import ConfigError, Settings
from bot.core import Core
from bot.daily import daily_groups
from bot.export import export
from bot.messages import GroupRef, Request, UserRef
from bot.store import workspaces
from tests.adapters.slack.fake_slack import SECRET, FakeSlack, SlackSide, error, rate_limited
from tests.adapters.slack.test_post import REPLY

T1, T2 = "T0ONE", "T0TWO"
STATE_COOKIE = "slack-app-oauth-state"


class Browser:
    """A learner's browser going through the install: /slack/install, Slack, the redirect."""

    def __init__(self, session: ClientSession, base: str, fake: FakeSlack) -> None:
        self.session = session
        self.base = base
        self.fake = fake

    async def start(self) -> str:
        """Open /slack/install; the state Slack will send back."""
        async with self.session.get(f"{self.base}/slack/install") as page:
            assert page.status == 200
            text = await page.text()
            cookie = page.headers.get("Set-Cookie", "")
        link = re.search(r'href="(https://slack.com/oauth/v2/authorize\?[^"]+)"', text)
        assert link is not None, text
        state = parse_qs(urlparse(link[1].replace("&amp;", "&")).query)["state"][0]
        assert f"{STATE_COOKIE}={state}" in cookie
        return state

    async def back(self, code: str, state: str, cookie: str | None = None) -> tuple[int, str]:
        """Slack redirects the browser back with a code; (status, page)."""
        headers = {"Cookie": f"{STATE_COOKIE}={cookie if cookie is not None else state}"}
        url = f"{self.base}/slack/oauth_redirect?code={code}&state={state}"
        async with self.session.get(url, headers=headers) as page:
            return page.status, await page.text()

    async def install(self, team: str, name: str, lifetime: int = 0) -> None:
        """The whole flow for one workspace (tokens lasting `lifetime` seconds, 0: forever)."""
        code = f"code-{team}"
        self.fake.codes[code] = (team, name, lifetime)
        status, page = await self.back(code, await self.start())
        assert status == 200 and "studybot is installed" in page, page


@pytest.fixture
def settings() -> Settings:
    return Settings(
        slack_client_id="111.222",
        slack_client_secret="client-secret-value",
        slack_signing_secret=SECRET,
        slack_purge_days=30,
    )


@pytest.fixture
async def served(
    adapter: SlackAdapter, fake: FakeSlack
) -> AsyncIterator[tuple[SlackSide, Browser]]:
    async with adapter.serve_http("127.0.0.1") as url, ClientSession() as session:
        base = url.removesuffix("/slack/events")
        yield SlackSide(session, url, fake), Browser(session, base, fake)


def _ada(team: str) -> UserRef:
    return UserRef("slack", team, "U0ADA", "ada")


async def _group(core: Core, team: str, channel: str) -> GroupRef:
    group = GroupRef("slack", team, channel, f"study-{team}")
    reply = await core.handle(Request("config", "time:09:00", _ada(team), group, is_admin=True))
    assert reply.title == "Settings saved"
    return group


async def _uninstalled(core: Core, team: str) -> None:
    """Wait until the uninstall event's handler, which bolt runs after the ack, is done."""
    async with asyncio.timeout(10):
        while await workspaces.find(core.context.store, "slack", team) is not None:
            await asyncio.sleep(0.01)


async def _groups(core: Core) -> list[str]:
    rows = await core.context.store.fetch_all("SELECT DISTINCT workspace FROM groups ORDER BY 1")
    return [str(row[0]) for row in rows]


def _token_of(fake: FakeSlack, team: str) -> str:
    return [token for token, owner in fake.tokens.items() if owner == team][-1]


async def test_two_workspaces_install_and_each_gets_its_own_daily_post(
    served: tuple[SlackSide, Browser], fake: FakeSlack, core: Core, adapter: SlackAdapter
) -> None:
    slack, browser = served
    await browser.install(T1, "One")
    await browser.install(T2, "Two")
    await _group(core, T1, "C0ONE")
    await _group(core, T2, "C0TWO")
    runner = daily_runner(core.context, adapter.post, adapter.find_post)
    posts = await runner.run_due(core.context.clock.now())
    assert sorted(p.status for p in posts) == ["sent", "sent"]
    by_channel = {c.args["channel"]: c.token for c in fake.to("chat.postMessage")}
    assert by_channel == {"C0ONE": _token_of(fake, T1), "C0TWO": _token_of(fake, T2)}
    status, _, _ = await slack.command("/leaderboard", team=T2, channel="C0TWO")
    assert status == 200
    assert fake.to("auth.test")[-1].token == _token_of(fake, T2)  # authorized as T2
    [post] = [c for c in fake.to("chat.postMessage") if c.args["channel"] == "C0TWO"]
    submit = post.args["blocks"][-1]["elements"][0]
    click, _ = slack.click(submit, team=T2, channel="C0TWO")
    await slack.interact(click)
    (opened,) = await fake.wait_for("views.open")
    assert opened.token == _token_of(fake, T2)  # the modal opens with T2's own token


async def test_a_token_about_to_expire_is_refreshed_before_the_daily_post(
    served: tuple[SlackSide, Browser], fake: FakeSlack, core: Core, adapter: SlackAdapter
) -> None:
    _, browser = served
    await browser.install(T1, "One", lifetime=600)  # ten minutes left: within two hours
    first = _token_of(fake, T1)
    await _group(core, T1, "C0ONE")
    runner = daily_runner(core.context, adapter.post, adapter.find_post)
    [post] = await runner.run_due(core.context.clock.now())
    assert post.status == "sent"
    (refresh,) = [c for c in fake.to("oauth.v2.access") if c.args.get("grant_type")]
    assert refresh.args["grant_type"] == "refresh_token"
    (sent,) = fake.to("chat.postMessage")
    assert sent.token != first and sent.token == _token_of(fake, T1)
    install = await workspaces.find(core.context.store, "slack", T1)
    assert install is not None and install.bot_token == sent.token
    assert install.token_expires_at is not None and install.token_expires_at > time.time()


async def test_a_token_about_to_expire_is_refreshed_before_a_command(
    served: tuple[SlackSide, Browser], fake: FakeSlack, core: Core
) -> None:
    slack, browser = served
    await browser.install(T1, "One", lifetime=600)
    first = _token_of(fake, T1)
    status, _, name = await slack.command("/roadmap", team=T1, channel="C0ONE")
    assert status == 200
    await fake.wait_for(f"respond:{name}")
    fresh = _token_of(fake, T1)
    assert fresh != first
    install = await workspaces.find(core.context.store, "slack", T1)
    assert install is not None and install.bot_token == fresh


@pytest.mark.parametrize("how", ["forged", "reused", "expired", "other browser"])
async def test_a_bad_state_gets_a_clear_page_and_stores_nothing(
    served: tuple[SlackSide, Browser], fake: FakeSlack, core: Core, clock: ManualClock, how: str
) -> None:
    _, browser = served
    fake.codes["code-1"] = (T1, "One", 0)
    state = await browser.start()
    if how == "forged":
        status, page = await browser.back("code-1", "forged-state")
    elif how == "reused":
        fake.codes["code-0"] = (T2, "Two", 0)
        assert (await browser.back("code-0", state))[0] == 200
        status, page = await browser.back("code-1", state)
    elif how == "expired":
        clock.advance(timedelta(minutes=11))
        status, page = await browser.back("code-1", state)
    else:
        status, page = await browser.back("code-1", state, cookie="someone-elses")
    assert status >= 400
    assert "studybot was not installed" in page and "Nothing was saved" in page
    assert await workspaces.find(core.context.store, "slack", T1) is None
    assert "code-1" in fake.codes  # the code was never exchanged


async def test_uninstall_delivered_twice_stops_posts_once_and_purges_later(
    served: tuple[SlackSide, Browser],
    fake: FakeSlack,
    core: Core,
    clock: ManualClock,
    adapter: SlackAdapter,
    caplog: pytest.LogCaptureFixture,
) -> None:
    slack, browser = served
    await browser.install(T1, "One")
    await browser.install(T2, "Two")
    await _group(core, T1, "C0ONE")
    await _group(core, T2, "C0TWO")
    await core.handle(Request("answer", "1", _ada(T1), GroupRef("slack", T1, "C0ONE")))
    caplog.set_level("INFO", "adapters.slack")
    gone = {"type": "app_uninstalled"}
    assert await slack.event(T1, gone, "Ev1") == 200
    await _uninstalled(core, T1)
    assert await slack.event(T1, gone, "Ev1", retry=1) == 200  # Slack retried it
    revoked = {"type": "tokens_revoked", "tokens": {"bot": ["U0BOT"]}}
    assert await slack.event(T1, revoked, "Ev2") == 200  # the other event, after it
    async with asyncio.timeout(10):
        while "Ev1 (uninstalled) was handled before" not in caplog.text or "Ev2" not in str(
            await core.context.store.fetch_all("SELECT delivery FROM deliveries")
        ):
            await asyncio.sleep(0.01)
    assert caplog.text.count("removed studybot") == 1
    assert [g.ref.workspace for g in await daily_groups(core.context.store)] == [T2]
    runner = daily_runner(core.context, adapter.post, adapter.find_post)
    posts = await runner.run_due(clock.now())
    assert [c.args["channel"] for c in fake.to("chat.postMessage")] == ["C0TWO"]
    assert len(posts) == 1
    [one, two] = (await export(core.context.store, clock.now()))["workspaces"]
    assert (one["workspace"], one["inactive_reason"]) == (T1, "uninstalled")
    assert one["uninstalled_at"] and not two["uninstalled_at"]

    clock.advance(timedelta(days=29))
    await adapter.uninstalls.purge()
    assert await _groups(core) == [T1, T2]  # within the grace period: kept
    clock.advance(timedelta(days=2))
    await adapter.uninstalls.purge()
    assert await _groups(core) == [T2]
    members = await core.context.store.fetch_all("SELECT workspace FROM members")
    assert {row[0] for row in members} == {T2}


async def test_a_reinstall_before_the_purge_keeps_the_history_and_the_posts(
    served: tuple[SlackSide, Browser], fake: FakeSlack, core: Core, clock: ManualClock
) -> None:
    slack, browser = served
    await browser.install(T1, "One")
    await _group(core, T1, "C0ONE")
    # A retry whose first delivery never reached us is still handled.
    await slack.event(T1, {"type": "app_uninstalled"}, "Ev9", retry=2)
    await _uninstalled(core, T1)
    assert await daily_groups(core.context.store) == []
    await browser.install(T1, "One")
    assert [g.ref.workspace for g in await daily_groups(core.context.store)] == [T1]
    clock.advance(timedelta(days=40))
    assert await workspaces.purge(core.context.store, clock.now(), timedelta(days=30)) == []


async def test_a_revoked_token_stops_that_workspace_without_retries(
    served: tuple[SlackSide, Browser], fake: FakeSlack, core: Core, adapter: SlackAdapter
) -> None:
    _, browser = served
    await browser.install(T1, "One")
    await browser.install(T2, "Two")
    await _group(core, T1, "C0ONE")
    await _group(core, T2, "C0TWO")
    fake.decide = lambda method, args: (
        error("token_revoked") if args.get("channel") == "C0ONE" else None
    )
    runner = daily_runner(core.context, adapter.post, adapter.find_post)
    posts = {p.group_id: p for p in await runner.run_due(core.context.clock.now())}
    statuses = sorted((p.status, p.retry_at is None) for p in posts.values())
    assert statuses == [("failed", True), ("sent", True)]
    assert await runner.next_retry_at(core.context.clock.now()) is None
    assert [g.ref.workspace for g in await daily_groups(core.context.store)] == [T2]
    [one, _] = (await export(core.context.store, core.context.clock.now()))["workspaces"]
    assert one["inactive_reason"] == "token_revoked"
    assert "token" not in str(one).replace("token_revoked", "")  # no secret in the export


async def test_a_rate_limited_workspace_does_not_hold_up_another(
    served: tuple[SlackSide, Browser], fake: FakeSlack, core: Core, adapter: SlackAdapter
) -> None:
    _, browser = served
    await browser.install(T1, "One")
    await browser.install(T2, "Two")
    for channel in ("C0ONE", "C1ONE"):
        await _group(core, T1, channel)
    await _group(core, T2, "C0TWO")
    fake.decide = lambda method, args: (  # short enough to wait out in the call, self-hosted
        rate_limited("5") if str(args.get("channel")).endswith("ONE") else None
    )
    now = core.context.clock.now()
    runner = daily_runner(core.context, adapter.post, adapter.find_post)
    posts = {p.status: p for p in await runner.run_due(now)}
    assert posts["sent"].message_id is not None  # T2's post went out at once
    assert posts["failed"].retry_at == now + timedelta(seconds=30)  # the ledger's backoff
    one = [c for c in fake.to("chat.postMessage") if c.args["channel"].endswith("ONE")]
    assert len(one) <= 2  # each tried once, never waited on and retried inside the call
    before = len(fake.to("chat.postMessage"))
    with pytest.raises(PostFailed) as held:  # T1 asked for 5 s: not asked again sooner
        await adapter.post(GroupRef("slack", T1, "C0ONE"), REPLY, "studybot-post-9")
    assert held.value.retry_after == timedelta(seconds=5)
    assert len(fake.to("chat.postMessage")) == before


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ({"slack_signing_secret": ""}, "needs SLACK_SIGNING_SECRET"),
        ({"slack_app_token": "xapp-1"}, "unset SLACK_APP_TOKEN"),
    ],
)
def test_distributed_mode_refuses_settings_that_cannot_work(
    core: Core, settings: Settings, missing: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        SlackAdapter(core, replace(settings, **missing))


def test_slack_is_served_when_distributed_without_a_bot_token(settings: Settings) -> None:
    assert configured_platforms(settings) == ["slack"]
