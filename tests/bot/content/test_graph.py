from bot.content import Catalog
from bot.content.graph import study_order, unlocks


def test_study_order_puts_prerequisites_first_and_keeps_file_order(catalog: Catalog) -> None:
    order = study_order(catalog)
    assert sorted(order) == sorted(catalog.topics)
    for topic in catalog.topics.values():
        for prereq in topic.prerequisites:
            assert order.index(prereq) < order.index(topic.id)
    assert order == ["vectors", "matrices", "eigenvalues", "derivatives", "gradients"]


def test_unlocks(catalog: Catalog) -> None:
    assert unlocks(catalog, "vectors") == ["matrices", "gradients"]
    assert unlocks(catalog, "eigenvalues") == []
