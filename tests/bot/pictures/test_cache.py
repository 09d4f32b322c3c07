"""The picture cache: keyed by renderer version, kind, theme and data; bounded by bytes."""

from __future__ import annotations

from bot.pictures import cache
from bot.pictures.cache import PictureCache, picture_key


def test_the_key_changes_with_each_part(monkeypatch: object) -> None:
    base = picture_key("card", "light", {"text": "$x$"})
    assert base == picture_key("card", "light", {"text": "$x$"})
    assert base != picture_key("card", "dark", {"text": "$x$"})
    assert base != picture_key("card", "light", {"text": "$y$"})
    assert base != picture_key("calendar", "light", {"text": "$x$"})
    monkeypatch.setattr(cache, "VERSION", cache.VERSION + 1)  # type: ignore[attr-defined]
    assert base != picture_key("card", "light", {"text": "$x$"})


def test_the_least_recently_used_pictures_go_first() -> None:
    kept = PictureCache(limit=10)
    kept.put("a", b"12345")
    kept.put("b", b"12345")
    assert kept.get("a") == b"12345"  # a is now the most recent
    kept.put("c", b"12345")
    assert kept.get("b") is None and kept.get("a") == b"12345" and kept.get("c") == b"12345"
    assert kept.size == 10
