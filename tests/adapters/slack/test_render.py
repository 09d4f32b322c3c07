"""Reply -> Block Kit: structure, Slack's limits, buttons and the plain-text fallback."""

from __future__ import annotations

import json
from typing import Any

import pytest

from adapters.slack.render import (
    ACTION_ANSWER,
    ACTION_LINK,
    ACTION_RUN,
    SHORTENED,
    fallback_text,
    split_text,
    to_blocks,
)
from bot.core import Core
from bot.messages import ANSWER_BUTTON, Button, Field, Reply, Tone
from tests.conftest import make_request


def assert_within_limits(blocks: list[dict[str, Any]]) -> None:
    """Every limit of Block Kit we rely on."""
    assert 0 < len(blocks) <= 50
    for block in blocks:
        kind = block["type"]
        if kind == "header":
            assert 0 < len(block["text"]["text"]) <= 150
        elif kind == "section":
            if "text" in block:
                assert 0 < len(block["text"]["text"]) <= 3000
            for field in block.get("fields", []):
                assert 0 < len(field["text"]) <= 2000
            assert len(block.get("fields", [])) <= 10
        elif kind == "context":
            assert all(0 < len(e["text"]) <= 3000 for e in block["elements"])
        elif kind == "actions":
            assert 0 < len(block["elements"]) <= 25
            ids = [e["action_id"] for e in block["elements"]]
            assert len(ids) == len(set(ids))
            for element in block["elements"]:
                assert len(element["text"]["text"]) <= 75
                assert len(element.get("value", "")) <= 2000
        else:
            raise AssertionError(f"unexpected block {kind}")


def test_a_full_reply_has_header_sections_fields_context_and_buttons() -> None:
    reply = Reply(
        title="Daily problem",
        body="Add $[1, 2]$ and **go**.",
        fields=(Field("Topic", "Vectors", inline=True), Field("Why", "Bias terms.")),
        buttons=(ANSWER_BUTTON, Button("Hint", command="/hint")),
        footer="Answers are private.",
    )
    blocks = to_blocks(reply)
    assert [b["type"] for b in blocks] == [
        "header",
        "section",
        "section",
        "section",
        "context",
        "actions",
    ]
    assert blocks[1]["text"] == {"type": "mrkdwn", "text": "Add [1, 2] and *go*."}
    assert blocks[2]["fields"] == [{"type": "mrkdwn", "text": "*Topic*\nVectors"}]
    assert blocks[3]["text"]["text"] == "*Why*\nBias terms."
    assert blocks[4]["elements"][0]["text"] == "Answers are private."
    assert_within_limits(blocks)


def test_tone_is_an_emoji_before_the_title_or_the_body() -> None:
    assert to_blocks(Reply(title="Correct!", tone=Tone.SUCCESS))[0]["text"]["text"] == (
        ":white_check_mark: Correct!"
    )
    assert to_blocks(Reply(body="Nope.", tone=Tone.ERROR))[0]["text"]["text"] == ":x: Nope."
    assert to_blocks(Reply(title="Plain"))[0]["text"]["text"] == "Plain"


def test_a_long_title_is_clipped_to_150() -> None:
    header = to_blocks(Reply(title="t" * 400))[0]
    assert len(header["text"]["text"]) == 150 and header["text"]["text"].endswith("…")


def test_a_long_body_is_split_into_sections_at_paragraphs() -> None:
    paragraphs = [f"Paragraph {i}: " + "word " * 150 for i in range(12)]
    blocks = to_blocks(Reply(body="\n\n".join(paragraphs)))
    assert len(blocks) > 1
    assert_within_limits(blocks)
    assert all(b["text"]["text"].startswith("Paragraph") for b in blocks)
    rejoined = " ".join(b["text"]["text"] for b in blocks)
    assert rejoined.split() == "\n\n".join(paragraphs).split()


def test_splitting_never_cuts_an_escape() -> None:
    text = "x" * 2997 + "&amp;" + "y" * 10
    pieces = split_text(text, 3000)
    assert pieces[0] == "x" * 2997 and pieces[1].startswith("&amp;")


