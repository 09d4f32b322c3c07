"""A reply's pictures as Slack files (files_upload_v2), uploaded once per post."""

from __future__ import annotations

import logging

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.web import error_code
from bot.messages import Reply

log = logging.getLogger(__name__)

Uploaded = tuple[tuple[str, str], ...]  # (file id, alt text) per picture


class Uploads:
    """Uploads pictures, remembering per post key what was uploaded: a retry uploads nothing."""

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client
        self._done: dict[tuple[str, str], str] = {}

    async def files(self, reply: Reply, key: str = "") -> Uploaded:
        """The file ids of the reply's pictures; one that fails to upload is left out, logged."""
        uploaded = []
        for image in reply.images:
            record = (key, image.name)
            file_id = self._done.get(record) if key else None
            if file_id is None:
                file_id = await self._upload(image.data, image.name, image.alt)
                if file_id is None:
                    continue
                if key:
                    self._done[record] = file_id
            uploaded.append((file_id, image.alt))
        return tuple(uploaded)

    async def _upload(self, data: bytes, name: str, alt: str) -> str | None:
        try:
            done = await self.client.files_upload_v2(
                content=data, filename=name, title=name, alt_txt=alt[:1000]
            )
            return str(done["file"]["id"])
        except Exception as error:
            log.warning(
                "could not upload %s (%s): the message goes text-only", name, error_code(error)
            )
            return None
