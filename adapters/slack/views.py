"""The answer modal: an input for the answer, with the latest verdict or hint above it."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from adapters.slack.render import Block, to_blocks
from bot.messages import Reply

ANSWER_VIEW = "studybot:answer"  # callback_id of the modal
INPUT_BLOCK = "answer"
INPUT_ACTION = "text"
MAX_VIEW_BLOCKS = 100
MAX_ANSWER = 2000  # the checker reads at most this many characters
INTRO = "Type your answer the way you would on paper: `3/4`, `2x cos(x^2)`, `[[1,2],[3,4]]`."
PRIVATE = "Only you see the verdict."


@dataclass(frozen=True)
class Where:
    """Where the modal was opened from, kept in the view's private_metadata."""

    team: str
    channel: str
    channel_name: str = ""
    post: str = ""  # the ledger key of the daily post whose button opened it

    def encode(self) -> str:
        """As private_metadata (JSON, well under Slack's 3000 characters)."""
        return json.dumps(asdict(self))

    @classmethod
    def decode(cls, metadata: str) -> Where:
        """From private_metadata; raises ValueError when it is not ours."""
        try:
            data = json.loads(metadata)
            return cls(**{k: str(v) for k, v in data.items()})
        except (TypeError, json.JSONDecodeError) as error:
            raise ValueError(f"not a studybot modal: {metadata[:80]!r}") from error


def answer_modal(where: Where, reply: Reply | None = None) -> dict[str, Any]:
    """The modal: `reply` (a verdict, a hint) or the intro, then the answer input."""
    shown = to_blocks(reply) if reply else [_text(INTRO)]
    return {
        "type": "modal",
        "callback_id": ANSWER_VIEW,
        "private_metadata": where.encode(),
        "title": _plain("Your answer"),
        "submit": _plain("Check"),
        "close": _plain("Close"),
        "blocks": [*shown[: MAX_VIEW_BLOCKS - 1], _input()],
    }


def checking_modal(where: Where) -> dict[str, Any]:
    """What the modal shows while the answer is being checked."""
    return {
        "type": "modal",
        "callback_id": ANSWER_VIEW,
        "private_metadata": where.encode(),
        "title": _plain("Your answer"),
        "close": _plain("Close"),
        "blocks": [_text(":hourglass_flowing_sand: Checking your answer…")],
    }


def submitted_answer(view: dict[str, Any]) -> str:
    """The text typed into the modal's input."""
    values = view.get("state", {}).get("values", {})
    return str(values.get(INPUT_BLOCK, {}).get(INPUT_ACTION, {}).get("value") or "")


def _input() -> Block:
    return {
        "type": "input",
        "block_id": INPUT_BLOCK,
        "label": _plain("Your answer"),
        "hint": _plain(PRIVATE),
        "element": {
            "type": "plain_text_input",
            "action_id": INPUT_ACTION,
            "max_length": MAX_ANSWER,
            "placeholder": _plain("e.g. 3/4"),
        },
    }


def _text(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn}}


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}
