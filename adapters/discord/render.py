"""A neutral Reply as a Discord embed and buttons: pure functions, within Discord's limits."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

import discord

from adapters.discord import ids
from bot.mathtext import readable
from bot.messages import Button, Reply, Tone

# Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
TOTAL = 6000
# Message component limits: 5 rows of 5 buttons, 80-character labels, 512-character links.
BUTTONS = 25
BUTTON_LABEL = 80
BUTTON_URL = 512

ELLIPSIS = "…"
EMPTY = "\u200b"  # Discord rejects empty field names and values
IMAGES = 10  # attachments per message

COLOURS = {
    Tone.INFO: discord.Colour(0x5865F2),
    Tone.SUCCESS: discord.Colour(0x57F287),
    Tone.WARNING: discord.Colour(0xFEE75C),
    Tone.ERROR: discord.Colour(0xED4245),
}

_CODE = re.compile(r"(```.*?```|`[^`\n]*`)", re.DOTALL)
_MATH_MARKUP = re.compile(r"(?<!\\)([_*~|])")


@dataclass(frozen=True)
class _Part:
    name: str
    value: str
    inline: bool


def to_embed(reply: Reply) -> discord.Embed:
    """The reply as one embed: every part clipped, the whole within 6000 characters."""
    title = clip(readable(reply.title), TITLE)
    body = clip(protect_markdown(reply.body), DESCRIPTION)
    footer = clip(readable(reply.footer), FOOTER)
    parts = [_field(f.name, f.value, f.inline, f.spoiler) for f in reply.fields[:FIELDS]]
    budget = TOTAL - len(title) - len(footer)
    if len(body) > budget:
        body = clip(body, budget)
    budget -= len(body)
    kept: list[_Part] = []
    for part in parts:
        size = len(part.name) + len(part.value)
        if size > budget:
            break  # later fields would read out of order; stop at the first that does not fit
        kept.append(part)
        budget -= size
    if not (title or body or kept):
        body = ELLIPSIS
    embed = discord.Embed(title=title or None, description=body or None, colour=COLOURS[reply.tone])
    for part in kept:
        embed.add_field(name=part.name, value=part.value, inline=part.inline)
    if footer:
        embed.set_footer(text=footer)
    if reply.images:
        embed.set_image(url=f"attachment://{reply.images[0].name}")
    return embed


def to_files(reply: Reply) -> list[discord.File]:
    """The reply's pictures as attachments (the embed shows the first), with their alt text."""
    return [
        discord.File(io.BytesIO(image.data), filename=image.name, description=image.alt[:1024])
        for image in reply.images[:IMAGES]
    ]


def to_view(reply: Reply) -> discord.ui.View | None:
    """The reply's buttons: links open, one opens the answer form, others run their command.

    Plain buttons with our custom ids: the views' dynamic items answer the clicks.
    """
    items: list[discord.ui.Item[Any]] = []
    for button in reply.buttons:
        item = _button(button)
        if item is not None and len(items) < BUTTONS:
            items.append(item)
    if not items:
        return None
    view = discord.ui.View(timeout=None)
    for item in items:
        view.add_item(item)
    return view


def _button(button: Button) -> discord.ui.Item[Any] | None:
    label = clip(readable(button.label), BUTTON_LABEL) or ELLIPSIS
    if button.url:
        if len(button.url) > BUTTON_URL:
            return None
        return discord.ui.Button(style=discord.ButtonStyle.link, label=label, url=button.url)
    if button.opens_answer_form:
        return discord.ui.Button(
            style=discord.ButtonStyle.primary, label=label, custom_id=ids.ANSWER
        )
    line = button.command.strip().lstrip("/")
    if not line or not ids.fits(line):
        return None
    return discord.ui.Button(
        style=discord.ButtonStyle.secondary, label=label, custom_id=ids.run_id(line)
    )


def _field(name: str, value: str, inline: bool, spoiler: bool) -> _Part:
    name = clip(readable(name), FIELD_NAME) or EMPTY
    value = protect_markdown(value)
    if spoiler:
        value = f"||{clip(value, FIELD_VALUE - 4)}||" if value else EMPTY
    else:
        value = clip(value, FIELD_VALUE) or EMPTY
    return _Part(name, value, inline)


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters with an ellipsis; an open code block is closed."""
    text = text.strip()
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return text[:limit]
    cut = text[: limit - len(ELLIPSIS)].rstrip()
    if cut.count("```") % 2:
        fence = "\n```"
        cut = cut[: limit - len(ELLIPSIS) - len(fence)].rstrip()
        if cut.count("```") % 2:
            return cut + ELLIPSIS + fence
    return cut + ELLIPSIS


def protect_markdown(text: str) -> str:
    """Math as Unicode text with Discord's markup in it escaped; `||` escaped outside code."""
    pieces = _CODE.split(readable(text, protect=lambda math: _MATH_MARKUP.sub(r"\\\1", math)))
    for i in range(0, len(pieces), 2):  # even pieces are outside code spans
        pieces[i] = re.sub(r"(?<!\\)\|\|", r"\\|\\|", pieces[i])
    return "".join(pieces)


def message_parts(reply: Reply) -> dict[str, Any]:
    """Keyword arguments for any discord.py send: embed, buttons, image, and no pings."""
    parts: dict[str, Any] = {
        "embed": to_embed(reply),
        "allowed_mentions": discord.AllowedMentions.none(),
    }
    view = to_view(reply)
    if view is not None:
        parts["view"] = view
    files = to_files(reply)
    if files:
        parts["files"] = files
    return parts
