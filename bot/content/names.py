"""Match what a learner types to topic and area names, forgiving spacing, plurals and typos."""

from __future__ import annotations

import difflib
import re
import unicodedata

from bot.content.model import Catalog

_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalize(text: str) -> str:
    """Fold case, accents and punctuation: 'Eigen-Values ' -> 'eigen values'."""
    spaced = "".join(" " if unicodedata.category(c)[0] in "PSZ" else c for c in text)
    folded = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode().lower()
    return _NON_WORD.sub(" ", folded).strip()


def compact(text: str) -> str:
    """The form names are matched in: folded, with no spaces ('eigenvalues')."""
    return normalize(text).replace(" ", "")


def name_index(catalog: Catalog) -> dict[str, str]:
    """Every id, name and alias, compacted ('eigenvalues'), mapped to its topic or area id."""
    index: dict[str, str] = {}
    for area in catalog.areas.values():
        for word in (area.id, area.name, *area.aliases):
            index.setdefault(compact(word), area.id)
    for topic in catalog.topics.values():
        for word in (topic.id, topic.name, *topic.aliases):
            index.setdefault(compact(word), topic.id)
    return index


def find(catalog: Catalog, text: str) -> str | None:
    """The topic or area id that `text` names, or None."""
    key = compact(text)
    index = name_index(catalog)
    for candidate in (key, key.removesuffix("s"), key + "s"):
        if candidate in index:
            return index[candidate]
    return None


def suggest(catalog: Catalog, text: str, limit: int = 3) -> list[str]:
    """Up to `limit` topic or area ids whose names are closest to `text`."""
    key = compact(text)
    if len(key) < 3:
        return []
    index = name_index(catalog)
    close = difflib.get_close_matches(key, index.keys(), n=limit * 3, cutoff=0.75)
    inside = [k for k in index if key in k]
    ids: list[str] = []
    for k in [*close, *inside]:
        if index[k] not in ids:
            ids.append(index[k])
    return ids[:limit]
