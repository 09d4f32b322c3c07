"""Suggestions while typing: fuzzy, at most 25, values the core understands."""

from __future__ import annotations

from adapters.discord import autocomplete
from bot.content import Catalog
from bot.content.names import find


def test_nothing_typed_offers_areas_then_topics(catalog: Catalog) -> None:
    found = autocomplete.topics(catalog, "")
    assert 0 < len(found) <= 25
    assert [name for name, _ in found[: len(catalog.areas)]] == [
        a.name for a in catalog.areas.values()
    ]


def test_prefixes_words_and_typos_all_match(catalog: Catalog) -> None:
    assert autocomplete.topics(catalog, "eig")[0][1] == "Eigenvalues and eigenvectors"
    assert autocomplete.topics(catalog, "eigen valus")[0][1] == "Eigenvalues and eigenvectors"
    assert autocomplete.topics(catalog, "vectr")[0][1] == "Vectors"
    assert autocomplete.topics(catalog, "zzzz") == []


def test_every_suggestion_is_a_name_the_core_finds(catalog: Catalog) -> None:
    for _, value in autocomplete.topics(catalog, ""):
        assert find(catalog, value) is not None, value


def test_a_list_completes_its_last_name(catalog: Catalog) -> None:
    [(name, value), *_] = autocomplete.topics(catalog, "Vectors, eig")
    assert name == "Eigenvalues and eigenvectors"
    assert value == "Vectors, Eigenvalues and eigenvectors"


def test_at_most_25_suggestions_of_at_most_100_characters(catalog: Catalog) -> None:
    zones = autocomplete.timezones("a")
    assert len(zones) == 25
    long = autocomplete.topics(catalog, "x" * 90 + ", vec")
    assert all(len(name) <= 100 and len(value) <= 100 for name, value in long)


def test_timezones_by_city_region_or_typo() -> None:
    assert autocomplete.timezones("berlin") == [("Europe/Berlin", "Europe/Berlin")]
    assert ("America/New_York", "America/New_York") in autocomplete.timezones("new york")
    assert autocomplete.timezones("Europe/Berlinn")[0][1] == "Europe/Berlin"
    assert autocomplete.timezones("")[0] == ("UTC", "UTC")


def test_tracks_are_the_catalogs_and_all(catalog: Catalog) -> None:
    values = [value for _, value in autocomplete.tracks(catalog, "")]
    assert values == [*catalog.roadmaps, "all"]
    assert autocomplete.tracks(catalog, "jo")[0][1] in catalog.roadmaps
