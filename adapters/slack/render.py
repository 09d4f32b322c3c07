"""A Reply as Block Kit (header, sections, fields, context, buttons) within Slack's limits."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from adapters.slack.mrkdwn import to_mrkdwn, to_plain
from adapters.slack.routing import ButtonValue
from adapters.text import to_text
from bot.messages import Button, Field, Reply, Tone

Block = dict[str, Any]

MAX_BLOCKS = 50
MAX_HEADER = 150
MAX_SECTION = 3000
MAX_FIELD = 2000
MAX_FIELDS = 10
MAX_CONTEXT = 2000
MAX_BUTTONS = 25
MAX_BUTTON_LABEL = 75
MAX_BUTTON_VALUE = 2000
MAX_URL = 3000
MAX_FALLBACK = 3000
MAX_ALT = 2000
TONE_EMOJI = {
    Tone.INFO: "",
    Tone.SUCCESS: ":white_check_mark:",
    Tone.WARNING: ":warning:",
    Tone.ERROR: ":x:",
}
ACTION_ANSWER = "studybot:answer"  # opens the answer modal
ACTION_RUN = "studybot:run"  # runs a command for the clicker
ACTION_LINK = "studybot:link"  # a link; Slack still sends the click, which we only ack
SHORTENED = "… shortened to fit in one Slack message."
_UNDERLINE = re.compile(r"\n─+(?=\n|$)")  # the plain-text title rule: noise in a notification


def to_blocks(
    reply: Reply, *, origin: str = "", files: Sequence[tuple[str, str]] = ()
) -> list[Block]:
    """The reply as Block Kit blocks; `origin` (a post key) rides along in command buttons.

    `files` are the reply's uploaded pictures, (file id, alt text), shown after the body.
    """
    head = [_header(reply)] if reply.title else []
    content = _body(reply) + [_image(*file) for file in files] + _fields(reply.fields)
    tail = []
    if reply.footer:
        tail.append(_context(to_mrkdwn(reply.footer)))
    if actions := _actions(reply.buttons, origin):
        tail.append(actions)
    room = MAX_BLOCKS - len(head) - len(tail)
    if len(content) > room:
        content = [*content[: room - 1], _context(SHORTENED)]
    return head + content + tail or [_section("—")]  # Slack refuses an empty message


def fallback_text(reply: Reply) -> str:
    """The reply as mrkdwn-safe text, for notifications and clients that show no blocks."""
    emoji = TONE_EMOJI[reply.tone]
    plain = to_text(replace(reply, private=False, tone=Tone.INFO))
    text = to_mrkdwn(_UNDERLINE.sub("", plain))
    return _clip(f"{emoji} {text}" if emoji else text, MAX_FALLBACK)


def _header(reply: Reply) -> Block:
    emoji = TONE_EMOJI[reply.tone]
    title = to_plain(reply.title)
    text = f"{emoji} {title}" if emoji else title
    return {"type": "header", "text": _plain(_clip(text, MAX_HEADER))}


def _body(reply: Reply) -> list[Block]:
    body = to_mrkdwn(reply.body) if reply.body.strip() else ""
    emoji = TONE_EMOJI[reply.tone]
    if emoji and not reply.title:
        body = f"{emoji} {body}".strip()
    return [_section(chunk) for chunk in split_text(body, MAX_SECTION)] if body else []


def _fields(fields: tuple[Field, ...]) -> list[Block]:
    """Runs of inline fields share sections (10 at most); a wide field gets its own sections."""
    blocks: list[Block] = []
    inline: list[str] = []

    def flush() -> None:
        for start in range(0, len(inline), MAX_FIELDS):
            chunk = inline[start : start + MAX_FIELDS]
            blocks.append({"type": "section", "fields": [_mrkdwn(text) for text in chunk]})
        inline.clear()

    for field in fields:
        name = to_mrkdwn(field.name).strip()
        value = to_mrkdwn(field.value).strip() or "—"
        text = f"*{name}*\n{value}" if name else value
        if field.inline:
            inline.append(_clip(text, MAX_FIELD))
            continue
        flush()
        blocks.extend(_section(chunk) for chunk in split_text(text, MAX_SECTION))
    flush()
    return blocks


def _actions(buttons: tuple[Button, ...], origin: str) -> Block | None:
    elements = []
    for index, button in enumerate(buttons[:MAX_BUTTONS]):
        element: Block = {"type": "button", "text": _plain(_clip(button.label, MAX_BUTTON_LABEL))}
        if button.url:
            if len(button.url) > MAX_URL:
                continue
            element |= {"action_id": f"{ACTION_LINK}:{index}", "url": button.url}
        else:
            opens_modal = button.opens_answer_form
            action = ACTION_ANSWER if opens_modal else ACTION_RUN
            value = ButtonValue(button.command, origin).encode()
            element |= {"action_id": f"{action}:{index}", "value": value}
            if len(element["value"]) > MAX_BUTTON_VALUE:
                continue
            if opens_modal:
                element["style"] = "primary"
        elements.append(element)
    return {"type": "actions", "elements": elements} if elements else None


def split_text(text: str, limit: int) -> list[str]:
    """Cut text into pieces of at most `limit` characters, at paragraphs, lines or words."""
    pieces = []
    while len(text) > limit:
        cut = _cut_point(text, limit)
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text.strip():
        pieces.append(text)
    return pieces


def _cut_point(text: str, limit: int) -> int:
    window = text[: limit + 1]
    for separator in ("\n\n", "\n", " "):
        at = window.rfind(separator)
        if at > limit // 2:
            return at
    return _entity_safe(text, limit)


def _entity_safe(text: str, end: int) -> int:
    """`end`, moved back to before an escape like `&amp;` that it would split."""
    amp = text.rfind("&", max(0, end - 4), end)
    return amp if amp > 0 and ";" not in text[amp:end] else end


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: _entity_safe(text, limit - 1)].rstrip() + "…"


def _image(file_id: str, alt: str) -> Block:
    return {"type": "image", "slack_file": {"id": file_id}, "alt_text": _clip(alt, MAX_ALT) or "-"}


def _section(text: str) -> Block:
    return {"type": "section", "text": _mrkdwn(text)}


def _context(text: str) -> Block:
    return {"type": "context", "elements": [_mrkdwn(_clip(text, MAX_CONTEXT))]}


def _mrkdwn(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text}


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}
