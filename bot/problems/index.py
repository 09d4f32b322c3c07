"""The templates as the bot process sees them: id, topics, difficulty and kind, from a JSON index.

The templates compute with sympy, which only the worker processes load; the bot picks
among them by these fields alone. `python -m bot.problems.index` rewrites the index
from the templates, and a test fails while it is out of date.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from bot.problems.model import Template

INDEX_NAME = "template_index.json"


@dataclass(frozen=True)
class TemplateEntry:
    """A template's index entry: what choosing and listing need, without `make`."""

    id: str
    topics: tuple[str, ...]
    difficulty: int
    kind: str


def entry(template: Template) -> TemplateEntry:
    """The index entry of a template."""
    return TemplateEntry(template.id, template.topics, template.difficulty, template.kind)


def index_text(templates: Iterable[Template]) -> str:
    """The index file's text for these templates, in their registered order."""
    rows = [
        {"id": t.id, "topics": list(t.topics), "difficulty": t.difficulty, "kind": t.kind}
        for t in templates
    ]
    lines = ",\n".join(f" {json.dumps(row, ensure_ascii=False)}" for row in rows)
    return f"[\n{lines}\n]\n"  # one template a line: diffs stay readable


def load_index() -> tuple[TemplateEntry, ...]:
    """The entries of the packaged index."""
    text = resources.files("bot.problems").joinpath(INDEX_NAME).read_text(encoding="utf-8")
    return tuple(
        TemplateEntry(row["id"], tuple(row["topics"]), row["difficulty"], row["kind"])
        for row in json.loads(text)
    )


def main() -> None:
    """Rewrite the packaged index from the registered templates."""
    from bot.problems.templates import TEMPLATES

    path = Path(__file__).with_name(INDEX_NAME)
    path.write_text(index_text(TEMPLATES), encoding="utf-8")
    print(f"wrote {len(TEMPLATES)} templates to {path}")


if __name__ == "__main__":
    main()
