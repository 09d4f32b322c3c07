"""Read content/ into a Catalog, reporting every fault with its file and field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from bot.content.errors import ContentError, ContentInvalid
from bot.content.fields import Fields, read_yaml
from bot.content.model import (
    BACKGROUNDS,
    COSTS,
    FORMATS,
    GOALS,
    LEVELS,
    PRIORITIES,
    Advice,
    Area,
    Catalog,
    Resource,
    Roadmap,
    Step,
    Topic,
)
from bot.content.validate import cross_check

T = TypeVar("T")


def load_catalog(root: Path) -> Catalog:
    """Load and validate the content folder; raise ContentInvalid listing every fault."""
    catalog, errors = read_catalog(root)
    if errors:
        raise ContentInvalid(errors)
    return catalog


def read_catalog(root: Path) -> tuple[Catalog, list[ContentError]]:
    """Load the content folder, returning what could be read and every fault found."""
    errors: list[ContentError] = []
    if not root.is_dir():
        errors.append(ContentError(str(root), "", "content folder not found"))
        return Catalog({}, {}, {}, {}), errors
    read_areas = [
        (order, area, topics, _rel(root, file))
        for file in sorted((root / "topics").glob("*.yaml"))
        for order, area, topics in _read_area(root, file, errors)
    ]
    read_areas.sort(key=lambda entry: entry[0])
    areas: dict[str, Area] = {}
    topics: dict[str, Topic] = {}
    orders: dict[int, str] = {}
    for order, area, area_topics, file in read_areas:
        if orders.setdefault(order, area.id) != area.id:
            errors.append(
                ContentError(
                    file, "area.order", f"order {order} is already taken by area {orders[order]!r}"
                )
            )
        _put(areas, area.id, area, file, errors, "area")
        for topic in area_topics:
            _put(topics, topic.id, topic, file, errors, "topic")
    resources = {}
    for resource in _read_list(root, root / "resources.yaml", "resources", _resource, errors):
        _put(resources, resource.id, resource, "resources.yaml", errors, "resource")
    roadmaps = {}
    for file in sorted((root / "roadmaps").glob("*.yaml")):
        roadmap = _read_one(root, file, _roadmap, errors)
        if roadmap and roadmap.id and roadmap.id != file.stem:
            errors.append(
                ContentError(_rel(root, file), "id", f"must match the file name {file.stem!r}")
            )
        elif roadmap:
            _put(roadmaps, roadmap.id, roadmap, _rel(root, file), errors, "roadmap")
    advice = tuple(_read_list(root, root / "advice.yaml", "advice", _advice, errors))
    catalog = Catalog(areas, topics, resources, roadmaps, advice)
    errors.extend(cross_check(catalog))
    return catalog, errors


def _rel(root: Path, file: Path) -> str:
    return file.relative_to(root).as_posix()


def _put(
    table: dict, key: str, value: object, file: str, errors: list[ContentError], what: str
) -> None:
    if not key:
        return
    if key in table:
        errors.append(ContentError(file, "id", f"duplicate {what} id {key!r}"))
        return
    table[key] = value


def _parse_yaml(root: Path, file: Path, errors: list[ContentError]) -> Fields | None:
    return read_yaml(file, _rel(root, file), errors)


def _read_list(
    root: Path, file: Path, key: str, build: Callable[[Fields], T], errors: list[ContentError]
) -> list[T]:
    doc = _parse_yaml(root, file, errors)
    if doc is None:
        return []
    built = [build(item) for item in doc.items(key)]
    doc.finish()
    return built


def _read_one(
    root: Path, file: Path, build: Callable[[Fields], T], errors: list[ContentError]
) -> T | None:
    doc = _parse_yaml(root, file, errors)
    return build(doc) if doc is not None else None


def _read_area(
    root: Path, file: Path, errors: list[ContentError]
) -> list[tuple[int, Area, list[Topic]]]:
    doc = _parse_yaml(root, file, errors)
    if doc is None:
        return []
    head = doc.child("area")
    area_id = head.ident() if head else ""
    if head and area_id and area_id != file.stem:
        head.error("id", f"must match the file name {file.stem!r}")
    order = int(head.number("order", low=1, high=99, integer=True) or 99) if head else 99
    topics = [_topic(item, area_id) for item in doc.items("topics")]
    doc.finish()
    if head is None:
        return []
    area = Area(
        id=area_id,
        name=head.text("name"),
        summary=head.text("summary"),
        topic_ids=tuple(t.id for t in topics if t.id),
        aliases=head.text_list("aliases", required=False),
    )
    head.finish()
    return [(order, area, topics)]


def _topic(f: Fields, area: str) -> Topic:
    topic = Topic(
        id=f.ident(),
        name=f.text("name"),
        area=area,
        summary=f.text("summary"),
        why_ml=f.text("why_ml"),
        prerequisites=f.text_list("prerequisites", required=False, ids=True),
        hours=f.number("hours", low=0.5, high=200) or 0.0,
        level=int(f.number("level", low=1, high=3, integer=True) or 1),
        aliases=f.text_list("aliases", required=False),
    )
    f.finish()
    return topic


def _resource(f: Fields) -> Resource:
    resource = Resource(
        id=f.ident(),
        title=f.text("title"),
        authors=f.text_list("authors"),
        publisher=f.text("publisher", required=False),
        format=f.choice("format", FORMATS),  # type: ignore[arg-type]
        cost=f.choice("cost", COSTS),  # type: ignore[arg-type]
        price_usd=f.number("price_usd", low=0, high=10_000, required=False),
        cost_note=f.text("cost_note", required=False),
        level=f.choice("level", LEVELS),  # type: ignore[arg-type]
        topics=f.text_list("topics", ids=True),
        url=f.text("url", required=False),
        dated=f.text("dated", required=False),
        why=f.text("why"),
        audience=f.text("audience"),
        rating=int(f.number("rating", low=1, high=5, integer=True) or 1),
    )
    if resource.url and not resource.url.startswith("https://"):
        f.error("url", "must be a public https:// link")
    if resource.cost == "free" and resource.price_usd:
        f.error("price_usd", "a free resource cannot have a price")
    f.finish()
    return resource


def _roadmap(f: Fields) -> Roadmap:
    steps = []
    for s in f.items("steps"):
        steps.append(
            Step(
                topic=s.ident("topic"),
                priority=s.choice("priority", PRIORITIES),  # type: ignore[arg-type]
                focus=s.text("focus"),
                resources=s.text_list("resources", required=False, ids=True),
            )
        )
        s.finish()
    roadmap = Roadmap(
        id=f.ident(),
        name=f.text("name"),
        goal=f.choice("goal", GOALS),  # type: ignore[arg-type]
        audience=f.text("audience"),
        summary=f.text("summary"),
        default_weeks=int(f.number("default_weeks", low=1, high=104, integer=True) or 1),
        hours_per_week=f.number("hours_per_week", low=1, high=60) or 1.0,
        steps=tuple(steps),
        default_background=f.choice("default_background", BACKGROUNDS),
    )
    f.finish()
    return roadmap


def _advice(f: Fields) -> Advice:
    advice = Advice(id=f.ident(), text=f.text("text"), goals=f.text_list("goals"))
    for goal in advice.goals:
        if goal not in GOALS:
            f.error("goals", f"{goal!r} is not one of: {', '.join(GOALS)}")
    f.finish()
    return advice
