"""Loader tests: the fixture folder loads; each kind of fault is reported with file and field."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from bot.content import ContentInvalid, load_catalog, read_catalog
from tests.conftest import FIXTURE_CONTENT


def test_fixture_content_loads_in_order() -> None:
    catalog = load_catalog(FIXTURE_CONTENT)
    assert list(catalog.areas) == ["algebra", "calculus"]
    assert list(catalog.topics) == [
        "vectors",
        "matrices",
        "eigenvalues",
        "derivatives",
        "gradients",
    ]
    assert catalog.topics["gradients"].prerequisites == ("derivatives", "vectors")
    assert catalog.resources["big-textbook"].price_usd == 60
    assert catalog.roadmap_for("job") is catalog.roadmaps["job"]
    assert catalog.roadmap_for("research") is None
    assert [a.id for a in catalog.advice] == ["pictures-first", "build-early"]


def _broken(tmp_path: Path, file: str, change: Callable[[dict], None]) -> list[str]:
    """Copy the fixture folder, apply `change` to one YAML file, return the errors as text."""
    root = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, root)
    path = root / file
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    _, errors = read_catalog(root)
    return [str(e) for e in errors]


def _topic(data: dict, topic_id: str) -> dict:
    return next(t for t in data["topics"] if t["id"] == topic_id)


def _set(*keys_and_value: object) -> Callable[[dict], None]:
    *keys, value = keys_and_value

    def change(data: dict) -> None:
        target = data
        for key in keys[:-1]:
            target = target[key]  # type: ignore[index]
        target[keys[-1]] = value  # type: ignore[index]

    return change


CASES = [
    (
        "topics/algebra.yaml",
        lambda d: _topic(d, "vectors").pop("summary"),
        "topics/algebra.yaml: topics[0].summary: is required",
    ),
    (
        "topics/algebra.yaml",
        lambda d: _topic(d, "vectors").update(hours="four"),
        "topics/algebra.yaml: topics[0].hours: expected a number, got text",
    ),
    (
        "topics/algebra.yaml",
        lambda d: _topic(d, "vectors").update(level=7),
        "topics/algebra.yaml: topics[0].level: 7 is out of range 1..3",
    ),
    (
        "topics/algebra.yaml",
        lambda d: _topic(d, "vectors").update(colour="red"),
        "topics/algebra.yaml: topics[0].colour: unknown field",
    ),
    (
        "topics/algebra.yaml",
        lambda d: _topic(d, "vectors").update(id="Vectors!"),
        "topics/algebra.yaml: topics[0].id: 'Vectors!' is not a valid id",
    ),
    (
        "topics/algebra.yaml",
        lambda d: _topic(d, "matrices").update(id="vectors"),
        "topics/algebra.yaml: id: duplicate topic id 'vectors'",
    ),
    (
        "topics/algebra.yaml",
        lambda d: _topic(d, "matrices").update(prerequisites=["tensors"]),
        "topics/algebra.yaml: topics[matrices].prerequisites: unknown topic 'tensors'",
    ),
    (
        "topics/algebra.yaml",
        lambda d: _topic(d, "vectors").update(prerequisites=["eigenvalues"]),
        "prerequisite cycle: vectors -> eigenvalues -> matrices -> vectors",
    ),
    (
        "topics/algebra.yaml",
        lambda d: _topic(d, "vectors").update(prerequisites=["vectors"]),
        "a topic cannot require itself",
    ),
    (
        "topics/algebra.yaml",
        lambda d: _topic(d, "eigenvalues").update(aliases=["vector"]),
        "topics/algebra.yaml: topics[eigenvalues].aliases: 'vector' already names 'vectors'",
    ),
    (
        "topics/algebra.yaml",
        _set("area", "id", "geometry"),
        "topics/algebra.yaml: area.id: must match the file name 'algebra'",
    ),
    (
        "topics/algebra.yaml",
        _set("area", "order", 2),
        "topics/calculus.yaml: area.order: order 2 is already taken by area 'algebra'",
    ),
    (
        "topics/algebra.yaml",
        _set("topics", []),
        "topics/algebra.yaml: topics: expected a non-empty list, got a list",
    ),
    (
        "resources.yaml",
        lambda d: d["resources"][0].update(format="podcast"),
        "resources.yaml: resources[0].format: 'podcast' is not one of: book, course, video",
    ),
    (
        "resources.yaml",
        lambda d: d["resources"][0].update(topics=["quantum"]),
        "resources.yaml: resources[picture-book].topics: unknown topic or area 'quantum'",
    ),
    (
        "resources.yaml",
        lambda d: d["resources"][0].update(url="http://insecure.example"),
        "resources.yaml: resources[0].url: must be a public https:// link",
    ),
    (
        "resources.yaml",
        lambda d: d["resources"][0].update(price_usd=10),
        "resources.yaml: resources[0].price_usd: a free resource cannot have a price",
    ),
    (
        "resources.yaml",
        lambda d: d["resources"][1].update(id="picture-book"),
        "resources.yaml: id: duplicate resource id 'picture-book'",
    ),
    (
        "resources.yaml",
        lambda d: d["resources"][0].update(rating=True),
        "resources.yaml: resources[0].rating: expected a whole number, got true/false",
    ),
    (
        "roadmaps/job.yaml",
        lambda d: d["steps"][0].update(topic="astrology"),
        "roadmaps/job.yaml: steps[0].topic: unknown topic 'astrology'",
    ),
    (
        "roadmaps/job.yaml",
        lambda d: d["steps"][0].update(resources=["nope"]),
        "roadmaps/job.yaml: steps[0].resources: unknown resource 'nope'",
    ),
    (
        "roadmaps/job.yaml",
        lambda d: d["steps"].reverse(),
        "roadmaps/job.yaml: steps[0].topic: 'eigenvalues' comes before its prerequisite 'matrices'",
    ),
    (
        "roadmaps/job.yaml",
        lambda d: d["steps"][1].update(topic="vectors"),
        "roadmaps/job.yaml: steps[1].topic: 'vectors' appears twice",
    ),
    (
        "roadmaps/job.yaml",
        lambda d: d["steps"][0].update(priority="urgent"),
        "roadmaps/job.yaml: steps[0].priority: 'urgent' is not one of: core, recommended, optional",
    ),
    (
        "roadmaps/job.yaml",
        _set("goal", "fame"),
        "roadmaps/job.yaml: goal: 'fame' is not one of: job, foundations, research",
    ),
    (
        "roadmaps/job.yaml",
        _set("id", "fast"),
        "roadmaps/job.yaml: id: must match the file name 'job'",
    ),
    (
        "roadmaps/job.yaml",
        lambda d: d["steps"][1].update(priority="optional"),
        "roadmaps/job.yaml: steps[1].priority: 'derivatives' is optional but 'gradients' "
        "(recommended) needs it",
    ),
    (
        "advice.yaml",
        lambda d: d["advice"][0].update(goals=["fame"]),
        "advice.yaml: advice[0].goals: 'fame' is not one of: job, foundations, research",
    ),
]


@pytest.mark.parametrize(("file", "change", "expected"), CASES)
def test_each_fault_is_reported_with_file_and_field(
    tmp_path: Path, file: str, change: Callable[[dict], None], expected: str
) -> None:
    errors = _broken(tmp_path, file, change)
    assert any(expected in e for e in errors), errors


def test_invalid_yaml_and_missing_files_are_reported(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, root)
    (root / "topics" / "algebra.yaml").write_text("area: [unclosed\n")
    (root / "advice.yaml").unlink()
    _, errors = read_catalog(root)
    text = [str(e) for e in errors]
    assert any(t.startswith("topics/algebra.yaml: : not valid YAML") for t in text), text
    assert "advice.yaml: : file not found" in text
    # Topics that the broken file would have defined are now unknown elsewhere, and say so.
    assert any("unknown topic 'vectors'" in t for t in text)


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, root)
    (root / "resources.yaml").write_text("- just\n- a list\n")
    _, errors = read_catalog(root)
    assert "resources.yaml: : expected a mapping, got a list" in [str(e) for e in errors]


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ContentInvalid, match="content folder not found"):
        load_catalog(tmp_path / "nowhere")


def test_load_catalog_raises_with_every_error(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, root)
    (root / "advice.yaml").unlink()
    (root / "resources.yaml").unlink()
    with pytest.raises(ContentInvalid) as caught:
        load_catalog(root)
    assert {e.file for e in caught.value.errors} >= {"advice.yaml", "resources.yaml"}
