"""Render a Reply as plain text: the console's output and a fallback for other platforms."""

from __future__ import annotations

import textwrap

from bot.mathtext import readable
from bot.messages import Reply, Tone

_MARK = {Tone.INFO: "", Tone.SUCCESS: "✓ ", Tone.WARNING: "! ", Tone.ERROR: "✗ "}


def to_text(reply: Reply) -> str:
    """A reply as readable plain text (math as Unicode), sections separated by blank lines."""
    blocks = []
    if reply.private:
        blocks.append("(only you can see this)")
    if reply.title:
        title = _MARK[reply.tone] + readable(reply.title)
        blocks.append(f"{title}\n{'─' * min(len(title), 72)}")
    if reply.body:
        blocks.append(readable(reply.body))
    for field in reply.fields:
        name, value = readable(field.name), readable(field.value)
        blocks.append(f"{name}\n{textwrap.indent(value, '  ')}")
    if reply.buttons:
        blocks.append(
            "\n".join(f"[{readable(b.label)}] {b.url or b.command}" for b in reply.buttons)
        )
    if reply.footer:
        blocks.append(f"— {readable(reply.footer)}")
    return "\n\n".join(blocks)
