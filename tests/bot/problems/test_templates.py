"""The registered templates: coverage of the topic graph, and 50 verified variants each."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.content import read_catalog
from bot.problems.model import Template
from bot.problems.templates import TEMPLATES
from bot.problems.verify import template_findings

ROOT = Path(__file__).resolve().parents[3]
CATALOG, _ = read_catalog(ROOT / "content")
TOPIC_IDS = set(CATALOG.topics)


def test_there_are_at_least_forty_templates_with_unique_ids() -> None:
    ids = [t.id for t in TEMPLATES]
    assert len(ids) >= 40
    assert len(set(ids)) == len(ids)


def test_every_area_of_the_topic_graph_has_templates() -> None:
    areas = Counter(CATALOG.topics[t.topics[0]].area for t in TEMPLATES)
    assert set(areas) == set(CATALOG.areas)
    assert min(areas.values()) >= 5


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_fifty_variants_verify_through_the_checker(template: Template) -> None:
    assert template_findings(template, TOPIC_IDS, 50) == []
