"""Walks over the topic graph: a study order and what a topic unlocks."""

from __future__ import annotations

import heapq

from bot.content.model import Catalog


def study_order(catalog: Catalog) -> list[str]:
    """Every topic, prerequisites first, otherwise in the order the content files give."""
    position = {t: i for i, t in enumerate(catalog.topics)}
    waiting = {
        t.id: {p for p in t.prerequisites if p in catalog.topics} for t in catalog.topics.values()
    }
    ready = [(position[t], t) for t, needs in waiting.items() if not needs]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, topic_id = heapq.heappop(ready)
        order.append(topic_id)
        for other, needs in waiting.items():
            if topic_id in needs:
                needs.discard(topic_id)
                if not needs:
                    heapq.heappush(ready, (position[other], other))
    return order


def unlocks(catalog: Catalog, topic_id: str) -> list[str]:
    """Topics that list `topic_id` as a direct prerequisite."""
    return [t.id for t in catalog.topics.values() if topic_id in t.prerequisites]