def test_many_inline_fields_share_sections_of_ten() -> None:
    fields = tuple(Field(f"F{i}", "v" * 2500, inline=True) for i in range(23))
    blocks = to_blocks(Reply(fields=fields))
    assert [len(b["fields"]) for b in blocks] == [10, 10, 3]
    assert_within_limits(blocks)


def test_a_wide_field_longer_than_a_section_continues() -> None:
    blocks = to_blocks(Reply(fields=(Field("Solution", "step. " * 1200),)))
    assert len(blocks) == 3 and blocks[0]["text"]["text"].startswith("*Solution*\n")
    assert_within_limits(blocks)


def test_more_than_fifty_blocks_keeps_header_footer_and_buttons() -> None:
    reply = Reply(
        title="Everything",
        fields=tuple(Field(f"Topic {i}", "about it") for i in range(80)),
        buttons=(Button("Hint", command="/hint"),),
        footer="the end",
    )
    blocks = to_blocks(reply)
    assert len(blocks) == 50
    assert blocks[0]["type"] == "header"
    assert blocks[-3]["elements"][0]["text"] == SHORTENED
    assert [b["type"] for b in blocks[-2:]] == ["context", "actions"]
    assert_within_limits(blocks)


def test_buttons_answer_opens_the_modal_others_run_links_link() -> None:
    reply = Reply(
        buttons=(
            ANSWER_BUTTON,
            Button("Solution", command="/problem solution"),
            Button("The book " * 20, url="https://mml-book.github.io/"),
        )
    )
    answer, run, link = to_blocks(reply, origin="studybot-post-7")[0]["elements"]
    assert answer["action_id"].startswith(ACTION_ANSWER) and answer["style"] == "primary"
    assert json.loads(answer["value"]) == {"command": "/answer", "post": "studybot-post-7"}
    assert run["action_id"].startswith(ACTION_RUN)
    assert json.loads(run["value"]) == {"command": "/problem solution", "post": "studybot-post-7"}
    assert (
        link["action_id"].startswith(ACTION_LINK) and link["url"] == "https://mml-book.github.io/"
    )
    assert len(link["text"]["text"]) == 75


def test_no_origin_no_post_in_the_value() -> None:
    (button,) = to_blocks(Reply(buttons=(Button("Hint", command="/hint"),)))[0]["elements"]
    assert json.loads(button["value"]) == {"command": "/hint"}


def test_an_empty_reply_is_still_a_valid_message() -> None:
    assert_within_limits(to_blocks(Reply()))


def test_empty_field_values_are_never_empty_text() -> None:
    blocks = to_blocks(Reply(fields=(Field("Empty", ""), Field("Also", "", inline=True))))
    assert_within_limits(blocks)


def test_fallback_text_is_readable_and_escaped() -> None:
    reply = Reply(
        title="Correct!",
        body=r"You found $\frac{1}{2}$ & more <!here>",
        fields=(Field("Topic", "Vectors"),),
        tone=Tone.SUCCESS,
        private=True,
    )
    text = fallback_text(reply)
    assert text.startswith(":white_check_mark: Correct!\n\nYou found 1/2 &amp; more &lt;!here&gt;")
    assert "Topic" in text and "only you" not in text and "──" not in text


def test_fallback_text_is_clipped() -> None:
    assert len(fallback_text(Reply(body="word " * 2000))) <= 3000


@pytest.mark.parametrize(
    ("command", "text"),
    [
        ("help", ""),
        ("help", "config"),
        ("roadmap", ""),
        ("roadmap", "vectors"),
        ("roadmap", "goal:job weeks:2"),
        ("resource", ""),
        ("config", ""),
        ("streak", ""),
        ("leaderboard", ""),
        ("practice", ""),
    ],
)
async def test_every_real_reply_fits_slack(core: Core, command: str, text: str) -> None:
    reply = await core.handle(make_request(command, text))
    assert_within_limits(to_blocks(reply))
    assert fallback_text(reply)
