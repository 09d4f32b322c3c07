"""The template index: the bot process's view of the templates, in sync with the templates."""

from dataclasses import replace
from importlib import resources

from bot.problems.index import INDEX_NAME, entry, index_text, load_index
from bot.problems.templates import TEMPLATES


def test_the_packaged_index_matches_the_templates() -> None:
    packaged = resources.files("bot.problems").joinpath(INDEX_NAME).read_text(encoding="utf-8")
    assert packaged == index_text(TEMPLATES), "run `python -m bot.problems.index` to rewrite it"


def test_entries_carry_what_choosing_needs() -> None:
    assert load_index() == tuple(entry(t) for t in TEMPLATES)


def test_a_changed_template_shows_in_the_index() -> None:
    harder = (replace(TEMPLATES[0], difficulty=3), *TEMPLATES[1:])
    assert index_text(harder) != index_text(TEMPLATES)
