"""Where the content folder lives: an override, an installed wheel's copy, or the checkout's."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def content_dir(override: str | Path | None = None) -> Path:
    """`override`, else $STUDYBOT_CONTENT_DIR, else the wheel's bot/_content, else ./content."""
    chosen = override or os.environ.get("STUDYBOT_CONTENT_DIR")
    if chosen:
        return Path(chosen)
    installed = _PACKAGE / "_content"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "content"
