"""Finished pictures by a hash of (renderer version, kind, theme, data): made once, sent often."""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from typing import Any

from bot.pictures import VERSION


def picture_key(kind: str, theme: str, payload: dict[str, Any]) -> str:
    """The cache key of one picture."""
    text = json.dumps([VERSION, kind, theme, payload], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class PictureCache:
    """The most recently used pictures, up to `limit` bytes in all."""

    def __init__(self, limit: int = 64 * 1024 * 1024) -> None:
        self.limit = limit
        self.size = 0
        self._pictures: OrderedDict[str, bytes] = OrderedDict()

    def get(self, key: str) -> bytes | None:
        """The picture, marked as recently used; None when it is not here."""
        data = self._pictures.get(key)
        if data is not None:
            self._pictures.move_to_end(key)
        return data

    def put(self, key: str, data: bytes) -> None:
        """Keep the picture, dropping the least recently used ones past the limit."""
        if key in self._pictures:
            return
        self._pictures[key] = data
        self.size += len(data)
        while self.size > self.limit and len(self._pictures) > 1:
            _, dropped = self._pictures.popitem(last=False)
            self.size -= len(dropped)
