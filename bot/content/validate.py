"""Cross-reference checks over a loaded catalog: unknown ids, cycles, order, collisions."""

from __future__ import annotations

from bot.content.errors import ContentError
from bot.content.model import Catalog, Roadmap
from bot.content.names import compact

_RANK = {"core": 0, "recommended": 1, "optional": 2}


def cross_check(catalog: Catalog) -> list[ContentError]:
    """Every fault that needs more than one file to see."""
    return [
        *_check_prerequisites(catalog),
        *_check_cycles(catalog),
        *_check_names(catalog),
        *_check_resources(catalog),
        *(e for r in catalog.roadmaps.values() for e in _check_roadmap(catalog, r)),
    ]


def _topic_file(catalog: Catalog, topic_id: str) -> str:
    return f"topics/{catalog.topics[topic_id].area}.yaml"


def _check_prerequisites(catalog: Catalog) -> list[ContentError]:
    errors = []
    for topic in catalog.topics.values():
        where = f"topics[{topic.id}].prerequisites"
        for prereq in topic.prerequisites:
            if prereq == topic.id:
                errors.append(
                    ContentError(
                        _topic_file(catalog, topic.id), where, "a topic cannot require itself"
                    )
                )
            elif prereq not in catalog.topics:
                errors.append(
                    ContentError(_topic_file(catalog, topic.id), where, f"unknown topic {prereq!r}")
                )
    return errors


def _check_cycles(catalog: Catalog) -> list[ContentError]:
    """Report each prerequisite cycle once, naming its topics in order."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    cycles: list[list[str]] = []

    def visit(topic_id: str, path: list[str]) -> None:
        state[topic_id] = 1
        for prereq in catalog.topics[topic_id].prerequisites:
            if prereq not in catalog.topics or prereq == topic_id:
                continue
            if state.get(prereq) == 1:
                cycles.append([*path[path.index(prereq) :], prereq])
            elif prereq not in state:
                visit(prereq, [*path, prereq])
        state[topic_id] = 2

    for topic_id in catalog.topics:
        if topic_id not in state:
            visit(topic_id, [topic_id])
    return [
        ContentError(
            _topic_file(catalog, cycle[0]),
            f"topics[{cycle[0]}].prerequisites",
            "prerequisite cycle: " + " -> ".join(cycle),
        )
        for cycle in cycles
    ]


def _check_names(catalog: Catalog) -> list[ContentError]:
    """Ids, names and aliases must each lead to exactly one topic or area, however typed."""
    owners: dict[str, str] = {}
    errors = []
    named = [
        (f"topics/{a.id}.yaml", "area.aliases", a.id, (a.id, a.name, *a.aliases))
        for a in catalog.areas.values()
    ] + [
        (_topic_file(catalog, t.id), f"topics[{t.id}].aliases", t.id, (t.id, t.name, *t.aliases))
        for t in catalog.topics.values()
    ]
    for file, where, owner_id, words in named:
        if owner_id in catalog.areas and owner_id in catalog.topics:
            errors.append(ContentError(file, where, f"{owner_id!r} is both an area and a topic"))
        for word in words:
            owner = owners.setdefault(compact(word), owner_id)
            if owner != owner_id:
                errors.append(ContentError(file, where, f"{word!r} already names {owner!r}"))
    return errors


def _check_resources(catalog: Catalog) -> list[ContentError]:
    known = catalog.topics.keys() | catalog.areas.keys()
    return [
        ContentError("resources.yaml", f"resources[{r.id}].topics", f"unknown topic or area {t!r}")
        for r in catalog.resources.values()
        for t in r.topics
        if t not in known
    ]


def _check_roadmap(catalog: Catalog, roadmap: Roadmap) -> list[ContentError]:
    file = f"roadmaps/{roadmap.id}.yaml"
    errors = []
    position: dict[str, int] = {}
    for i, step in enumerate(roadmap.steps):
        where = f"steps[{i}]"
        if step.topic not in catalog.topics:
            errors.append(ContentError(file, f"{where}.topic", f"unknown topic {step.topic!r}"))
            continue
        if step.topic in position:
            errors.append(ContentError(file, f"{where}.topic", f"{step.topic!r} appears twice"))
        position.setdefault(step.topic, i)
        errors.extend(
            ContentError(file, f"{where}.resources", f"unknown resource {r!r}")
            for r in step.resources
            if r not in catalog.resources
        )
    for i, step in enumerate(roadmap.steps):
        topic = catalog.topics.get(step.topic)
        for prereq in topic.prerequisites if topic else ():
            if prereq not in position:
                continue
            before = roadmap.steps[position[prereq]]
            if position[prereq] > i:
                errors.append(
                    ContentError(
                        file,
                        f"steps[{i}].topic",
                        f"{step.topic!r} comes before its prerequisite {prereq!r}",
                    )
                )
            elif _RANK.get(before.priority, 0) > _RANK.get(step.priority, 0):
                errors.append(
                    ContentError(
                        file,
                        f"steps[{position[prereq]}].priority",
                        f"{prereq!r} is {before.priority} but {step.topic!r} ({step.priority}) "
                        "needs it; a plan could drop it first",
                    )
                )
    return errors
