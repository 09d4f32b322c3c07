"""A reply's pictures as Slack files (files_upload_v2), uploaded once per post."""

from __future__ import annotations

import logging
from collections import OrderedDict

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.web import error_code
from bot.messages import Reply

log = logging.getLogger(__name__)

Uploaded = tuple[tuple[str, str], ...]  # (file id, alt text) per picture


REMEMBER = 20_000  # uploads remembered for retries: well over a day's posts of a busy bot


class Uploads:
    """Uploads pictures, remembering per post key what was uploaded: a retry uploads nothing."""

    def __init__(self) -> None:
        self._done: OrderedDict[tuple[str, str], str] = OrderedDict()

    async def files(self, client: AsyncWebClient, reply: Reply, key: str = "") -> Uploaded:
        """The file ids of the reply's pictures, uploaded with `client` (the workspace's own);
        one that fails to upload is left out, logged."""
        uploaded = []
        for image in reply.images:
            record = (key, image.name)
            file_id = self._done.get(record) if key else None
            if file_id is None:
                file_id = await self._upload(client, image.data, image.name, image.alt)
                if file_id is None:
                    continue
                if key:
                    self._remember(record, file_id)
            uploaded.append((file_id, image.alt))
        return tuple(uploaded)

    def _remember(self, record: tuple[str, str], file_id: str) -> None:
        self._done[record] = file_id
        while len(self._done) > REMEMBER:
            self._done.popitem(last=False)

    async def _upload(self, client: AsyncWebClient, data: bytes, name: str, alt: str) -> str | None:
        try:
            done = await client.files_upload_v2(
                content=data, filename=name, title=name, alt_txt=alt[:1000]
            )
            return str(done["file"]["id"])
        except Exception as error:
            log.warning(
                "could not upload %s (%s): the message goes text-only", name, error_code(error)
            )
            return None
