from datetime import date

import pytest

from bot.content import Catalog
from bot.group_settings import GroupSettings
from bot.problems import generate
from bot.problems.index import entry
from bot.problems.pick import Bank, base_id, pick, pool, pool_topics, variant_seed

DAY = date(2026, 11, 21)


def test_pool_follows_topics_track_and_difficulty(catalog: Catalog, bank: Bank) -> None:
    everything = pool_topics(catalog, GroupSettings())
    assert everything == set(catalog.topics)
    job = pool_topics(catalog, GroupSettings(track="job"))
    assert job == {s.topic for s in catalog.roadmaps["job"].steps}
    explicit = pool_topics(catalog, GroupSettings(topics=("derivatives",), track="job"))
    assert explicit == {"derivatives"}
    assert pool(bank, {"derivatives"}, (1, 2)) == ["derivatives-square"]
    assert pool(bank, {"derivatives", "vectors"}, (1, 3)) == [
        "derivatives-cube",
        "derivatives-square",
        "vectors-length",
        "vectors-sum",
    ]


def test_no_repeats_until_the_pool_is_used_up(bank: Bank) -> None:
    candidates = pool(bank, {"derivatives", "vectors"}, (1, 3))
    used: list[str] = []
    for day in range(1, 9):
        used.append(pick(bank, candidates, used, "g", date(2026, 11, day)).item_id)
    assert sorted(used[:4]) == sorted(candidates)  # first round: each once
    assert sorted(used[4:]) == sorted(candidates)  # second round: each once more


def test_the_same_group_and_day_always_get_the_same_problem(bank: Bank) -> None:
    candidates = pool(bank, {"derivatives", "vectors", "matrices"}, (1, 3))
    picks = {pick(bank, candidates, [], "group-a", DAY) for _ in range(5)}
    assert len(picks) == 1
    across = {pick(bank, candidates, [], f"group-{i}", DAY).item_id for i in range(40)}
    assert len(across) > 1  # groups differ


def test_templates_are_drawn_with_a_group_and_day_seed() -> None:
    from bot.problems import TEMPLATES

    template = TEMPLATES[0]
    bank = Bank.of((), (entry(template),))
    one = pick(bank, [template.id], [], "group-a", DAY)
    assert one == pick(bank, [template.id], [], "group-a", DAY)
    assert one.item_id == template.id
    assert pick(bank, [template.id], [], "group-b", DAY).seed != one.seed  # groups differ
    variant = generate(template, one.seed)
    assert variant.id == f"{template.id}#{one.seed}" and base_id(variant.id) == template.id
    assert pick(bank, [template.id], [variant.id], "group-a", DAY) == one  # a pool of one


def test_an_empty_pool_is_an_error(bank: Bank) -> None:
    with pytest.raises(ValueError, match="no problem fits"):
        pick(bank, [], [], "g", DAY)


def test_variant_seed_is_pinned_for_a_group_and_day() -> None:
    assert variant_seed("discord:123:456", date(2026, 3, 14)) == 2630586464


def test_variant_seed_differs_between_groups_and_days() -> None:
    day = date(2026, 3, 14)
    seeds = {variant_seed(f"slack:T1:C{n}", day) for n in range(50)}
    assert len(seeds) == 50
    assert variant_seed("slack:T1:C1", day) != variant_seed("slack:T1:C1", date(2026, 3, 15))
