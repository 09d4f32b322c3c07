"""Curated content: the topic graph, resources, study tracks and advice."""

from bot.content.errors import ContentError, ContentInvalid
from bot.content.load import load_catalog, read_catalog
from bot.content.model import Advice, Area, Catalog, Resource, Roadmap, Step, Topic
from bot.content.paths import content_dir

__all__ = [
    "Advice",
    "Area",
    "Catalog",
    "ContentError",
    "ContentInvalid",
    "Resource",
    "Roadmap",
    "Step",
    "Topic",
    "content_dir",
    "load_catalog",
    "read_catalog",
]
