"""Bolt listeners: slash commands, buttons and the answer modal, each acked before any work."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable
from dataclasses import dataclass, replace
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import identity
from adapters.slack.files import Uploads
from adapters.slack.identity import Admins, group_of_post, member_of, team_of
from adapters.slack.render import ACTION_ANSWER, ACTION_RUN, fallback_text, to_blocks
from adapters.slack.routing import ButtonValue, from_slack, localize, route, split_command
from adapters.slack.views import (
    ANSWER_VIEW,
    Where,
    answer_modal,
    checking_modal,
    submitted_answer,
)
from adapters.slack.web import error_code, respond
from bot.core import Core
from bot.messages import GroupRef, Reply, Request, UserRef

log = logging.getLogger(__name__)

APOLOGY = (
    "Sorry, something went wrong on the way to Slack, so I can't show you that. "
    "Please try again in a moment."
)
ANYTHING = re.compile(".*")


@dataclass(frozen=True)
class Audience:
    """Who gets the answer to one interaction, and how to reach them.

    `client` acts with the token of the workspace the interaction came from.
    """

    user: str
    channel: str
    client: AsyncWebClient
    response_url: str = ""


class Listeners:
    """Turns Slack interactions into core requests and the replies into Slack messages."""

    def __init__(self, core: Core, admins: Admins, uploads: Uploads) -> None:
        self.core = core
        self.admins = admins
        self.uploads = uploads

    def register(self, app: AsyncApp) -> None:
        """Listen to everything Slack may send, so that every request is acked."""
        app.command(re.compile("^/"))(self.on_command)
        app.action(re.compile(f"^{ACTION_ANSWER}"))(self.on_answer_button)
        app.action(re.compile(f"^{ACTION_RUN}"))(self.on_run_button)
        app.view_submission(ANSWER_VIEW)(self.on_answer_submitted)
        # Link buttons still send a click; anything else was never asked for. Ack them all,
        # or Slack shows the user an error and retries.
        for kind in (app.action, app.view, app.shortcut, app.options, app.event):
            kind(ANYTHING)(acknowledge)
        app.error(on_error)

    async def on_command(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        """A slash command: ack now, answer through its response_url when the core is done."""
        await ack()
        team, channel = str(body.get("team_id", "")), str(body.get("channel_id", ""))
        user = identity.member(team, str(body.get("user_id", "")), str(body.get("user_name", "")))
        where = identity.group(team, channel, str(body.get("channel_name", "")))
        name, text = route(str(body.get("command", "")), from_slack(str(body.get("text", ""))))
        audience = Audience(user.id, channel, client, str(body.get("response_url", "")))
        await self._guarded(
            audience, self._command(name, text, user, where, audience, delivery_of(body))
        )

    async def on_run_button(
        self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        """A command button: run it for the clicker, privately (in the modal when clicked there)."""
        await ack()
        value = ButtonValue.decode(_action(body).get("value"))
        name, text = split_command(value.command)
        user = member_of(body)
        where = _where(body, value.post)
        audience = Audience(user.id, where.channel, client, str(body.get("response_url", "")))
        await self._guarded(audience, self._button(name, text, user, where, body, audience))

    async def on_answer_button(
        self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        """The "Submit answer" button: open the answer modal (within 3 s of the click)."""
        await ack()
        value = ButtonValue.decode(_action(body).get("value"))
        where = _where(body, value.post)
        url = str(body.get("response_url", ""))
        audience = Audience(member_of(body).id, where.channel, client, url)
        opens = client.views_push if _in_modal(body) else client.views_open
        try:
            await opens(trigger_id=body["trigger_id"], view=answer_modal(where))
        except Exception as error:
            log.error("could not open the answer modal: %s", error_code(error))
            await self._apologize(audience)

    async def on_answer_submitted(
        self, ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], client: AsyncWebClient
    ) -> None:
        """An answer from the modal: show "checking", check it like /answer, show the verdict."""
        try:
            where = Where.decode(str(view.get("private_metadata", "")))
        except ValueError:
            await ack()
            log.warning("a studybot:answer modal came back without our metadata")
            return
        await ack(response_action="update", view=checking_modal(where))
        user = member_of(body)
        audience = Audience(user.id, where.channel, client)
        await self._guarded(
            audience, self._submitted(user, where, view, audience, delivery_of(body))
        )

    async def _command(
        self,
        name: str,
        text: str,
        user: UserRef,
        where: GroupRef,
        audience: Audience,
        delivery: str,
    ) -> None:
        reply = await self._ask(name, text, user, where, audience, delivery)
        await self._send(audience, reply)

    async def _button(
        self,
        name: str,
        text: str,
        user: UserRef,
        where: Where,
        body: dict[str, Any],
        audience: Audience,
    ) -> None:
        group = await self._group(where)
        reply = await self._ask(name, text, user, group, audience, delivery_of(body))
        if _in_modal(body):
            modal = answer_modal(where, reply)
            await audience.client.views_update(view_id=body["view"]["id"], view=modal)
        else:
            await self._send(audience, replace(reply, private=True))

    async def _submitted(
        self, user: UserRef, where: Where, view: dict[str, Any], audience: Audience, delivery: str
    ) -> None:
        answer = submitted_answer(view)
        group = await self._group(where)
        reply = await self._ask("answer", answer, user, group, audience, delivery)
        client = audience.client
        try:
            await client.views_update(view_id=view["id"], view=answer_modal(where, reply))
        except Exception as error:  # closed meanwhile, or gone: the verdict still reaches them
            log.warning("could not show the verdict in the modal: %s", error_code(error))
            await client.chat_postEphemeral(
                channel=where.channel,
                user=user.id,
                text=fallback_text(reply),
                blocks=to_blocks(reply),
            )

    async def _ask(
        self,
        name: str,
        text: str,
        user: UserRef,
        where: GroupRef,
        audience: Audience,
        delivery: str,
    ) -> Reply:
        """The core's reply, with Slack's names for the hub commands."""
        is_admin = await self.admins.is_admin(user, where, audience.client)
        request = Request(name, text, user, where, is_admin=is_admin, delivery=delivery)
        log.info("/%s from %s in %s/%s", name, user.id, where.workspace, where.channel)
        return localize(await self.core.handle(request))

    async def _group(self, where: Where) -> GroupRef:
        """The study group an interaction belongs to: the daily post's group, else the channel."""
        if where.post and (found := await group_of_post(self.core.context.store, where.post)):
            return found
        return identity.group(where.team, where.channel, where.channel_name)

    async def _send(self, audience: Audience, reply: Reply) -> None:
        """Answer through the response_url: ephemeral when private, in the channel otherwise."""
        payload = {
            "response_type": "ephemeral" if reply.private else "in_channel",
            "replace_original": False,
            "text": fallback_text(reply),
            "blocks": to_blocks(reply, files=await self.uploads.files(audience.client, reply)),
        }
        try:
            await respond(audience.response_url, payload)
        except Exception as error:
            log.error(
                "could not answer %s in %s: %s", audience.user, audience.channel, error_code(error)
            )
            await self._apologize(audience)

    async def _guarded(self, audience: Audience, work: Awaitable[None]) -> None:
        """Run `work`; if anything fails, log it and apologize rather than leave silence."""
        try:
            await work
        except Exception as error:
            log.exception("handling a Slack interaction failed: %s", error_code(error))
            await self._apologize(audience)

    async def _apologize(self, audience: Audience) -> None:
        """A short private apology: through the response_url, else chat.postEphemeral."""
        if audience.response_url:
            try:
                await respond(
                    audience.response_url,
                    {"response_type": "ephemeral", "replace_original": False, "text": APOLOGY},
                )
                return
            except Exception as error:
                log.warning("apology via response_url failed: %s", error_code(error))
        try:
            await audience.client.chat_postEphemeral(
                channel=audience.channel, user=audience.user, text=APOLOGY
            )
        except Exception as error:
            log.error(
                "could not apologize to %s in %s: %s",
                audience.user,
                audience.channel,
                error_code(error),
            )


