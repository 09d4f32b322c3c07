"""Pictures on Slack: uploaded with files_upload_v2 once per post, shown as image blocks."""

from __future__ import annotations

from dataclasses import replace

import pytest

from adapters.slack import SlackAdapter
from adapters.slack.web import PostFailed
from bot.messages import GroupRef, Image, Reply
from tests.adapters.slack.fake_slack import TEAM, FakeSlack, Outcome, error

GROUP = GroupRef("slack", TEAM, "C0STUDY", "study-group")
PNG = b"\x89PNG\r\n\x1a\n" + b"card" * 100
REPLY = Reply(
    title="Daily problem",
    body=r"Find $\frac{d}{dx} x^2$.",
    images=(Image(PNG, alt="Find d/dx x².", name="card.png"),),
)


async def test_a_picture_is_uploaded_and_shown_in_the_post(
    adapter: SlackAdapter, fake: FakeSlack
) -> None:
    await adapter.post(GROUP, REPLY, "studybot-post-1")
    (asked,) = fake.to("files.getUploadURLExternal")
    assert asked.args["filename"] == "card.png"
    (uploaded,) = fake.to(f"upload:{'F00000001'}")
    assert uploaded.args["data"] == PNG
    assert len(fake.to("files.completeUploadExternal")) == 1
    (post,) = fake.to("chat.postMessage")
    [image] = [b for b in post.args["blocks"] if b["type"] == "image"]
    assert image == {
        "type": "image",
        "slack_file": {"id": "F00000001"},
        "alt_text": "Find d/dx x².",
    }


async def test_a_send_retried_after_the_upload_uploads_once(
    adapter: SlackAdapter, fake: FakeSlack
) -> None:
    fake.script("chat.postMessage", Outcome(500, {"ok": False, "error": "internal_error"}))
    with pytest.raises(PostFailed):
        await adapter.post(GROUP, REPLY, "studybot-post-2")
    await adapter.post(GROUP, REPLY, "studybot-post-2")  # the ledger's retry
    assert len(fake.to("files.getUploadURLExternal")) == 1
    assert len(fake.to("upload:F00000001")) == 1
    first, second = fake.to("chat.postMessage")
    for call in (first, second):
        assert {
            "type": "image",
            "slack_file": {"id": "F00000001"},
            "alt_text": "Find d/dx x².",
        } in (call.args["blocks"])


async def test_a_failed_upload_still_posts_text_only(
    adapter: SlackAdapter, fake: FakeSlack
) -> None:
    fake.script("files.getUploadURLExternal", error("not_allowed_token_type"))
    await adapter.post(GROUP, replace(REPLY), "studybot-post-3")
    (post,) = fake.to("chat.postMessage")
    assert not [b for b in post.args["blocks"] if b["type"] == "image"]
    assert "d/dx x²" in post.args["text"]
