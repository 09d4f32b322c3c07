"""Render a Reply as plain text: the console's output and a fallback for other platforms."""

from __future__ import annotations

import textwrap

from bot.messages import Reply, Tone

_MARK = {Tone.INFO: "", Tone.SUCCESS: "✓ ", Tone.WARNING: "! ", Tone.ERROR: "✗ "}


def to_text(reply: Reply) -> str:
    """A reply as readable plain text, sections separated by blank lines."""
    blocks = []
    if reply.private:
        blocks.append("(only you can see this)")
    if reply.title:
        title = _MARK[reply.tone] + reply.title
        blocks.append(f"{title}\n{'─' * min(len(title), 72)}")
    if reply.body:
        blocks.append(reply.body)
    for field in reply.fields:
        blocks.append(f"{field.name}\n{textwrap.indent(field.value, '  ')}")
    if reply.buttons:
        blocks.append(
            "\n".join(
                f"[{b.label}] {b.url}" if b.url else f"[{b.label}] {b.command}"
                for b in reply.buttons
            )
        )
    if reply.footer:
        blocks.append(f"— {reply.footer}")
    return "\n\n".join(blocks)
