"""Markdown with inline LaTeX to Slack mrkdwn: bold, links, bullets, and math readable as text."""

from __future__ import annotations

import re

from bot.mathtext import CODE, MATH, math_span

_LINK = re.compile(r"\[(?P<label>[^\]\n]+)\]\((?P<url>https?://[^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$", re.MULTILINE)
_BULLET = re.compile(r"^(\s*)[-*+]\s+", re.MULTILINE)
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_SLOT = "\ue000{}\ue001"
_SLOTTED = re.compile("\ue000(\\d+)\ue001")
_BOLD_MARK = "\ue002"


def escape(text: str) -> str:
    """Escape the three characters Slack gives meaning to: &, < and >."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_mrkdwn(markdown: str) -> str:
    """Markdown (with `$...$` math) as Slack mrkdwn; code spans are kept as written."""
    slots: list[str] = []

    def keep(rendered: str) -> str:
        slots.append(rendered)
        return _SLOT.format(len(slots) - 1)

    text = CODE.sub(lambda m: keep(escape(m[0])), markdown)
    text = MATH.sub(lambda m: keep(escape(math_span(m))), text)
    text = _LINK.sub(lambda m: keep(f"<{m['url']}|{escape(m['label'])}>"), text)
    text = escape(text)
    text = _HEADING.sub(lambda m: f"{_BOLD_MARK}{m[1]}{_BOLD_MARK}", text)
    text = _BULLET.sub(lambda m: f"{m[1]}• ", text)
    text = _BOLD.sub(lambda m: f"{_BOLD_MARK}{m[2]}{_BOLD_MARK}", text)
    text = _ITALIC.sub(r"_\1_", text)
    text = _STRIKE.sub(r"~\1~", text)
    text = text.replace(_BOLD_MARK, "*")
    return _SLOTTED.sub(lambda m: slots[int(m[1])], text)


def to_plain(markdown: str) -> str:
    """Markdown as unformatted text (for headers and buttons): math readable, marks removed."""
    text = MATH.sub(math_span, markdown)
    text = _LINK.sub(lambda m: m["label"], text)
    text = _BOLD.sub(lambda m: m[2], text)
    text = _ITALIC.sub(r"\1", text)
    return text.replace("`", "")