async def acknowledge(ack: AsyncAck, body: dict[str, Any]) -> None:
    """Ack a request we take no action on."""
    await ack()
    log.debug("acked a Slack %s we do not act on", body.get("type") or "request")


async def on_error(error: Exception, body: dict[str, Any]) -> None:
    """Bolt's last resort: log what escaped a listener."""
    log.error(
        "Slack listener failed on a %s: %s", body.get("type"), error_code(error), exc_info=error
    )


def delivery_of(body: dict[str, Any]) -> str:
    """The id Slack gives each command, click and submission; a retried delivery has the same."""
    return str(body.get("trigger_id") or "")


def _action(body: dict[str, Any]) -> dict[str, Any]:
    actions = body.get("actions") or [{}]
    return dict(actions[0])


def _in_modal(body: dict[str, Any]) -> bool:
    return (body.get("container") or {}).get("type") == "view" and "view" in body


def _where(body: dict[str, Any], post: str) -> Where:
    """Where an interaction happened: a modal's saved origin, or the message's channel."""
    if _in_modal(body):
        try:
            return Where.decode(str(body["view"].get("private_metadata", "")))
        except ValueError:
            pass
    channel = body.get("channel") or {}
    return Where(team_of(body), str(channel.get("id", "")), str(channel.get("name", "")), post)
