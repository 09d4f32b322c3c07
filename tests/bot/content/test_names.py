import pytest

from bot.content import Catalog
from bot.content.names import find, normalize, suggest


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("eigenvalues", "eigenvalues"),
        ("Eigenvalues and Eigenvectors", "eigenvalues"),
        ("eigen values", "eigenvalues"),
        ("EIGEN", "eigenvalues"),
        ("vector", "vectors"),
        ("matrix", None),
        ("matrice", "matrices"),
        ("algebra", "algebra"),
        ("  Calculus!! ", "calculus"),
        ("gradient", "gradients"),
        ("", None),
        ("quantum chromodynamics", None),
    ],
)
def test_find(catalog: Catalog, typed: str, found: str | None) -> None:
    assert find(catalog, typed) == found


def test_suggest_forgives_typos(catalog: Catalog) -> None:
    assert suggest(catalog, "eignvalues") == ["eigenvalues"]
    assert suggest(catalog, "gradiants")[0] == "gradients"
    assert suggest(catalog, "xyzzy") == []
    assert suggest(catalog, "ve") == []  # too short to guess from


def test_normalize_folds_case_accents_and_punctuation() -> None:
    assert normalize("Bayes' Théorème—101") == "bayes theoreme 101"
